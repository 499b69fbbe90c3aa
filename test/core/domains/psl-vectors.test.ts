import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeDomain } from '../../../packages/core/src/domains/normalize-domain.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { pslExpectation, pslRules, pslVectors, REFERENCE_DIR, SKIP_NOTICE } from './reference-vectors.ts';

const root = fileURLToPath(new URL(`../../../${REFERENCE_DIR}/`, import.meta.url));
const present = existsSync(`${root}psl/test_psl.txt`) && existsSync(`${root}psl/public_suffix_list.dat`);
if (!present) console.warn(SKIP_NOTICE);

describe.skipIf(!present)("Public-suffix conformance in Node (the PSL's test_psl.txt)", () => {
  const vectors = present ? pslVectors(readFileSync(`${root}psl/test_psl.txt`, 'utf8')) : [];
  const rules = present ? pslRules(readFileSync(`${root}psl/public_suffix_list.dat`, 'utf8')) : { icann: new Set<string>(), private: new Set<string>() };

  it('reads every vector of the file', () => {
    expect(vectors.length).toBeGreaterThan(70);
    expect(rules.icann.size).toBeGreaterThan(5000);
    expect(rules.private.has('uk.com')).toBe(true);
  });

  it('normalizeDomain answers every vector as the list says', () => {
    const toAscii = (name: string): string => new URL(`http://${name}/`).hostname; // the vectors' IDNs are old Han
    for (const vector of vectors) {
      const want = pslExpectation(vector, rules, toAscii);
      const where = `test_psl.txt line ${vector.line}: ${JSON.stringify(vector.input)}`;
      if (want.kind === 'type-error') {
        expect(() => normalizeDomain(vector.input as unknown as string), where).toThrow(TypeError);
      } else if (want.kind === 'returns') {
        expect(normalizeDomain(vector.input as string), where).toBe(want.domain);
      } else {
        let error: unknown = null;
        try {
          normalizeDomain(vector.input as string);
        } catch (caught) {
          error = caught;
        }
        expect(PeekerError.is(error), where).toBe(true);
        if (want.message !== undefined) expect((error as Error).message, where).toMatch(want.message);
      }
    }
  });
});
