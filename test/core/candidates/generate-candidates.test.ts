import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CandidatePattern } from '../../../packages/core/src/candidates/candidate-pattern.ts';
import { DEFAULT_TLDS } from '../../../packages/core/src/candidates/default-tlds.ts';
import {
  generateCandidates,
  type Candidate,
  type CandidateOptions,
} from '../../../packages/core/src/candidates/generate-candidates.ts';
import { DEFAULT_PROTECTED_BRANDS } from '../../../packages/core/src/candidates/protected-brands.ts';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { buildLookalikes } from '../../../packages/core/src/candidates/lookalikes.ts';

/** Plain optimal-string-alignment distance, written independently of the implementation. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const labelOf = (domain: string): string => domain.slice(0, domain.indexOf('.'));
const domains = (list: readonly Candidate[]): string[] => list.map((c) => c.domain);
const byDomain = (list: readonly Candidate[]): Map<string, Candidate> => new Map(list.map((c) => [c.domain, c]));

/**
 * Checks every invariant that must hold for any brand; collects problems in plain code (one
 * assertion at the end keeps 16,000-candidate lists fast to check).
 */
function checkInvariants(list: readonly Candidate[], token: string, options: Partial<CandidateOptions> = {}): void {
  const patterns = new Set<string>(Object.values(CandidatePattern));
  const tlds = new Set(options.tlds ?? DEFAULT_TLDS);
  const seen = new Set<string>();
  const problems: string[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const c = list[i] as Candidate;
    const fail = (what: string): void => {
      problems.push(`${c.domain}: ${what}`);
    };
    if (seen.has(c.domain)) fail('duplicate');
    seen.add(c.domain);
    const prev = list[i - 1];
    if (prev && !(prev.score > c.score || (prev.score === c.score && prev.domain < c.domain))) fail('out of order');
    if (!patterns.has(c.pattern)) fail(`unknown pattern ${c.pattern}`);
    // explainable: the score is the sum of its reasons
    if (c.reasons.reduce((sum, r) => sum + r.points, 0) !== c.score) fail('score is not the sum of its reasons');
    if (c.reasons[0]?.factor !== 'pattern' || c.reasons[1]?.factor !== 'tld') fail('reasons do not start with pattern, tld');
    // canonical, registrable, one label + a TLD from the list
    let normal: string | null = null;
    try {
      normal = normalizeDomain(c.domain);
    } catch {
      // reported below
    }
    if (normal !== c.domain) fail('does not normalise to itself');
    const label = labelOf(c.domain);
    if (!tlds.has(c.domain.slice(label.length + 1))) fail('TLD not in the list');
    // at most one hyphen, the brand whole, no digit the brand does not have
    if ((label.match(/-/g) ?? []).length > 1) fail('more than one hyphen');
    if (options.hyphens === false && label.includes('-')) fail('hyphen with hyphens: false');
    const flat = label.replace('-', '');
    const at = flat.indexOf(token);
    if (at < 0) fail('brand not whole');
    else if (/[0-9]/.test(flat.slice(0, at) + flat.slice(at + token.length))) fail('digit added');
  }
  expect(problems.slice(0, 10)).toEqual([]);
}

/** Labels (deduplicated) of a candidate list, hyphens removed. */
const flatLabels = (list: readonly Candidate[]): string[] => [...new Set(list.map((c) => labelOf(c.domain).replace('-', '')))];

