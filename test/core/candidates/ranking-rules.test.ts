/**
 * One property per ranking rule of docs/domain-rules.md §4 ("Ranking rules the code
 * guarantees"), run over arbitrary brands, so a rule stated in the docs is a rule tested.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TLDS } from '../../../packages/core/src/candidates/default-tlds.ts';
import { generateCandidates, type Candidate } from '../../../packages/core/src/candidates/generate-candidates.ts';

const labelOf = (domain: string): string => domain.slice(0, domain.indexOf('.'));
const tldOf = (domain: string): string => domain.slice(domain.indexOf('.') + 1);
const pointsOf = (c: Candidate, factor: Candidate['reasons'][number]['factor']): number =>
  c.reasons.filter((r) => r.factor === factor).reduce((sum, r) => sum + r.points, 0);
/** Pattern rank of domain-rules §4 (lower is better); hyphenated names are pattern 3 whatever their word. */
const PATTERN_RANK: Readonly<Record<string, number>> = {
  'verb-prefix': 1,
  'noun-suffix': 1,
  hyphenated: 3,
  'outreach-word': 4,
  morpheme: 6,
  'bare-brand': 7,
};

const brandArb = fc
  .array(fc.stringMatching(/^[a-z]{2,5}$/), { minLength: 1, maxLength: 2 }) // joined ≤ 10: every pattern has names under 16 characters
  .map((words) => words.join(' '));
const tldsArb = fc.shuffledSubarray(['com', 'org', 'net', 'co', 'io', 'live', 'dev'], { minLength: 2, maxLength: 5 });
const options = { numRuns: 12 };

/** All candidates for a brand, and lookups by domain. */
function all(brand: string, tlds: readonly string[] = DEFAULT_TLDS): { list: Candidate[]; byDomain: Map<string, Candidate> } {
  const list = generateCandidates({ brand, tlds, limit: Infinity });
  return { list, byDomain: new Map(list.map((c) => [c.domain, c])) };
}

