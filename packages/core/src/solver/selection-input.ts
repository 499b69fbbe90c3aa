/**
 * Argument checks, name keys and the one pass over the rows for `solveSelection`.
 * Internal: never exported from the package. (Written with the selection solver.)
 */
import type { AvailabilityRow, Provider } from '../availability/availability-row.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import { orderableProviders } from '../availability/row-status.ts';
import type { SelectionProblem } from './selection-problem.ts';
import { compareNames } from '../domains/compare-names.ts';
import { tieBreak } from './tie-break.ts';
import { describeValue } from '../internal/describe-value.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';
import { listNames } from './selection-messages.ts';

/** A pin after validation: normalised name and optional fixed provider. */
export interface PinInput {
  name: string;
  provider: Provider | undefined;
}

/** A validated problem with defaults applied. */
export interface SelectionInput {
  rows: readonly AvailabilityRow[];
  google: number;
  microsoft: number;
  years: number;
  pins: PinInput[];
  excluded: Set<string>;
  groupOf: ((row: AvailabilityRow) => string) | undefined;
  /** Cap of a group (validated), or undefined when there are no caps. */
  capOf: ((group: string) => number) | undefined;
}

/**
 * The key under which names are compared: lower case, one trailing dot removed. Rows are
 * already normalised by the checker, so this only forgives the caller's casing and FQDN dots.
 * @param name - a domain name
 * @returns the comparison key
 */
