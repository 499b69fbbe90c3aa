import type { ComplexAttributeConverter } from 'lit';
import { DEFAULT_TLDS } from '@peeker/core';

/**
 * Splits a list-like attribute (`"com org net"`, `"com, org"`, `".com .org"`) into
 * lower-case TLDs without dots, keeping the first occurrence of each. Internal.
 * @param value - the attribute text
 * @returns the TLDs, possibly empty
 */
export function parseTldList(value: string): string[] {
  const seen = new Set<string>();
  for (const part of value.split(/[\s,]+/)) {
    const tld = part.trim().toLowerCase().replace(/^\.+/, '').replace(/\.+$/, '');
    if (tld !== '') seen.add(tld);
  }
  return [...seen];
}

/**
 * Lit converter for the `tlds` attribute: spaces or commas separate entries; a missing or
 * empty attribute means `DEFAULT_TLDS`. Reflecting back writes space-separated text.
 */
export const tldListConverter: ComplexAttributeConverter<readonly string[]> = {
  fromAttribute(value: string | null): readonly string[] {
    if (value === null) return DEFAULT_TLDS;
    const list = parseTldList(value);
    return list.length > 0 ? list : DEFAULT_TLDS;
  },
  toAttribute(value: readonly string[]): string {
    return value.join(' ');
  },
};

/**
 * A non-negative integer from a number-ish property value, or `fallback`.
 * @param value - anything a host may have set
 * @param fallback - used for NaN, negatives, non-numbers
 * @returns a safe non-negative integer
 */
export function toCount(value: unknown, fallback = 0): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}
