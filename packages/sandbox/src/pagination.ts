/**
 * Peeker's pagination (docs/peeker-api.md §2.3): `per_page` 1–100 (default 25), an opaque
 * `page_token`, `links.first` / `links.next` as full URLs (`next` null on the last page),
 * `meta` {path, per_page, returned}. No total count.
 */
import { invalidRequest } from './errors.ts';

/** What a list route answers. */
export interface Page<T> {
  data: T[];
  links: { first: string; next: string | null };
  meta: { path: string; per_page: number; returned: number };
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const offset = (value as { o?: unknown }).o;
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through
  }
  throw invalidRequest('page_token is not valid; follow links.next as given', 'page_token');
}

/**
 * Cuts one page out of `items`.
 * @param items - every matching item, in a stable order
 * @param query - the request's query (`per_page`, `page_token`, filters)
 * @param pathUrl - full URL of the list path, e.g. `http://127.0.0.1:4010/partner/v1/bundles`
 * @param filters - filters to keep in `links` (already validated)
 * @returns the page
 */
export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  pathUrl: string,
  filters: Readonly<Record<string, string | undefined>>,
): Page<T> {
  const rawPerPage = query.get('per_page');
  let perPage = 25;
  if (rawPerPage !== null) {
    if (!/^\d+$/.test(rawPerPage) || Number(rawPerPage) < 1 || Number(rawPerPage) > 100) {
      throw invalidRequest('per_page must be an integer from 1 to 100', 'per_page');
    }
    perPage = Number(rawPerPage);
  }
  const token = query.get('page_token');
  const offset = token === null ? 0 : decodeToken(token);

  const link = (pageOffset: number | undefined): string => {
    const url = new URL(pathUrl);
    for (const [k, v] of Object.entries(filters)) if (v !== undefined) url.searchParams.set(k, v);
    url.searchParams.set('per_page', String(perPage));
    if (pageOffset !== undefined) url.searchParams.set('page_token', encodeToken(pageOffset));
    return url.toString();
  };
  const data = items.slice(offset, offset + perPage);
  const nextOffset = offset + perPage;
  return {
    data,
    links: { first: link(undefined), next: nextOffset < items.length ? link(nextOffset) : null },
    meta: { path: pathUrl, per_page: perPage, returned: data.length },
  };
}
