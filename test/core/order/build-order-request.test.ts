import { fc } from '@fast-check/vitest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AvailabilityRow } from '../../../packages/core/src/availability/availability-row.ts';
import { OrderValidationError, type OrderIssue } from '../../../packages/core/src/errors/order-validation-error.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { buildOrderRequest, type OrderInput } from '../../../packages/core/src/order/build-order-request.ts';
import type { OrderDraft, OrderRequest } from '../../../packages/core/src/order/order-request.ts';

const PASSWORD = 'Sm4rtlead-pa55word!';

function validInput(): OrderInput {
  return {
    user: 'client@example.com',
    bundle_id: 'bun_01HZX0BU1A2B3C4D5E6F7G8H',
    sequencer: { provider: 'smartlead', client_id: 366903, login_email: 'ops@client.example', login_password: PASSWORD },
    forwarding_url: 'https://acme.com',
    domains: ['acme-mail.com', { domain: 'shop-acme.com', forwarding_url: 'https://shop.acme.com' }],
    personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }],
  };
}

/** Runs `fn`, requires an OrderValidationError, returns its issues. */
function issuesOf(fn: () => unknown): readonly OrderIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OrderValidationError);
    expect(PeekerError.is(error)).toBe(true);
    expect((error as OrderValidationError).code).toBe('invalid_order');
    return (error as OrderValidationError).issues;
  }
  throw new Error('expected buildOrderRequest to throw');
}

const pathsAndCodes = (issues: readonly OrderIssue[]): string[] => issues.map((i) => `${i.path} ${i.code}`);

/** A row as Peeker returns it for an available name. */
function row(domain: string, usable: AvailabilityRow['usable_for'] = ['google', 'microsoft']): AvailabilityRow {
  return { domain, available: true, premium: false, price_cents: 1300, renewal_price_cents: 1500, currency: 'usd', usable_for: usable };
}

describe('buildOrderRequest: valid orders', () => {
  it('builds the documented bundle order body', () => {
    expect(buildOrderRequest(validInput())).toEqual({
      user: 'client@example.com',
      bundle_id: 'bun_01HZX0BU1A2B3C4D5E6F7G8H',
      sequencer: { provider: 'smartlead', client_id: 366903, login_email: 'ops@client.example', login_password: PASSWORD },
      forwarding_url: 'https://acme.com',
      domains: ['acme-mail.com', { domain: 'shop-acme.com', forwarding_url: 'https://shop.acme.com' }],
      personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }],
    });
  });

  it('round-trips: its own output (and that output as JSON) builds to the same order', () => {
    const once = buildOrderRequest(validInput());
    expect(buildOrderRequest(once)).toEqual(once);
    expect(buildOrderRequest(JSON.parse(JSON.stringify(once)) as OrderInput)).toEqual(once);
  });

  it('returns fresh objects and never mutates the input', () => {
    const input = validInput();
    const before = structuredClone(input);
    const out = buildOrderRequest(input);
    expect(input).toEqual(before);
    expect(out.sequencer).not.toBe(input.sequencer);
    expect(out.domains).not.toBe(input.domains);
    expect(out.domains[1]).not.toBe(input.domains![1]);
    expect(out.personas).not.toBe(input.personas);
    expect(out.personas[0]).not.toBe(input.personas![0]);
    (out.personas[0] as { first_name: string }).first_name = 'Changed';
    expect(input.personas![0]?.first_name).toBe('Sam');
  });

  it('normalises: trims, fills defaults, converts client_id, drops unknown keys', () => {
    const input = {
      user: '  usr_01HZX0C6Z3K4M5N6P7Q8R9S0 ',
      bundle_id: ' bun_123 ',
      sequencer: { client_id: ' 366903 ', login_email: ' ops@client.example ', login_password: '  spaced  ', extra: 1 },
      forwarding_url: '  ',
      domains: ['ACME-Mail.com', { domain: 'shop-acme.com' }, { domain: 'team-acme.com', forwarding_url: null }],
      personas: [{ first_name: ' Sam ', last_name: ' Lee ' }, { first_name: 'Ana', last_name: 'Ruiz', profile_picture_url: ' https://cdn.acme.com/ana.jpg ' }],
      notes: 'dropped',
    } as unknown as OrderInput;
    const out = buildOrderRequest(input);
    expect(out).toEqual({
      user: 'usr_01HZX0C6Z3K4M5N6P7Q8R9S0',
      bundle_id: 'bun_123',
      sequencer: { provider: 'smartlead', client_id: 366903, login_email: 'ops@client.example', login_password: '  spaced  ' },
      domains: ['acme-mail.com', 'shop-acme.com', 'team-acme.com'],
      personas: [
        { first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' },
        { first_name: 'Ana', last_name: 'Ruiz', profile_picture_url: 'https://cdn.acme.com/ana.jpg' },
      ],
    });
    expect('forwarding_url' in out).toBe(false);
    expect(Object.keys(out)).toEqual(['user', 'bundle_id', 'sequencer', 'domains', 'personas']);
  });

  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    [1, 1],
    ['0042', 42],
  ])('client_id %j becomes %j', (clientId, expected) => {
    const input = validInput();
    const out = buildOrderRequest({ ...input, sequencer: { ...input.sequencer!, client_id: clientId as never } });
    expect(out.sequencer.client_id).toBe(expected);
  });

  it('accepts exactly 10 personas', () => {
    const personas = Array.from({ length: 10 }, (_, i) => ({ first_name: `F${i}`, last_name: `L${i}` }));
    expect(buildOrderRequest({ ...validInput(), personas }).personas).toHaveLength(10);
  });
});

