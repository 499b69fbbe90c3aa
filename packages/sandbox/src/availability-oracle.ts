/**
 * Deterministic availability: every answer follows from a hash of the seed and the name, so
 * the same seed always gives the same rows (test fixtures, reproducible demos).
 *
 * Distribution (sandbox assumptions, not Peeker facts):
 * - about 5 % of valid names are premium (`available: false, premium: true, reason: "premium"`);
 * - about 20 % are taken;
 * - the rest are available; about 20 % of those are usable for Google only;
 * - prices by TLD (first year / renewal, cents, `currency: "usd"`): com 1300/1500, net
 *   1500/1700, org 1200/1500, co 2900/3200, io 3900/5900, ai 8000/8000, live 500/2800, any
 *   other TLD 1800/2400; about 15 % of names are 200 cents cheaper in the first year;
 * - sandbox-only magic: a first label starting with `taken-` is always taken, `premium-`
 *   always premium; names registered by a sandbox order and names passed to
 *   `markTaken()` are taken;
 * - names `normalizeDomain` rejects are answered `reason: "invalid"`.
 */
import { normalizeDomain } from '@peeker/core';
import type { AvailabilityRow } from '@peeker/core';
import { hashParts, type Seed } from './prng.ts';

const PRICES: Readonly<Record<string, readonly [number, number]>> = {
  com: [1300, 1500],
  net: [1500, 1700],
  org: [1200, 1500],
  co: [2900, 3200],
  io: [3900, 5900],
  ai: [8000, 8000],
  live: [500, 2800],
};
const OTHER_PRICE: readonly [number, number] = [1800, 2400];

/** The availability source of one sandbox. */
export interface AvailabilityOracle {
  /** The row for a submitted name (as Peeker would answer it). */
  lookup(submitted: string): AvailabilityRow;
  /** Makes a name taken from now on (normalised first; invalid names are ignored). */
  markTaken(domain: string): void;
  /** Normalises a name, or returns undefined when it is invalid. */
  normalize(domain: string): string | undefined;
}

/**
 * @param seed - the sandbox seed
 * @returns the oracle
 */
export function createAvailabilityOracle(seed: Seed): AvailabilityOracle {
  const taken = new Set<string>();
  const normalize = (domain: string): string | undefined => {
    try {
      return normalizeDomain(domain);
    } catch {
      return undefined;
    }
  };
  return {
    normalize,
    markTaken(domain) {
      const name = normalize(domain);
      if (name !== undefined) taken.add(name);
    },
    lookup(submitted) {
      const name = normalize(submitted);
      if (name === undefined) {
        return { domain: submitted, available: false, premium: false, reason: 'invalid' };
      }
      const label = name.split('.')[0] ?? '';
      const tld = name.slice(name.lastIndexOf('.') + 1);
      const h = hashParts(String(seed), 'availability', name);
      const bucket = h % 1000;
      if (label.startsWith('premium-') || (!label.startsWith('taken-') && !taken.has(name) && bucket < 50)) {
        return { domain: submitted, available: false, premium: true, reason: 'premium' };
      }
      if (label.startsWith('taken-') || taken.has(name) || bucket < 250) {
        return { domain: submitted, available: false, premium: false, reason: 'taken' };
      }
      const googleOnly = hashParts(String(seed), 'usable_for', name) % 100 < 20;
      const [first, renewal] = PRICES[tld] ?? OTHER_PRICE;
      const discounted = hashParts(String(seed), 'price', name) % 100 < 15;
      return {
        domain: submitted,
        available: true,
        premium: false,
        price_cents: discounted && first > 500 ? first - 200 : first,
        renewal_price_cents: renewal,
        currency: 'usd',
        usable_for: googleOnly ? ['google'] : ['google', 'microsoft'],
      };
    },
  };
}
