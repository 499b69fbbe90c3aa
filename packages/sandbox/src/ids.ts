/**
 * Object ids: a type prefix plus a 26-character ULID-like tail (10 characters of time from
 * the sandbox clock, 16 from a seeded stream). Clients must treat them as opaque.
 */
import { createRandomStream, type Seed } from './prng.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32

/** Id prefixes the sandbox makes (docs/peeker-api.md §1.5). */
export type IdPrefix = 'org' | 'usr' | 'bun' | 'ord' | 'dom' | 'req' | 'fwj' | 'act' | 'evt';

/** Makes ids. */
export interface IdFactory {
  next(prefix: IdPrefix): string;
}

/**
 * Creates an id factory.
 * @param seed - seed of the random part
 * @param now - sandbox clock (epoch ms)
 * @returns the factory
 */
export function createIdFactory(seed: Seed, now: () => number): IdFactory {
  const streams = new Map<IdPrefix, ReturnType<typeof createRandomStream>>();
  return {
    next(prefix) {
      let stream = streams.get(prefix);
      if (stream === undefined) {
        stream = createRandomStream(seed, `ids:${prefix}`);
        streams.set(prefix, stream);
      }
      let time = Math.max(0, Math.floor(now()));
      let head = '';
      for (let i = 0; i < 10; i += 1) {
        head = ALPHABET[time % 32] + head;
        time = Math.floor(time / 32);
      }
      let tail = '';
      for (let i = 0; i < 16; i += 1) tail += ALPHABET[Math.floor(stream.next() * 32)];
      return `${prefix}_${head}${tail}`;
    },
  };
}