describe('generateCandidates', () => {
  const acmeAll = generateCandidates({ brand: 'acme', limit: Infinity });

  it('offers well over 5,000 candidates for a one-word brand with the default TLDs', () => {
    expect(acmeAll.length).toBeGreaterThanOrEqual(5_000);
    expect(generateCandidates({ brand: 'acme', limit: Infinity, hyphens: false }).length).toBeGreaterThanOrEqual(5_000);
    expect(generateCandidates({ brand: 'acme', limit: 5_000 })).toHaveLength(5_000);
  });

  it('holds every invariant over the full list for "acme"', () => {
    checkInvariants(acmeAll, 'acme');
  });

  it('is deterministic and its limit is a prefix of the full ranking', () => {
    expect(generateCandidates({ brand: 'acme' })).toEqual(generateCandidates({ brand: 'acme' }));
    expect(generateCandidates({ brand: 'acme' })).toHaveLength(200);
    expect(generateCandidates({ brand: 'acme', limit: 777 })).toEqual(acmeAll.slice(0, 777));
    expect(generateCandidates({ brand: 'acme', limit: 0 })).toEqual([]);
  });

  it('produces the patterns of domain-rules §2', () => {
    const map = byDomain(acmeAll);
    expect(map.get('getacme.com')?.pattern).toBe('verb-prefix');
    expect(map.get('tryacme.com')?.pattern).toBe('verb-prefix');
    expect(map.get('acmehq.com')?.pattern).toBe('noun-suffix');
    expect(map.get('acmeco.com')?.pattern).toBe('noun-suffix');
    expect(map.get('acme-mail.com')?.pattern).toBe('hyphenated');
    expect(map.get('team-acme.com')?.pattern).toBe('hyphenated');
    expect(map.get('acme-join.com')?.pattern).toBe('hyphenated');
    expect(map.get('acmegrowth.com')?.pattern).toBe('outreach-word');
    expect(map.get('acmehub.com')?.pattern).toBe('morpheme');
    expect(map.get('hubacme.com')?.pattern).toBe('morpheme');
    expect(map.get('getacme.org')?.pattern).toBe('verb-prefix'); // a TLD swap keeps its pattern
    expect(map.get('acme.org')?.pattern).toBe('bare-brand');
    expect(map.has('acme.com')).toBe(false); // presumed the customer's main domain
    expect(domains(generateCandidates({ brand: 'acme', limit: 3 }))).toEqual(['acmeai.com', 'acmeapp.com', 'acmeco.com']); // TSDoc example
  });

  it('ranks as domain-rules §4 says', () => {
    const map = byDomain(acmeAll);
    const score = (domain: string): number => {
      const c = map.get(domain);
      expect(c, domain).toBeDefined();
      return (c as Candidate).score;
    };
    // patterns 1 and 2 > 3 > 4 > 5 (TLD swap) > 6
    expect(score('getacme.com')).toBe(score('acmehq.com'));
    expect(score('acmehq.com')).toBeGreaterThan(score('acme-mail.com'));
    expect(score('team-acme.com')).toBeGreaterThan(score('acmegrowth.com'));
    expect(score('acmegrowth.com')).toBeGreaterThan(score('getacme.org'));
    expect(score('getacme.org')).toBeGreaterThan(score('acmehub.com'));
    // hyphenated below the unhyphenated same words; TLD order com > org > net > co > io
    expect(score('getacme.com')).toBeGreaterThan(score('get-acme.com'));
    expect(score('acmehub.com')).toBeGreaterThan(score('acme-hub.com'));
    const tldScores = DEFAULT_TLDS.map((tld) => score(`getacme.${tld}`));
    expect([...tldScores].sort((a, b) => b - a)).toEqual(tldScores);
    expect(new Set(tldScores).size).toBe(tldScores.length);
    // the bare brand is last, below everything else
    const bare = acmeAll.filter((c) => c.pattern === 'bare-brand');
    expect(domains(bare)).toEqual(['acme.org', 'acme.net', 'acme.co', 'acme.io']);
    expect(acmeAll.slice(-bare.length)).toEqual(bare);
    // soft length penalty
    const long = generateCandidates({ brand: 'supercalifragilistic', limit: Infinity });
    const longest = long.find((c) => labelOf(c.domain).length > 20);
    expect(longest?.reasons.some((r) => r.factor === 'length' && r.points < -5)).toBe(true);
  });

  it('explains each score', () => {
    const c = byDomain(acmeAll).get('get-acme.org') as Candidate;
    expect(c.reasons).toEqual([
      { factor: 'pattern', points: 100, note: 'verb prefix "get"' },
      { factor: 'tld', points: -24, note: '.org (2nd TLD choice)' },
      { factor: 'hyphen', points: -12, note: 'one hyphen' },
    ]);
    expect(c.score).toBe(64);
  });

  it('never returns a lookalike of the brand', () => {
    const lookalikes = buildLookalikes('acme', { ownTld: 'com' });
    for (const example of ['acm', 'ame', 'amce', 'acem', 'came', 'accme', 'acmme', 'acmwe', 'acne', 'acrne', 'ecme', 'abme', 'acmi', 'icme', 'acma', 'akme']) {
      expect(lookalikes.has(example), example).toBe(true);
    }
    const labels = [...new Set(acmeAll.map((c) => labelOf(c.domain)))];
    expect(labels.filter((label) => lookalikes.has(label))).toEqual([]);
    expect(labels.filter((label) => label !== 'acme' && Math.abs(label.length - 4) <= 1 && osa(label, 'acme') <= 1)).toEqual([]);
  });

  it('drops names that land in the lookalike set (own-TLD run-on: acme.co → acmeco.*)', () => {
    expect(domains(generateCandidates({ brand: 'acme.co', limit: Infinity })).some((d) => d.startsWith('acmeco.'))).toBe(false);
    expect(byDomain(acmeAll).has('acmeco.org')).toBe(true);
  });

  it('never returns a name containing or near a protected brand', () => {
    const near = (label: string, name: string): boolean => {
      const max = name.length >= 8 ? 2 : 1;
      return label.includes(name) || (Math.abs(label.length - name.length) <= max && osa(label, name) <= max);
    };
    const problems: string[] = [];
    for (const brand of ['acme', 'gogle', 'amaz', 'pay', 'ogle']) {
      // names the brand itself contains or resembles are exempt
      const active = DEFAULT_PROTECTED_BRANDS.filter((p) => !near(brand, p));
      for (const label of flatLabels(generateCandidates({ brand, limit: Infinity }))) {
        for (const p of active) if (near(label, p)) problems.push(`${brand}: ${label} ~ ${p}`);
      }
    }
    expect(problems).toEqual([]);
    // "go" + "ogle" would be "google"
    expect(flatLabels(generateCandidates({ brand: 'ogle', limit: Infinity })).some((l) => l.includes('google'))).toBe(false);
  });

  it('lets partners extend the protected list', () => {
    expect(byDomain(acmeAll).has('acmehub.com')).toBe(true);
    const list = generateCandidates({ brand: 'acme', limit: Infinity, protectedBrands: [...DEFAULT_PROTECTED_BRANDS, 'AcmeHub'] });
    const bad = flatLabels(list).filter((l) => l.includes('acmehub') || (Math.abs(l.length - 7) <= 1 && osa(l, 'acmehub') <= 1));
    expect(bad).toEqual([]);
    expect(domains(list)).not.toContain('acme-hub.com');
    expect(domains(list)).not.toContain('acmehue.com'); // one edit away
  });

  it("allows the customer's own brand even when it contains or is a protected name", () => {
    expect(domains(generateCandidates({ brand: 'stripe' }))).toContain('getstripe.com');
    const startups = generateCandidates({ brand: 'startups', limit: 50 });
    expect(startups).toHaveLength(50);
    checkInvariants(startups, 'startups');
  });

  it('joins a multi-word brand and tries one hyphen between its words', () => {
    const list = generateCandidates({ brand: 'Acme Rockets', limit: Infinity });
    checkInvariants(list, 'acmerockets');
    const map = byDomain(list);
    expect(map.has('acmerockets.com')).toBe(false); // presumed main domain
    expect(map.get('acmerockets.org')?.pattern).toBe('bare-brand');
    expect(map.get('acme-rockets.com')?.pattern).toBe('bare-brand');
    expect(map.get('getacmerockets.com')?.pattern).toBe('verb-prefix');
    expect(map.has('get-acme-rockets.com')).toBe(false);
    const three = byDomain(generateCandidates({ brand: 'acme big rockets', limit: Infinity }));
    expect(three.has('acme-bigrockets.com')).toBe(true);
    expect(three.has('acmebig-rockets.com')).toBe(true);
    expect(three.size).toBeGreaterThanOrEqual(5_000);
    const noHyphens = generateCandidates({ brand: 'Acme Rockets', limit: Infinity, hyphens: false });
    checkInvariants(noHyphens, 'acmerockets', { hyphens: false });
    expect(noHyphens.length).toBeGreaterThanOrEqual(5_000);
  });

  it('reads a brand given as a domain and excludes exactly that domain', () => {
    const io = byDomain(generateCandidates({ brand: 'acme.io', limit: Infinity }));
    expect(io.has('acme.io')).toBe(false);
    expect(io.get('acme.com')?.pattern).toBe('bare-brand');
    expect(io.has('getacme.io')).toBe(true);
    for (const brand of ['acme.com', 'ACME.COM.', 'https://www.Acme.com/about', 'www.acme.com']) {
      const list = generateCandidates({ brand, limit: Infinity });
      expect(list, brand).toEqual(acmeAll);
    }
    const uk = generateCandidates({ brand: 'acme.co.uk', tlds: ['co.uk', 'com'], limit: Infinity });
    checkInvariants(uk, 'acme', { tlds: ['co.uk', 'com'] });
    expect(domains(uk)).not.toContain('acme.co.uk');
    expect(domains(uk)).toContain('getacme.co.uk');
  });

  it('cleans brand text without adding or changing characters of the brand', () => {
    expect(domains(generateCandidates({ brand: 'Acme™', limit: 5 }))).toEqual(domains(generateCandidates({ brand: 'acme', limit: 5 })));
    expect(domains(generateCandidates({ brand: 'Café Olé', limit: Infinity }))).toContain('getcafeole.com');
    expect(domains(generateCandidates({ brand: "O'Brien & Sons", limit: Infinity }))).toContain('getobriensons.com');
    const digits = generateCandidates({ brand: '3M', limit: Infinity });
    checkInvariants(digits, '3m');
    expect(domains(digits)).toContain('get3m.com');
  });

  it('honours hyphens: false', () => {
    const list = generateCandidates({ brand: 'acme', limit: Infinity, hyphens: false });
    checkInvariants(list, 'acme', { hyphens: false });
    expect(list.every((c) => !c.domain.includes('-'))).toBe(true);
  });

  it('never returns excluded names (compared after normalisation)', () => {
    const list = domains(generateCandidates({ brand: 'acme', limit: Infinity, exclude: ['getacme.com', ' ACME-MAIL.COM. ', 'not a domain'] }));
    expect(list).not.toContain('getacme.com');
    expect(list).not.toContain('acme-mail.com');
    expect(list).toContain('tryacme.com');
    expect(list).toHaveLength(acmeAll.length - 2);
  });

  it('tries the given TLDs in the given order of preference', () => {
    expect(DEFAULT_TLDS).toEqual(['com', 'org', 'net', 'co', 'io']);
    expect(Object.isFrozen(DEFAULT_TLDS)).toBe(true);
    for (const avoided of ['us', 'info', 'biz']) expect(DEFAULT_TLDS).not.toContain(avoided);
    const list = generateCandidates({ brand: 'acme', tlds: ['.ORG', 'com', 'org', 'live'], limit: Infinity });
    checkInvariants(list, 'acme', { tlds: ['org', 'com', 'live'] });
    const map = byDomain(list);
    expect((map.get('getacme.org') as Candidate).score).toBeGreaterThan((map.get('getacme.com') as Candidate).score);
    expect(map.has('getacme.live')).toBe(true);
    expect(generateCandidates({ brand: 'acme', tlds: [] })).toEqual([]);
  });

  it('adds a small penalty for a spam word formed across the join ("surf" + "reeform")', () => {
    const c = byDomain(generateCandidates({ brand: 'reeform', limit: Infinity })).get('surfreeform.com') as Candidate;
    expect(c.reasons).toContainEqual({ factor: 'spam-word', points: -5, note: 'contains "free"' });
    expect(c.score).toBe(70);
  });

  it.each([
    [undefined, /options to be an object/],
    [{}, /brand to be a string/],
    [{ brand: 42 }, /brand to be a string/],
    [{ brand: 'acme', limit: -1 }, /limit to be a non-negative integer/],
    [{ brand: 'acme', limit: 1.5 }, /limit/],
    [{ brand: 'acme', limit: '10' }, /limit/],
    [{ brand: 'acme', hyphens: 'no' }, /hyphens to be a boolean/],
    [{ brand: 'acme', tlds: 'com' }, /tlds to be an array of strings/],
    [{ brand: 'acme', exclude: [1] }, /exclude to be an array of strings/],
    [{ brand: 'acme', protectedBrands: 'google' }, /protectedBrands to be an array of strings/],
  ])('throws a TypeError for %j', (options, message) => {
    expect(() => generateCandidates(options as unknown as CandidateOptions)).toThrow(TypeError);
    expect(() => generateCandidates(options as unknown as CandidateOptions)).toThrow(message);
  });

  it.each([
    [{ brand: '!!!' }, 'invalid_brand', /no letters or digits/],
    [{ brand: '   ' }, 'invalid_brand', /no letters or digits/],
    [{ brand: 'a'.repeat(64) }, 'invalid_brand', /longer than 63/],
    [{ brand: 'acme..com' }, 'invalid_brand', /not a valid one/],
    [{ brand: 'acme', tlds: ['c_m'] }, 'invalid_domain', /Invalid TLD "c_m"/],
    [{ brand: 'acme', tlds: ['123'] }, 'invalid_domain', /Invalid TLD "123"/],
  ])('throws PeekerError for %j', (options, code, message) => {
    try {
      generateCandidates(options as CandidateOptions);
      expect.unreachable();
    } catch (error) {
      expect(PeekerError.is(error)).toBe(true);
      expect((error as PeekerError).code).toBe(code);
      expect((error as PeekerError).message).toMatch(message);
    }
  });

  const brandArb = fc
    .array(fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '));
  test.prop([brandArb, fc.boolean()], { numRuns: 25 })('invariants hold for arbitrary brands', (brand, hyphens) => {
    const list = generateCandidates({ brand, hyphens, limit: 300 });
    const token = brand.replace(/ /g, '');
    checkInvariants(list, token, { hyphens });
    expect(list).toEqual(generateCandidates({ brand, hyphens, limit: 300 }));
    const lookalikes = buildLookalikes(token, { ownTld: 'com' });
    expect(list.filter((c) => lookalikes.has(labelOf(c.domain)))).toEqual([]);
    expect(domains(list)).not.toContain(`${token}.com`);
  });
});
