import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OrderValidationError } from '../../../packages/core/src/errors/order-validation-error.ts';
import { buildOrderRequest, type OrderInput } from '../../../packages/core/src/order/build-order-request.ts';
import type { OrderDraft, OrderRequest } from '../../../packages/core/src/order/order-request.ts';
import { serializeOrderRequest } from '../../../packages/core/src/order/serialize-order-request.ts';

const ORDER: OrderRequest = {
  user: 'client@example.com',
  bundle_id: 'bun_01HZX0BU1A2B3C4D5E6F7G8H',
  sequencer: { provider: 'smartlead', client_id: 366903, login_email: 'ops@client.example', login_password: 'pw"\\x' },
  forwarding_url: 'https://acme.com',
  domains: ['team-acme.com', { domain: 'shop-acme.com', forwarding_url: 'https://shop.acme.com' }, 'acme-mail.com'],
  personas: [
    { first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' },
    { first_name: 'Ana', last_name: 'Ruiz', profile_picture_url: 'https://cdn.acme.com/ana.jpg' },
  ],
};

// The exact canonical bytes, written out by hand.
const GOLDEN =
  '{"user":"client@example.com","bundle_id":"bun_01HZX0BU1A2B3C4D5E6F7G8H",' +
  '"sequencer":{"provider":"smartlead","client_id":366903,"login_email":"ops@client.example","login_password":"pw\\"\\\\x"},' +
  '"forwarding_url":"https://acme.com",' +
  '"domains":["acme-mail.com",{"domain":"shop-acme.com","forwarding_url":"https://shop.acme.com"},"team-acme.com"],' +
  '"personas":[{"first_name":"Sam","last_name":"Lee","profile_picture_url":""},' +
  '{"first_name":"Ana","last_name":"Ruiz","profile_picture_url":"https://cdn.acme.com/ana.jpg"}]}';

/** Same entries, keys inserted in the given order. */
function reorder<T extends object>(value: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in value) out[k] = (value as Record<string, unknown>)[k];
  return out as T;
}

// Names accepted by normalizeDomain under any implementation of its contract: a root
// domain whose label is letters only.
const nameArb = fc
  .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom('com', 'org', 'net'))
  .map(([label, tld]) => `acme${label}.${tld}`);
const entriesArb = fc
  .uniqueArray(nameArb, { minLength: 1, maxLength: 12 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.oneof(fc.constant<NonNullable<OrderInput['domains']>[number]>(name), fc.constant({ domain: name, forwarding_url: `https://${name}/x` })),
      ),
    ),
  );

