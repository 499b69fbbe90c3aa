/**
 * Every event type in Peeker's published catalog (docs/peeker-api.md §10), plus any other string:
 * Peeker may add events, and handlers must ignore the ones they do not know.
 *
 * - `order.in_progress`: order accepted, provisioning started (there is no `order.created`)
 * - `order.completed`: every domain and inbox is live (`data` is the full order)
 * - `order.failed`: provisioning failed for good
 * - `order.action_required`: partner input needed; fetch `GET /orders/pending`
 * - `order.cancel_scheduled` / `order.cancelled`: cancellation accepted / finished
 * - `domain.connected`: one domain fully provisioned with its mail provider
 * - `domain.action_required`: one domain needs attention (e.g. nameservers not changed)
 * - `domain.forwarding_updated` / `domain.forwarding_failed`: a forwarding change applied / failed
 * - `domain_import.completed` / `domain_import.failed` / `domain_import.action_required`: import jobs
 * - `swap.created` / `swap.in_progress` / `swap.completed` / `swap.failed` / `swap.action_required`: swaps
 */
export type WebhookEventType =
  | 'order.in_progress'
  | 'order.completed'
  | 'order.failed'
  | 'order.action_required'
  | 'order.cancel_scheduled'
  | 'order.cancelled'
  | 'domain.connected'
  | 'domain.action_required'
  | 'domain.forwarding_updated'
  | 'domain.forwarding_failed'
  | 'domain_import.completed'
  | 'domain_import.failed'
  | 'domain_import.action_required'
  | 'swap.created'
  | 'swap.in_progress'
  | 'swap.completed'
  | 'swap.failed'
  | 'swap.action_required'
  | (string & {});

/**
 * A verified webhook delivery: Peeker's envelope, exactly as parsed from the signed body.
 *
 * `data` is passed through untouched. Current deliveries put the object itself in `data`
 * (`{"id":"ord_…","status":"in_progress"}`); the older revision nested it as
 * `data.order`. Both are accepted and neither is rewritten: read `data.order ?? data` for
 * order events. Domain, import and swap payloads are not documented: read them defensively.
 *
 * Events arrive out of order and may repeat: deduplicate on `id` (the same value as the
 * `Peeker-Event-Id` header, but covered by the signature) and never assume an order.
 *
 * @example
 * ```ts
 * const event = await verifyWebhook({ body, headers, secret });
 * if (event.type === 'order.completed') {
 *   const order = (event.data.order ?? event.data) as { id: string; status: string };
 * }
 * ```
 */
export interface WebhookEvent<TData extends Record<string, unknown> = Record<string, unknown>> {
  /** Event id (`evt_…`); the same on every retry of one event. Deduplicate on it. */
  id: string;
  /** What happened; see {@link WebhookEventType}. Unknown types must be ignored, not rejected. */
  type: WebhookEventType;
  /**
   * When Peeker created the event (ISO-8601 UTC). Present in every documented delivery;
   * typed optional because verification does not require it (a non-string value is rejected).
   */
  created_at?: string;
  /** The event's object, untouched (possibly the older `{ order: {…} }` nesting). */
  data: TData;
}
