import { fc, test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { normalizeHostname } from '../../../packages/core/src/domains/normalize-hostname.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';

describe('normalizeHostname', () => {
  it.each([
    ['mail.acme.com', 'mail.acme.com'], // no public-suffix knowledge: subdomains pass
    ['co.uk', 'co.uk'],
    ['acme.zzzz', 'acme.zzzz'],
    [' Bücher.COM. ', 'xn--bcher-kva.com'],
    ['a.b', 'a.b'],
    ['  Acme.COM. ', 'acme.com'], // TSDoc examples
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each([
    ['acme', /at least two labels/],
    ['1.2', /IP address/], // never rewritten to 1.0.0.2
    ['１.２', /IP address|all-numeric/], // full-width digits, mapped by the platform
    ['a.b.3', /all-numeric/],
    ['acme.com:443', /":"/],
    ['ab--c.com', /positions 3–4/],
  ])('%j is refused', (input, message) => {
    expect(() => normalizeHostname(input)).toThrow(PeekerError);
    expect(() => normalizeHostname(input)).toThrow(message);
  });

  it('throws a TypeError for a non-string', () => {
    expect(() => normalizeHostname(7 as unknown as string)).toThrow(TypeError);
  });

  test.prop([fc.oneof(fc.domain(), fc.string({ unit: 'binary' }), fc.webUrl())], { numRuns: 300 })(
    'agrees with normalizeDomain wherever normalizeDomain succeeds, and is idempotent',
    (input) => {
      let host: string;
      try {
        host = normalizeHostname(input);
      } catch (error) {
        expect(PeekerError.is(error)).toBe(true);
        // the stricter normaliser cannot accept what the syntax check refused (for Unicode
        // input, Node's URL parser has older tables than normalizeDomain's: docs/idna.md)
        if (!/[^\u0000-\u007F]/u.test(input)) expect(() => normalizeDomain(input)).toThrow(PeekerError);
        return;
      }
      expect(normalizeHostname(host)).toBe(host);
      try {
        expect(normalizeDomain(input)).toBe(host);
      } catch (error) {
        expect(PeekerError.is(error)).toBe(true);
      }
    },
  );

  it('does not import tldts or tr46 (keeps the public-suffix list and IDNA tables out of browser bundles)', () => {
    const read = (path: string): string =>
      readFileSync(fileURLToPath(new URL(`../../../packages/core/src/${path}`, import.meta.url)), 'utf8');
    for (const file of ['domains/normalize-hostname.ts', 'domains/domain-syntax.ts', 'domains/idna.ts',
      'domains/idna2008.ts', 'domains/display-domain.ts', 'domains/domain-warnings.ts',
      'domains/parse-domain-list.ts', 'candidates/generate-candidates.ts', 'candidates/candidate-brand.ts']) {
      expect(read(file), file).not.toMatch(/from ['"]tldts/);
      expect(read(file), file).not.toMatch(/normalize-domain/);
      expect(read(file), file).not.toMatch(/from ['"][^'"]*(tr46|idna-uts46)/);
    }
    // the same patterns do catch the server path's imports
    expect(read('domains/normalize-domain.ts')).toMatch(/from ['"][^'"]*(tr46|idna-uts46)/);
    expect(read('domains/normalize-domain.ts')).toMatch(/from ['"]tldts/);
  });
});
