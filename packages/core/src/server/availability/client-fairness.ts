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
export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; scope: 'client' | 'server'; retryAfterMs: number };

/** The admission controller. */
export interface ClientFairness {
  /**
   * Admits a request of `units` for `client`, unless the client spent its share this
   * minute, or the estimated wait would be longer than `maxWaitMs`. Call `release` when the
   * admitted request finished.
   */
  admit(client: string | undefined, units: number, maxWaitMs: number): Admission;
}

const MINUTE = 60_000;

/** How far back completions are looked at to measure the drain rate. */
const RATE_SPAN_MS = 5_000;

/** Creates the controller. */
export function createClientFairness(settings: ClientFairnessSettings): ClientFairness {
  const { perClientPerMinute, upstreamPerMinute, maxClients, now } = settings;
  const logs = new Map<string, number[]>();
  /** When each unit this handler admitted was admitted, oldest first (the last minute). */
  const admitted: number[] = [];
  /** When admitted units finished, oldest first (the last RATE_SPAN_MS). */
  const finished: number[] = [];
  /** Units admitted and not finished. */
  let queued = 0;

  const prune = (log: number[], at: number, span: number): void => {
    let expired = 0;
    while (expired < log.length && (log[expired] as number) <= at - span) expired += 1;
    if (expired > 0) log.splice(0, expired);
  };

  /**
   * When the last unit of a new request would go out. Two limits, the larger wins: the key's
   * sliding window (the request's last unit is the (n + units)-th of the minute) and the
   * drain rate measured over the last seconds (concurrency and latency; before anything
   * finished, the key's steady rate). An estimate: cache hits cost nothing, and other
   * instances' calls on the key are not seen.
   */
  const estimateWait = (units: number, at: number): number => {
    prune(admitted, at, MINUTE);
    prune(finished, at, RATE_SPAN_MS);
    const over = admitted.length + units - upstreamPerMinute;
    const windowWait = over <= 0 ? 0 : (admitted[over - 1] ?? at) + MINUTE - at;
    const measured = finished.length >= 4 ? finished.length / Math.max(1000, at - (finished[0] as number)) : 0;
    const perMs = measured > 0 ? measured : upstreamPerMinute / MINUTE;
    const drainWait = queued === 0 ? 0 : (queued + units) / perMs;
    return Math.max(windowWait, drainWait);
  };

  return {
    admit(client, units, maxWaitMs) {
      const at = now();
      const wait = estimateWait(units, at);
      if (wait > maxWaitMs) {
        return { ok: false, scope: 'server', retryAfterMs: Math.max(1000, Math.ceil(wait - maxWaitMs)) };
      }
      if (client !== undefined) {
        const log = logs.get(client) ?? [];
        prune(log, at, MINUTE);
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
      queued += units;
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          queued -= units;
          const done = now();
          for (let i = 0; i < units; i += 1) finished.push(done);
        },
      };
    },
  };
}