type Mutation = (input: Record<string, any>) => void;
const seq = (f: (s: Record<string, unknown>) => void): Mutation => (i) => f(i.sequencer as Record<string, unknown>);

// Every single problem, one at a time: [name, mutation, path, code].
const SINGLE_PROBLEMS: [string, Mutation, string, string][] = [
  ['user missing', (i) => delete i.user, 'user', 'required'],
  ['user blank', (i) => (i.user = '   '), 'user', 'required'],
  ['user a number', (i) => (i.user = 42), 'user', 'invalid_type'],
  ['user an object (older revision)', (i) => (i.user = { email: 'a@b.co' }), 'user', 'invalid_type'],
  ['user neither email nor id', (i) => (i.user = 'client'), 'user', 'invalid_user'],
  ['user a bare usr_ prefix', (i) => (i.user = 'usr_'), 'user', 'invalid_user'],
  ['user an email without a dot', (i) => (i.user = 'client@example'), 'user', 'invalid_user'],
  ['bundle_id missing', (i) => delete i.bundle_id, 'bundle_id', 'required'],
  ['bundle_id null', (i) => (i.bundle_id = null), 'bundle_id', 'required'],
  ['bundle_id wrong prefix', (i) => (i.bundle_id = 'bundle_123'), 'bundle_id', 'invalid_bundle_id'],
  ['bundle_id an order id', (i) => (i.bundle_id = 'ord_123'), 'bundle_id', 'invalid_bundle_id'],
  ['google_licenses with bundle_id', (i) => (i.google_licenses = 30), 'google_licenses', 'order_shape_conflict'],
  ['microsoft_licenses with bundle_id', (i) => (i.microsoft_licenses = 0), 'microsoft_licenses', 'order_shape_conflict'],
  ['sequencer missing', (i) => delete i.sequencer, 'sequencer', 'required'],
  ['sequencer a string', (i) => (i.sequencer = 'smartlead'), 'sequencer', 'invalid_type'],
  ['provider not smartlead', seq((s) => (s.provider = 'instantly')), 'sequencer.provider', 'unsupported_provider'],
  ['client_id negative', seq((s) => (s.client_id = -1)), 'sequencer.client_id', 'invalid_client_id'],
  ['client_id zero', seq((s) => (s.client_id = 0)), 'sequencer.client_id', 'invalid_client_id'],
  ['client_id fractional', seq((s) => (s.client_id = 1.5)), 'sequencer.client_id', 'invalid_client_id'],
  ['client_id not digits', seq((s) => (s.client_id = '12a')), 'sequencer.client_id', 'invalid_client_id'],
  ['client_id too large', seq((s) => (s.client_id = '99999999999999999999')), 'sequencer.client_id', 'invalid_client_id'],
  ['client_id an object', seq((s) => (s.client_id = {})), 'sequencer.client_id', 'invalid_client_id'],
  ['login_email missing', seq((s) => delete s.login_email), 'sequencer.login_email', 'required'],
  ['login_email not an email', seq((s) => (s.login_email = 'ops')), 'sequencer.login_email', 'invalid_email'],
  ['login_email with a space', seq((s) => (s.login_email = 'o ps@client.example')), 'sequencer.login_email', 'invalid_email'],
  ['login_password missing', seq((s) => delete s.login_password), 'sequencer.login_password', 'required'],
  ['login_password empty', seq((s) => (s.login_password = '')), 'sequencer.login_password', 'required'],
  ['login_password a number', seq((s) => (s.login_password = 1234)), 'sequencer.login_password', 'invalid_type'],
  ['forwarding_url without scheme', (i) => (i.forwarding_url = 'acme.com'), 'forwarding_url', 'invalid_url'],
  ['forwarding_url ftp', (i) => (i.forwarding_url = 'ftp://acme.com'), 'forwarding_url', 'invalid_url'],
  ['forwarding_url relative', (i) => (i.forwarding_url = '/landing'), 'forwarding_url', 'invalid_url'],
  ['forwarding_url scheme-relative', (i) => (i.forwarding_url = 'https:acme.com'), 'forwarding_url', 'invalid_url'],
  ['forwarding_url a number', (i) => (i.forwarding_url = 80), 'forwarding_url', 'invalid_type'],
  ['domains missing', (i) => delete i.domains, 'domains', 'required'],
  ['domains empty', (i) => (i.domains = []), 'domains', 'required'],
  ['domains a string', (i) => (i.domains = 'acme-mail.com'), 'domains', 'invalid_type'],
  ['a domain that does not normalise', (i) => (i.domains = ['acme-mail.com', 'not a domain']), 'domains[1]', 'invalid_domain'],
  ['a domain that is a number', (i) => (i.domains = [42, 'acme-mail.com']), 'domains[0]', 'invalid_type'],
  ['a domain entry that is null', (i) => (i.domains = ['acme-mail.com', null]), 'domains[1]', 'invalid_type'],
  ['a duplicate after normalisation', (i) => (i.domains = ['acme-mail.com', 'ACME-MAIL.com']), 'domains[1]', 'duplicate_domain'],
  ['a duplicate as an object entry', (i) => (i.domains = ['acme-mail.com', { domain: 'acme-mail.com', forwarding_url: 'https://x.co' }]), 'domains[1]', 'duplicate_domain'],
  ['an object entry without domain', (i) => (i.domains = [{ forwarding_url: 'https://acme.com' }]), 'domains[0].domain', 'required'],
  ['an object entry with a bad domain', (i) => (i.domains = [{ domain: 'bad domain' }]), 'domains[0].domain', 'invalid_domain'],
  ['an object entry with a bad URL', (i) => (i.domains = ['acme-mail.com', { domain: 'shop-acme.com', forwarding_url: 'shop.acme.com' }]), 'domains[1].forwarding_url', 'invalid_url'],
  ['personas missing', (i) => delete i.personas, 'personas', 'required'],
  ['personas empty', (i) => (i.personas = []), 'personas', 'required'],
  ['personas an object', (i) => (i.personas = { first_name: 'Sam' }), 'personas', 'invalid_type'],
  ['11 personas', (i) => (i.personas = Array.from({ length: 11 }, () => ({ first_name: 'A', last_name: 'B' }))), 'personas', 'too_many'],
  ['a persona that is a string', (i) => (i.personas = ['Sam Lee']), 'personas[0]', 'invalid_type'],
  ['first_name blank', (i) => (i.personas[0].first_name = ' \t '), 'personas[0].first_name', 'required'],
  ['first_name a number', (i) => (i.personas[0].first_name = 7), 'personas[0].first_name', 'invalid_type'],
  ['last_name missing', (i) => delete i.personas[0].last_name, 'personas[0].last_name', 'required'],
  ['profile_picture_url not a URL', (i) => (i.personas[0].profile_picture_url = 'sam.jpg'), 'personas[0].profile_picture_url', 'invalid_url'],
  ['profile_picture_url javascript:', (i) => (i.personas[0].profile_picture_url = 'javascript:alert(1)'), 'personas[0].profile_picture_url', 'invalid_url'],
  ['profile_picture_url a number', (i) => (i.personas[0].profile_picture_url = 1), 'personas[0].profile_picture_url', 'invalid_type'],
];

