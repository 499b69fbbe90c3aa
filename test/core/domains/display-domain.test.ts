import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { displayDomain } from '../../../packages/core/src/domains/display-domain.ts';
import { domainWarnings } from '../../../packages/core/src/domains/domain-warnings.ts';
import { normalizeHostname } from '../../../packages/core/src/domains/normalize-hostname.ts';

describe('displayDomain', () => {
  it.each([
    ['xn--bcher-kva.com', 'bücher.com'],
    ['XN--BCHER-KVA.COM', 'bücher.COM'],
    ['xn--e1afmkfd.xn--p1ai', 'пример.рф'],
    ['xn--fa-hia.de', 'faß.de'],
    ['acme.com', 'acme.com'],
    ['xn--a.com', 'xn--a.com'], // decodes to a control character: kept as is
    ['xn--zz.com', 'xn--zz.com'], // not Punycode: kept as is
  ])('%j → %j', (input, expected) => {
    expect(displayDomain(input)).toBe(expected);
  });

  it('throws a TypeError for a non-string', () => {
    expect(() => displayDomain(42 as unknown as string)).toThrow(TypeError);
  });

  test.prop([fc.string({ unit: fc.constantFrom('ä', 'ö', 'ü', 'ß', 'é', 'ж', 'л', 'ع', '中', 'a', 'b', 'z'), minLength: 1, maxLength: 12 })], {
    numRuns: 150,
  })('inverts normalizeHostname on names it accepts', (label) => {
    let ascii: string;
    try {
      ascii = normalizeHostname(`${label}.com`);
    } catch {
      return; // e.g. a right-to-left label the Bidi rule refuses
    }
    expect(normalizeHostname(displayDomain(ascii))).toBe(ascii);
  });
});

describe('domainWarnings', () => {
  it('flags a Cyrillic а inside a Latin name and says what it reads like (issue 13)', () => {
    const ascii = normalizeHostname('\u0430cme.com');
    expect(ascii).toMatch(/^xn--/);
    expect(domainWarnings(ascii)).toEqual([
      {
        code: 'mixed-script',
        label: '\u0430cme',
        scripts: ['Cyrillic', 'Latin'],
        lookalike: 'acme.com',
        message: '"\u0430cme" mixes Cyrillic and Latin letters; it reads like "acme.com"',
      },
    ]);
  });

  it('flags a name wholly in Latin look-alike letters of another script', () => {
    const [warning] = domainWarnings(normalizeHostname('\u0430\u0441\u0435.com')); // Cyrillic "асе"
    expect(warning).toMatchObject({ code: 'confusable', scripts: ['Cyrillic'], lookalike: 'ace.com' });
  });

  it.each(['xn--bcher-kva.com', 'xn--e1afmkfd.xn--p1ai', 'acme.com', 'xn--fa-hia.de', '東京acme.jp', 'ソニー.jp', '삼성전자.kr'])(
    'leaves %j alone (one script, or a mix languages write)',
    (name) => {
      expect(domainWarnings(name)).toEqual([]);
    },
  );

  it('flags a mix with no Latin look-alike without inventing one', () => {
    const [warning] = domainWarnings('acmeж.com');
    expect(warning).toMatchObject({ code: 'mixed-script', lookalike: null });
  });

  it('throws a TypeError for a non-string', () => {
    expect(() => domainWarnings(null as unknown as string)).toThrow(TypeError);
  });
});
