import { PeekerApiError } from '../errors/peeker-api-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import { Provider, type AvailabilityRow } from './availability-row.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';

const PROVIDERS: ReadonlySet<string> = new Set(Object.values(Provider));

function invalid(path: string, expected: string, got: unknown): PeekerApiError {
  return new PeekerApiError({
    status: 200,
    code: 'invalid_response',
    message: `Malformed availability response: ${path} should be ${expected}, got ${describeValue(got)}`,
    retryable: false,
  });
}

/** `undefined` and `null` both mean "absent" for optional fields. */
function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function parsePrice(row: Record<string, unknown>, key: 'price_cents' | 'renewal_price_cents', path: string): number | undefined {
  const value = row[key];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${path}.${key}`, 'a non-negative integer (cents)', value);
  }
  return value;
}

function parseRow(value: unknown, path: string): AvailabilityRow {
  if (!isPlainObject(value)) throw invalid(path, 'an object', value);
  const { domain, available, premium, currency, usable_for, reason, message, checked_at } = value;
  if (typeof domain !== 'string' || domain === '') throw invalid(`${path}.domain`, 'a non-empty string', domain);
  if (typeof available !== 'boolean') throw invalid(`${path}.available`, 'a boolean', available);

  const row: AvailabilityRow = { domain, available };
  if (!isAbsent(premium)) {
    if (typeof premium !== 'boolean') throw invalid(`${path}.premium`, 'a boolean', premium);
    row.premium = premium;
  }
  const price = parsePrice(value, 'price_cents', path);
  if (price !== undefined) row.price_cents = price;
  const renewal = parsePrice(value, 'renewal_price_cents', path);
  if (renewal !== undefined) row.renewal_price_cents = renewal;
  if (!isAbsent(currency)) {
    if (typeof currency !== 'string' || currency === '') throw invalid(`${path}.currency`, 'a currency code', currency);
    row.currency = currency;
  }
  if (!isAbsent(usable_for)) {
    if (!Array.isArray(usable_for)) throw invalid(`${path}.usable_for`, 'an array', usable_for);
    const providers: Provider[] = [];
    usable_for.forEach((p: unknown, i) => {
      if (typeof p !== 'string' || !PROVIDERS.has(p)) {
        throw invalid(`${path}.usable_for[${i}]`, '"google" or "microsoft"', p);
      }
      if (!providers.includes(p as Provider)) providers.push(p as Provider);
    });
    row.usable_for = providers;
  }
  // `reason` explains an unavailable row only; on an available row it is ignored.
  if (!isAbsent(reason) && !available) {
    if (typeof reason !== 'string' || reason === '') throw invalid(`${path}.reason`, 'a non-empty string', reason);
    row.reason = reason;
  }
  if (!isAbsent(message)) {
    if (typeof message !== 'string') throw invalid(`${path}.message`, 'a string', message);
    row.message = message;
  }
  if (!isAbsent(checked_at)) {
    if (typeof checked_at !== 'number' || !Number.isSafeInteger(checked_at)) {
      throw invalid(`${path}.checked_at`, 'an integer (epoch milliseconds)', checked_at);
    }
    row.checked_at = checked_at;
  }
  return row;
}

/**
 * Validates the parsed JSON body of `POST /domains/availability` (Peeker's, or a partner
 * handler's, which answers the same shape) and returns its rows.
 *
 * Strict on shape, and copies only the fields of {@link AvailabilityRow}: unknown fields are
 * dropped, so nothing unexpected reaches the UI. Rules per row:
 * - `domain` a non-empty string, `available` a boolean (both required);
 * - `premium` a boolean; `price_cents`, `renewal_price_cents` non-negative safe integers
 *   (cents); `currency` a non-empty string; `usable_for` an array of `"google"` /
 *   `"microsoft"` (duplicates collapse); `reason` a non-empty string (kept only when
 *   `available` is false; unknown reasons pass through); `message` a string; `checked_at` an
 *   integer. Each is optional, and `null` counts as absent.
 *
 * Row names are returned as sent; the checker matches them to its names case-insensitively.
 *
 * @param json - the parsed response body (`{"data":{"domains":[…]}}`)
 * @returns fresh row objects, in response order
 * @throws PeekerApiError with code `invalid_response`, status 200 and `retryable: false`
 *   (a handler that answers the wrong shape will do so again), naming the first bad path
 * @example
 * ```ts
 * const rows = parseAvailabilityResponse(await response.json());
 * rows[0]; // { domain: 'acme-mail.com', available: true, premium: false, price_cents: 1300, … }
 * ```
 */
export function parseAvailabilityResponse(json: unknown): AvailabilityRow[] {
  if (!isPlainObject(json)) throw invalid('the body', 'an object', json);
  if (!isPlainObject(json.data)) throw invalid('data', 'an object', json.data);
  const list = json.data.domains;
  if (!Array.isArray(list)) throw invalid('data.domains', 'an array', list);
  return list.map((row: unknown, i) => parseRow(row, `data.domains[${i}]`));
}