describe('buildOrderRequest: every single problem', () => {
  it.each(SINGLE_PROBLEMS)('%s → %s %s', (_name, mutate, path, code) => {
    const input = structuredClone(validInput()) as Record<string, any>;
    mutate(input);
    const issues = issuesOf(() => buildOrderRequest(input as OrderInput));
    expect(pathsAndCodes(issues)).toEqual([`${path} ${code}`]);
    expect(issues[0]?.message).toEqual(expect.any(String));
    expect(issues[0]?.message.length).toBeGreaterThan(0);
  });

  it('the error message names the issue', () => {
    const error = (() => {
      try {
        buildOrderRequest({ ...validInput(), user: 'nobody' });
      } catch (e) {
        return e as OrderValidationError;
      }
    })();
    expect(error?.message).toContain('user:');
  });
});

describe('buildOrderRequest: many problems at once', () => {
  it('reports every problem, in field order', () => {
    const input = {
      user: 'nobody',
      bundle_id: 'ord_1',
      microsoft_licenses: 2,
      sequencer: { provider: 'other', client_id: 'x', login_email: 'ops', login_password: '' },
      forwarding_url: 'acme.com',
      domains: ['acme-mail.com', 'bad name', 'ACME-mail.com', 7, { domain: 'shop-acme.com', forwarding_url: 'nope' }],
      personas: [
        { first_name: 'Sam', last_name: 'Lee' },
        { first_name: '', last_name: 5, profile_picture_url: 'pic' },
        'Ana',
      ],
    };
    const issues = issuesOf(() => buildOrderRequest(input as unknown as OrderInput));
    expect(pathsAndCodes(issues)).toEqual([
      'user invalid_user',
      'bundle_id invalid_bundle_id',
      'microsoft_licenses order_shape_conflict',
      'sequencer.provider unsupported_provider',
      'sequencer.client_id invalid_client_id',
      'sequencer.login_email invalid_email',
      'sequencer.login_password required',
      'forwarding_url invalid_url',
      'domains[1] invalid_domain',
      'domains[2] duplicate_domain',
      'domains[3] invalid_type',
      'domains[4].forwarding_url invalid_url',
      'personas[1].first_name required',
      'personas[1].last_name invalid_type',
      'personas[1].profile_picture_url invalid_url',
      'personas[2] invalid_type',
    ]);
    expect(issues.find((i) => i.code === 'duplicate_domain')?.details).toEqual({ domain: 'acme-mail.com', first_index: 0 });
  });

  it('reports plan, availability and persona problems together', () => {
    const input = { ...validInput(), domains: ['acme-mail.com', 'team-acme.com'], personas: [] };
    const rows = [row('acme-mail.com'), { domain: 'team-acme.com', available: false, premium: false, reason: 'taken' }];
    const issues = issuesOf(() => buildOrderRequest(input, { required: { google: 2, microsoft: 1 }, rows }));
    expect(pathsAndCodes(issues)).toEqual(['domains[1] not_orderable', 'domains domain_count_mismatch', 'personas required']);
  });
});

