import { describeValue } from '../internal/describe-value.ts';
import type { BundleSizing, RequiredDomains } from './bundle.ts';

/** Capacities used by {@link estimateRequiredDomains}. */
export interface SizingOptions {
  /**
   * Cold sends per Google Workspace inbox per day (Peeker's figure). A Google domain carries
   * `googleSendsPerInbox × google_inboxes_per_domain` sends a day (40 or 60 by default).
   * @default 20
   */
  googleSendsPerInbox?: number;
  /**
   * Cold sends per Microsoft 365 domain per day. **150** reproduces both of Peeker's published
   * bundle examples (only about 142–151 does); Peeker's custom-order field description says
   * **250**, which would give 3 and 6 Microsoft domains instead of 4 and 10. Pass `250` to
   * follow the description instead of the fit.
   * @default 150
   */
  microsoftSendsPerDomain?: number;
}

/** Sending days a month: weekdays only, or every day. */
const WEEKDAYS_PER_MONTH = 22n;
const DAYS_PER_MONTH = 30n;

/** `ceil(a / b)` for non-negative `a` and positive `b`, exactly: `floor((a + b − 1) / b)`. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function isPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}

function positiveInteger(value: unknown, name: string, fallback: number): bigint {
  if (value === undefined) return BigInt(fallback);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(`Expected ${name} to be a positive integer, got ${describeValue(value)}`);
  }
  return BigInt(value);
}

/**
 * Estimates how many domains per provider a Peeker bundle needs, from its sizing fields.
 *
 * **This is an estimate**: Peeker publishes no formula. The one used here is fitted to the
 * two published examples (25,000 a month, 50/50, weekdays, 2 inboxes → 15 Google + 4
 * Microsoft = 19; 100,000 a month, 70/30 → 80 + 10 = 90). Use it for previews and the
 * sandbox; **a real bundle's `required_domains` always wins.**
 *
 * ```
 * days      = send_on_weekends ? 30 : 22
 * google    = ceil(volume × google%    / (100 × days × googleSendsPerInbox × inboxes))
 * microsoft = ceil(volume × microsoft% / (100 × days × microsoftSendsPerDomain))
 * ```
 * computed in exact integer arithmetic (BigInt), never floating point. With both percents
 * `null` or absent the split is 50/50 (Peeker's "recommended split" in every published
 * example). A 0 % share needs 0 domains.
 *
 * @param sizing - the bundle's sizing fields (a whole `Bundle` works too; other fields are
 *   ignored): `monthly_sending_volume` (non-negative integer), `google_percent` and
 *   `microsoft_percent` (both `null`/absent, or integers 0–100 summing to 100),
 *   `send_on_weekends` (boolean, default `false`), `google_inboxes_per_domain` (`2` or `3`,
 *   default `2`)
 * @param options - capacities; see {@link SizingOptions}
 * @returns `{ google, microsoft, total }`
 * @throws TypeError saying what was expected when a field or option has the wrong type or
 *   value (negative or fractional volume, one percent without the other, percents that are
 *   not integers 0–100 summing to 100, inboxes other than 2 or 3)
 * @example
 * ```ts
 * estimateRequiredDomains({ monthly_sending_volume: 25_000 });
 * // { google: 15, microsoft: 4, total: 19 }
 * estimateRequiredDomains({ monthly_sending_volume: 100_000, google_percent: 70, microsoft_percent: 30 });
 * // { google: 80, microsoft: 10, total: 90 }
 * ```
 */
export function estimateRequiredDomains(
  sizing: BundleSizing,
  options: SizingOptions = {},
): RequiredDomains {
  if (typeof sizing !== 'object' || sizing === null || Array.isArray(sizing)) {
    throw new TypeError(`Expected bundle sizing to be an object, got ${describeValue(sizing)}`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }

  const volume: unknown = sizing.monthly_sending_volume;
  if (typeof volume !== 'number' || !Number.isSafeInteger(volume) || volume < 0) {
    throw new TypeError(
      `Expected monthly_sending_volume to be a non-negative integer, got ${describeValue(volume)}`,
    );
  }

  const googleRaw: unknown = sizing.google_percent;
  const microsoftRaw: unknown = sizing.microsoft_percent;
  const googleUnset = googleRaw === null || googleRaw === undefined;
  const microsoftUnset = microsoftRaw === null || microsoftRaw === undefined;
  let googlePercent = 50;
  let microsoftPercent = 50;
  if (googleUnset !== microsoftUnset) {
    throw new TypeError(
      `Expected google_percent and microsoft_percent to be both set or both null, got ${describeValue(googleRaw)} and ${describeValue(microsoftRaw)}`,
    );
  }
  if (!googleUnset) {
    if (!isPercent(googleRaw) || !isPercent(microsoftRaw) || googleRaw + microsoftRaw !== 100) {
      throw new TypeError(
        `Expected google_percent and microsoft_percent to be integers from 0 to 100 summing to 100, got ${describeValue(googleRaw)} and ${describeValue(microsoftRaw)}`,
      );
    }
    googlePercent = googleRaw;
    microsoftPercent = microsoftRaw;
  }

  const weekends: unknown = sizing.send_on_weekends;
  if (weekends !== undefined && typeof weekends !== 'boolean') {
    throw new TypeError(`Expected send_on_weekends to be a boolean, got ${describeValue(weekends)}`);
  }
  const inboxes: unknown =
    sizing.google_inboxes_per_domain === undefined ? 2 : sizing.google_inboxes_per_domain;
  if (inboxes !== 2 && inboxes !== 3) {
    throw new TypeError(`Expected google_inboxes_per_domain to be 2 or 3, got ${describeValue(inboxes)}`);
  }

  const googleSends = positiveInteger(options.googleSendsPerInbox, 'options.googleSendsPerInbox', 20);
  const microsoftSends = positiveInteger(
    options.microsoftSendsPerDomain,
    'options.microsoftSendsPerDomain',
    150,
  );

  const days = weekends === true ? DAYS_PER_MONTH : WEEKDAYS_PER_MONTH;
  const v = BigInt(volume);
  const google = ceilDiv(v * BigInt(googlePercent), 100n * days * googleSends * BigInt(inboxes));
  const microsoft = ceilDiv(v * BigInt(microsoftPercent), 100n * days * microsoftSends);
  return { google: Number(google), microsoft: Number(microsoft), total: Number(google + microsoft) };
}
