import { server } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { platformToAscii } from '../../packages/core/src/domains/idna.ts';
import { uts46ToAscii } from '../../packages/core/src/domains/idna-uts46.ts';
import { normalizeDomain } from '../../packages/core/src/domains/normalize-domain.ts';
import { normalizeHostname } from '../../packages/core/src/domains/normalize-hostname.ts';
import { PeekerError } from '../../packages/core/src/errors/peeker-error.ts';
import {
  CHROMIUM_TOASCII_KNOWN_DIFFERENCES,
  idnaDifferences,
  idnaTestV2,
  pslExpectation,
  pslRules,
  pslVectors,
  REFERENCE_DIR,
  REQUIRED_SHARE,
  SKIP_NOTICE,
  TOASCII_KNOWN_DIFFERENCES,
  toAsciiVectors,
} from '../core/domains/reference-vectors.ts';

/** Reads a vector file through vitest's readFile command (paths from the repository root). */
async function readReference(path: string): Promise<string | null> {
  try {
    return await server.commands.readFile(`${REFERENCE_DIR}/${path}`);
  } catch {
    return null;
  }
}

const files = {
  idna: await readReference('wpt/IdnaTestV2.json'),
  toascii: await readReference('wpt/toascii.json'),
  psl: await readReference('psl/test_psl.txt'),
  list: await readReference('psl/public_suffix_list.dat'),
};
const present = Object.values(files).every((text) => text !== null);
if (!present) console.warn(SKIP_NOTICE);

describe.skipIf(!present)('IDNA and public-suffix conformance in real Chromium', () => {
  const vectors = present ? idnaTestV2(files.idna as string) : [];
  const assorted = present ? toAsciiVectors(files.toascii as string) : [];
  const sortedInputs = (list: readonly { input: string }[]): string[] => list.map((d) => d.input).sort();

  it('the browser IDNA step (URL parser + strict A-labels) gives every IdnaTestV2 answer', () => {
    expect(vectors.length).toBeGreaterThan(2000);
    expect(idnaDifferences(vectors, platformToAscii)).toEqual([]);
  });

  it('the browser IDNA step differs from toascii.json only on the documented vectors', () => {
    const differences = idnaDifferences(assorted, platformToAscii);
    expect(sortedInputs(differences)).toEqual(sortedInputs(CHROMIUM_TOASCII_KNOWN_DIFFERENCES));
    expect(1 - differences.length / (vectors.length + assorted.length)).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });

  it('the server IDNA step (tr46) gives the same answers in the browser', () => {
    expect(idnaDifferences(vectors, uts46ToAscii)).toEqual([]);
    expect(sortedInputs(idnaDifferences(assorted, uts46ToAscii))).toEqual(sortedInputs(TOASCII_KNOWN_DIFFERENCES));
  });

  it('normalizeHostname and normalizeDomain agree on every vector and on the issue 13 names', () => {
    const answer = (fn: (input: string) => string, input: string): string => {
      try {
        return fn(input);
      } catch (error) {
        if (!PeekerError.is(error)) throw error;
        return 'refused';
      }
    };
    const issueNames = ['Ӏ.com', 'Ↄ.com', '㛼.com', 'look\u180Eout.net', 'FAẞ.de', '♥.net', '☕.com', 'xn--a.pt',
      'xn--ss-59d.xn--1ug.com', 'xn--zn7c.com', 'xn--1ug.example', 'xn--a-ecp.ru', 'bücher.com'];
    for (const input of [...vectors.map((v) => v.input), ...assorted.map((v) => v.input), ...issueNames]) {
      const hostname = answer(normalizeHostname, input);
      const domain = answer(normalizeDomain, input);
      // normalizeDomain adds only the public-suffix rules: whatever it returns, the
      // hostname normaliser returns too, and where the hostname one refuses, so does it.
      if (domain !== 'refused') expect(hostname, JSON.stringify(input)).toBe(domain);
      if (hostname === 'refused') expect(domain, JSON.stringify(input)).toBe('refused');
    }
    expect(answer(normalizeHostname, 'FAẞ.de')).toBe('xn--fa-hia.de');
    expect(answer(normalizeHostname, 'Ӏ.com')).toBe('xn--s5a.com');
    expect(answer(normalizeHostname, '♥.net')).toBe('refused');
    expect(answer(normalizeHostname, 'xn--a-ecp.ru')).toBe('refused');
  });

  it("normalizeDomain answers every vector of the PSL's test_psl.txt as the list says", () => {
    const rules = pslRules(files.list as string);
    const pslCases = pslVectors(files.psl as string);
    expect(pslCases.length).toBeGreaterThan(70);
    for (const vector of pslCases) {
      const want = pslExpectation(vector, rules, (name) => new URL(`http://${name}/`).hostname);
      const where = `test_psl.txt line ${vector.line}`;
      if (want.kind === 'type-error') {
        expect(() => normalizeDomain(vector.input as unknown as string), where).toThrow(TypeError);
      } else if (want.kind === 'returns') {
        expect(normalizeDomain(vector.input as string), where).toBe(want.domain);
      } else {
        expect(() => normalizeDomain(vector.input as string), where).toThrow(want.message ?? PeekerError);
      }
    }
  });
});
