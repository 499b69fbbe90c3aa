/** The state one sandbox instance shares between its routes. */
import type { AvailabilityOracle } from './availability-oracle.ts';
import type { BundleStore } from './bundle-store.ts';
import type { DomainStore } from './domain-store.ts';
import type { FaultInjector } from './faults.ts';
import type { IdFactory } from './ids.ts';
import type { OrderStore } from './order-store.ts';
import type { Seed } from './prng.ts';
import type { UserStore } from './user-store.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';

/** Permission presets (docs/peeker-api.md §1.1). */
export type PermissionPreset = 'full' | 'limited' | 'read';

/** Counters behind `sandbox.stats`. */
export interface MutableStats {
  totalRequests: number;
  requests: Record<string, number>;
  availabilityNames: number;
  faults: Record<string, number>;
  rateLimited: number;
}

/** Everything a route may touch. */
export interface SandboxContext {
  seed: Seed;
  now: () => number;
  ids: IdFactory;
  oracle: AvailabilityOracle;
  faults: FaultInjector;
  webhooks: WebhookDispatcher;
  bundles: BundleStore;
  users: UserStore;
  domains: DomainStore;
  orders: OrderStore;
  stats: MutableStats;
  partner: { id: string; name: string };
  progressMs: number;
  schedule: (fn: () => void, ms: number) => void;
}

/** One authenticated request, as a route sees it. */
export interface RouteRequest {
  ctx: SandboxContext;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Parsed JSON body; `undefined` when the request had none. */
  body: unknown;
  /** Raw body bytes (empty when none). */
  rawBody: Uint8Array;
  preset: PermissionPreset;
  /** Full URL of the API root the request used, e.g. `http://127.0.0.1:4010/partner/v1`. */
  apiRoot: string;
}

/** A route's answer (always JSON). */
export interface RouteResponse {
  status: number;
  json: unknown;
}

/** One route. */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the API root with `{name}` parameters, e.g. `/bundles/{id}`. */
  pattern: string;
  /** Allowed for `limited` keys although it writes (only availability). */
  limitedMayCall?: boolean;
  handle(req: RouteRequest): RouteResponse | Promise<RouteResponse>;
}
