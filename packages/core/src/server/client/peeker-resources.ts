/**
 * Peeker's resources as they travel on the wire (snake_case), for the server client
 * (docs/peeker-api.md §1–§7). Enums Peeker publishes cut off are open (`| (string & {})`), and
 * every object may carry fields not listed here.
 */
import type { BundleSizing } from '../../sizing/bundle.ts';
import type { Persona } from '../../order/order-request.ts';

/** `GET /me`: the key's environment and preset, and the partner it belongs to. */
export interface PeekerMe {
  api_key: {
    /** `"test"` for `pk_test_` keys; the live value is undocumented (expect `"live"`). */
    environment: 'test' | 'live' | (string & {});
    permission_preset: 'full' | 'limited' | 'read' | (string & {});
  };
  partner: { id: string; name: string };
}

/** Body of `POST /bundles`. Set both percents or neither; when set they sum to 100. */
export interface BundleCreateInput extends BundleSizing {
  /** Display name. */
  name: string;
}

/** Body of `PATCH /bundles/{id}`: every field optional; both percents `null` = recommended split. */
export type BundleUpdateInput = Partial<BundleCreateInput>;

/** `DELETE /bundles/{id}`: `deleted`, or `archived` when an order ever used the bundle. */
export interface BundleDeleteResult {
  id: string;
  status: 'deleted' | 'archived' | (string & {});
}

/** Order statuses (the published enum is cut off: accept unknown strings). */
export type OrderStatus =
  | 'in_progress'
  | 'completed'
  | 'failed'
  | 'action_required'
  | 'cancel_scheduled'
  | 'cancelled'
  | (string & {});

/** One line of an order's costs. */
export interface OrderLineItem {
  type: 'google_license' | 'microsoft_license' | 'domain_registration' | (string & {});
  quantity: number;
  amount_cents: number;
}

/** An order's costs, in integer cents. */
export interface OrderCosts {
  total_cents: number;
  currency: string;
  /** Present on the full order only. */
  line_items?: OrderLineItem[];
}

/** The lean receipt returned by `POST /orders` and `GET /orders`. */
export interface OrderReceipt {
  id: string;
  user_id: string;
  email: string;
  /** `null` for custom orders. */
  bundle_id: string | null;
  status: OrderStatus;
  domain_count: number;
  costs: OrderCosts;
  renews_at: string;
  created_at: string;
}

/** The full order (`GET /orders/{id}`, `order.completed`). */
export interface PeekerOrder extends OrderReceipt {
  domains?: { registered: string[]; imported: string[] };
}

/** `POST /orders/{id}/cancel` answer. */
export interface CancelOrderResult {
  id: string;
  status: OrderStatus;
  cancellation_scheduled_at: string;
  cancels_at: string;
  domains: Array<{ id: string; domain: string }>;
}

/** One open item needing the partner (`GET /orders/pending`). */
export interface PendingAction {
  id: string;
  type: 'google_profile_picture' | (string & {});
  reason: string;
  status: 'open' | 'resolved' | (string & {});
  domain_id?: string;
  domain?: string;
  user?: Persona;
  message: string;
  created_at: string;
}

/** A user's sequencer route (no credentials are ever returned). */
export interface UserSequencer {
  provider: 'smartlead' | (string & {});
  /** `null` or `""` = the partner's default route. */
  client_id: number | string | null;
}

/** A customer (`usr_…`). */
export interface PeekerUser {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  status: 'active' | 'deleted' | (string & {});
  sequencer: UserSequencer;
  created_at: string;
}

/** Body of `POST /users`. */
export interface UserCreateInput {
  /** Unique within the partner account. */
  email: string;
  sequencer: UserSequencer;
  first_name?: string;
  last_name?: string;
}

/** Body of `PATCH /users/{id}`. */
export type UserUpdateInput = Partial<UserCreateInput>;

/** A domain in the partner's account (`GET /domains`). */
export interface PeekerDomain {
  id: string;
  domain: string;
  /** `inventory` = ready, not on an order; `connected` = on an order. */
  category: 'inventory' | 'connected' | (string & {});
  status: 'active' | 'available' | (string & {});
  provider?: 'google' | 'microsoft' | null | (string & {});
  user_id?: string | null;
  order_id?: string | null;
  usable_for?: Array<'google' | 'microsoft'>;
  forwarding_url?: string | null;
  created_at?: string;
}

/** A forwarding job (`fwj_…`). */
export interface ForwardingJob {
  id: string;
  status: 'in_progress' | 'completed' | 'partial_success' | 'failed' | (string & {});
  completed_count: number;
  failed_count: number;
  forwarding_url: string;
  completed: string[];
  failed: Array<{ domain: string; reason: 'dns_lookup_failed' | 'target_unreachable' | 'invalid_target' | (string & {}) }>;
  created_at: string;
  /** Present once the job is final (`GET /domains/forwarding/{id}`). */
  completed_at?: string;
}

/** Filters of `GET /bundles`. */
export interface BundleFilters {
  /** `active` or `archived`. */
  status?: 'active' | 'archived' | (string & {});
}

/** Filters of `GET /orders` (sent as `user_id`, `user_email`, `bundle_id`, `status`). */
export interface OrderFilters {
  userId?: string;
  userEmail?: string;
  bundleId?: string;
  status?: OrderStatus;
}

/** Filters of `GET /orders/pending` (sent as `order_id`, `user`, `domain_id`, `status`). */
export interface PendingActionFilters {
  orderId?: string;
  /** A `usr_…` id or an email. */
  user?: string;
  domainId?: string;
  /** `open` (Peeker's default) or `resolved`. */
  status?: 'open' | 'resolved' | (string & {});
}

/** Filters of `GET /users` (sent as `email`, `status`). */
export interface UserFilters {
  email?: string;
  status?: 'active' | 'deleted' | (string & {});
}

/** Filters of `GET /domains` (sent as `category`, `user_id`, `user_email`, `usable_for`, `status`). */
export interface DomainFilters {
  category?: 'inventory' | 'connected' | (string & {});
  userId?: string;
  userEmail?: string;
  usableFor?: 'google' | 'microsoft';
  status?: string;
}

