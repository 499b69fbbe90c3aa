/**
 * Fault injection: 429s, 5xx, dropped connections and stale/errored availability rows,
 * reproducible from the seed (decisions come from a seeded stream, one draw per eligible
 * request in arrival order) or fully scripted.
 */
import { createRandomStream, type RandomStream, type Seed } from './prng.ts';

/** What can happen to one request. */
export const FaultKind = {
  /** Answer normally. */
  none: 'none',
  /** 429 `rate_limited` with `details.retry_after_seconds`. */
  rateLimit: 'rate_limit',
  /** 500 `server_error`. */
  serverError: 'server_error',
  /** Destroy the socket before doing anything (nothing happened on the server). */
  drop: 'drop',
  /** Do the work, then destroy the socket instead of answering (the response is lost). */
  dropAfter: 'drop_after',
} as const;
/** One of {@link FaultKind}. */
export type FaultKind = (typeof FaultKind)[keyof typeof FaultKind];

/** Fault settings of a sandbox; see `startSandbox({ faults })` and `sandbox.setFaults()`. */
export interface SandboxFaults {
  /** Share of requests answered 429 `rate_limited`, 0–1. @default 0 */
  rate429?: number;
  /** Share of requests answered 500 `server_error`, 0–1. @default 0 */
  rate5xx?: number;
  /** Share of requests whose connection is dropped before any work, 0–1. @default 0 */
  dropRate?: number;
  /** Share of requests processed and then dropped (response lost), 0–1. @default 0 */
  dropAfterRate?: number;
  /** `retry_after_seconds` of injected 429s. @default 1 */
  retryAfterSeconds?: number;
  /** Share of availability rows answered `reason: "stale"`, 0–1. @default 0 */
  staleRate?: number;
  /** Share of availability rows answered `reason: "errored"`, 0–1. @default 0 */
  erroredRate?: number;
  /**
   * Exact faults for the next eligible requests, in arrival order, before the rates apply
   * (e.g. `['rate_limit', 'none', 'drop']`).
   * @default []
   */
  script?: readonly FaultKind[];
  /**
   * Route names the request faults apply to, e.g. `['POST /domains/availability']`.
   * @default every route
   */
  routes?: readonly string[];
  /**
   * Reseeds the fault stream (defaults to the sandbox seed). Setting faults always restarts
   * the stream, so the same settings and the same request order give the same faults.
   * @default the sandbox seed
   */
  seed?: Seed;
}

/** The fault state of one sandbox. */
export interface FaultInjector {
  /** Replaces the settings and restarts the stream. */
  set(faults: SandboxFaults | undefined): void;
  /** The fault for the next request on `route`. */
  decide(route: string): FaultKind;
  /** A fault for one availability row, if any. */
  rowFault(): 'stale' | 'errored' | undefined;
  /** `retry_after_seconds` for injected 429s. */
  retryAfterSeconds(): number;
}

const KINDS: ReadonlySet<string> = new Set(Object.values(FaultKind));

function rate(name: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new TypeError(`Expected faults.${name} to be a number from 0 to 1, got ${String(value)}`);
  }
  return value;
}

/**
 * Validates fault settings.
 * @param faults - settings or undefined
 * @returns a normalised copy
 * @throws TypeError on a bad rate, script entry or route list
 */
export function checkFaults(faults: SandboxFaults | undefined): Required<Omit<SandboxFaults, 'seed' | 'routes'>> & Pick<SandboxFaults, 'seed' | 'routes'> {
  const f = faults ?? {};
  if (typeof f !== 'object' || f === null) throw new TypeError('Expected faults to be an object');
  const script = f.script ?? [];
  if (!Array.isArray(script) || script.some((k) => !KINDS.has(k))) {
    throw new TypeError(`Expected faults.script to be an array of ${[...KINDS].join(' | ')}`);
  }
  if (f.routes !== undefined && (!Array.isArray(f.routes) || f.routes.some((r) => typeof r !== 'string'))) {
    throw new TypeError('Expected faults.routes to be an array of route names like "POST /domains/availability"');
  }
  const retryAfterSeconds = f.retryAfterSeconds ?? 1;
  if (typeof retryAfterSeconds !== 'number' || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
    throw new TypeError(`Expected faults.retryAfterSeconds to be an integer ≥ 0, got ${String(retryAfterSeconds)}`);
  }
  return {
    rate429: rate('rate429', f.rate429),
    rate5xx: rate('rate5xx', f.rate5xx),
    dropRate: rate('dropRate', f.dropRate),
    dropAfterRate: rate('dropAfterRate', f.dropAfterRate),
    staleRate: rate('staleRate', f.staleRate),
    erroredRate: rate('erroredRate', f.erroredRate),
    retryAfterSeconds,
    script: [...script],
    routes: f.routes === undefined ? undefined : [...f.routes],
    seed: f.seed,
  };
}

/**
 * Creates the fault injector.
 * @param seed - the sandbox seed
 * @param initial - initial settings
 * @returns the injector
 */
export function createFaultInjector(seed: Seed, initial: SandboxFaults | undefined): FaultInjector {
  let settings = checkFaults(initial);
  let requestStream: RandomStream = createRandomStream(settings.seed ?? seed, 'faults:requests');
  let rowStream: RandomStream = createRandomStream(settings.seed ?? seed, 'faults:rows');
  let script: FaultKind[] = [...settings.script];
  return {
    set(faults) {
      settings = checkFaults(faults);
      requestStream = createRandomStream(settings.seed ?? seed, 'faults:requests');
      rowStream = createRandomStream(settings.seed ?? seed, 'faults:rows');
      script = [...settings.script];
    },
    decide(route) {
      if (settings.routes !== undefined && !settings.routes.includes(route)) return 'none';
      const scripted = script.shift();
      if (scripted !== undefined) return scripted;
      const { rate429, rate5xx, dropRate, dropAfterRate } = settings;
      if (rate429 + rate5xx + dropRate + dropAfterRate === 0) return 'none';
      let r = requestStream.next();
      if ((r -= rate429) < 0) return 'rate_limit';
      if ((r -= rate5xx) < 0) return 'server_error';
      if ((r -= dropRate) < 0) return 'drop';
      if ((r -= dropAfterRate) < 0) return 'drop_after';
      return 'none';
    },
    rowFault() {
      const { staleRate, erroredRate } = settings;
      if (staleRate + erroredRate === 0) return undefined;
      let r = rowStream.next();
      if ((r -= staleRate) < 0) return 'stale';
      if ((r -= erroredRate) < 0) return 'errored';
      return undefined;
    },
    retryAfterSeconds: () => settings.retryAfterSeconds,
  };
}
