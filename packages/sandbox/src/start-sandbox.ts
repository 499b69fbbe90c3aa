/**
 * `startSandbox()`: a local HTTP stand-in for the Peeker Partner API (pk_test_ keys),
 * following docs/peeker-api.md. Routes live under `/partner/v1` and the older
 * `/api/partner/v1`.
 *
 * Per request, in order: `Peeker-Request-Id` header (`req_` + ULID-like) → count it in
 * `stats` → read the body (≤ 1 MiB, else 413) → `latencyMs` → injected fault (drop / 429 /
 * 500 / drop-after-work) → auth (401) → rate limit (429 with `details.retry_after_seconds`,
 * no header, as documented) → route (404 / 405) → permission preset (403) → JSON body (400)
 * → the route. Every error is Peeker's envelope.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAvailabilityOracle } from './availability-oracle.ts';
import { createBundleStore } from './bundle-store.ts';
import { createDomainStore } from './domain-store.ts';
import { forbidden, rateLimited, SandboxHttpError, unauthorized } from './errors.ts';
import { createFaultInjector, FaultKind, type SandboxFaults } from './faults.ts';
import { createIdFactory } from './ids.ts';
import { createOrderStore } from './order-store.ts';
import type { Seed } from './prng.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createRouter } from './router.ts';
import { availabilityRoutes } from './routes/availability.ts';
import { bundleRoutes } from './routes/bundles.ts';
import { domainRoutes } from './routes/domains.ts';
import { meRoutes } from './routes/me.ts';
import { orderRoutes } from './routes/orders.ts';
import { userRoutes } from './routes/users.ts';
import type { MutableStats, PermissionPreset, SandboxContext } from './sandbox-context.ts';
import { createUserStore } from './user-store.ts';
import { createWebhookDispatcher, type SandboxEvent, type WebhookStats } from './webhook-dispatcher.ts';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Seed of every deterministic answer (availability, ids, faults). @default 0 */
  seed?: Seed;
  /** The `full` key the sandbox accepts. Must start with `pk_test_`. @default 'pk_test_sandbox' */
  apiKey?: string;
  /**
   * More keys and their permission presets (`full`, `limited`, `read`), e.g.
   * `{ pk_test_readonly: 'read' }`. Each must start with `pk_test_`.
   * @default {}
   */
  apiKeys?: Readonly<Record<string, PermissionPreset>>;
  /** Where signed webhooks are POSTed; none are sent while unset (`sandbox.events` still records them). @default undefined */
  webhookUrl?: string;
  /** Webhook signing secret. @default 'whsec_sandbox' */
  webhookSecret?: string;
  /** Waits before the 2nd, 3rd and 4th delivery attempt (Peeker: 5 attempts over 24 h). @default [50, 200, 800] */
  webhookRetryDelaysMs?: readonly number[];
  /** Delay added to every request, in ms. @default 0 */
  latencyMs?: number;
  /** Initial fault injection; change it later with `setFaults`. @default no faults */
  faults?: SandboxFaults;
  /** Requests per sliding minute per key. @default 600 */
  rateLimitPerMinute?: number;
  /** Time between order progress steps (each domain connecting, then completion), in ms. @default 50 */
  orderProgressMs?: number;
  /** The sandbox clock (timestamps, ids, 24 h order dedupe, rate limit, webhook timestamps). @default Date.now */
  now?: () => number;
  /** Partner name answered by `GET /me`. @default 'Sandbox Partner' */
  partnerName?: string;
}

/** What `sandbox.stats` reports (a snapshot). */
export interface SandboxStats {
  /** Every request received, faulted or not. */
  totalRequests: number;
  /** Requests per route name, e.g. `'POST /domains/availability'`, `'GET /bundles/{id}'`. Unknown paths: `'<METHOD> (unmatched)'`. */
  requests: Readonly<Record<string, number>>;
  /** Shortcut for `requests['POST /domains/availability']`. */
  availabilityRequests: number;
  /** Names answered by availability calls (faulted calls excluded). */
  availabilityNames: number;
  /** Injected faults by kind. */
  faults: Readonly<Record<string, number>>;
  /** Requests refused by the rate limiter (injected 429s excluded). */
  rateLimited: number;
  /** Orders created (charged), their total, and replays answered from the 24 h dedupe. */
  orders: { created: number; chargedCents: number; replays: number };
  /** Webhook events emitted and delivery attempts. */
  webhooks: WebhookStats;
}

