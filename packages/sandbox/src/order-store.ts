/**
 * Orders (docs/peeker-api.md §5): creation with 24-hour replay dedupe, charging, progress
 * (`in_progress` → `domain.connected` per domain → `completed`) with webhooks, cancellation
 * and pending actions.
 *
 * **Dedupe (sandbox decision):** Peeker says an identical body re-sent within 24 hours returns
 * the original order, without saying whether "identical" means bytes or parsed JSON. The
 * sandbox treats a body as a replay when **either** its raw bytes **or** its canonical JSON
 * (keys sorted, arrays in order, no whitespace) equal those of an order created in the last 24
 * hours of the sandbox clock, account-wide (all keys of the sandbox). A replay answers 200
 * with the original order's current receipt and charges nothing. Only created orders count:
 * a rejected body can be fixed and re-sent.
 *
 * **Sandbox magic:** a persona whose non-empty `profile_picture_url` has a host ending in
 * `.invalid` (RFC 2606) makes the order stop in `action_required` with a pending action
 * `google_profile_picture` / `profile_picture_not_accessible`, like Peeker's only documented
 * action type.
 */
import { assignSlots } from '@peeker/core';
import { createHash } from 'node:crypto';
import type { Provider } from '@peeker/core';
import type { OrderLineItem, OrderReceipt, PeekerOrder, PendingAction } from '@peeker/core/server';
import type { BundleStore } from './bundle-store.ts';
import { canonicalJson } from './canonical-json.ts';
import type { DomainStore, SandboxDomain } from './domain-store.ts';
import { invalidRequest, notFound } from './errors.ts';
import type { IdFactory } from './ids.ts';
import { addMonths, DAY_MS, isoSeconds } from './timestamps.ts';
import type { UserStore } from './user-store.ts';
import type { OrderPersona, OrderPlan } from './validate-order.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';

/** Sandbox unit prices in cents (made up: Peeker publishes none). */
const GOOGLE_LICENSE_CENTS = 100;
const MICROSOFT_LICENSE_CENTS = 900;

/** One line of an order's costs, as the client reads it. */
type LineItem = OrderLineItem;

interface OrderRecord {
  id: string;
  user_id: string;
  email: string;
  bundle_id: string | null;
  status: string;
  domain_count: number;
  total_cents: number;
  line_items: LineItem[];
  renews_at_ms: number;
  created_at_ms: number;
  domain_ids: string[];
  registered: string[];
  personas: OrderPersona[];
}

/** A pending action row: the client's `PendingAction` plus the order it belongs to. */
export interface PendingActionRow extends PendingAction {
  id: string;
  type: string;
  reason: string;
  status: 'open' | 'resolved';
  order_id: string;
  domain_id: string;
  domain: string;
  user: OrderPersona;
  message: string;
  created_at: string;
}

/** Order storage and lifecycle. */
export interface OrderStore {
  /** The original order of an identical body sent within 24 h, if any. */
  findReplay(raw: Uint8Array, body: unknown): Record<string, unknown> | undefined;
  create(plan: OrderPlan, raw: Uint8Array, body: unknown): Record<string, unknown>;
  receipt(id: string): Record<string, unknown>;
  full(id: string): Record<string, unknown>;
  list(filters: { user_id?: string; user_email?: string; bundle_id?: string; status?: string }): Record<string, unknown>[];
  cancel(id: string, body: unknown): Record<string, unknown>;
  pending(filters: { order_id?: string; user?: string; domain_id?: string; status: string }): PendingActionRow[];
  /** Orders created and their total charge. */
  readonly charges: { count: number; cents: number; replays: number };
}

