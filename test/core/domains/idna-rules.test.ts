import { describe, expect, it } from 'vitest';
import { idna2008Problem } from '../../../packages/core/src/domains/idna2008.ts';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { normalizeHostname } from '../../../packages/core/src/domains/normalize-hostname.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';

/** The PeekerError message `fn` throws (failing the test when it returns). */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(PeekerError.is(error)).toBe(true);
    return (error as PeekerError).message;
  }
  throw new Error('expected a refusal, got a name');
}

const both = [
  ['normalizeHostname', normalizeHostname],
  ['normalizeDomain', normalizeDomain],
] as const;

describe.each(both)('%s: one IDNA answer (issue 13)', (_name, normalize) => {
  it.each([
    ['xn--a.pt', /A-label/], // decodes to U+0080, a control character
    ['xn--ss-59d.xn--1ug.com', /A-label/], // a lone zero-width joiner
    ['xn--zn7c.com', /A-label/], // U+FFFD
    ['xn--1ug.example.com', /A-label/],
    ['xn--a-ecp.ru', /A-label/], // "a" + U+0307 … not NFC / not valid
    ['XN--A.com', /A-label/],
    ['xn--zz.com', /not valid Punycode/], // truncated Punycode
  ])('refuses the invalid A-label %j', (input, message) => {
    expect(refusal(() => normalize(input))).toMatch(message);
  });

  it.each([
    ['♥.net', '♥'],
    ['☕.com', '☕'],
    ['i♥ny.com', '♥'],
    ['xn--g6h.net', '♥'], // the same symbol typed as an A-label
    ['a·b.cat', '·'], // middle dot outside "l·l" (RFC 5892 A.3)
  ])('refuses %j: IDNA2008 does not allow %j', (input, symbol) => {
    const message = refusal(() => normalize(input));
    expect(message).toMatch(/IDNA2008/);
    expect(message).toContain(symbol);
  });

  it.each([
    ['FAẞ.de', 'xn--fa-hia.de'], // capital sharp s → ß (nontransitional, Unicode ≥ 15.1)
    ['faß.de', 'xn--fa-hia.de'],
    ['Bücher.com', 'xn--bcher-kva.com'],
    ['xn--bcher-kva.com', 'xn--bcher-kva.com'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('keeps the Catalan middle dot between two "l" (RFC 5892 A.3), round trip included', () => {
    const ascii = normalize('col·legi.cat');
    expect(ascii).toMatch(/^xn--[a-z0-9-]+\.cat$/);
    expect(normalize(ascii)).toBe(ascii);
  });
});

describe('normalizeDomain: Unicode 17 data in every runtime', () => {
  it.each([
    ['Ӏ.com', 'xn--s5a.com'],
    ['Ↄ.com', 'xn--r5g.com'],
    ['㛼.com', 'xn--snl.com'],
    ['look\u180Eout.net', 'lookout.net'],
  ])('%j → %j (Node 20 URL parser refuses it)', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });
});

describe('idna2008Problem', () => {
  it.each(['bücher', 'пример', '例え', 'ß', 'ς', 'l·l', 'ア・イ', 'א׳'])('accepts %j', (label) => {
    expect(idna2008Problem(label)).toBeNull();
  });

  it.each(['♥', '☕', '€uro', 'a·b', '·l', 'ـa', 'a\u0660\u06F0', '\u1100'])('refuses %j', (label) => {
    expect(idna2008Problem(label)).toMatch(/IDNA2008|RFC 5892/);
  });
});
