/**
 * Admission control of the availability handler: a per-client sliding window of upstream
 * request units (one unit = one batch of up to 50 names) and an estimate of how long the
 * work already admitted takes at the key's rate. Internal: not exported from the package.
 */

/** Settings of {@link createClientFairness}. */
export interface ClientFairnessSettings {
  /** Units one client may spend per minute. */
  perClientPerMinute: number;
  /** Units per minute the key allows this handler (the checker's budget). */
  upstreamPerMinute: number;
  /** Most client keys remembered (oldest forgotten first). */
  maxClients: number;
  now: () => number;
}

/** What {@link ClientFairness.admit} decided. */
export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; scope: 'client' | 'server'; retryAfterMs: number };

/** The admission controller. */
export interface ClientFairness {
  /**
   * Admits a request of `units` for `client`, unless the client spent its share this
   * minute, or the queue ahead would make it wait longer than `maxWaitMs`.
   */
  admit(client: string | undefined, units: number, maxWaitMs: number): Admission;
}

const MINUTE = 60_000;

/** Creates the controller. */
export function createClientFairness(settings: ClientFairnessSettings): ClientFairness {
  const { perClientPerMinute, upstreamPerMinute, maxClients, now } = settings;
  const logs = new Map<string, number[]>();
  /** Units admitted and not finished yet (cache hits finish at once and cost nothing real). */
  let queued = 0;
  const msPerUnit = MINUTE / upstreamPerMinute;

  return {
    admit(client, units, maxWaitMs) {
      const at = now();
      // The queue drains at most at the key's rate: the last unit of this request goes out
      // after every unit admitted before it (an estimate: cache hits drain faster).
      const wait = (queued + units) * msPerUnit;
      if (wait > maxWaitMs) {
        return { ok: false, scope: 'server', retryAfterMs: Math.max(1000, Math.ceil(wait - maxWaitMs)) };
      }
      let log: number[] | undefined;
      if (client !== undefined) {
        log = logs.get(client) ?? [];
        let expired = 0;
        while (expired < log.length && (log[expired] as number) <= at - MINUTE) expired += 1;
        if (expired > 0) log.splice(0, expired);
        if (log.length + units > perClientPerMinute) {
          const freeAt = (log[Math.max(0, log.length + units - perClientPerMinute - 1)] ?? at) + MINUTE;
          logs.set(client, log);
          return { ok: false, scope: 'client', retryAfterMs: Math.max(1000, freeAt - at) };
        }
        for (let i = 0; i < units; i += 1) log.push(at);
        logs.delete(client); // re-insert: most recent client last
        logs.set(client, log);
        while (logs.size > maxClients) logs.delete(logs.keys().next().value as string);
      }
      queued += units;
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          queued -= units;
        },
      };
    },
  };
}
