import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseAvailabilityResponse } from '../../../packages/core/src/availability/parse-availability-response.ts';
import { PeekerApiError } from '../../../packages/core/src/errors/peeker-api-error.ts';
import { docsAvailabilityRows } from '../../fixtures/peeker-api-examples.ts';

const docsExample = { data: { domains: docsAvailabilityRows() } };

function parseError(json: unknown): PeekerApiError {
  try {
    parseAvailabilityResponse(json);
  } catch (error) {
    expect(error).toBeInstanceOf(PeekerApiError);
    return error as PeekerApiError;
  }
  throw new Error('expected parseAvailabilityResponse to throw');
}

describe('parseAvailabilityResponse', () => {
  it('returns the rows of the documented example unchanged', () => {
    expect(parseAvailabilityResponse(docsExample)).toEqual(docsExample.data.domains);
  });

  it('copies only known fields and returns fresh objects', () => {
    const row = { domain: 'a.com', available: true, usable_for: ['google'], __proto__x: 1, api_key: 'pk_live_x', html: '<b>' };
    const [parsed] = parseAvailabilityResponse({ data: { domains: [row] }, meta: { anything: true } });
    expect(parsed).toEqual({ domain: 'a.com', available: true, usable_for: ['google'] });
    expect(parsed).not.toBe(row);
    expect(parsed?.usable_for).not.toBe(row.usable_for);
  });

  it('treats null optional fields as absent, drops reason on available rows, keeps unknown reasons', () => {
    expect(
      parseAvailabilityResponse({
        data: {
          domains: [
            { domain: 'a.com', available: true, premium: null, price_cents: null, usable_for: null, reason: 'taken' },
            { domain: 'b.com', available: false, reason: 'reserved_by_registry', message: 'local note', checked_at: 5 },
            { domain: 'c.com', available: true, usable_for: ['google', 'google'] },
          ],
        },
      }),
    ).toEqual([
      { domain: 'a.com', available: true },
      { domain: 'b.com', available: false, reason: 'reserved_by_registry', message: 'local note', checked_at: 5 },
      { domain: 'c.com', available: true, usable_for: ['google'] },
    ]);
  });

  it('accepts an empty list', () => {
    expect(parseAvailabilityResponse({ data: { domains: [] } })).toEqual([]);
  });

  it.each([
    ['a non-object body', 'nope', 'the body'],
    ['a missing data', {}, 'data'],
    ['data as an array', { data: [] }, 'data'],
    ['a missing domains list', { data: {} }, 'data.domains'],
    ['a row that is not an object', { data: { domains: ['a.com'] } }, 'data.domains[0]'],
    ['a missing domain', { data: { domains: [{ available: true }] } }, 'data.domains[0].domain'],
    ['an empty domain', { data: { domains: [{ domain: '', available: true }] } }, 'data.domains[0].domain'],
    ['a string available', { data: { domains: [{ domain: 'a.com', available: 'true' }] } }, 'data.domains[0].available'],
    ['a string premium', { data: { domains: [{ domain: 'a.com', available: true, premium: 'no' }] } }, 'premium'],
    ['a fractional price', { data: { domains: [{ domain: 'a.com', available: true, price_cents: 12.5 }] } }, 'price_cents'],
    ['a negative renewal', { data: { domains: [{ domain: 'a.com', available: true, renewal_price_cents: -1 }] } }, 'renewal_price_cents'],
    ['a string price', { data: { domains: [{ domain: 'a.com', available: true, price_cents: '1300' }] } }, 'price_cents'],
    ['a numeric currency', { data: { domains: [{ domain: 'a.com', available: true, currency: 840 }] } }, 'currency'],
    ['usable_for as a string', { data: { domains: [{ domain: 'a.com', available: true, usable_for: 'google' }] } }, 'usable_for'],
    ['an unknown provider', { data: { domains: [{ domain: 'a.com', available: true, usable_for: ['google', 'yahoo'] }] } }, 'usable_for[1]'],
    ['a numeric reason', { data: { domains: [{ domain: 'a.com', available: false, reason: 3 }] } }, 'reason'],
    ['a second bad row', { data: { domains: [{ domain: 'a.com', available: true }, { domain: 'b.com' }] } }, 'data.domains[1].available'],
  ])('rejects %s', (_label, json, path) => {
    const error = parseError(json);
    expect(error).toMatchObject({ code: 'invalid_response', status: 200, retryable: false });
    expect(error.message).toContain(path);
  });

  test.prop([
    fc.array(
      fc.record(
        {
          domain: fc.domain(),
          available: fc.boolean(),
          premium: fc.boolean(),
          price_cents: fc.nat({ max: 10_000_000 }),
          renewal_price_cents: fc.nat({ max: 10_000_000 }),
          currency: fc.constantFrom('usd', 'USD', 'eur'),
          usable_for: fc.uniqueArray(fc.constantFrom('google' as const, 'microsoft' as const)),
          extra: fc.anything(),
        },
        { requiredKeys: ['domain', 'available'] },
      ),
    ),
  ])('parses every well-formed row and never passes unknown fields through', (rows) => {
    const parsed = parseAvailabilityResponse({ data: { domains: rows } });
    expect(parsed).toHaveLength(rows.length);
    parsed.forEach((row, i) => {
      const { extra: _extra, ...known } = rows[i] as Record<string, unknown>;
      expect(row).toEqual(known);
      expect('extra' in row).toBe(false);
    });
  });
});
