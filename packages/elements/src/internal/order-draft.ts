import { OrderValidationError } from '@peeker/core';
import type { OrderDraft, OrderIssue, Persona } from '@peeker/core';
import type { OrderFields } from '../domain-picker/order-fields.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * Builds the order body without `sequencer`, in `buildOrderRequest`'s shape and key order
 * (user, bundle_id, forwarding_url when set, domains, personas with a `profile_picture_url`
 * key). Internal.
 *
 * Why not `buildOrderRequest({ …, }, { draft: true })`: it normalises names with
 * `normalizeDomain`, which bundles the public-suffix list (~40 KB gzipped) into the element.
 * The element's names are already normalised by the checker; the partner's server runs the
 * full `buildOrderRequest({ ...draft, sequencer })` validation before sending. Only presence
 * and type are checked here, with `OrderValidationError` issue codes matching core's.
 *
 * @param fields - the host's `order` property (other keys are ignored, never copied)
 * @param domains - the chosen names
 * @returns the draft
 * @throws OrderValidationError listing every missing or mistyped field
 */
export function buildOrderDraft(fields: OrderFields, domains: readonly string[]): OrderDraft {
  const issues: OrderIssue[] = [];
  const user = text(fields.user);
  if (user === '') issues.push({ path: 'user', code: 'required', message: 'user is required (an email address or usr_… id)' });
  const bundleId = text(fields.bundle_id);
  if (bundleId === '') issues.push({ path: 'bundle_id', code: 'required', message: 'bundle_id is required' });
  else if (!bundleId.startsWith('bun_')) {
    issues.push({ path: 'bundle_id', code: 'invalid_bundle_id', message: 'bundle_id must start with "bun_"' });
  }
  const forwarding = text(fields.forwarding_url);
  const personas: Persona[] = [];
  const list = Array.isArray(fields.personas) ? fields.personas : [];
  if (list.length === 0) issues.push({ path: 'personas', code: 'required', message: 'at least one persona is required' });
  if (list.length > 10) {
    issues.push({ path: 'personas', code: 'too_many', message: 'at most 10 personas', details: { max: 10, submitted_count: list.length } });
  }
  list.forEach((persona, i) => {
    const first = text(persona?.first_name);
    const last = text(persona?.last_name);
    if (first === '') issues.push({ path: `personas[${i}].first_name`, code: 'required', message: 'first_name is required' });
    if (last === '') issues.push({ path: `personas[${i}].last_name`, code: 'required', message: 'last_name is required' });
    personas.push({ first_name: first, last_name: last, profile_picture_url: text(persona?.profile_picture_url) });
  });
  if (domains.length === 0) issues.push({ path: 'domains', code: 'required', message: 'no domains chosen' });
  if (issues.length > 0) throw new OrderValidationError(issues);
  const draft: Record<string, unknown> = { user, bundle_id: bundleId };
  if (forwarding !== '') draft.forwarding_url = forwarding;
  draft.domains = [...domains];
  draft.personas = personas;
  return draft as unknown as OrderDraft;
}