describe('buildOrderRequest: the Smartlead password never leaks', () => {
  const breakages: Mutation[] = [
    (i) => (i.user = 'x'),
    (i) => (i.bundle_id = 'x'),
    (i) => (i.google_licenses = 1),
    seq((s) => (s.provider = 'x')),
    seq((s) => (s.client_id = 'x')),
    seq((s) => (s.login_email = 'x')),
    seq((s) => delete s.login_email),
    (i) => (i.forwarding_url = 'x'),
    (i) => (i.domains = ['not a domain', 'acme-mail.com', 'acme-mail.com']),
    (i) => (i.personas = [{ first_name: '' }]),
  ];

  it('is in no error message, issue message or issue detail (property over random passwords)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ minLength: 6, maxLength: 40 }), fc.string({ minLength: 2, maxLength: 8, unit: 'grapheme' })),
        fc.subarray(breakages, { minLength: 1 }),
        fc.constantFrom('string', 'draft-string'),
        (random, chosen, mode) => {
          const password = `PW::${random}`;
          const input = structuredClone(validInput()) as Record<string, any>;
          input.sequencer.login_password = password;
          for (const mutate of chosen) mutate(input);
          let caught: unknown;
          try {
            buildOrderRequest(input as OrderInput, { draft: mode === 'draft-string', required: { google: 9, microsoft: 9 } });
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(OrderValidationError);
          const error = caught as OrderValidationError;
          expect(error.message).not.toContain(password);
          expect(String(error)).not.toContain(password);
          expect(error.stack ?? '').not.toContain(password);
          expect(JSON.stringify(error.issues)).not.toContain(JSON.stringify(password).slice(1, -1));
          for (const issue of error.issues) expect(issue.message).not.toContain(password);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('buildOrderRequest: options.required', () => {
  const domains = ['acme-mail.com', 'team-acme.com'];

  it.each([
    ['too few', { google: 3, microsoft: 1 }, { required_count: 4, submitted_count: 2, missing_count: 2 }],
    ['too many', { google: 1, microsoft: 0 }, { required_count: 1, submitted_count: 2, missing_count: 0 }],
    ['too few (explicit total)', { google: 15, microsoft: 4, total: 19 }, { required_count: 19, submitted_count: 2, missing_count: 17 }],
  ])('%s → domain_count_mismatch with details', (_name, required, details) => {
    const issues = issuesOf(() => buildOrderRequest({ ...validInput(), domains }, { required }));
    expect(issues).toEqual([{ path: 'domains', code: 'domain_count_mismatch', message: expect.any(String), details }]);
  });

  it('counts submitted entries, including broken ones', () => {
    const issues = issuesOf(() => buildOrderRequest({ ...validInput(), domains: ['acme-mail.com', 'bad name'] }, { required: { google: 1, microsoft: 2 } }));
    expect(pathsAndCodes(issues)).toEqual(['domains[1] invalid_domain', 'domains domain_count_mismatch']);
    expect(issues[1]?.details).toEqual({ required_count: 3, submitted_count: 2, missing_count: 1 });
  });

  it('passes when the count matches', () => {
    expect(buildOrderRequest({ ...validInput(), domains }, { required: { google: 1, microsoft: 1, total: 2 } }).domains).toEqual(domains);
  });

  it.each([
    ['a non-object', 3],
    ['a negative count', { google: -1, microsoft: 1 }],
    ['a fractional count', { google: 1.5, microsoft: 1 }],
    ['a total that is not the sum', { google: 1, microsoft: 1, total: 3 }],
  ])('rejects %s with a TypeError', (_name, required) => {
    expect(() => buildOrderRequest(validInput(), { required } as never)).toThrow(TypeError);
  });
});

describe('buildOrderRequest: options.rows', () => {
  const names = ['acme-mail.com', 'team-acme.com', 'shop-acme.com'];

  it('accepts orderable rows (matched after normalisation)', () => {
    const rows = [row('ACME-mail.com'), row('team-acme.com'), row('shop-acme.com', ['google'])];
    expect(buildOrderRequest({ ...validInput(), domains: names }, { rows, required: { google: 2, microsoft: 1 } }).domains).toEqual(names);
  });

  it.each<[string, AvailabilityRow | undefined, string]>([
    ['taken', { domain: 'team-acme.com', available: false, premium: false, reason: 'taken' }, 'taken'],
    ['premium', { domain: 'team-acme.com', available: false, premium: true, reason: 'premium' }, 'premium'],
    ['premium but marked available', { ...row('team-acme.com'), premium: true }, 'premium'],
    ['stale', { domain: 'team-acme.com', available: false, premium: false, reason: 'stale' }, 'stale'],
    ['errored', { domain: 'team-acme.com', available: false, reason: 'errored' }, 'errored'],
    ['unavailable without reason', { domain: 'team-acme.com', available: false }, 'unavailable'],
    ['available but unpriced', { domain: 'team-acme.com', available: true, premium: false, usable_for: ['google'] }, 'unpriced'],
    ['available but no providers', { ...row('team-acme.com'), usable_for: [] }, 'no_usable_provider'],
    ['usable only for an unknown provider', { ...row('team-acme.com'), usable_for: ['yahoo' as never] }, 'no_usable_provider'],
    ['never checked', undefined, 'not_checked'],
  ])('%s → not_orderable naming the reason', (_name, teamRow, reason) => {
    const rows = [row('acme-mail.com'), row('shop-acme.com'), ...(teamRow ? [teamRow] : [])];
    const issues = issuesOf(() => buildOrderRequest({ ...validInput(), domains: names }, { rows }));
    expect(issues).toEqual([
      { path: 'domains[1]', code: 'not_orderable', message: expect.stringContaining(reason), details: { domain: 'team-acme.com', reason } },
    ]);
  });

  it('provider_split_impossible when too few Microsoft-capable domains', () => {
    const rows = [row('acme-mail.com', ['google']), row('team-acme.com', ['google']), row('shop-acme.com')];
    const issues = issuesOf(() => buildOrderRequest({ ...validInput(), domains: names }, { rows, required: { google: 1, microsoft: 2 } }));
    expect(issues).toEqual([
      {
        path: 'domains',
        code: 'provider_split_impossible',
        message: expect.any(String),
        details: {
          required_google: 1,
          required_microsoft: 2,
          google_capable: 3,
          microsoft_capable: 1,
          shortfall: { google: 0, microsoft: 1 },
        },
      },
    ]);
  });

  it('provider_split_impossible when too few Google-capable domains (Microsoft-only rows, not in Peeker docs)', () => {
    const rows = [row('acme-mail.com', ['microsoft']), row('team-acme.com', ['microsoft']), row('shop-acme.com')];
    const issues = issuesOf(() => buildOrderRequest({ ...validInput(), domains: names }, { rows, required: { google: 2, microsoft: 1 } }));
    expect(pathsAndCodes(issues)).toEqual(['domains provider_split_impossible']);
    expect(issues[0]?.details?.shortfall).toEqual({ google: 1, microsoft: 0 });
  });

  it('the counting test agrees with brute-force assignment (property)', () => {
    const caps = fc.constantFrom<AvailabilityRow['usable_for']>(['google'], ['microsoft'], ['google', 'microsoft']);
    fc.assert(
      fc.property(fc.array(caps, { minLength: 1, maxLength: 7 }), fc.nat(7), (usable, g) => {
        const n = usable.length;
        const google = Math.min(g, n);
        const microsoft = n - google;
        const domains = usable.map((_, i) => `acme${String.fromCharCode(97 + i)}.com`);
        const rows = domains.map((d, i) => row(d, usable[i]));
        // Brute force: try every subset of domains as the Google side.
        let feasible = false;
        for (let mask = 0; mask < 1 << n && !feasible; mask += 1) {
          let onGoogle = 0;
          let ok = true;
          for (let i = 0; i < n; i += 1) {
            const side = mask & (1 << i) ? 'google' : 'microsoft';
            if (side === 'google') onGoogle += 1;
            if (!usable[i]?.includes(side)) ok = false;
          }
          feasible = ok && onGoogle === google;
        }
        const build = (): unknown => buildOrderRequest({ ...validInput(), domains }, { rows, required: { google, microsoft } });
        if (feasible) expect(build).not.toThrow();
        else expect(pathsAndCodes(issuesOf(build))).toEqual(['domains provider_split_impossible']);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects malformed rows with a TypeError', () => {
    expect(() => buildOrderRequest(validInput(), { rows: [{ available: true }] as never })).toThrow(TypeError);
    expect(() => buildOrderRequest(validInput(), { rows: 'acme.com' as never })).toThrow(TypeError);
  });
});

describe('buildOrderRequest: draft mode (the non-secret part, for browsers)', () => {
  it('needs no sequencer and returns no sequencer key', () => {
    const { sequencer: _omit, ...rest } = validInput();
    const draft = buildOrderRequest(rest, { draft: true });
    expectTypeOf(draft).toEqualTypeOf<OrderDraft>();
    expect('sequencer' in draft).toBe(false);
    expect(Object.keys(draft)).toEqual(['user', 'bundle_id', 'forwarding_url', 'domains', 'personas']);
  });

  it('ignores and never copies a sequencer that is present, valid or not', () => {
    const input = validInput();
    for (const sequencer of [input.sequencer, { login_password: PASSWORD } as never, 'x' as never]) {
      const draft = buildOrderRequest({ ...input, sequencer }, { draft: true });
      expect('sequencer' in draft).toBe(false);
      expect(JSON.stringify(draft)).not.toContain(PASSWORD);
    }
  });

  it('still validates every other field and the plan', () => {
    const issues = issuesOf(() =>
      buildOrderRequest({ ...validInput(), sequencer: undefined, user: '', domains: ['acme-mail.com'] }, { draft: true, required: { google: 1, microsoft: 1 } }),
    );
    expect(pathsAndCodes(issues)).toEqual(['user required', 'domains domain_count_mismatch']);
  });

  it('is completed on the server by adding the sequencer', () => {
    const { sequencer, ...rest } = validInput();
    const draft = buildOrderRequest(rest, { draft: true });
    const full = buildOrderRequest({ ...draft, sequencer });
    expectTypeOf(full).toEqualTypeOf<OrderRequest>();
    expect(full).toEqual(buildOrderRequest(validInput()));
  });

  it('without draft, a missing sequencer is an issue', () => {
    const { sequencer: _omit, ...rest } = validInput();
    expect(pathsAndCodes(issuesOf(() => buildOrderRequest(rest)))).toEqual(['sequencer required']);
    expect(pathsAndCodes(issuesOf(() => buildOrderRequest(rest, { draft: false })))).toEqual(['sequencer required']);
  });
});

describe('buildOrderRequest: argument types', () => {
  it.each([null, undefined, 'order', 42, ['user']])('input %j → TypeError', (input) => {
    expect(() => buildOrderRequest(input as never)).toThrow(TypeError);
    expect(() => buildOrderRequest(input as never)).toThrow(/^Expected an order input object, got /);
  });

  it.each([
    ['options a string', 'draft'],
    ['draft a string', { draft: 'yes' }],
  ])('%s → TypeError', (_name, options) => {
    expect(() => buildOrderRequest(validInput(), options as never)).toThrow(TypeError);
  });
});
