/**
 * A backend instance driven over IPC by a test: a real `createPeekerClient` whose
 * availability checker shares its cache and request budget through `@peeker/redis`.
 * Settings come from the environment (see {@link InstanceSettings}).
 */
import { createPeekerClient } from '@peeker/core/server';
import { createRedisStores } from '@peeker/redis';

/** Environment of one instance. */
export interface InstanceSettings {
  PEEKER_BASE_URL: string;
  PEEKER_API_KEY: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  /** Budget window in ms (60000 in production; scaled down in tests). */
  BUDGET_WINDOW_MS: string;
  INSTANCES: string;
  /** `redis` (default) or `memory` (no shared stores, for the overhead benchmark). */
  STORES?: string;
}

/** A request from the parent. */
export type InstanceRequest = { type: 'check'; id: number; names: string[] } | { type: 'stop' };

/** An answer to the parent. */
export type InstanceMessage =
  | { type: 'ready' }
  | { type: 'rows'; id: number; count: number; errored: number; upstream429: number; ms: number; degraded: boolean }
  | { type: 'failed'; id: number; message: string };

export async function runInstance(): Promise<void> {
  const env = process.env as unknown as InstanceSettings;
  const send = (message: InstanceMessage): void => void process.send?.(message);
  const useRedis = env.STORES !== 'memory';
  const stores = useRedis
    ? createRedisStores({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX, expectedInstances: Number(env.INSTANCES), onWarning: () => undefined })
    : undefined;
  await stores?.ready();
  let upstream429 = 0;
  const client = createPeekerClient({
    apiKey: env.PEEKER_API_KEY,
    baseUrl: env.PEEKER_BASE_URL,
    availability: {
      ...(stores === undefined ? {} : { cache: stores.cache, budget: stores.budget }),
      budgetWindowMs: Number(env.BUDGET_WINDOW_MS),
      batchSize: 10,
      retries: 5,
      onBatchError: () => undefined,
    },
    logger: (entry) => {
      if (entry.status === 429) upstream429 += 1;
    },
  });
  process.on('message', (raw: InstanceRequest) => {
    if (raw.type === 'stop') {
      void client.close().then(() => stores?.close()).then(() => process.exit(0));
      return;
    }
    const started = performance.now();
    client.checkAvailability(raw.names).then(
      (rows) => {
        const errored = rows.filter((r) => r.reason === 'errored').length;
        send({ type: 'rows', id: raw.id, count: rows.length, errored, upstream429, ms: performance.now() - started, degraded: stores?.degraded ?? false });
      },
      (error: unknown) => send({ type: 'failed', id: raw.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ type: 'ready' });
}
