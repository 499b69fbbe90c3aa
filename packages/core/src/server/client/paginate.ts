/**
 * Following Peeker's `links.next` (docs/peeker-api.md §2.3). Server-internal: the client's list
 * methods return what this makes.
 */
import { PeekerApiError } from '../../errors/peeker-api-error.ts';
import type { PeekerHttp } from './peeker-http.ts';
import { isPlainObject } from '../../internal/is-plain-object.ts';

/** Paging and cancellation options shared by every list method. */
export interface ListOptions {
  /**
   * Page size Peeker should use (`per_page`, 1–100). Only the first request carries it;
   * later pages follow `links.next` exactly as given.
   * @default Peeker's default (25)
   */
  perPage?: number;
  /** Stops paging: the iterator rejects with `signal.reason`. */
  signal?: AbortSignal;
}

function malformed(what: string, requestId: string | undefined): PeekerApiError {
  return new PeekerApiError({
    status: 200,
    code: 'invalid_response',
    message: `Malformed list response: ${what}`,
    requestId,
    retryable: false,
  });
}

/**
 * Checks a `per_page` value.
 * @param perPage - the option
 * @throws TypeError unless an integer 1–100
 */
export function checkPerPage(perPage: unknown): void {
  if (perPage === undefined) return;
  if (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    throw new TypeError(`Expected perPage to be an integer from 1 to 100, got ${String(perPage)}`);
  }
}

/**
 * Iterates every item of a Peeker list: requests the first page, yields its `data`, then
 * requests `links.next` exactly as given (never building or decoding a `page_token`) until it
 * is `null`. A `links.next` seen twice ends with `invalid_response` instead of looping.
 * @param http - the HTTP layer
 * @param path - list path relative to the base URL, e.g. `/bundles`
 * @param query - filters and `per_page` for the first request
 * @param signal - stops paging
 * @returns an async generator of the items
 */
export async function* paginate<T>(
  http: PeekerHttp,
  path: string,
  query: Readonly<Record<string, string | number | boolean | null | undefined>>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T, void, undefined> {
  let response = await http.send({ method: 'GET', path, query, signal });
  const seen = new Set<string>();
  for (;;) {
    const { json, requestId } = response;
    if (!isPlainObject(json) || !Array.isArray(json.data)) throw malformed('data should be an array', requestId);
    const links = isPlainObject(json.links) ? json.links : {};
    const next = links.next;
    if (next !== undefined && next !== null && typeof next !== 'string') {
      throw malformed('links.next should be a URL string or null', requestId);
    }
    for (const item of json.data as T[]) yield item;
    if (typeof next !== 'string' || next === '') return;
    if (seen.has(next)) throw malformed('links.next repeats a page already read', requestId);
    seen.add(next);
    response = await http.send({ method: 'GET', url: next, signal });
  }
}
