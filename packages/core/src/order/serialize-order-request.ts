import { compareNames } from '../domains/compare-names.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';
import { describeType } from './order-fields.ts';
import { buildOrderRequest, type OrderInput } from './build-order-request.ts';
import type { OrderDomain, OrderDraft, OrderRequest } from './order-request.ts';

/**
 * The canonical JSON text of an order (or a draft), for `POST /orders`.
 *
 * Peeker returns the original order when an identical body is re-sent within 24 hours
 * (docs/peeker-api.md §2.4), and "identical" may mean bytes. So the same order always gives the
 * same bytes here, whatever the key order, domain order, spacing or spelling of the input:
 *
 * - the order is first checked and normalised exactly as {@link buildOrderRequest} does
 *   (trimmed strings, domains through `normalizeDomain`, `client_id` as a number or `null`,
 *   `profile_picture_url` always present, unknown keys dropped);
 * - keys in a fixed order: `user`, `bundle_id`, `sequencer` {`provider`, `client_id`,
 *   `login_email`, `login_password`}, `forwarding_url` (omitted when absent), `domains`,
 *   `personas` {`first_name`, `last_name`, `profile_picture_url`};
 * - domains sorted by name in plain code-unit order; object entries written as
 *   {`domain`, `forwarding_url`};
 * - personas **kept in the given order**: Peeker derives the inbox usernames from them, so
 *   their order is meaningful and is never changed;
 * - no whitespace.
 *
 * An {@link OrderDraft} (no `sequencer` key) serialises the same way without `sequencer`.
 * The output parses back to an object `buildOrderRequest` accepts.
 *
 * @param order - an order from {@link buildOrderRequest} (or any object of that shape)
 * @returns compact JSON text
 * @throws {OrderValidationError} when the order is not valid (see {@link buildOrderRequest})
 * @throws {TypeError} when `order` is not an object
 * @example
 * ```ts
 * const body = serializeOrderRequest(order);
 * // '{"user":"client@example.com","bundle_id":"bun_1","sequencer":{"provider":"smartlead",…},"domains":["a.com","b.com"],"personas":[…]}'
 * ```
 */
export function serializeOrderRequest(order: OrderRequest | OrderDraft): string {
  if (!isPlainObject(order)) throw new TypeError(`Expected an order object, got ${describeType(order)}`);
  const draft = (order as { sequencer?: unknown }).sequencer === undefined;
  const built = buildOrderRequest(order as OrderInput, { draft }) as OrderRequest | OrderDraft;

  const domains = [...built.domains].sort((a, b) => compareNames(domainName(a), domainName(b)));
  // Objects are written with their keys inserted in the canonical order; JSON.stringify keeps
  // insertion order for non-numeric keys.
  const canonical: Record<string, unknown> = { user: built.user, bundle_id: built.bundle_id };
  if (!draft) {
    const s = (built as OrderRequest).sequencer;
    canonical.sequencer = {
      provider: s.provider,
      client_id: s.client_id,
      login_email: s.login_email,
      login_password: s.login_password,
    };
  }
  if (built.forwarding_url !== undefined) canonical.forwarding_url = built.forwarding_url;
  canonical.domains = domains.map((d) =>
    typeof d === 'string' ? d : { domain: d.domain, forwarding_url: d.forwarding_url },
  );
  canonical.personas = built.personas.map((p) => ({
    first_name: p.first_name,
    last_name: p.last_name,
    profile_picture_url: p.profile_picture_url,
  }));
  return JSON.stringify(canonical);
}

function domainName(entry: OrderDomain): string {
  return typeof entry === 'string' ? entry : entry.domain;
}