describe('ranking rules of docs/domain-rules.md §4', () => {
  test.prop([brandArb, tldsArb], options)('1. TLD: the same name on an earlier TLD ranks above it on a later one', (brand, tlds) => {
    const { list, byDomain } = all(brand, tlds);
    const problems: string[] = [];
    for (const c of list) {
      const index = tlds.indexOf(tldOf(c.domain));
      for (const later of tlds.slice(index + 1)) {
        const other = byDomain.get(`${labelOf(c.domain)}.${later}`);
        if (other !== undefined && !(c.score > other.score)) problems.push(`${c.domain} vs ${other.domain}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  test.prop([brandArb, tldsArb], options)(
    '2. Hyphens: the unhyphenated form of the same words always ranks above the hyphenated one',
    (brand, tlds) => {
      const { list, byDomain } = all(brand, tlds);
      const position = new Map(list.map((c, i) => [c.domain, i]));
      const problems: string[] = [];
      let pairs = 0;
      for (const c of list) {
        if (!labelOf(c.domain).includes('-')) continue;
        const twin = byDomain.get(c.domain.replace('-', ''));
        if (twin === undefined) continue;
        pairs += 1;
        if (!(twin.score > c.score) || (position.get(twin.domain) as number) > (position.get(c.domain) as number)) {
          problems.push(`${c.domain} (${c.score}) vs ${twin.domain} (${twin.score})`);
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
      expect(pairs).toBeGreaterThan(0);
    },
  );

  it('2. Hyphens: acmeconnect.com ranks above acme-connect.com (issue 13)', () => {
    const { list } = all('acme');
    const at = (domain: string): number => list.findIndex((c) => c.domain === domain);
    expect(at('acmeconnect.com')).toBeGreaterThanOrEqual(0);
    expect(at('acmeconnect.com')).toBeLessThan(at('acme-connect.com'));
    const hyphenated = list[at('acme-connect.com')] as Candidate;
    expect(hyphenated.reasons.find((r) => r.factor === 'hyphen')?.note).toBe('one hyphen; kept below "acmeconnect"');
  });

  test.prop([brandArb], options)('3. Hyphens: never two, and none with hyphens: false', (brand) => {
    const withHyphens = generateCandidates({ brand, limit: Infinity });
    expect(withHyphens.filter((c) => (labelOf(c.domain).match(/-/gu) ?? []).length > 1)).toEqual([]);
    expect(generateCandidates({ brand, limit: Infinity, hyphens: false }).filter((c) => c.domain.includes('-'))).toEqual([]);
  });

  test.prop([brandArb], options)(
    '4. Pattern: on one TLD, with no length or spam adjustment, 1 and 2 > 3 > 4 > 6 > bare brand (rule 2 aside)',
    (brand) => {
      const { list, byDomain } = all(brand);
      const plain = list.filter((c) => tldOf(c.domain) === 'com' && pointsOf(c, 'length') === 0 && pointsOf(c, 'spam-word') === 0);
      const problems: string[] = [];
      // the best score of each rank must beat the worst score of every lower rank
      const worst = new Map<number, Candidate>();
      const best = new Map<number, Candidate>();
      for (const c of plain) {
        // a hyphenated name whose unhyphenated twin exists follows rule 2 instead
        if (c.pattern === 'hyphenated' && byDomain.has(c.domain.replace('-', ''))) continue;
        const rank = PATTERN_RANK[c.pattern] as number;
        if (!worst.has(rank) || (worst.get(rank) as Candidate).score > c.score) worst.set(rank, c);
        if (!best.has(rank) || (best.get(rank) as Candidate).score < c.score) best.set(rank, c);
      }
      for (const [rank, low] of worst) {
        for (const [otherRank, high] of best) {
          if (otherRank <= rank) continue;
          if (!(low.score > high.score)) problems.push(`${low.domain} (${low.score}) ≤ ${high.domain} (${high.score})`);
        }
      }
      expect(problems).toEqual([]);
      expect(plain.length).toBeGreaterThan(0);
    },
  );

  test.prop([brandArb, tldsArb], options)('5. Bare brand: every bare-brand name ranks below every other name', (brand, tlds) => {
    const { list } = all(brand, tlds);
    const firstBare = list.findIndex((c) => c.pattern === 'bare-brand');
    expect(firstBare).toBeGreaterThanOrEqual(0);
    expect(list.slice(firstBare).filter((c) => c.pattern !== 'bare-brand')).toEqual([]);
  });

  test.prop([brandArb], options)('6. Length: among otherwise equal names a longer label never ranks higher, and past 15 characters ranks lower', (brand) => {
    const { list } = all(brand);
    const groups = new Map<string, Candidate[]>();
    for (const c of list) {
      const key = [pointsOf(c, 'pattern'), tldOf(c.domain), pointsOf(c, 'hyphen'), pointsOf(c, 'spam-word')].join('|');
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const problems: string[] = [];
    for (const group of groups.values()) {
      // per length: the lowest and highest score; every shorter length's lowest must be at
      // least every longer length's highest (strictly above once the longer passes 15)
      const byLength = new Map<number, { min: Candidate; max: Candidate }>();
      for (const c of group) {
        const length = labelOf(c.domain).length;
        const seen = byLength.get(length);
        if (seen === undefined) byLength.set(length, { min: c, max: c });
        else {
          if (c.score < seen.min.score) seen.min = c;
          if (c.score > seen.max.score) seen.max = c;
        }
      }
      const lengths = [...byLength.keys()].sort((x, y) => x - y);
      for (let i = 0; i < lengths.length; i += 1) {
        const short = byLength.get(lengths[i] as number)?.min as Candidate;
        for (const longer of lengths.slice(i + 1)) {
          const long = byLength.get(longer)?.max as Candidate;
          if (short.score < long.score || (longer > 15 && short.score <= long.score)) {
            problems.push(`${short.domain} (${short.score}) vs ${long.domain} (${long.score})`);
          }
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  test.prop([fc.constantFrom('acme', 'surf', 'bright', 'ufree', 'win')], { numRuns: 5 })(
    '7. Word quality: a spam word across the join costs points, so such a name ranks below its otherwise equal peers',
    (brand) => {
      const { list } = all(brand);
      for (const c of list.filter((x) => pointsOf(x, 'spam-word') !== 0)) {
        expect(pointsOf(c, 'spam-word')).toBeLessThan(0);
        const peer = list.find(
          (x) =>
            pointsOf(x, 'spam-word') === 0 &&
            pointsOf(x, 'pattern') === pointsOf(c, 'pattern') &&
            pointsOf(x, 'hyphen') === pointsOf(c, 'hyphen') &&
            tldOf(x.domain) === tldOf(c.domain) &&
            labelOf(x.domain).length === labelOf(c.domain).length,
        );
        if (peer !== undefined) expect(peer.score).toBeGreaterThan(c.score);
      }
    },
  );

  test.prop([brandArb], options)('8. Digits: never added to a brand without them', (brand) => {
    expect(generateCandidates({ brand, limit: Infinity }).filter((c) => /[0-9]/u.test(c.domain))).toEqual([]);
  });

  it('9. TLDs: the default list is com, org, net, co, io, in that order; us, info and biz are left out', () => {
    expect(DEFAULT_TLDS).toEqual(['com', 'org', 'net', 'co', 'io']);
  });

  test.prop([brandArb], options)('10. Order: score descending, then domain by code unit; the same input gives the same list', (brand) => {
    const list = generateCandidates({ brand, limit: 500 });
    for (let i = 1; i < list.length; i += 1) {
      const a = list[i - 1] as Candidate;
      const b = list[i] as Candidate;
      expect(a.score > b.score || (a.score === b.score && a.domain < b.domain)).toBe(true);
    }
    expect(generateCandidates({ brand, limit: 500 })).toEqual(list);
  });
});