export function selectionKey(name: string): string {
  const lower = name.toLowerCase();
  // Keep the caller's string when nothing changed: its hash is cached for the Map lookups.
  const key = lower === name ? name : lower;
  return key.endsWith('.') ? key.slice(0, -1) : key;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCap(value: unknown): value is number {
  return isCount(value) || value === Number.POSITIVE_INFINITY;
}

/**
 * Checks the shape of a selection problem and applies defaults.
 * @param problem - what the caller passed to `solveSelection`
 * @returns the validated input
 * @throws TypeError "Expected …, got …" for every wrong-type argument
 */
export function readSelectionInput(problem: SelectionProblem): SelectionInput {
  if (!isPlainObject(problem)) {
    throw new TypeError(`Expected a selection problem object, got ${describeValue(problem)}`);
  }
  const { rows, required, pinned, excluded, years, groupOf, maxPerGroup } = problem;
  if (!Array.isArray(rows)) {
    throw new TypeError(`Expected problem.rows to be an array of availability rows, got ${describeValue(rows)}`);
  }
  if (!isPlainObject(required)) {
    throw new TypeError(`Expected problem.required to be { google, microsoft }, got ${describeValue(required)}`);
  }
  if (!isCount(required.google)) {
    throw new TypeError(
      `Expected problem.required.google to be a non-negative safe integer, got ${describeValue(required.google)}`,
    );
  }
  if (!isCount(required.microsoft)) {
    throw new TypeError(
      `Expected problem.required.microsoft to be a non-negative safe integer, got ${describeValue(required.microsoft)}`,
    );
  }
  if (!Number.isSafeInteger(required.google + required.microsoft)) {
    throw new TypeError(
      `Expected problem.required.google + microsoft to be a safe integer, got ${required.google + required.microsoft}`,
    );
  }
  if (years !== undefined && !(isCount(years) && years >= 1)) {
    throw new TypeError(`Expected problem.years to be a positive safe integer, got ${describeValue(years)}`);
  }

  const pins: PinInput[] = [];
  if (pinned !== undefined) {
    if (!Array.isArray(pinned)) {
      throw new TypeError(`Expected problem.pinned to be an array, got ${describeValue(pinned)}`);
    }
    pinned.forEach((pin: unknown, i) => {
      if (typeof pin === 'string') {
        pins.push({ name: selectionKey(pin), provider: undefined });
        return;
      }
      if (typeof pin !== 'object' || pin === null || typeof (pin as { domain?: unknown }).domain !== 'string') {
        throw new TypeError(
          `Expected problem.pinned[${i}] to be a domain name or { domain, provider? }, got ${describeValue(pin)}`,
        );
      }
      const { domain, provider } = pin as { domain: string; provider?: unknown };
      if (provider !== undefined && provider !== 'google' && provider !== 'microsoft') {
        throw new TypeError(
          `Expected problem.pinned[${i}].provider to be "google", "microsoft" or absent, got ${describeValue(provider)}`,
        );
      }
      pins.push({ name: selectionKey(domain), provider });
    });
  }

  const excludedSet = new Set<string>();
  if (excluded !== undefined) {
    if (!Array.isArray(excluded)) {
      throw new TypeError(`Expected problem.excluded to be an array of domain names, got ${describeValue(excluded)}`);
    }
    excluded.forEach((name: unknown, i) => {
      if (typeof name !== 'string') {
        throw new TypeError(`Expected problem.excluded[${i}] to be a domain name, got ${describeValue(name)}`);
      }
      excludedSet.add(selectionKey(name));
    });
  }

  if (groupOf !== undefined && typeof groupOf !== 'function') {
    throw new TypeError(`Expected problem.groupOf to be a function, got ${describeValue(groupOf)}`);
  }
  let capOf: ((group: string) => number) | undefined;
  if (maxPerGroup !== undefined) {
    if (groupOf === undefined) {
      throw new TypeError('Expected problem.groupOf (a function) when maxPerGroup is set, got undefined');
    }
    if (typeof maxPerGroup === 'function') {
      capOf = (group) => {
        const cap: unknown = maxPerGroup(group);
        if (!isCap(cap)) {
          throw new TypeError(
            `Expected problem.maxPerGroup(${JSON.stringify(group)}) to return a non-negative integer or Infinity, got ${describeValue(cap)}`,
          );
        }
        return cap;
      };
    } else if (isCap(maxPerGroup)) {
      capOf = () => maxPerGroup;
    } else {
      throw new TypeError(
        `Expected problem.maxPerGroup to be a non-negative integer, Infinity or a function, got ${describeValue(maxPerGroup)}`,
      );
    }
  }

  return {
    rows,
    google: required.google,
    microsoft: required.microsoft,
    years: years ?? 1,
    pins,
    excluded: excludedSet,
    groupOf,
    capOf,
  };
}

/**
 * `orderableProviders` bound once: the hot loop below calls a local function instead of a
 * module namespace member (how dev servers and test runners load modules), which measured
 * 5–10 % of a solve on 10,000–100,000 rows.
 */
const providerBits = orderableProviders;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Final mix of a running FNV-1a hash, so the low bits that pick a slot depend on every character. */
function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * Hash of a name key for {@link CandidateColumns}' table: FNV-1a-style over pairs of UTF-16
 * code units, then mixed. Must give what {@link readCandidates} computes inline.
 * @param key - a key as made by {@link selectionKey}
 * @returns a 32-bit hash
 */
export function hashKey(key: string): number {
  const length = key.length;
  let h = FNV_OFFSET;
  let j = 0;
  for (; j + 1 < length; j += 2) h = Math.imul(h ^ (key.charCodeAt(j) | (key.charCodeAt(j + 1) << 16)), FNV_PRIME);
  if (j < length) h = Math.imul(h ^ key.charCodeAt(j), FNV_PRIME);
  return finishHash(h);
}

/** Kind of a candidate by its provider bits: what it can fill (same numbers as the solver's flow pools). */
const KIND_OF_MASK = [-1, 1, 2, 0] as const;

/** Whether `toLowerCase` could change this UTF-16 code unit (A–Z, or anything beyond ASCII). */
const mayChangeCase = (c: number): boolean => c >= 65 && (c <= 90 || c >= 128);

/**
 * The choosable rows ("candidates") in parallel columns, indexed by candidate number (first-seen
 * row order), plus an open-addressing table from name key to candidate number.
 *
 * Why a hand-made table and not a `Map`: measured with test/bench's 10,000- and 100,000-row
 * problems, a `Map<string, number>` made `readCandidates` about 2–3× slower and the whole
 * solve about 2× slower (the table hashes each name in the same scan that checks its case).
 */
export interface CandidateColumns {
  /** How many candidates there are. */
  readonly count: number;
  /** Name key of each candidate (lower case, no trailing dot). */
  readonly names: readonly string[];
  /** Index of each candidate's row in `problem.rows`. */
  readonly rowIndex: Int32Array;
  /** Cost of each candidate over the horizon: price + (years − 1) × renewal. */
  readonly costs: Float64Array;
  /** Kind of each candidate: 0 both providers, 1 Google only, 2 Microsoft only. */
  readonly kinds: Uint8Array;
  /** How many candidates there are of each kind. */
  readonly kindCounts: readonly [number, number, number];
  /**
   * Open addressing with linear probing, two numbers per slot: candidate number + 1 (0 for an
   * empty slot) and the hash of its name, side by side so a probe touches one cache line.
   */
  readonly table: Int32Array;
}

/**
 * Finds a candidate by name key.
 * @param columns - the candidates
 * @param key - a key as made by {@link selectionKey}
 * @returns the candidate number, or -1 when no candidate has that name
 */
export function findCandidate(columns: CandidateColumns, key: string): number {
  const { names, table } = columns;
  const mask = (table.length >> 1) - 1;
  const h = hashKey(key);
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const entry = table[2 * slot] as number;
    if (entry === 0) return -1;
    if (table[2 * slot + 1] === h && names[entry - 1] === key) return entry - 1;
  }
}