/** A running sandbox. */
export interface Sandbox {
  /** `http://host:port`. */
  readonly url: string;
  /** `url + '/partner/v1'`: pass it as the client's `baseUrl`. */
  readonly baseUrl: string;
  /** The `full` test key. */
  readonly apiKey: string;
  /** The webhook signing secret. */
  readonly webhookSecret: string;
  /** A snapshot of the counters. */
  readonly stats: SandboxStats;
  /** Every webhook event emitted so far, with its delivery state (copies). */
  readonly events: readonly SandboxEvent[];
  /** Zeroes the request counters (not orders or webhooks). */
  resetStats(): void;
  /** Replaces the fault settings (and restarts the seeded fault stream). `undefined` = none. */
  setFaults(faults: SandboxFaults | undefined): void;
  /** Sets or clears the webhook URL. */
  setWebhookUrl(url: string | undefined): void;
  /** Makes a name taken from now on (simulates someone registering it between check and order). */
  markTaken(domain: string): void;
  /** Resolves once no order progress step and no webhook delivery is pending. */
  idle(): Promise<void>;
  /** Stops the server, timers and deliveries. */
  close(): Promise<void>;
}

const PREFIXES = ['/partner/v1', '/api/partner/v1'] as const;
const MAX_BODY_BYTES = 1_048_576;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function checkKey(key: string, what: string): void {
  if (typeof key !== 'string' || !/^pk_test_[\x21-\x7e]+$/.test(key)) {
    throw new TypeError(`Expected ${what} to be a pk_test_ key (the sandbox never accepts live keys)`);
  }
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`Expected ${name} to be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/**
 * Starts a local Peeker sandbox.
 * @param options - see {@link SandboxOptions}
 * @returns the running sandbox (close it when done)
 * @throws TypeError for bad options (a key without `pk_test_`, a negative latency, a bad fault rate)
 * @example
 * ```ts
 * import { startSandbox } from '@peeker/sandbox';
 * import { createPeekerClient } from '@peeker/core/server';
 *
 * const sandbox = await startSandbox({ seed: 1 });
 * const peeker = createPeekerClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
 * console.log(await peeker.me());
 * await peeker.close();
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new TypeError('Expected seed to be a number or string');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError('Expected now to be a function');
  const apiKey = options.apiKey ?? 'pk_test_sandbox';
  checkKey(apiKey, 'apiKey');
  const keys = new Map<string, PermissionPreset>([[apiKey, 'full']]);
  for (const [key, preset] of Object.entries(options.apiKeys ?? {})) {
    checkKey(key, 'every apiKeys key');
    if (preset !== 'full' && preset !== 'limited' && preset !== 'read') throw new TypeError('Expected each apiKeys preset to be full, limited or read');
    keys.set(key, preset);
  }
  const webhookSecret = options.webhookSecret ?? 'whsec_sandbox';
  if (typeof webhookSecret !== 'string' || webhookSecret === '') throw new TypeError('Expected webhookSecret to be a non-empty string');
  const latencyMs = nonNegative('latencyMs', options.latencyMs, 0);
  const progressMs = nonNegative('orderProgressMs', options.orderProgressMs, 50);
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 600;
  if (!Number.isSafeInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) throw new TypeError('Expected rateLimitPerMinute to be a positive integer');
  const retryDelays = options.webhookRetryDelaysMs ?? [50, 200, 800];
  if (!Array.isArray(retryDelays) || retryDelays.some((d) => typeof d !== 'number' || !(d >= 0))) {
    throw new TypeError('Expected webhookRetryDelaysMs to be an array of numbers ≥ 0');
  }
  if (options.webhookUrl !== undefined) new URL(options.webhookUrl);

  let closed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const schedule = (fn: () => void, ms: number): void => {
    if (closed) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    timers.add(t);
  };

  const ids = createIdFactory(seed, now);
  const oracle = createAvailabilityOracle(seed);
  const faults = createFaultInjector(seed, options.faults);
  const webhooks = createWebhookDispatcher({ url: options.webhookUrl, secret: webhookSecret, ids, now, retryDelaysMs: retryDelays, timeoutMs: 5000 });
  const bundles = createBundleStore(ids, now);
  const users = createUserStore(ids, now);
  const domains = createDomainStore(ids, now);
  const orders = createOrderStore({ ids, now, users, bundles, domains, webhooks, markTaken: (d) => oracle.markTaken(d), schedule, progressMs });
  const freshStats = (): MutableStats => ({ totalRequests: 0, requests: {}, availabilityNames: 0, faults: {}, rateLimited: 0 });
  const ctx: SandboxContext = {
    seed,
    now,
    ids,
    oracle,
    faults,
    webhooks,
    bundles,
    users,
    domains,
    orders,
    stats: freshStats(),
    partner: { id: ids.next('org'), name: options.partnerName ?? 'Sandbox Partner' },
    progressMs,
    schedule,
  };
  const limiter = createRateLimiter(rateLimitPerMinute, now);
  const router = createRouter([...meRoutes, ...bundleRoutes, ...availabilityRoutes, ...domainRoutes, ...orderRoutes, ...userRoutes]);

  const send = (res: ServerResponse, status: number, json: unknown): void => {
    if (res.headersSent || res.destroyed) return;
    const body = JSON.stringify(json);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('Peeker-Request-Id', ids.next('req'));
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const prefix = PREFIXES.find((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
    const rest = prefix === undefined ? undefined : url.pathname.slice(prefix.length) || '/';
    let match: ReturnType<typeof router.match>;
    try {
      match = rest === undefined ? undefined : router.match(method, rest);
    } catch {
      match = undefined; // malformed percent-encoding
    }
    const routeName = match !== undefined && 'route' in match ? match.name : `${method} (unmatched)`;
    ctx.stats.totalRequests += 1;
    ctx.stats.requests[routeName] = (ctx.stats.requests[routeName] ?? 0) + 1;

    const raw = await readBody(req);
    if (latencyMs > 0) await sleep(latencyMs);
    if (closed) {
      req.socket.destroy();
      return;
    }
    const fault = faults.decide(routeName);
    if (fault !== FaultKind.none) ctx.stats.faults[fault] = (ctx.stats.faults[fault] ?? 0) + 1;
    if (fault === FaultKind.drop) {
      req.socket.destroy();
      return;
    }
    if (fault === FaultKind.rateLimit) return send(res, 429, rateLimited(faults.retryAfterSeconds()).toEnvelope());
    if (fault === FaultKind.serverError) {
      return send(res, 500, new SandboxHttpError(500, 'server_error', 'Injected sandbox failure').toEnvelope());
    }
    const finish = (status: number, json: unknown): void => {
      if (fault === FaultKind.dropAfter) {
        req.socket.destroy();
        return;
      }
      send(res, status, json);
    };

    try {
      if (raw === undefined) throw new SandboxHttpError(413, 'payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`);
      // Auth: exactly `Authorization: Bearer <pk_test_ key>`.
      const header = req.headers.authorization;
      if (header === undefined || header.trim() === '') throw unauthorized('Missing Authorization header; send Authorization: Bearer <key>');
      const m = /^Bearer ([^\s]+)$/.exec(header.trim());
      if (m === null) throw unauthorized('Malformed Authorization header; send Authorization: Bearer <key>');
      const key = m[1] as string;
      if (key.startsWith('pk_live_')) throw unauthorized('This is a sandbox: live keys are not accepted here, use a pk_test_ key');
      if (!key.startsWith('pk_test_')) throw unauthorized('API keys start with pk_test_ or pk_live_');
      const preset = keys.get(key);
      if (preset === undefined) throw unauthorized('Unknown or revoked API key');

      const wait = limiter.take(key);
      if (wait !== undefined) {
        ctx.stats.rateLimited += 1;
        throw rateLimited(wait);
      }

      if (match === undefined) throw new SandboxHttpError(404, 'not_found', `No route ${method} ${url.pathname}`);
      if (!('route' in match)) {
        res.setHeader('Allow', match.methodMismatch.join(', '));
        throw new SandboxHttpError(405, 'method_not_allowed', `${method} is not allowed here; use ${match.methodMismatch.join(' or ')}`);
      }
      const { route, params } = match;
      if (route.method !== 'GET' && (preset === 'read' || (preset === 'limited' && route.limitedMayCall !== true))) {
        throw forbidden(preset);
      }

      let body: unknown;
      if (raw.length > 0 && route.method !== 'GET') {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new SandboxHttpError(400, 'invalid_request', 'The request body is not valid JSON');
        }
      }
      const host = req.headers.host ?? `${options.host ?? '127.0.0.1'}`;
      const result = await route.handle({
        ctx,
        params,
        query: url.searchParams,
        body,
        rawBody: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
        preset,
        apiRoot: `http://${host}${prefix ?? PREFIXES[0]}`,
      });
      finish(result.status, result.json);
    } catch (error) {
      if (error instanceof SandboxHttpError) return finish(error.status, error.toEnvelope());
      finish(500, new SandboxHttpError(500, 'internal_error', 'Sandbox internal error').toEnvelope());
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, new SandboxHttpError(500, 'internal_error', 'Sandbox internal error').toEnvelope());
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrlRoot = `http://${urlHost}:${address.port}`;

  return {
    url: baseUrlRoot,
    baseUrl: `${baseUrlRoot}/partner/v1`,
    apiKey,
    webhookSecret,
    get stats(): SandboxStats {
      const s = ctx.stats;
      return {
        totalRequests: s.totalRequests,
        requests: { ...s.requests },
        availabilityRequests: s.requests['POST /domains/availability'] ?? 0,
        availabilityNames: s.availabilityNames,
        faults: { ...s.faults },
        rateLimited: s.rateLimited,
        orders: { created: orders.charges.count, chargedCents: orders.charges.cents, replays: orders.charges.replays },
        webhooks: webhooks.stats,
      };
    },
    get events() {
      return webhooks.events.map((e) => structuredClone(e));
    },
    resetStats() {
      ctx.stats = freshStats();
    },
    setFaults(next) {
      faults.set(next);
    },
    setWebhookUrl(next) {
      webhooks.setUrl(next);
    },
    markTaken(domain) {
      oracle.markTaken(domain);
    },
    async idle() {
      while (!closed && timers.size > 0) await sleep(Math.max(5, Math.min(progressMs, 50)));
      await webhooks.idle();
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      webhooks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
