import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { normalizeHostname } from '../../../packages/core/src/domains/normalize-hostname.ts';
import { parseDomainList } from '../../../packages/core/src/domains/parse-domain-list.ts';
import { decodePunycode } from '../../../packages/core/src/domains/idna.ts';

describe('parseDomainList', () => {
  it('splits on newlines, commas, semicolons and whitespace, and normalises', () => {
    const text = 'acme.com, GetAcme.com;tryacme.io\n\r\n  acme-mail.org\tBücher.de ,, ;';
    expect(parseDomainList(text)).toEqual({
      domains: ['acme.com', 'getacme.com', 'tryacme.io', 'acme-mail.org', 'xn--bcher-kva.de'],
      invalid: [],
    });
  });

  it('strips http(s) schemes, paths, queries, fragments and a port after a scheme', () => {
    const text = 'https://Acme.com/pricing http://getacme.com:8080/ tryacme.com/x?y#z HTTPS://useacme.com?q=1 "joinacme.com" <meetacme.com>';
    expect(parseDomainList(text).domains).toEqual([
      'acme.com', 'getacme.com', 'tryacme.com', 'useacme.com', 'joinacme.com', 'meetacme.com',
    ]);
  });

  it('drops duplicates after normalisation, keeping first-seen order', () => {
    expect(parseDomainList('b.com a.com B.COM. https://a.com/ c.com').domains).toEqual(['b.com', 'a.com', 'c.com']);
  });

  it('reports invalid tokens as pasted, each once, with the reason', () => {
    const { domains, invalid } = parseDomainList('good.com bad_name.com acme.com:80 bad_name.com localhost 1.2.3.4');
    expect(domains).toEqual(['good.com']);
    expect(invalid.map((entry) => entry.input)).toEqual(['bad_name.com', 'acme.com:80', 'localhost', '1.2.3.4']);
    expect(invalid[0]?.message).toMatch(/underscores/);
    expect(invalid[1]?.message).toMatch(/":"/);
    expect(invalid[2]?.message).toMatch(/at least two labels/);
    expect(invalid[3]?.message).toMatch(/IP address/);
  });

  it('takes the host of a URL and the domain of an e-mail address (issue 13)', () => {
    const text = [
      'https://acme.com/pricing',
      'https://jane:secret@GetAcme.com:8443/a?b#c',
      'ftp://files.tryacme.io/x',
      'jane@useacme.com',
      '<bob@joinacme.com>',
      'mailto:team@meetacme.com?subject=hi',
      'https://bücher.de/',
    ].join('\n');
    expect(parseDomainList(text)).toEqual({
      domains: ['acme.com', 'getacme.com', 'files.tryacme.io', 'useacme.com', 'joinacme.com', 'meetacme.com', 'xn--bcher-kva.de'],
      invalid: [],
    });
  });

  it('reports free text once as "not a domain name" instead of one row per word (issue 13)', () => {
    const { domains, invalid } = parseDomainList('not a domain\nacme.com, hello world getacme.com lonely');
    expect(domains).toEqual(['acme.com', 'getacme.com']);
    expect(invalid.map((entry) => entry.input)).toEqual(['not a domain', 'hello world', 'lonely']);
    expect(invalid[0]?.message).toBe('"not a domain" is not a domain name: a domain name looks like "acme.com".');
    expect(invalid[2]?.message).toMatch(/at least two labels/); // one word keeps the normaliser's hint
  });

  it('never strips a subdomain silently: www. is reported with a hint', () => {
    const { domains, invalid } = parseDomainList('www.acme.com https://www.getacme.com/ www.com');
    expect(domains).toEqual(['www.com']);
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).toMatchObject({ input: 'www.acme.com' });
    expect(invalid[0]?.message).toMatch(/subdomain.*Did you mean "acme\.com"\?/);
    expect(invalid[1]?.input).toBe('https://www.getacme.com/');
  });

  it('passes other subdomains with the default normaliser, refuses them with normalizeDomain', () => {
    expect(parseDomainList('mail.acme.com co.uk').domains).toEqual(['mail.acme.com', 'co.uk']);
    const strict = parseDomainList('mail.acme.com co.uk acme.co.uk', { normalize: normalizeDomain });
    expect(strict.domains).toEqual(['acme.co.uk']);
    expect(strict.invalid.map((entry) => entry.input)).toEqual(['mail.acme.com', 'co.uk']);
  });

  it('reports a scheme with no name', () => {
    expect(parseDomainList('https:// acme.com').invalid).toEqual([
      { input: 'https://', message: expect.stringMatching(/no domain name/) },
    ]);
  });

  it('matches its TSDoc example', () => {
    const result = parseDomainList('https://Acme.com/pricing, jane@getacme.com; www.acme.com\nacme.com bad_name.com\nnot a domain');
    expect(result.domains).toEqual(['acme.com', 'getacme.com']);
    expect(result.invalid.map((entry) => entry.input)).toEqual(['www.acme.com', 'bad_name.com', 'not a domain']);
    expect(result.invalid[0]?.message).toMatch(/did you mean "acme\.com"\?/i);
    expect(result.invalid[1]?.message).toMatch(/^Invalid domain "bad_name\.com": contains "_"/);
  });

  it('returns empty lists for empty text', () => {
    expect(parseDomainList('')).toEqual({ domains: [], invalid: [] });
    expect(parseDomainList(' \n,; ')).toEqual({ domains: [], invalid: [] });
  });

  it('rethrows errors that are not PeekerErrors from a custom normaliser', () => {
    const boom = (): string => {
      throw new RangeError('boom');
    };
    expect(() => parseDomainList('acme.com', { normalize: boom })).toThrow(RangeError);
  });

  it('throws TypeErrors for wrong argument types', () => {
    expect(() => parseDomainList(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseDomainList('a.com', { normalize: 'yes' as unknown as (s: string) => string })).toThrow(
      /Expected options.normalize to be a function/,
    );
    expect(() => parseDomainList('a.com', null as never)).toThrow(TypeError);
  });

  test.prop([fc.array(fc.domain(), { maxLength: 20 }), fc.constantFrom('\n', ', ', ';', ' ', '\t')], { numRuns: 150 })(
    'round-trips any list of valid host names, deduplicated in order',
    (names, separator) => {
      const valid = names.flatMap((name) => {
        try {
          return [normalizeHostname(name)];
        } catch {
          return []; // fc.domain() also makes names such as "aa--a.com", refused by RFC 5891
        }
      });
      const expected = [...new Set(valid)].filter((name) => !(name.startsWith('www.') && name.split('.').length > 2));
      const result = parseDomainList(names.join(separator));
      expect(result.domains).toEqual(expected);
      expect(result.domains.length + result.invalid.length).toBeLessThanOrEqual(names.length);
    },
  );

  test.prop([fc.string({ unit: 'binary' })], { numRuns: 200 })('never throws on arbitrary text', (text) => {
    const { domains, invalid } = parseDomainList(text);
    for (const domain of domains) expect(normalizeHostname(domain)).toBe(domain);
    for (const entry of invalid) expect(typeof entry.message).toBe('string');
  });
});