/** Dependencies of {@link createOrderStore}. */
export interface OrderStoreDeps {
  ids: IdFactory;
  now: () => number;
  users: UserStore;
  bundles: BundleStore;
  domains: DomainStore;
  webhooks: WebhookDispatcher;
  markTaken: (domain: string) => void;
  /** Runs `fn` after `ms` on a timer the sandbox cancels on close. */
  schedule: (fn: () => void, ms: number) => void;
  progressMs: number;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function pictureNeedsAction(persona: OrderPersona): boolean {
  if (persona.profile_picture_url === '') return false;
  try {
    return new URL(persona.profile_picture_url).hostname.endsWith('.invalid');
  } catch {
    return false;
  }
}

/**
 * @param deps - see {@link OrderStoreDeps}
 * @returns the store
 */
export function createOrderStore(deps: OrderStoreDeps): OrderStore {
  const orders = new Map<string, OrderRecord>();
  const dedupe = new Map<string, { orderId: string; at: number }>();
  const actions: PendingActionRow[] = [];
  const charges = { count: 0, cents: 0, replays: 0 };

  const get = (id: string): OrderRecord => {
    const order = orders.get(id);
    if (order === undefined) throw notFound('order');
    return order;
  };
  // Typed as the client's resources (the same shapes, checked by the compiler), returned as plain records.
  const receiptOf = (o: OrderRecord): OrderReceipt & Record<string, unknown> => ({
    id: o.id,
    user_id: o.user_id,
    email: o.email,
    bundle_id: o.bundle_id,
    status: o.status,
    domain_count: o.domain_count,
    costs: { total_cents: o.total_cents, currency: 'usd' },
    renews_at: isoSeconds(o.renews_at_ms),
    created_at: isoSeconds(o.created_at_ms),
  });
  const fullOf = (o: OrderRecord): PeekerOrder & Record<string, unknown> => ({
    ...receiptOf(o),
    costs: { total_cents: o.total_cents, currency: 'usd', line_items: o.line_items.map((l) => ({ ...l })) },
    domains: { registered: [...o.registered], imported: [] },
  });
  const domainEvent = (d: SandboxDomain | undefined): Record<string, unknown> =>
    d === undefined
      ? {}
      : { id: d.id, domain: d.domain, order_id: d.order_id, user_id: d.user_id, provider: d.provider, status: d.status };

  const progress = (order: OrderRecord): void => {
    const step = (index: number): void => {
      if (order.status !== 'in_progress') return;
      if (index === 0 && order.personas.some(pictureNeedsAction)) {
        const persona = order.personas.find(pictureNeedsAction) as OrderPersona;
        const domain = deps.domains.resolve(order.domain_ids[0] as string);
        order.status = 'action_required';
        actions.push({
          id: deps.ids.next('act'),
          type: 'google_profile_picture',
          reason: 'profile_picture_not_accessible',
          status: 'open',
          order_id: order.id,
          domain_id: domain?.id ?? '',
          domain: domain?.domain ?? '',
          user: { ...persona },
          message: 'The profile picture URL must be a publicly accessible image URL.',
          created_at: isoSeconds(deps.now()),
        });
        deps.webhooks.emit('order.action_required', receiptOf(order));
        return;
      }
      if (index < order.domain_ids.length) {
        const id = order.domain_ids[index] as string;
        deps.domains.setStatus(id, 'active');
        deps.webhooks.emit('domain.connected', domainEvent(deps.domains.resolve(id)));
        deps.schedule(() => step(index + 1), deps.progressMs);
        return;
      }
      order.status = 'completed';
      deps.webhooks.emit('order.completed', fullOf(order));
    };
    deps.schedule(() => step(0), deps.progressMs);
  };

  return {
    charges,
    findReplay(raw, body) {
      const at = deps.now();
      for (const key of [`raw:${sha256(raw)}`, `json:${sha256(canonicalJson(body))}`]) {
        const hit = dedupe.get(key);
        if (hit !== undefined && at - hit.at < DAY_MS) {
          charges.replays += 1;
          return receiptOf(get(hit.orderId));
        }
      }
      return undefined;
    },
    create(plan, raw, body) {
      const at = deps.now();
      const user =
        'id' in plan.user
          ? deps.users.get(plan.user.id)
          : deps.users.ensure(plan.user.email, { client_id: plan.clientId });

      // Providers by core's one slot-assignment rule (the solver's and the picker's).
      const byName = [...plan.domains].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const microsoft = new Set(assignSlots(byName.map((d) => ({ domain: d.name, row: d.row })), plan.required).microsoft);
      const id = deps.ids.next('ord');
      const domainIds: string[] = [];
      let registration = 0;
      for (const d of byName) {
        const provider: Provider = microsoft.has(d.name) ? 'microsoft' : 'google';
        const row = deps.domains.add({
          domain: d.name,
          category: 'connected',
          status: 'pending',
          provider,
          user_id: user.id,
          order_id: id,
          usable_for: [...(d.row.usable_for ?? ['google'])],
          forwarding_url: d.forwarding_url,
        });
        domainIds.push(row.id);
        registration += d.row.price_cents ?? 0;
        deps.markTaken(d.name);
      }
      const googleDomains = byName.length - microsoft.size;
      const lineItems: LineItem[] = [
        { type: 'google_license', quantity: googleDomains * plan.inboxesPerDomain, amount_cents: googleDomains * plan.inboxesPerDomain * GOOGLE_LICENSE_CENTS },
        { type: 'microsoft_license', quantity: microsoft.size, amount_cents: microsoft.size * MICROSOFT_LICENSE_CENTS },
        { type: 'domain_registration', quantity: byName.length, amount_cents: registration },
      ];
      const order: OrderRecord = {
        id,
        user_id: user.id,
        email: user.email,
        bundle_id: plan.bundle?.id ?? null,
        status: 'in_progress',
        domain_count: byName.length,
        total_cents: lineItems.reduce((sum, l) => sum + l.amount_cents, 0),
        line_items: lineItems,
        renews_at_ms: addMonths(at, 1),
        created_at_ms: at,
        domain_ids: domainIds,
        registered: byName.map((d) => d.name),
        personas: plan.personas.map((p) => ({ ...p })),
      };
      orders.set(id, order);
      if (plan.bundle !== undefined) deps.bundles.markUsed(plan.bundle.id);
      dedupe.set(`raw:${sha256(raw)}`, { orderId: id, at });
      dedupe.set(`json:${sha256(canonicalJson(body))}`, { orderId: id, at });
      charges.count += 1;
      charges.cents += order.total_cents;
      deps.webhooks.emit('order.in_progress', receiptOf(order));
      progress(order);
      return receiptOf(order);
    },
    receipt: (id) => receiptOf(get(id)),
    full: (id) => fullOf(get(id)),
    list(filters) {
      return [...orders.values()]
        .filter((o) => filters.user_id === undefined || o.user_id === filters.user_id)
        .filter((o) => filters.user_email === undefined || o.email.toLowerCase() === filters.user_email.toLowerCase())
        .filter((o) => filters.bundle_id === undefined || o.bundle_id === filters.bundle_id)
        .filter((o) => filters.status === undefined || o.status === filters.status)
        .map(receiptOf);
    },
    cancel(id, body) {
      const order = get(id);
      let targets = order.domain_ids;
      const whole = body === undefined || ((body as { scope?: unknown })?.scope === 'order' && (body as { domains?: unknown }).domains === undefined);
      if (!whole) {
        const refs = (body as { domains?: unknown } | null)?.domains;
        if (!Array.isArray(refs) || refs.length === 0 || refs.some((r) => typeof r !== 'string' || r.trim() === '')) {
          throw invalidRequest('domains must list at least one domain name or dom_ id (send no body to cancel the whole order)', 'domains');
        }
        targets = refs.map((ref: string, i: number) => {
          const domain = deps.domains.resolve(ref);
          if (domain === undefined || domain.order_id !== order.id) throw invalidRequest(`domains[${i}] is not a domain of this order`, `domains[${i}]`);
          return domain.id;
        });
      }
      const at = deps.now();
      for (const domainId of targets) deps.domains.setStatus(domainId, 'cancel_scheduled');
      if (whole) order.status = 'cancel_scheduled';
      const result = {
        id: order.id,
        status: 'cancel_scheduled',
        cancellation_scheduled_at: isoSeconds(at),
        cancels_at: isoSeconds(order.renews_at_ms - DAY_MS),
        domains: targets.map((domainId) => {
          const d = deps.domains.resolve(domainId);
          return { id: domainId, domain: d?.domain ?? '' };
        }),
      };
      deps.webhooks.emit('order.cancel_scheduled', { ...receiptOf(order), status: 'cancel_scheduled', domains: result.domains });
      return result;
    },
    pending(filters) {
      return actions
        .filter((a) => a.status === filters.status)
        .filter((a) => filters.order_id === undefined || a.order_id === filters.order_id)
        .filter((a) => filters.domain_id === undefined || a.domain_id === filters.domain_id)
        .filter((a) => {
          if (filters.user === undefined) return true;
          const order = orders.get(a.order_id);
          return order !== undefined && (order.user_id === filters.user || order.email.toLowerCase() === filters.user.toLowerCase());
        })
        .map((a) => ({ ...a, user: { ...a.user } }));
    },
  };
}
