import * as fc from 'fast-check';
import type { Bundle, RequiredDomains } from '../sizing/bundle.ts';
import { describeValue } from '../internal/describe-value.ts';

/** Options of {@link bundleArbitrary}. */
export interface BundleArbitraryOptions {
  /** Range of `monthly_sending_volume`. @default { min: 0, max: 1_000_000 } */
  volume?: { min: number; max: number };
  /** Statuses to draw from. @default ['active', 'archived'] */
  statuses?: readonly Bundle['status'][];
}

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FIRST_TIME = Date.UTC(2024, 0, 1);
const LAST_TIME = Date.UTC(2030, 0, 1);

const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/**
 * `required_domains` by the sizing fit of the Peeker reference (§3.1): 20 sends per Google
 * inbox per day × 2 or 3 inboxes per domain, 150 per Microsoft domain per day, 22 sending days
 * a month (30 with weekends), rounded up. **An assumption fitted to Peeker's two published
 * examples**; a real bundle's `required_domains` always wins.
 */
function fittedRequiredDomains(
  volume: number,
  googlePercent: number,
  weekends: boolean,
  inboxes: 2 | 3,
): RequiredDomains {
  const days = weekends ? 30 : 22;
  const google = ceilDiv(volume * googlePercent, 100 * days * 20 * inboxes);
  const microsoft = ceilDiv(volume * (100 - googlePercent), 100 * days * 150);
  return { google, microsoft, total: google + microsoft };
}

/**
 * fast-check arbitrary of Peeker bundles as `GET /bundles/{id}` returns them: an id with the
 * `bun_` prefix, a volume, either no split (`null` percents, effective 50/50) or percents that
 * sum to 100, weekends, 2 or 3 Google inboxes per domain, a status, an ISO `created_at`, and
 * `required_domains` consistent with the project's sizing fit (an assumption; see
 * `estimateRequiredDomains`). Deterministic for a seed.
 *
 * @param options - volume range and statuses; see {@link BundleArbitraryOptions}
 * @returns an arbitrary of `Bundle`
 * @throws TypeError when the volume range is not non-negative integers with min ≤ max (max ≤ 10^9)
 * @example
 * ```ts
 * import { fc } from '@fast-check/vitest';
 * import { bundleArbitrary } from '@peeker/core/testing';
 * fc.assert(fc.property(bundleArbitrary({ volume: { min: 1, max: 100_000 } }), (bundle) => {
 *   expect(bundle.required_domains.total).toBe(bundle.required_domains.google + bundle.required_domains.microsoft);
 * }));
 * ```
 */
export function bundleArbitrary(options: BundleArbitraryOptions = {}): fc.Arbitrary<Bundle> {
  const volume = options.volume ?? { min: 0, max: 1_000_000 };
  if (
    typeof volume !== 'object' ||
    volume === null ||
    !Number.isSafeInteger(volume.min) ||
    !Number.isSafeInteger(volume.max) ||
    volume.min < 0 ||
    volume.min > volume.max ||
    volume.max > 1_000_000_000
  ) {
    throw new TypeError(
      `Expected volume to be { min, max } non-negative integers with min ≤ max ≤ 1e9, got ${describeValue(volume)}`,
    );
  }
  const statuses = options.statuses ?? ['active', 'archived'];
  if (!Array.isArray(statuses) || statuses.length === 0) {
    throw new TypeError(`Expected statuses to be a non-empty array, got ${describeValue(statuses)}`);
  }
  return fc
    .record({
      tail: fc.array(fc.constantFrom(...ULID_CHARS), { minLength: 24, maxLength: 24 }),
      name: fc.constantFrom('Starter', 'Growth', 'Scale', 'Agency', 'Pilot'),
      volume: fc.integer(volume),
      split: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      weekends: fc.boolean(),
      inboxes: fc.constantFrom<2 | 3>(2, 3),
      status: fc.constantFrom(...statuses),
      createdAt: fc.integer({ min: FIRST_TIME / 1000, max: LAST_TIME / 1000 }),
    })
    .map(({ tail, name, volume: v, split, weekends, inboxes, status, createdAt }): Bundle => {
      const googlePercent = split ?? 50;
      return {
        id: `bun_${tail.join('')}`,
        name: `${name} — ${String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} emails/month`,
        monthly_sending_volume: v,
        google_percent: split,
        microsoft_percent: split === null ? null : 100 - split,
        send_on_weekends: weekends,
        google_inboxes_per_domain: inboxes,
        status,
        effective: { google_percent: googlePercent, microsoft_percent: 100 - googlePercent },
        required_domains: fittedRequiredDomains(v, googlePercent, weekends, inboxes),
        created_at: new Date(createdAt * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
    });
}
