/**
 * Signed webhook deliveries (docs/peeker-api.md §10): JSON POSTs with `Peeker-Event-Id`,
 * `Peeker-Timestamp` and `Peeker-Signature` (signed with `signWebhook`, the project's stated
 * assumption), each attempt re-signed with the sandbox clock, retried with a short backoff.
 * Deliveries are independent, so events may arrive out of order, as with Peeker.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signWebhook } from '@peeker/core';
import type { IdFactory } from './ids.ts';
import { isoSeconds } from './timestamps.ts';

/** One event the sandbox emitted, with its delivery record. */
export interface SandboxEvent {
  id: string;
  type: string;
  created_at: string;
  data: Record<string, unknown>;
  /** Delivery attempts so far. */
  attempts: number;
  /** `pending` (or retrying), `delivered`, `failed` (gave up), `undelivered` (no webhook URL). */
  delivery: 'pending' | 'delivered' | 'failed' | 'undelivered';
}

/** Delivery statistics. */
export interface WebhookStats {
  emitted: number;
  attempts: number;
  delivered: number;
  failed: number;
}

/** The dispatcher of one sandbox. */
export interface WebhookDispatcher {
  emit(type: string, data: Record<string, unknown>): SandboxEvent;
  setUrl(url: string | undefined): void;
  readonly events: readonly SandboxEvent[];
  readonly stats: WebhookStats;
  /** Resolves when no delivery is pending. */
  idle(): Promise<void>;
  close(): void;
}

/** Settings of {@link createWebhookDispatcher}. */
export interface WebhookDispatcherOptions {
  url: string | undefined;
  secret: string;
  ids: IdFactory;
  now: () => number;
  /** Waits before the 2nd, 3rd, … attempt. */
  retryDelaysMs: readonly number[];
  /** Per-attempt timeout. */
  timeoutMs: number;
}

function post(url: URL, body: string, headers: Record<string, string>, timeoutMs: number, inflight: Set<ClientRequest>): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'peeker-sandbox-webhooks' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    inflight.add(req);
    req.on('close', () => inflight.delete(req));
    req.on('timeout', () => req.destroy(new Error('webhook delivery timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * @param options - see {@link WebhookDispatcherOptions}
 * @returns the dispatcher
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  let url = options.url;
  let closed = false;
  const events: SandboxEvent[] = [];
  const stats: WebhookStats = { emitted: 0, attempts: 0, delivered: 0, failed: 0 };
  const pending = new Set<Promise<void>>();
  const inflight = new Set<ClientRequest>();
  const timers = new Map<ReturnType<typeof setTimeout>, (go: boolean) => void>();

  /** Waits `ms`; resolves false at once when the sandbox closes. */
  const wait = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (closed) return resolve(false);
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(!closed);
      }, ms);
      timers.set(t, resolve);
    });

  const deliver = async (event: SandboxEvent, target: URL): Promise<void> => {
    const body = JSON.stringify({ id: event.id, type: event.type, created_at: event.created_at, data: event.data });
    const maxAttempts = options.retryDelaysMs.length + 1;
    for (let attempt = 0; attempt < maxAttempts && !closed; attempt += 1) {
      if (attempt > 0 && !(await wait(options.retryDelaysMs[attempt - 1] ?? 0))) break;
      event.attempts += 1;
      stats.attempts += 1;
      try {
        const headers = await signWebhook({
          body,
          secret: options.secret,
          timestamp: Math.floor(options.now() / 1000),
          eventId: event.id,
        });
        const status = await post(target, body, headers as Record<string, string>, options.timeoutMs, inflight);
        if (status >= 200 && status < 300) {
          event.delivery = 'delivered';
          stats.delivered += 1;
          return;
        }
      } catch {
        // Network failure: retry.
      }
    }
    event.delivery = 'failed';
    stats.failed += 1;
  };

  return {
    emit(type, data) {
      const event: SandboxEvent = {
        id: options.ids.next('evt'),
        type,
        created_at: isoSeconds(options.now()),
        data,
        attempts: 0,
        delivery: url === undefined ? 'undelivered' : 'pending',
      };
      events.push(event);
      stats.emitted += 1;
      if (url !== undefined && !closed) {
        const p = deliver(event, new URL(url)).finally(() => pending.delete(p));
        pending.add(p);
      }
      return event;
    },
    setUrl(next) {
      if (next !== undefined) new URL(next); // throws TypeError on a bad URL
      url = next;
    },
    get events() {
      return events;
    },
    get stats() {
      return { ...stats };
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    close() {
      closed = true;
      for (const [t, resolve] of timers) {
        clearTimeout(t);
        resolve(false);
      }
      timers.clear();
      for (const req of inflight) req.destroy();
      inflight.clear();
    },
  };
}
