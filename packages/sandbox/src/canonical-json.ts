/**
 * Canonical JSON for order dedupe: object keys sorted by code unit, arrays kept in order,
 * no whitespace. Two bodies that parse to the same value give the same text.
 */
import { compareNames } from '@peeker/core';

/**
 * @param value - a parsed JSON value
 * @returns its canonical text
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort(compareNames);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
