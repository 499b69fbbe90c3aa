import { describe, expect, it } from 'vitest';
import { parseBrand } from '../../../packages/core/src/candidates/candidate-brand.ts';
import { generateCandidates } from '../../../packages/core/src/candidates/generate-candidates.ts';

const labels = (brand: string): Set<string> =>
  new Set(generateCandidates({ brand, limit: Infinity }).map((c) => c.domain.slice(0, c.domain.indexOf('.'))));

describe('brand transliteration (issue 13)', () => {
  it.each([
    ['Müller', 'muller', 'mueller'],
    ['Mu\u0308ller', 'muller', 'mueller'], // ü typed as u + combining diaeresis
    ['Schröder Bau', 'schroderbau', 'schroederbau'],
    ['Ørsted', 'orsted', 'oersted'],
    ['Åland', 'aland', 'aaland'],
    ['Händler.de', 'handler', 'haendler'],
    ['xn--mller-kva.de', 'muller', 'mueller'], // a Punycode domain is read in Unicode
  ])('%j is read as %j and also %j', (brand, token, variant) => {
    const parsed = parseBrand(brand);
    expect(parsed.token).toBe(token);
    expect(parsed.variants.map((v) => v.token)).toEqual([variant]);
  });

  it.each([
    ['Straße', 'strasse'],
    ['Æble', 'aeble'],
    ['Acme', 'acme'],
  ])('%j has one spelling, %j (ß → ss and æ → ae already)', (brand, token) => {
    expect(parseBrand(brand)).toMatchObject({ token, variants: [] });
  });

  it('generates names around both spellings and never offers either bare .com', () => {
    const all = labels('Müller');
    for (const label of ['getmuller', 'getmueller', 'mullerhq', 'muellerhq', 'muller-mail', 'mueller-mail']) {
      expect(all.has(label), label).toBe(true);
    }
    const domains = generateCandidates({ brand: 'Müller', limit: Infinity }).map((c) => c.domain);
    expect(domains).not.toContain('muller.com');
    expect(domains).not.toContain('mueller.com');
    expect(domains).toContain('mueller.org'); // bare brand on another TLD, ranked last
  });

  it('does not drop one spelling as a lookalike of the other', () => {
    // "mueller" is one insertion away from "muller"; both are the customer's own spellings
    const all = labels('Müller');
    expect(all.has('muller')).toBe(true);
    expect(all.has('mueller')).toBe(true);
  });

  it('scores both spellings alike (same pattern, same points)', () => {
    const byDomain = new Map(generateCandidates({ brand: 'Müller', limit: Infinity }).map((c) => [c.domain, c.score]));
    expect(byDomain.get('getmueller.com')).toBe(byDomain.get('getmuller.com'));
  });
});