/**
 * Reads every row once: checks its shape, keeps the choosable ones (`orderableProviders`) with
 * their name key, cost and kind, and checks totals, currencies and duplicate names. No intermediate object per row:
 * the key of a name that is already lower-case ASCII without a trailing dot is the row's own
 * string, hashed in the same scan that checks it.
 *
 * @param rows - `problem.rows` (an array)
 * @param years - the cost horizon (a positive safe integer)
 * @returns the candidates
 * @throws TypeError for a row that is not an object with a string `domain`, a renewal price that
 *   is neither a safe integer nor absent, a currency that is neither a string nor absent, or
 *   totals beyond `Number.MAX_SAFE_INTEGER`
 * @throws PeekerError `mixed_currency` or `duplicate_domain`
 */
export function readCandidates(rows: readonly AvailabilityRow[], years: number): CandidateColumns {
  const capacity = rows.length;
  let slotCount = 16;
  while (slotCount < 2 * capacity) slotCount *= 2;
  const mask = slotCount - 1;
  const table = new Int32Array(2 * slotCount);
  const names = new Array<string>(capacity);
  const rowIndex = new Int32Array(capacity);
  const costs = new Float64Array(capacity);
  const kinds = new Uint8Array(capacity);
  const kindCounts: [number, number, number] = [0, 0, 0];
  const later = years - 1;
  let duplicates: string[] | undefined;
  let currencies: Set<string> | undefined;
  let currency: string | undefined;
  let lastRawCurrency: string | undefined;
  let count = 0;
  let absCost = 0;
  let absPrice = 0;
  let absRenewal = 0;
  for (let i = 0; i < capacity; i++) {
    const row = rows[i] as AvailabilityRow | undefined;
    if (typeof row !== 'object' || row === null || typeof row.domain !== 'string') {
      throw new TypeError(
        `Expected problem.rows[${i}] to be an availability row with a string domain, got ${describeValue(row)}`,
      );
    }
    const providers = providerBits(row);
    if (providers === 0) continue;
    const price = row.price_cents as number;
    const rawRenewal: unknown = row.renewal_price_cents;
    let renewal = price;
    if (rawRenewal !== undefined && rawRenewal !== null) {
      if (!Number.isSafeInteger(rawRenewal)) {
        throw new TypeError(
          `Expected problem.rows[${i}].renewal_price_cents to be a safe integer or absent, got ${describeValue(rawRenewal)}`,
        );
      }
      renewal = rawRenewal as number;
    }
    const rawCurrency: unknown = row.currency;
    if (rawCurrency !== undefined && rawCurrency !== null && rawCurrency !== lastRawCurrency) {
      if (typeof rawCurrency !== 'string') {
        throw new TypeError(
          `Expected problem.rows[${i}].currency to be a string or absent, got ${describeValue(rawCurrency)}`,
        );
      }
      lastRawCurrency = rawCurrency;
      const lower = rawCurrency.toLowerCase();
      if (currency === undefined) currency = lower;
      else if (lower !== currency) (currencies ??= new Set([currency])).add(lower);
    }
    const cost = price + later * renewal;
    absPrice += Math.abs(price);
    absRenewal += Math.abs(renewal);
    absCost += Math.abs(cost);

    // Name key and its hash in one scan (as hashKey does); only names that need changing go
    // through selectionKey.
    let name = row.domain;
    const length = name.length;
    let h = FNV_OFFSET;
    let plain = true;
    let j = 0;
    for (; j + 1 < length; j += 2) {
      const c = name.charCodeAt(j);
      const d = name.charCodeAt(j + 1);
      if (mayChangeCase(c) || mayChangeCase(d)) plain = false;
      h = Math.imul(h ^ (c | (d << 16)), FNV_PRIME);
    }
    if (j < length) {
      const c = name.charCodeAt(j);
      if (mayChangeCase(c)) plain = false;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (plain && name.charCodeAt(length - 1) !== 46) {
      h = finishHash(h);
    } else {
      name = selectionKey(name);
      h = hashKey(name);
    }
    let slot = h & mask;
    let entry = table[2 * slot] as number;
    while (entry !== 0 && (table[2 * slot + 1] !== h || names[entry - 1] !== name)) {
      slot = (slot + 1) & mask;
      entry = table[2 * slot] as number;
    }
    if (entry !== 0) {
      (duplicates ??= []).push(name);
      continue;
    }
    table[2 * slot] = count + 1;
    table[2 * slot + 1] = h;
    const kind = KIND_OF_MASK[providers] as number;
    names[count] = name;
    rowIndex[count] = i;
    costs[count] = cost;
    kinds[count] = kind;
    kindCounts[kind] = (kindCounts[kind] as number) + 1;
    count++;
  }
  names.length = count;
  if (!Number.isSafeInteger(absPrice) || !Number.isSafeInteger(absRenewal) || !Number.isSafeInteger(absCost)) {
    throw new TypeError(
      `Expected prices and years whose totals stay below Number.MAX_SAFE_INTEGER, got a total of ${absCost} cents`,
    );
  }
  if (currencies !== undefined) {
    const list = [...currencies].sort(compareNames);
    throw new PeekerError(
      'mixed_currency',
      `Availability rows are priced in more than one currency (${list.join(', ')}); check all names in one currency.`,
    );
  }
  if (duplicates !== undefined) {
    const list = [...new Set(duplicates)].sort(compareNames);
    throw new PeekerError(
      'duplicate_domain',
      `More than one orderable availability row for ${listNames(list)}; pass one row per domain.`,
    );
  }
  return { count, names, rowIndex, costs, kinds, kindCounts, table };
}
/** Mark in a per-candidate `skip` column: the name is excluded. */
export const SKIP_EXCLUDED = 1;
/** Mark in a per-candidate `skip` column: the name is pinned and already placed. */
export const SKIP_PINNED = 2;

/** Up to this many distinct group keys are looked up by a scan instead of a map. */
const SHORT_SCAN = 8;

/** The caps' groups of the candidates, numbered in key order. */
export interface CandidateGroups {
  /** Group keys, sorted by code unit. */
  readonly keys: string[];
  /** Group number of each candidate (meaningless for excluded candidates, which belong to none). */
  readonly ofCandidate: Int32Array;
  /** Candidates per (group, kind), at `group * 3 + kind`; excluded ones are not counted. */
  readonly sizes: Int32Array;
}

/**
 * Calls `groupOf` once per candidate that is not excluded, in candidate order, and numbers the
 * groups by key (so input order never matters).
 * @param rows - `problem.rows`
 * @param columns - the candidates
 * @param groupOf - `problem.groupOf`
 * @param skip - per candidate, `SKIP_EXCLUDED` for excluded ones; undefined when none is
 * @returns the groups
 * @throws TypeError when `groupOf` returns something other than a string
 */
export function groupCandidates(
  rows: readonly AvailabilityRow[],
  columns: CandidateColumns,
  groupOf: (row: AvailabilityRow) => string,
  skip: Uint8Array | undefined,
): CandidateGroups {
  const { count, names, rowIndex, kinds } = columns;
  // Temporary ids in first-seen order, renumbered below in key order.
  const ids = new Int32Array(count);
  const seenIds = new Map<string, number>();
  const seenKeys: string[] = [];
  const seenSizes: number[] = [];
  for (let i = 0; i < count; i++) {
    if (skip !== undefined && skip[i] === SKIP_EXCLUDED) continue;
    const key: unknown = groupOf(rows[rowIndex[i] as number] as AvailabilityRow);
    if (typeof key !== 'string') {
      throw new TypeError(`Expected problem.groupOf(row) to return a string for ${names[i]}, got ${describeValue(key)}`);
    }
    // A few keys (TLDs) are the usual case: a short scan finds them faster than the map.
    let id = -1;
    const known = seenKeys.length;
    if (known <= SHORT_SCAN) {
      for (let k = 0; k < known; k++) {
        if (seenKeys[k] === key) {
          id = k;
          break;
        }
      }
    } else {
      id = seenIds.get(key) ?? -1;
    }
    if (id < 0) {
      id = known;
      seenIds.set(key, id);
      seenKeys.push(key);
      seenSizes.push(0, 0, 0);
    }
    ids[i] = id;
    const bucket = id * 3 + (kinds[i] as number);
    seenSizes[bucket] = (seenSizes[bucket] as number) + 1;
  }
  const order = seenKeys.map((_, id) => id).sort((a, b) => tieBreak(seenKeys[a] as string, seenKeys[b] as string));
  const renumber = new Int32Array(seenKeys.length);
  const keys: string[] = [];
  const sizes = new Int32Array(seenKeys.length * 3);
  for (const id of order) {
    const g = keys.length;
    renumber[id] = g;
    keys.push(seenKeys[id] as string);
    for (let kind = 0; kind < 3; kind++) sizes[g * 3 + kind] = seenSizes[id * 3 + kind] as number;
  }
  for (let i = 0; i < count; i++) ids[i] = renumber[ids[i] as number] ?? 0;
  return { keys, ofCandidate: ids, sizes };
}

/**
 * First-year and renewal price of a candidate's row (a missing renewal is the first-year price).
 * @param row - a row accepted by {@link readCandidates}
 * @returns `[price, renewal]` in cents
 */
export function rowPrices(row: AvailabilityRow): [number, number] {
  const price = row.price_cents as number;
  const renewal = row.renewal_price_cents;
  return [price, renewal === undefined || renewal === null ? price : renewal];
}

