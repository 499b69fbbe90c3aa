import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { normalizeHostname } from '../../../packages/core/src/domains/normalize-hostname.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';

const label63 = 'a'.repeat(63);
/** 253 characters: 63 + 1 + 63 + 1 + 63 + 1 + 61. */
const host253 = `${label63}.${label63}.${label63}.${'b'.repeat(61)}`;

/** Runs `fn` and returns the PeekerError it throws (failing the test otherwise). */
function peekerErrorOf(fn: () => unknown): PeekerError {
  try {
    fn();
  } catch (error) {
    expect(PeekerError.is(error)).toBe(true);
    return error as PeekerError;
  }
  throw new Error('expected a PeekerError, nothing was thrown');
}

describe('normalizeDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['ACME.Com', 'acme.com'],
    ['  acme.com \n', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['\tAcme.COM. ', 'acme.com'],
    ['Bücher.com', 'xn--bcher-kva.com'],
    ['xn--bcher-kva.com', 'xn--bcher-kva.com'],
    ['XN--BCHER-KVA.COM', 'xn--bcher-kva.com'],
    ['faß.de', 'xn--fa-hia.de'], // IDNA2008, non-transitional: ß is kept
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['ＡＣＭＥ．ｃｏｍ', 'acme.com'], // full-width letters and dot (UTS #46 mapping)
    ['acme。com', 'acme.com'], // ideographic full stop
    ['acme.co.uk', 'acme.co.uk'],
    ['get-acme.io', 'get-acme.io'],
    ['3m.com', '3m.com'],
    ['123.com', '123.com'], // an all-digit label is fine below the TLD
    [`${label63}.com`, `${label63}.com`],
    ['acmé.com', 'xn--acm-dma.com'],
    ['xn--acm-dma.com', 'xn--acm-dma.com'],
    ['Café-Acme.com', 'xn--caf-acme-d1a.com'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['.', /at least two labels/],
    ['acme', /at least two labels/],
    ['com', /at least two labels/],
    ['co.uk', /"co\.uk" is a public suffix/],
    ['mail.acme.com', /subdomain of "acme\.com"/],
    ['www.acme.com', /subdomain of "acme\.com"/],
    ['a.acme.co.uk', /subdomain of "acme\.co\.uk"/],
    ['acme.blogspot.com', /subdomain of "blogspot\.com"/], // ICANN rules only
    ['acme.zzzz', /"\.zzzz" is not a known public suffix/],
    ['acme.local', /not a known public suffix/],
    ['1.2', /IP address/],
    ['192.168.0.1', /IP address/],
    ['acme.123', /all-numeric/],
    ['[::1]', /only letters, digits, hyphens and dots/],
    ['acme.com:80', /":"/],
    ['http://acme.com', /":"/],
    ['user@acme.com', /"@"/],
    ['acme.com/path', /"\/"/],
    ['acme.com?x', /"\?"/],
    ['ac%6De.com', /"%"/],
    ['a_b.com', /underscores/],
    ['ab\uFF3Fc.com', /underscores/], // full-width low line maps to "_"
    ['ac me.com', /whitespace/],
    ['acme.com\u0000', /control/],
    ['acme..com', /empty label/],
    ['.acme.com', /empty label/],
    ['acme.com..', /empty label/],
    ['-acme.com', /starts or ends with a hyphen/],
    ['acme-.com', /starts or ends with a hyphen/],
    ['ab--cd.com', /"--" in positions 3–4/],
    ['xn--acme-.com', /decodes to the plain ASCII "acme"/],
    ['xn----eha.com', /decodes to a name that starts or ends with a hyphen/], // "-ü"
    ['-ü.com', /decodes to a name that starts or ends with a hyphen/],
    ['ü-.com', /decodes to a name that starts or ends with a hyphen/],
    ['ab--ü.com', /decodes to a name with "--" in positions 3–4/],
    ['xn--b--c-zra.com', /decodes to a name with "--" in positions 3–4/], // "üb--c"
    ['xn--a.com', /xn--|Punycode|A-label/],
    ['xn--zz.com', /xn--|Punycode|A-label/],
    [`${'a'.repeat(64)}.com`, /longer than 63/],
    [`${host253}.c`, /longer than 253/],
    ['a\u200Cb.com', /IDNA/], // ZWNJ without a joining context
    ['\uD800.com', /IDNA/], // lone surrogate
  ])('%j is refused: %s', (input, message) => {
    const error = peekerErrorOf(() => normalizeDomain(input));
    expect(error.code).toBe('invalid_domain');
    expect(error.message).toMatch(message);
  });

  it('names the input in the message, shortened to about 80 characters', () => {
    const input = `${'x'.repeat(2_000)}.com`;
    const error = peekerErrorOf(() => normalizeDomain(input));
    expect(error.message).toContain('"xxxxxxxx');
    expect(error.message.length).toBeLessThan(200);
    expect(peekerErrorOf(() => normalizeDomain('acme.zzzz')).message).toContain('"acme.zzzz"');
  });

  it('accepts 253 characters in normalizeHostname, refuses 254 in both', () => {
    expect(host253).toHaveLength(253);
    expect(normalizeHostname(host253)).toBe(host253);
    expect(normalizeHostname(`${host253}.`)).toBe(host253);
    expect(peekerErrorOf(() => normalizeHostname(`${host253}b`)).message).toMatch(/longer than 253/);
    expect(peekerErrorOf(() => normalizeDomain(`${host253}b`)).message).toMatch(/longer than 253/);
  });

  it.each([[undefined], [null], [42], [{}], [['acme.com']]])('throws a TypeError for %j', (input) => {
    expect(() => normalizeDomain(input as unknown as string)).toThrow(TypeError);
    expect(() => normalizeDomain(input as unknown as string)).toThrow(/Expected a domain name string, got/);
  });

  const throwsOnlyPeekerErrors = (input: string): void => {
    try {
      normalizeDomain(input);
    } catch (error) {
      expect(PeekerError.is(error)).toBe(true);
      expect((error as PeekerError).code).toBe('invalid_domain');
    }
  };
  test.prop([fc.string()], { numRuns: 300 })('throws nothing but PeekerError on strings', throwsOnlyPeekerErrors);
  test.prop([fc.string({ unit: 'binary' })], { numRuns: 300 })('… on full-Unicode strings', throwsOnlyPeekerErrors);
  test.prop([fc.string({ unit: 'grapheme' })], { numRuns: 200 })('… on graphemes', throwsOnlyPeekerErrors);
  test.prop([fc.webUrl()], { numRuns: 200 })('… on URLs', throwsOnlyPeekerErrors);

  /** Strings made of domain-ish pieces, so that many of them are valid. */
  const domainish = fc
    .array(
      fc.constantFrom('a', 'b', 'x', 'n', '-', '--', '.', 'xn--', '0', '9', 'ü', 'ß', 'Ａ', '。', 'com', 'co.uk', 'org', 'io', '\u200D', ' '),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));
  test.prop([fc.oneof(fc.domain(), domainish, fc.string({ unit: 'binary' }))], { numRuns: 400 })(
    'is idempotent on its own output',
    (input) => {
      let once: string;
      try {
        once = normalizeDomain(input);
      } catch {
        return;
      }
      expect(normalizeDomain(once)).toBe(once);
      expect(normalizeHostname(once)).toBe(once);
      expect(once).toMatch(/^[a-z0-9.-]+$/);
    },
  );

  test.prop([fc.domain()], { numRuns: 300 })('fc.domain() inputs either normalise or throw PeekerError', (input) => {
    try {
      const out = normalizeDomain(input);
      expect(out).toBe(input.toLowerCase());
    } catch (error) {
      expect(PeekerError.is(error)).toBe(true);
    }
  });
});
