import * as fc from 'fast-check';
import type { AvailabilityRow, Provider } from '../availability/availability-row.ts';
import { describeValue } from '../internal/describe-value.ts';

/** Prices as fixed points (`[900, 1300]`) or an inclusive range in cents. */
export type PriceSpread = readonly number[] | { min: number; max: number };

/** Options of {@link availabilityRowArbitrary}. Shares are probabilities in [0, 1]. */
export interface AvailabilityRowArbitraryOptions {
  /** Names to use. @default fc.domain() */
  domain?: fc.Arbitrary<string>;
  /** Share of available rows usable for Google only (`usable_for: ["google"]`). @default 0.25 */
  googleOnlyShare?: number;
  /** Share of available rows usable for Microsoft only (`["microsoft"]`): Peeker never sends these, the solver still handles them. @default 0 */
  microsoftOnlyShare?: number;
  /** Share of premium rows (half `available: false, reason: "premium"`, half priced `available: true, premium: true`). @default 0.1 */
  premiumShare?: number;
  /** Share of unavailable rows (`taken`, `invalid`, `errored`, `stale`). @default 0.1 */
  unavailableShare?: number;
  /** First-year prices. @default [900, 1200, 1300, 1500, 2500] */
  prices?: PriceSpread;
  /** Renewal prices, drawn independently of the first-year price. @default the same as `prices` */
  renewalPrices?: PriceSpread;
  /** Share of available rows without `renewal_price_cents`. @default 0 */
  missingRenewalShare?: number;
  /** Currency of priced rows. @default 'usd' */
  currency?: string;
}

const DEFAULT_PRICES: readonly number[] = [900, 1200, 1300, 1500, 2500];
const SCALE = 10_000;
const BOTH: readonly Provider[] = ['google', 'microsoft'];
const GOOGLE_ONLY: readonly Provider[] = ['google'];
const MICROSOFT_ONLY: readonly Provider[] = ['microsoft'];

function checkShare(name: string, value: number | undefined, fallback: number): number {
  const share = value ?? fallback;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new TypeError(`Expected ${name} to be a number between 0 and 1, got ${describeValue(share)}`);
  }
  return Math.round(share * SCALE);
}

/**
 * An arbitrary of prices from fixed points or a range.
 * @param spread - the points or `{ min, max }`
 * @param name - the option name, for errors
 * @returns an arbitrary of integer cents
 */
function priceArbitrary(spread: PriceSpread, name: string): fc.Arbitrary<number> {
  if (Array.isArray(spread)) {
    const points = spread as readonly number[];
    if (points.length === 0 || !points.every((p) => Number.isSafeInteger(p))) {
      throw new TypeError(`Expected ${name} to be a non-empty list of integer cents, got ${describeValue(spread)}`);
    }
    return fc.constantFrom(...points);
  }
  const { min, max } = spread as { min: number; max: number };
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new TypeError(`Expected ${name} to be { min, max } integer cents with min ≤ max, got ${describeValue(spread)}`);
  }
  return fc.integer({ min, max });
}

/**
 * fast-check arbitrary of availability rows in Peeker's wire shape: available rows (both
 * providers or Google only), premium rows (some of them priced and `available: true`, which
 * must still never be chosen) and unavailable rows with a reason. Deterministic for a seed.
 *
 * @param options - shares, prices and names; see {@link AvailabilityRowArbitraryOptions}
 * @returns an arbitrary of `AvailabilityRow`
 * @throws TypeError when a share is outside [0, 1] (or premium + unavailable > 1, or Google-only +
 *   Microsoft-only > 1), or prices are malformed
 * @example
 * ```ts
 * import { fc } from '@fast-check/vitest';
 * import { availabilityRowArbitrary } from '@peeker/core/testing';
 * fc.assert(fc.property(availabilityRowArbitrary({ googleOnlyShare: 1 }), (row) => {
 *   if (row.available && !row.premium) expect(row.usable_for).toEqual(['google']);
 * }));
 * ```
 */
export function availabilityRowArbitrary(options: AvailabilityRowArbitraryOptions = {}): fc.Arbitrary<AvailabilityRow> {
  const googleOnly = checkShare('googleOnlyShare', options.googleOnlyShare, 0.25);
  const microsoftOnly = checkShare('microsoftOnlyShare', options.microsoftOnlyShare, 0);
  if (googleOnly + microsoftOnly > SCALE) {
    throw new TypeError(
      `Expected googleOnlyShare + microsoftOnlyShare ≤ 1, got ${(googleOnly + microsoftOnly) / SCALE}`,
    );
  }
  const premium = checkShare('premiumShare', options.premiumShare, 0.1);
  const unavailable = checkShare('unavailableShare', options.unavailableShare, 0.1);
  const missingRenewal = checkShare('missingRenewalShare', options.missingRenewalShare, 0);
  if (premium + unavailable > SCALE) {
    throw new TypeError(
      `Expected premiumShare + unavailableShare ≤ 1, got ${(premium + unavailable) / SCALE}`,
    );
  }
  const currency = options.currency ?? 'usd';
  if (typeof currency !== 'string') {
    throw new TypeError(`Expected currency to be a string, got ${describeValue(currency)}`);
  }
  const price = priceArbitrary(options.prices ?? DEFAULT_PRICES, 'prices');
  const renewalPrice = priceArbitrary(options.renewalPrices ?? options.prices ?? DEFAULT_PRICES, 'renewalPrices');
  // Unbiased draws in [0, SCALE): below a threshold = that outcome, so shares hold. Shrinks towards 0.
  const draw = fc.noBias(fc.integer({ min: 0, max: SCALE - 1 }));
  return fc
    .record({
      domain: options.domain ?? fc.domain(),
      category: draw,
      capability: draw,
      renewalDraw: draw,
      price,
      renewal: renewalPrice,
      reason: fc.constantFrom('taken', 'invalid', 'errored', 'stale'),
      pricedPremium: fc.boolean(),
    })
    .map(({ domain, category, capability, renewalDraw, price, renewal, reason, pricedPremium }): AvailabilityRow => {
      const priced = (): AvailabilityRow => {
        const row: AvailabilityRow = { domain, available: true, premium: false, price_cents: price };
        if (renewalDraw >= missingRenewal) row.renewal_price_cents = renewal;
        row.currency = currency;
        row.usable_for =
          capability < googleOnly
            ? GOOGLE_ONLY.slice()
            : capability < googleOnly + microsoftOnly
              ? MICROSOFT_ONLY.slice()
              : BOTH.slice();
        return row;
      };
      if (category < unavailable) return { domain, available: false, premium: false, reason };
      if (category < unavailable + premium) {
        if (!pricedPremium) return { domain, available: false, premium: true, reason: 'premium' };
        return { ...priced(), premium: true };
      }
      return priced();
    });
}
