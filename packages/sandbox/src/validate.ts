/** Small validators shared by the routes. Each throws 400 `invalid_request` naming the field. */
import { invalidRequest } from './errors.ts';

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body must be a JSON object. */
export function requireBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw invalidRequest('The request body must be a JSON object');
  return body;
}

/** A non-empty (after trimming) string. */
export function requireString(value: unknown, field: string): string {
  if (value === undefined || value === null) throw invalidRequest(`${field} is required`, field);
  if (typeof value !== 'string') throw invalidRequest(`${field} must be a string`, field);
  if (value.trim() === '') throw invalidRequest(`${field} must not be empty`, field);
  return value.trim();
}

/** A simple email shape check (one @, a dot in the domain, no spaces). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** An absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An optional boolean. */
export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidRequest(`${field} must be a boolean`, field);
  return value;
}

/** A Smartlead client route: a positive integer, a digit string, `null` or `""` (default route). */
export function readClientId(value: unknown, field: string): number | string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  throw invalidRequest(`${field} must be a positive integer, null or ""`, field);
}
