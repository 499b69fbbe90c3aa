/**
 * Deterministic test doubles for the availability checker: a virtual clock whose `sleep`
 * only advances when the test drives it, and an in-memory transport that records calls.
 * (Not a test file: imported by the availability tests.)
 */
import type { AvailabilityRow } from '../../../packages/core/src/availability/availability-row.ts';
import type { AvailabilityTransport } from '../../../packages/core/src/availability/create-availability-checker.ts';
import { PeekerError } from '../../../packages/core/src/errors/peeker-error.ts';
import { availableRow } from '../../fixtures/peeker-api-examples.ts';

interface Timer {
  due: number;
  seq: number;
  resolve: () => void;
}

/** A virtual clock: `now()` moves only when `run`/`advance` fire timers. */
export interface VirtualTime {
  now: () => number;
  /** The checker's sleep: records each requested duration in `sleeps`. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A sleep for transport latency; not recorded in `sleeps`. */
  delay: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Durations the checker asked to sleep, in call order. */
  readonly sleeps: number[];
  /** Lets every pending promise callback run (no timers fire). */
  flush: () => Promise<void>;
  /** Moves the clock forward by `ms`, firing due timers in order. */
  advance: (ms: number) => Promise<void>;
  /** Drives timers until `promise` settles; fails on a deadlock (pending with no timers). */
  run: <T>(promise: Promise<T>) => Promise<T>;
}

export const START = 1_700_000_000_000;

export function createVirtualTime(start = START): VirtualTime {
  let time = start;
  let seq = 0;
  const timers: Timer[] = [];
  const sleeps: number[] = [];

  const schedule = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer: Timer = { due: time + Math.max(0, ms), seq: seq++, resolve: () => undefined };
      const onAbort = (): void => {
        const i = timers.indexOf(timer);
        if (i !== -1) timers.splice(i, 1);
        reject(signal?.reason);
      };
      timer.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      timers.push(timer);
    });

  const flush = async (): Promise<void> => {
    for (let i = 0; i < 3; i += 1) await new Promise<void>((r) => setImmediate(r));
  };

  const fireNext = (limit: number): boolean => {
    if (timers.length === 0) return false;
    timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const next = timers[0] as Timer;
    if (next.due > limit) return false;
    timers.shift();
    time = Math.max(time, next.due);
    next.resolve();
    return true;
  };

  return {
    now: () => time,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return schedule(ms, signal);
    },
    delay: schedule,
    sleeps,
    flush,
    async advance(ms) {
      const target = time + ms;
      await flush();
      while (fireNext(target)) await flush();
      time = target;
      await flush();
    },
    async run<T>(promise: Promise<T>): Promise<T> {
      type State = { done: false } | { done: true; ok: true; value: T } | { done: true; ok: false; error: unknown };
      let state = { done: false } as State;
      promise.then(
        (value) => {
          state = { done: true, ok: true, value };
        },
        (error: unknown) => {
          state = { done: true, ok: false, error };
        },
      );
      for (let steps = 0; ; steps += 1) {
        await flush();
        const s = state as State;
        if (s.done) {
          if (s.ok) return s.value;
          throw s.error;
        }
        if (steps > 100_000) throw new Error('virtual time: too many steps');
        if (!fireNext(Infinity)) throw new Error('virtual time: deadlock (promise pending, no timers)');
      }
    },
  };
}

/** A plain answer for a name: available, priced, usable for both providers. */
export const answerRow = availableRow;

export interface TransportCall {
  domains: readonly string[];
  at: number;
  signal: AbortSignal;
}

export interface FakeTransport {
  transport: AvailabilityTransport;
  readonly calls: TransportCall[];
  /** Highest number of calls in progress at the same time. */
  readonly maxInFlight: number;
  /** Set when one name was in two calls at the same time. */
  readonly overlap: string | undefined;
}

/** Answers one call of the fake transport. */
export type Responder = (
  domains: readonly string[],
  callIndex: number,
) => readonly AvailabilityRow[] | Promise<readonly AvailabilityRow[]>;

/** Options of {@link createFakeTransport}. */
export interface FakeTransportOptions {
  latencyMs?: number;
  respond?: Responder;
}

/**
 * An in-memory transport. `respond` answers one call (default: a row per name); `latencyMs`
 * holds each call open for that long in virtual time (abortable).
 */
export function createFakeTransport(
  clock: VirtualTime,
  options: FakeTransportOptions = {},
): FakeTransport {
  const calls: TransportCall[] = [];
  const active = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  let overlap: string | undefined;
  const respond = options.respond ?? ((domains) => domains.map(answerRow));
  const transport: AvailabilityTransport = async (domains, { signal }) => {
    const callIndex = calls.length;
    calls.push({ domains: [...domains], at: clock.now(), signal });
    for (const d of domains) {
      if (active.has(d)) overlap ??= d;
      active.add(d);
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.latencyMs !== undefined) await clock.delay(options.latencyMs, signal);
      return await respond(domains, callIndex);
    } finally {
      inFlight -= 1;
      for (const d of domains) active.delete(d);
    }
  };
  return {
    transport,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    get overlap() {
      return overlap;
    },
  };
}

/** A small stand-in for normalizeHostname: lower case, trim, one trailing dot, dotted labels. */
export function testNormalize(input: string): string {
  const name = input.trim().toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(name)) {
    throw new PeekerError('invalid_domain', `Not a domain name: ${JSON.stringify(input)}`);
  }
  return name;
}

/** A manually resolved promise. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** `n` distinct names `n0000.com`, `n0001.com`, … */
export function names(n: number, prefix = 'n'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}.com`);
}
