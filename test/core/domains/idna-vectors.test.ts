import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformToAscii } from '../../../packages/core/src/domains/idna.ts';
import { uts46ToAscii } from '../../../packages/core/src/domains/idna-uts46.ts';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import {
  idnaDifferences,
  idnaTestV2,
  REFERENCE_DIR,
  REQUIRED_SHARE,
  SKIP_NOTICE,
  TOASCII_KNOWN_DIFFERENCES,
  toAsciiVectors,
} from './reference-vectors.ts';

const root = fileURLToPath(new URL(`../../../${REFERENCE_DIR}/`, import.meta.url));
const present = existsSync(`${root}wpt/IdnaTestV2.json`) && existsSync(`${root}wpt/toascii.json`);
if (!present) console.warn(SKIP_NOTICE);
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

describe.skipIf(!present)('IDNA conformance in Node (WPT IdnaTestV2.json and toascii.json)', () => {
  const vectors = present ? idnaTestV2(read('wpt/IdnaTestV2.json')) : [];
  const assorted = present ? toAsciiVectors(read('wpt/toascii.json')) : [];

  it('reads thousands of vectors, valid and invalid', () => {
    expect(vectors.length).toBeGreaterThan(2000);
    expect(vectors.filter((v) => v.expected === null).length).toBeGreaterThan(500);
    expect(vectors.filter((v) => v.expected !== null).length).toBeGreaterThan(500);
  });

  it('the server IDNA step (tr46, used by normalizeDomain) gives every IdnaTestV2 answer', () => {
    expect(idnaDifferences(vectors, uts46ToAscii)).toEqual([]);
  });

  it('the server IDNA step differs from toascii.json only on the documented vectors', () => {
    const differences = idnaDifferences(assorted, uts46ToAscii).map((d) => d.input).sort();
    expect(differences).toEqual(TOASCII_KNOWN_DIFFERENCES.map((d) => d.input).sort());
    const share = 1 - differences.length / (vectors.length + assorted.length);
    expect(share).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });

  it("Node's URL parser (normalizeHostname's step here) never yields a different name, only refusals", () => {
    // Node 20's URL parser carries Unicode tables older than 15.1: it refuses names added
    // since. A refusal loses nothing; a different name would be a wrong order.
    for (const d of idnaDifferences([...vectors, ...assorted], platformToAscii)) {
      expect(d.actual, JSON.stringify(d.input)).toBeNull();
    }
  });

  it('normalizeDomain returns each valid vector that is an orderable name', () => {
    // A vector whose strict answer is a two-label name under a real TLD (com, de, ...) with
    // LDH labels must come back unchanged unless IDNA2008 refuses a symbol in it.
    let checked = 0;
    for (const v of vectors) {
      if (v.expected === null || !/^[a-z0-9-]+\.(com|net|org|de)$/u.test(v.expected)) continue;
      if (v.expected.split('.').some((l) => l.startsWith('-') || l.endsWith('-') || (l.slice(2, 4) === '--' && !l.startsWith('xn--')))) continue;
      try {
        expect(normalizeDomain(v.input), JSON.stringify(v.input)).toBe(v.expected);
      } catch (error) {
        expect(String(error), JSON.stringify(v.input)).toMatch(/IDNA2008|RFC 5891 §4\.2\.3\.1/u);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
