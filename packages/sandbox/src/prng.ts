/**
 * Deterministic hashing and random streams: the sandbox's answers and faults depend only on
 * the seed (and on the order requests arrive in), never on `Math.random()`.
 */

/** The seed as a string (numbers and strings are both accepted). */
export type Seed = number | string;

/**
 * 32-bit FNV-1a of a string, finished with murmur3's avalanche step.
 * @param text - anything
 * @returns an unsigned 32-bit integer
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A deterministic hash of several parts (joined unambiguously).
 * @param parts - seed, purpose, name, …
 * @returns an unsigned 32-bit integer
 */
export function hashParts(...parts: readonly (string | number)[]): number {
  return hash32(parts.map((p) => `${String(p).length}:${String(p)}`).join('|'));
}

/** A seeded stream of numbers in [0, 1) (mulberry32). */
export interface RandomStream {
  /** The next number in [0, 1). */
  next(): number;
}

/**
 * Creates a seeded random stream.
 * @param seed - seed value
 * @param purpose - separates independent streams of one seed
 * @returns the stream
 */
export function createRandomStream(seed: Seed, purpose: string): RandomStream {
  let state = hashParts(String(seed), purpose);
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
