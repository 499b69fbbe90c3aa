/**
 * buildOrderDraft: the browser's draft builder is buildOrderRequest's own validator with an
 * injected normaliser, so its output and issue codes equal `buildOrderRequest(…, { draft: true })`
 * by construction; and its module graph never reaches normalizeDomain (the public-suffix list).
 */
import { fc, test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AvailabilityRow } from '../../../packages/core/src/availability/availability-row.ts';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { normalizeHostname } from '../../../packages/core/src/domains/normalize-hostname.ts';
import { OrderValidationError } from '../../../packages/core/src/errors/order-validation-error.ts';
import { buildOrderDraft } from '../../../packages/core/src/order/build-order-draft.ts';
import { buildOrderRequest, type OrderInput } from '../../../packages/core/src/order/build-order-request.ts';

/** What a call did: the value it returned, or the issues it threw. */
function outcome(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (error) {
    if (error instanceof OrderValidationError) return { issues: error.issues };
    throw error;
  }
}

const row = (domain: string, usable: AvailabilityRow['usable_for'] = ['google', 'microsoft']): AvailabilityRow => ({
  domain, available: true, premium: false, price_cents: 1300, renewal_price_cents: 1500, currency: 'usd', usable_for: usable,
});

const fieldValue = fc.oneof(
  fc.constantFrom(undefined, null, '', '  ', 'client@example.com', 'usr_01H', 'bun_01HZX', 'bundle_1', 'https://acme.com', 'acme.com', 42),
  fc.string({ maxLength: 12 }),
);
const domainEntry = fc.oneof(
  fc.constantFrom('getacme.com', 'GetAcme.com.', 'acmehq.org', 'acme-mail.net', 'not a name', '', 'taken-acme.com'),
  fc.record({ domain: fc.constantFrom('getacme.com', 'acmehq.org', 'x'), forwarding_url: fc.constantFrom(undefined, '', 'https://a.com', 'ftp://a') }),
  fc.domain(),
);
const persona = fc.record({
  first_name: fieldValue,
  last_name: fieldValue,
  profile_picture_url: fc.constantFrom(undefined, '', 'https://img.example/p.png', 'not-a-url'),
});
const orderInput = fc.record(
  {
    user: fieldValue,
    bundle_id: fieldValue,
    forwarding_url: fieldValue,
    domains: fc.oneof(fc.array(domainEntry, { maxLength: 5 }), fc.constantFrom(undefined, 'getacme.com')),
    personas: fc.oneof(fc.array(persona, { maxLength: 11 }), fc.constant(undefined)),
    google_licenses: fc.constantFrom(undefined, 2),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<OrderInput>;
const rows = [row('getacme.com'), row('acmehq.org', ['google']), { domain: 'taken-acme.com', available: false, premium: false, reason: 'taken' }];

describe('buildOrderDraft', () => {
  test.prop({ input: orderInput, withPlan: fc.boolean(), withRows: fc.boolean() }, { numRuns: 300 })(
    'with normalizeDomain it answers exactly as buildOrderRequest({ draft: true })',
    ({ input, withPlan, withRows }) => {
      const checks = { ...(withPlan ? { required: { google: 1, microsoft: 1 } } : {}), ...(withRows ? { rows } : {}) };
      const draft = outcome(() => buildOrderDraft(input, { normalize: normalizeDomain, ...checks }));
      const request = outcome(() => buildOrderRequest(input, { draft: true, ...checks }));
      expect(draft).toEqual(request);
    },
  );

  it('builds the draft with the browser normaliser and never copies sequencer', () => {
    const input = {
      user: ' client@example.com ',
      bundle_id: 'bun_01HZX',
      sequencer: { login_email: 'ops@client.example', login_password: 'secret-password' },
      domains: ['GetAcme.com', 'acmehq.org'],
      personas: [{ first_name: 'Sam', last_name: 'Lee' }],
    } as unknown as OrderInput;
    const draft = buildOrderDraft(input, { normalize: normalizeHostname, required: { google: 1, microsoft: 1 }, rows });
    expect(draft).toEqual({
      user: 'client@example.com',
      bundle_id: 'bun_01HZX',
      domains: ['getacme.com', 'acmehq.org'],
      personas: [{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }],
    });
    expect(JSON.stringify(draft)).not.toContain('secret-password');
  });

  it("reports the browser normaliser's rejections and the availability codes, like buildOrderRequest", () => {
    const input: OrderInput = {
      user: 'client@example.com',
      bundle_id: 'bun_1',
      domains: ['bad_name!', 'taken-acme.com', 'getacme.com'],
      personas: [{ first_name: 'Sam', last_name: 'Lee' }],
    };
    const result = outcome(() => buildOrderDraft(input, { normalize: normalizeHostname, rows }));
    const issues = (result as { issues: { path: string; code: string; details?: unknown }[] }).issues;
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(['domains[0] invalid_domain', 'domains[1] not_orderable']);
    expect(issues[1]?.details).toEqual({ domain: 'taken-acme.com', reason: 'taken' });
  });

  it.each([
    [undefined, 'Expected options to be { normalize, required?, rows? }, got undefined'],
    [{}, 'Expected options.normalize to be a function, got undefined'],
    [{ normalize: normalizeHostname, required: 3 }, 'Expected options.required to be { google, microsoft, total? }'],
  ])('rejects malformed options %j with a TypeError', (options, message) => {
    expect(() => buildOrderDraft({}, options as never)).toThrow(TypeError);
    expect(() => buildOrderDraft({}, options as never)).toThrow(message);
  });

  it('never imports normalizeDomain or the public-suffix list (its module graph, statically)', () => {
    const start = fileURLToPath(new URL('../../../packages/core/src/order/build-order-draft.ts', import.meta.url));
    const seen = new Set<string>();
    const bare: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = match[1] as string;
        if (/^import\s+type\s/.test(match[0].trim()) || /^export\s+type\s/.test(match[0].trim())) continue;
        if (spec.startsWith('.')) visit(join(dirname(file), spec));
        else bare.push(spec);
      }
    };
    visit(start);
    expect([...seen].some((f) => f.endsWith('validate-order-input.ts'))).toBe(true);
    expect([...seen].filter((f) => f.endsWith('normalize-domain.ts'))).toEqual([]);
    expect(bare).toEqual([]);
  });
});
