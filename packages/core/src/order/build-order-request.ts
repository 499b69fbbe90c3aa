import { normalizeDomain } from '../domains/normalize-domain.ts';
import type { OrderDraft, OrderRequest } from './order-request.ts';
import { readOrderOptions, validateOrderInput } from './validate-order-input.ts';
import type { OrderCheckOptions, OrderInput } from './validate-order-input.ts';

// The input type lives with the validator; it is re-exported as the input of buildOrderRequest.
export type { OrderCheckOptions, OrderInput } from './validate-order-input.ts';

/** Options of {@link buildOrderRequest}. */
export interface BuildOrderOptions extends OrderCheckOptions {
  /**
   * Build the non-secret part only: `sequencer` is not required, not validated and never
   * copied, and the result is an {@link OrderDraft}. This is what a browser (the
   * `<peeker-domain-picker>` element) emits; the partner's backend adds `sequencer` later with
   * `buildOrderRequest({ ...draft, sequencer }, { required, rows })`.
   * @default false
   */
  draft?: boolean;
}

/**
 * Builds the body of `POST /orders` (bundle order shape, docs/peeker-api.md §5.1) from loose
 * input, or throws one error listing **every** problem at once.
 *
 * The result is a fresh object (nothing is shared with the input) in Peeker's key order:
 * trimmed strings, `client_id` as a number or `null`, `sequencer.provider` `"smartlead"`,
 * domains normalised (input order kept; {@link serializeOrderRequest} sorts them), every
 * persona with a `profile_picture_url` key (`""` when none), `forwarding_url` omitted when
 * absent. Send it with {@link serializeOrderRequest} so a retry is byte-identical.
 *
 * Issue codes (`OrderIssue.code`), in field order:
 * - `required`: missing, `null` or empty (also an empty `domains` / `personas` list)
 * - `invalid_type`: wrong JSON type (e.g. a number for `user`)
 * - `invalid_user`: `user` is neither an email address nor a `usr_…` id
 * - `invalid_bundle_id`: `bundle_id` does not start with `bun_`
 * - `order_shape_conflict`: `google_licenses` / `microsoft_licenses` present (custom-order
 *   fields; this builder makes bundle orders only)
 * - `unsupported_provider`: `sequencer.provider` other than `"smartlead"`
 * - `invalid_client_id`: not a positive integer, a digit string, `null` or `""`
 * - `invalid_email`: `sequencer.login_email` is not an email address
 * - `invalid_url`: a `forwarding_url` or `profile_picture_url` that is not an absolute http(s) URL
 * - `invalid_domain`: a name `normalizeDomain` rejects (its message is kept) applies exactly these rules (same validator, same codes) with an injected
 * normaliser.
 * - `duplicate_domain`: the same name twice after normalisation (`details.first_index`)
 * - `not_orderable`: with `rows`; `details.reason`
 * - `domain_count_mismatch`: with `required`; `details.required_count/submitted_count/missing_count`
 * - `provider_split_impossible`: with `rows` and `required`
 * - `too_many`: more than 10 personas (`details.max`, `details.submitted_count`)
 *
 * `buildOrderDraft` runs this very validator (same rules, same codes) with an injected
 * normaliser instead of `normalizeDomain`.
 *
 * No message ever contains `login_password` (nor any other sequencer value).
 *
 * @param input - the order, in the wire shape (see {@link OrderInput})
 * @param options - draft mode and optional plan / availability checks
 * @returns the request body, or with `{ draft: true }` the body without `sequencer`
 * @throws {OrderValidationError} code `invalid_order`, with `issues` listing every problem
 *   as `{ path, code, message, details? }` (paths like `personas[2].first_name`,
 *   `sequencer.login_password`, `domains[3]`)
 * @throws {TypeError} when `input` is not an object, or `options` is malformed
 * @example
 * ```ts
 * // Browser: the non-secret part (buildOrderDraft keeps the public-suffix list out of the bundle)
 * const draft = buildOrderDraft(
 *   { user: 'client@example.com', bundle_id: bundle.id, domains: chosen, personas },
 *   { normalize: normalizeHostname, required: bundle.required_domains, rows },
 * );
 * // Partner server: add the Smartlead credentials, re-check, send canonical bytes
 * const order = buildOrderRequest({ ...draft, sequencer: { client_id: 366903, login_email, login_password } },
 *   { required: bundle.required_domains });
 * await fetch(`${baseUrl}/orders`, { method: 'POST', headers, body: serializeOrderRequest(order) });
 * ```
 */
export function buildOrderRequest(input: OrderInput, options: BuildOrderOptions & { draft: true }): OrderDraft;
export function buildOrderRequest(input: OrderInput, options?: BuildOrderOptions & { draft?: false }): OrderRequest;
export function buildOrderRequest(input: OrderInput, options?: BuildOrderOptions): OrderRequest | OrderDraft;
export function buildOrderRequest(input: OrderInput, options?: BuildOrderOptions): OrderRequest | OrderDraft {
  return validateOrderInput(input, readOrderOptions(options, normalizeDomain));
}