describe('decodePunycode (internal)', () => {
  it.each([
    ['bcher-kva', 'bücher'],
    ['e1afmkfd', 'пример'],
    ['p1ai', 'рф'],
    ['fa-hia', 'faß'],
    ['--eha', '-ü'], // xn----eha
    ['a', '\u0080'],
  ])('%j → %j', (input, expected) => {
    expect(decodePunycode(input)).toBe(expected);
  });

  it('rejects invalid Punycode', () => {
    expect(decodePunycode('9')).toBeNull(); // truncated: the digit asks for more
    expect(decodePunycode('ü-a')).toBeNull(); // non-ASCII basic code point
    expect(decodePunycode('99999999999999999999')).toBeNull(); // integer overflow
    expect(decodePunycode('ab_c')).toBeNull(); // not a Punycode digit
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 30 })], { numRuns: 200 })('never throws', (input) => {
    const result = decodePunycode(input);
    expect(result === null || typeof result === 'string').toBe(true);
  });

  test.prop([fc.string({ unit: fc.constantFrom('ä', 'ö', 'ü', 'é', 'ж', 'л', 'a', 'b', 'z'), minLength: 1, maxLength: 12 })], {
    numRuns: 150,
  })('inverts the platform encoding of a U-label', (label) => {
    const ascii = new URL(`http://${label}.com`).hostname.split('.')[0] as string;
    if (!ascii.startsWith('xn--')) return; // all-ASCII label
    expect(decodePunycode(ascii.slice(4))).toBe(label);
  });
});
