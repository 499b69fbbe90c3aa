/**
 * Admission control of the availability handler: a per-client sliding window of upstream
 * request units (one unit = one batch of up to 50 names) and an estimate of how long a new
 * request waits for the key's sliding window. Internal: not exported from the package.
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
export type Admission = { ok: true } | { ok: false; scope: 'client' | 'server'; retryAfterMs: number };

/** The admission controller. */
export interface ClientFairness {
  /**
   * Admits a request of `units` for `client`, unless the client spent its share this
   * minute, or the key's window would make it wait longer than `maxWaitMs`.
   */
  admit(client: string | undefined, units: number, maxWaitMs: number): Admission;
}

const MINUTE = 60_000;

/** Creates the controller. */
export function createClientFairness(settings: ClientFairnessSettings): ClientFairness {
  const { perClientPerMinute, upstreamPerMinute, maxClients, now } = settings;
  const logs = new Map<string, number[]>();
  /** When each unit this handler admitted was admitted, oldest first (the last minute). */
  const admitted: number[] = [];

  const prune = (log: number[], at: number): void => {
    let expired = 0;
    while (expired < log.length && (log[expired] as number) <= at - MINUTE) expired += 1;
    if (expired > 0) log.splice(0, expired);
  };

  return {
    admit(client, units, maxWaitMs) {
      const at = now();
      // Admitted work drains through the key's sliding window: the last unit of this request
      // is the (n + units)-th of the minute, so it goes out once enough earlier units have
      // left the window. An estimate: cache hits cost nothing, other instances' calls are not
      // seen, and a cold window lets a burst through at once.
      prune(admitted, at);
      const position = admitted.length + units;
      const over = position - upstreamPerMinute;
      const wait = over <= 0 ? 0 : (admitted[over - 1] ?? at) + MINUTE - at;
      if (wait > maxWaitMs) {
        return { ok: false, scope: 'server', retryAfterMs: Math.max(1000, Math.ceil(wait - maxWaitMs)) };
      }
      if (client !== undefined) {
        const log = logs.get(client) ?? [];
        prune(log, at);
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
      for (let i = 0; i < units; i += 1) admitted.push(at);
      return { ok: true };
    },
  };
}
