/**
 * Reads the paste box of `<peeker-domain-picker>` (loaded on first use: most customers
 * never paste). Internal.
 */
import { parseDomainList } from '@peeker/core';

/**
 * @param text - what the customer pasted
 * @returns the normalised names, and the entries that are not names (as typed)
 * @example readPastedList('Acme.com, not_a_domain!') // { domains: ['acme.com'], invalid: ['not_a_domain!'] }
 */
export function readPastedList(text: string): { domains: string[]; invalid: string[] } {
  const { domains, invalid } = parseDomainList(text);
  return { domains: [...domains], invalid: invalid.map((entry) => entry.input) };
}
