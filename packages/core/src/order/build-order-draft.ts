import type { OrderDraft } from './order-request.ts';
import { readOrderOptions, validateOrderInput } from './validate-order-input.ts';
import type { OrderCheckOptions, OrderInput } from './validate-order-input.ts';
import { describeValue } from '../internal/describe-value.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';

/** Options of {@link buildOrderDraft}. */
export interface BuildOrderDraftOptions extends OrderCheckOptions {
  /**
   * Turns a name as given into the name that is ordered, and throws a `PeekerError` for a
   * name that cannot be ordered (its message becomes the `invalid_domain` issue). Required:
   * the browser passes `normalizeHostname` (no public-suffix list in the bundle), a server
   * `normalizeDomain` (which `buildOrderRequest` always uses).
   */
  normalize: (name: string) => string;
}

/**
 * Builds the non-secret part of `POST /orders` (everything but `sequencer`), the draft a
 * browser may hold and emit, or throws one error listing every problem. It is
 * `buildOrderRequest({ …, }, { draft: true })` with the name normaliser injected instead of
 * `normalizeDomain`: the same validator, so the same rules, output shape and issue codes
 * (`required`, `invalid_user`, `invalid_bundle_id`, `invalid_url`, `invalid_domain`,
 * `duplicate_domain`, `not_orderable`, `domain_count_mismatch`, `provider_split_impossible`,
 * `too_many`, …; see `buildOrderRequest`). `sequencer` is never read nor copied.
 *
 * The partner's server completes a draft with
 * `buildOrderRequest({ ...draft, sequencer }, { required, rows })`, which validates again with
 * the full public-suffix rules.
 *
 * @param input - the order fields and domains, in the wire shape (`sequencer` is ignored)
 * @param options - the normaliser and optional plan / availability checks
 * @returns the draft: `user`, `bundle_id`, `forwarding_url` when set, `domains`, `personas`
 * @throws {OrderValidationError} code `invalid_order`, with `issues` listing every problem
 * @throws {TypeError} when `input` is not an object, `options.normalize` is not a function,
 *   or another option is malformed
 * @example
 * ```ts
 * import { buildOrderDraft, normalizeHostname } from '@peeker/core';
 * const draft = buildOrderDraft(
 *   { user: 'client@example.com', bundle_id: 'bun_01HZX', domains: ['getacme.com'], personas },
 *   { normalize: normalizeHostname, required: { google: 1, microsoft: 0 }, rows },
 * );
 * ```
 */
export function buildOrderDraft(input: OrderInput, options: BuildOrderDraftOptions): OrderDraft {
  if (!isPlainObject(options)) {
    throw new TypeError(`Expected options to be { normalize, required?, rows? }, got ${describeValue(options)}`);
  }
  const { normalize, required, rows } = options;
  if (typeof normalize !== 'function') {
    throw new TypeError(`Expected options.normalize to be a function, got ${describeValue(normalize)}`);
  }
  const checks: Record<string, unknown> = { draft: true };
  if (required !== undefined) checks.required = required;
  if (rows !== undefined) checks.rows = rows;
  return validateOrderInput(input, readOrderOptions(checks, normalize)) as OrderDraft;
}