describe('serializeOrderRequest', () => {
  it('writes the canonical bytes: fixed key order, sorted domains, personas in given order, no whitespace', () => {
    expect(serializeOrderRequest(ORDER)).toBe(GOLDEN);
  });

  it('is byte-identical for any permutation of the domain list (property)', () => {
    fc.assert(
      fc.property(entriesArb, fc.infiniteStream(fc.nat()), (entries, seeds) => {
        const shuffled = [...entries];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = serializeOrderRequest({ ...ORDER, domains: entries as OrderRequest['domains'] });
        const b = serializeOrderRequest({ ...ORDER, domains: shuffled as OrderRequest['domains'] });
        expect(b).toBe(a);
        const sorted = (JSON.parse(a) as OrderRequest).domains.map((d) => (typeof d === 'string' ? d : d.domain));
        expect(sorted).toEqual([...sorted].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('is byte-identical whatever the key order of the input objects (property)', () => {
    const top = ['user', 'bundle_id', 'sequencer', 'forwarding_url', 'domains', 'personas'];
    const seqKeys = ['provider', 'client_id', 'login_email', 'login_password'];
    const personaKeys = ['first_name', 'last_name', 'profile_picture_url'];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(top, { minLength: top.length }),
        fc.shuffledSubarray(seqKeys, { minLength: seqKeys.length }),
        fc.shuffledSubarray(personaKeys, { minLength: personaKeys.length }),
        fc.shuffledSubarray(['domain', 'forwarding_url'], { minLength: 2 }),
        (topOrder, seqOrder, personaOrder, domainOrder) => {
          const input = reorder(
            {
              ...ORDER,
              sequencer: reorder(ORDER.sequencer, seqOrder),
              personas: ORDER.personas.map((p) => reorder(p, personaOrder)),
              domains: ORDER.domains.map((d) => (typeof d === 'string' ? d : reorder(d, domainOrder))),
            },
            topOrder,
          );
          expect(serializeOrderRequest(input)).toBe(GOLDEN);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('normalises before writing: spelling variants give the same bytes', () => {
    const messy = {
      ...ORDER,
      user: ' client@example.com ',
      sequencer: { ...ORDER.sequencer, client_id: '366903' },
      domains: ['TEAM-acme.com', { domain: 'Shop-Acme.com', forwarding_url: ' https://shop.acme.com ' }, 'acme-mail.com'],
      personas: [{ first_name: ' Sam', last_name: 'Lee ' }, ORDER.personas[1]!],
    } as OrderRequest;
    expect(serializeOrderRequest(messy)).toBe(GOLDEN);
  });

  it('drops unknown extra keys at every level', () => {
    const extra = {
      ...ORDER,
      note: 'x',
      google_licenses: undefined,
      sequencer: { ...ORDER.sequencer, api_key: 'sl_key' },
      personas: ORDER.personas.map((p) => ({ ...p, title: 'CEO' })),
      domains: ORDER.domains.map((d) => (typeof d === 'string' ? d : { ...d, provider: 'google' })),
    } as unknown as OrderRequest;
    expect(serializeOrderRequest(extra)).toBe(GOLDEN);
  });

  it('keeps persona order (it decides the usernames)', () => {
    const reversed = { ...ORDER, personas: [...ORDER.personas].reverse() };
    const parsed = JSON.parse(serializeOrderRequest(reversed)) as OrderRequest;
    expect(parsed.personas.map((p) => p.first_name)).toEqual(['Ana', 'Sam']);
  });

  it('omits forwarding_url when absent', () => {
    const { forwarding_url: _f, ...rest } = ORDER;
    expect(serializeOrderRequest(rest)).toBe(GOLDEN.replace('"forwarding_url":"https://acme.com",', ''));
  });

  it('parses back to an object buildOrderRequest accepts, and re-serialises to the same bytes (property)', () => {
    fc.assert(
      fc.property(entriesArb, fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: null }), (domains, clientId) => {
        const text = serializeOrderRequest({
          ...ORDER,
          sequencer: { ...ORDER.sequencer, client_id: clientId },
          domains: domains as OrderRequest['domains'],
        });
        const parsed = JSON.parse(text) as OrderInput;
        const rebuilt = buildOrderRequest(parsed);
        expect(serializeOrderRequest(rebuilt)).toBe(text);
        // No whitespace between tokens: compact JSON.stringify of the parsed value is the same text.
        expect(JSON.stringify(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('serialises a draft without the sequencer key, otherwise identically', () => {
    const { sequencer: _s, ...draft } = ORDER;
    const text = serializeOrderRequest(draft as OrderDraft);
    expect(text).toBe(GOLDEN.replace(/"sequencer":\{[^}]*\},/, ''));
    expect(text).not.toContain('sequencer');
    expect(buildOrderRequest(JSON.parse(text) as OrderInput, { draft: true })).toEqual(JSON.parse(text));
  });

  it('throws OrderValidationError for an invalid order, TypeError for a non-object', () => {
    expect(() => serializeOrderRequest({ ...ORDER, domains: ['a.com', 'A.com'] })).toThrow(OrderValidationError);
    expect(() => serializeOrderRequest({ ...ORDER, sequencer: null as never })).toThrow(OrderValidationError);
    expect(() => serializeOrderRequest('order' as never)).toThrow(TypeError);
  });
});
