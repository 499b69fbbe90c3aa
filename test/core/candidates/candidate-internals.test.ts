import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createProtectedMatcher,
  editDistance,
  protectedNamesFor,
} from '../../../packages/core/src/candidates/candidate-filter.ts';
import { parseBrand } from '../../../packages/core/src/candidates/candidate-brand.ts';
import { lengthPoints, spamWordAcross, tldPoints } from '../../../packages/core/src/candidates/candidate-score.ts';
import { buildLookalikes } from '../../../packages/core/src/candidates/lookalikes.ts';

/** Plain optimal-string-alignment distance, written independently of the implementation. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const r = d[i] as number[];
      const u = d[i - 1] as number[];
      r[j] = Math.min((u[j] as number) + 1, (r[j - 1] as number) + 1, (u[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) r[j] = Math.min(r[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe('buildLookalikes', () => {
  const set = buildLookalikes('acme', { ownTld: 'com' });

  it.each([
    ['omission', ['acm', 'ame', 'cme']],
    ['transposition', ['amce', 'acem', 'came']],
    ['repetition', ['accme', 'acmme', 'aacme']],
    ['nearby-key insertion / replacement', ['acmwe', 'acne', 'scme', 'acmre']],
    ['homoglyphs', ['acrne', 'acnne', 'acm3']],
    ['bitsquats', ['ecme', 'abme', 'agme']],
    ['vowel swaps', ['acmi', 'icme', 'acma', 'ocme']],
    ['cute spellings', ['akme']],
    ['addition and plurals', ['acmes', 'acmex', 'xacme', 'acmees']],
    ['www and TLD run-ons', ['wwwacme', 'www-acme', 'acmecom', 'acme-com']],
  ])('contains %s', (_kind, examples) => {
    for (const example of examples) expect(set.has(example), example).toBe(true);
  });

  it('never contains the brand itself, nor a hyphen split of it', () => {
    expect(set.has('acme')).toBe(false);
    expect(buildLookalikes('acmerockets').has('acme-rockets')).toBe(false);
  });

  it('adds the own TLD run-on', () => {
    expect(buildLookalikes('acme', { ownTld: 'co' }).has('acmeco')).toBe(true);
    expect(buildLookalikes('acme', { ownTld: 'co.uk' }).has('acmecouk')).toBe(true);
    expect(buildLookalikes('acme').has('acmeco')).toBe(false);
  });

  test.prop([fc.stringMatching(/^[a-z0-9]{1,30}$/)], { numRuns: 100 })(
    'is linear in the brand length and holds every single deletion, transposition and repetition',
    (brand) => {
      const lookalikes = buildLookalikes(brand);
      expect(lookalikes.size).toBeLessThanOrEqual(brand.length * 80 + 100);
      for (let i = 0; i < brand.length; i += 1) {
        const omission = brand.slice(0, i) + brand.slice(i + 1);
        if (omission !== brand && omission !== '') expect(lookalikes.has(omission)).toBe(true);
        expect(lookalikes.has(brand.slice(0, i + 1) + brand.slice(i))).toBe(true);
      }
      for (const value of lookalikes) expect(value).toMatch(/^[a-z0-9-]+$/);
    },
  );
});

describe('protected-brand filter', () => {
  test.prop([fc.stringMatching(/^[a-z]{0,9}$/), fc.stringMatching(/^[a-z]{0,9}$/), fc.integer({ min: 0, max: 3 })], { numRuns: 400 })(
    'editDistance agrees with a plain OSA distance, capped',
    (a, b, max) => {
      const exact = osa(a, b);
      expect(editDistance(a, b, max)).toBe(exact > max ? max + 1 : exact);
    },
  );

  test.prop([fc.stringMatching(/^[a-z-]{1,14}$/), fc.uniqueArray(fc.stringMatching(/^[a-z]{3,10}$/), { maxLength: 6 })], { numRuns: 400 })(
    'the matcher flags exactly the labels that contain or are near a name',
    (label, names) => {
      const flat = label.replace(/-/g, '');
      const expected = names.find((n) => flat.includes(n) || osa(flat, n) <= (n.length >= 8 ? 2 : 1)) ?? null;
      const got = createProtectedMatcher(names)(label);
      expect(got === null).toBe(expected === null);
      if (got !== null) expect(flat.includes(got) || osa(flat, got) <= (got.length >= 8 ? 2 : 1)).toBe(true);
    },
  );

  it('exempts the names the brand contains or resembles', () => {
    expect(protectedNamesFor(['ups', 'google', 'Pay-Pal', 'paypal'], 'startups')).toEqual(['google', 'paypal']);
    expect(protectedNamesFor(['google'], 'gogle')).toEqual([]);
    expect(protectedNamesFor(['mastercard'], 'mastrcards')).toEqual([]); // two edits, 10 letters
    expect(protectedNamesFor(['stripe'], 'acme')).toEqual(['stripe']);
  });
});

describe('scoring helpers', () => {
  it('finds spam words formed across a join only', () => {
    expect(spamWordAcross('surf', 'reeform')).toBe('free');
    expect(spamWordAcross('get', 'freedom')).toBeNull(); // inside the brand
    expect(spamWordAcross('acme', 'hub')).toBeNull();
    expect(spamWordAcross('wi', 'nter')).toBe('win');
  });

  it.each([
    [15, 0], [16, -1], [20, -5], [21, -7], [23, -11], [25, -15], [63, -15],
  ])('length %i → %i points', (length, points) => {
    expect(lengthPoints(length)).toBe(points);
  });

  it('keeps the TLD preference strictly decreasing, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(tldPoints)).toEqual([0, -24, -28, -32, -36, -40, -40]);
  });
});

describe('parseBrand', () => {
  it.each([
    ['Acme', ['acme'], 'acme.com'],
    ['Acme Rockets', ['acme', 'rockets'], 'acmerockets.com'],
    ['acme-rockets', ['acme', 'rockets'], 'acmerockets.com'],
    ['Acme & Rockets, Inc.', ['acme', 'rockets', 'inc'], 'acmerocketsinc.com'],
    ['Café', ['cafe'], 'cafe.com'],
    ['Straße', ['strasse'], 'strasse.com'],
    ['acme.io', ['acme'], 'acme.io'],
    ['https://www.Acme.co.uk/path?q', ['acme'], 'acme.co.uk'],
    ['acme-rockets.com', ['acme', 'rockets'], 'acme-rockets.com'],
    ['Bücher.de', ['bucher'], 'xn--bcher-kva.de'],
    ['www.acme', ['acme'], 'acme.com'], // no TLD after "www.": a brand word
    ['Acme/Rockets', ['acme', 'rockets'], 'acmerockets.com'],
  ])('%j → words %j, own domain %j', (brand, words, ownDomain) => {
    const parsed = parseBrand(brand);
    expect(parsed.words).toEqual(words);
    expect(parsed.token).toBe(words.join(''));
    expect(parsed.ownDomain).toBe(ownDomain);
  });
});
