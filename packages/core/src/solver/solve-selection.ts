import { isOrderable } from '../availability/availability-row.ts';
import type { AvailabilityRow, Provider } from '../availability/availability-row.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import {
  KIND_COUNT,
  KIND_DUAL,
  KIND_GOOGLE_ONLY,
  KIND_MICROSOFT_ONLY,
  minCostPooledFlow,
} from '../internal/min-cost-flow.ts';
import type { FlowGroup } from '../internal/min-cost-flow.ts';
import { readSelectionInput, selectionKey } from '../internal/selection-input.ts';
import { listNames, plural, shortfallSentence } from '../internal/selection-messages.ts';
import type { Shortfall } from '../internal/selection-messages.ts';
import { selectCheapest } from '../internal/select-cheapest.ts';
import type { InfeasibleSelection, SelectionProblem, SelectionResult } from './selection-problem.ts';

/** One group for the caps. Candidates are numbers into the solver's parallel columns. */
interface GroupState {
  readonly key: string;
  /** The cap; after pins are placed, what is left of it for unpinned rows (never negative). */
  cap: number;
  /** How many pinned domains the group holds. */
  pinned: number;
  /** Unpinned, non-excluded candidates by kind. */
  readonly byKind: number[][];
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const canGoogle = (kind: number): boolean => kind !== KIND_MICROSOFT_ONLY;
const canMicrosoft = (kind: number): boolean => kind !== KIND_GOOGLE_ONLY;

/** Why a row cannot be chosen, for messages about pinned names. */
function unorderableText(name: string, row: AvailabilityRow): string {
  if (row.premium === true) return `Pinned domain ${name} is premium and cannot be ordered through the API.`;
  if (row.available !== true) {
    const reason = typeof row.reason === 'string' && row.reason !== '' ? row.reason : 'unavailable';
    return `Pinned domain ${name} cannot be ordered (${reason}).`;
  }
  if (!Number.isSafeInteger(row.price_cents)) return `Pinned domain ${name} has no price and cannot be ordered.`;
  return `Pinned domain ${name} cannot be used for Google or Microsoft.`;
}

/**
 * Picks the **cheapest** set of domains that fills an order's Google and Microsoft slots,
 * exactly: the total cost is the true minimum under every constraint, never a heuristic.
 *
 * Rules:
 * - Only orderable rows are chosen: `available: true`, not `premium`, priced (see
 *   `isOrderable`), with `"google"` and/or `"microsoft"` in `usable_for`. A Google slot needs
 *   `"google"`, a Microsoft slot `"microsoft"`; a domain fills one slot; exactly
 *   `required.google + required.microsoft` domains are chosen.
 * - Cost of a domain = `price_cents + (years − 1) × renewal_price_cents`. **A missing renewal
 *   price is taken to equal the first-year price.**
 * - `pinned` names are always chosen (on their `provider` when given); `excluded` names never.
 * - With `groupOf` and `maxPerGroup`, no group holds more than its cap of chosen domains
 *   (pinned ones included). A cap is a non-negative integer or `Infinity`; a function cap is
 *   called once per group key. `groupOf` without `maxPerGroup` is ignored.
 * - Names in rows, pins and exclusions are compared lower-cased, without a trailing dot.
 * - Deterministic: rows are put in a canonical order (cost, then name) first and groups are
 *   ordered by key, so the same rows in any order give the same answer, including who fills
 *   which slot. Among equally cheap answers the tie is broken by that order (and, at equal
 *   cost, dual-capable rows before one-provider rows); Microsoft slots not fixed by a pin go
 *   to the alphabetically first chosen dual-capable domains.
 *
 * Algorithm: pinned domains are taken out first (a pin with a provider uses one of that
 * side's slots; a pin without one stays in the answer, and the counts, the room for
 * one-provider rows and the group caps shrink). The rest is a min-cost flow
 * source → group (cap) → rows of the group by kind (both / Google only / Microsoft only,
 * convex costs) → kind (Google-only ≤ open Google slots, Microsoft-only ≤ open Microsoft
 * slots) → sink, solved exactly by successive shortest paths on a five-node condensed graph,
 * O((n + k) log n) for n rows and k slots. Groups whose cap cannot bind are merged into one
 * uncapped group, and each pool keeps only the rows that can matter; with no binding cap left
 * the problem is a partition matroid and a greedy pass is exact. Integral min-cost flow is
 * exact, so no answer is ever a heuristic.
 *
 * **Shortfall** (assumption, documented here): after pins are placed, with R the domains still
 * to choose, r_G and r_M the slots that must still go to Google- and Microsoft-capable rows,
 * and per group g the cap c_g left after pins:
 * `total = R − Σ_g min(c_g, rows of g)`,
 * `google = r_G − Σ_g min(c_g, Google-capable rows of g)`,
 * `microsoft = r_M − Σ_g min(c_g, Microsoft-capable rows of g)`, each at least 0. Without pins
 * and caps this is `required.google − #Google-capable rows`, `required.microsoft −
 * #Microsoft-capable rows` and `google + microsoft − #rows`. The answer is infeasible exactly
 * when one of them is positive or a pin cannot be honoured (unknown, unorderable, excluded,
 * wrong provider, or more pins than slots or than a group allows); the message then names the
 * pins and says what to add.
 *
 * @param problem - rows, required counts and optional pins, exclusions, years and caps
 * @returns `{ status: 'optimal', google, microsoft, domains, cost }` (lists sorted by name;
 *   `cost.total_cents` is the objective, `cost.currency` lower-case or null when nothing is
 *   chosen) or `{ status: 'infeasible', shortfall, message }`
 * @throws TypeError "Expected …, got …" when an argument has the wrong type (counts not
 *   non-negative safe integers, `years` not a positive integer, `rows` not an array,
 *   `maxPerGroup` without `groupOf`, a group key that is not a string, …)
 * @throws PeekerError `mixed_currency` when orderable rows use more than one currency
 *   (compared case-insensitively; rows without a currency are not counted)
 * @throws PeekerError `duplicate_domain` when two orderable rows have the same name
 * @example
 * ```ts
 * const result = solveSelection({
 *   rows,                                   // from the availability checker
 *   required: bundle.required_domains,      // { google: 15, microsoft: 4 }
 *   years: 2,                               // first year plus one renewal
 *   groupOf: (row) => row.domain.slice(row.domain.lastIndexOf('.') + 1),
 *   maxPerGroup: 7,                         // at most 7 domains per TLD
 * });
 * if (result.status === 'optimal') order(result.domains);
 * else showHint(result.message);            // "Add at least 2 more Microsoft-capable domains."
 * ```
 */
export function solveSelection(problem: SelectionProblem): SelectionResult {
  const input = readSelectionInput(problem);
  const { rows, years, excluded, groupOf, capOf } = input;
  const pinKeys = new Set(input.pins.map((pin) => pin.name));

  // 1. Rows → candidates (orderable and usable for a provider), in parallel columns.
  const capacity = rows.length;
  const names: string[] = new Array<string>(capacity);
  const rowIndex = new Int32Array(capacity);
  const prices = new Float64Array(capacity);
  const renewals = new Float64Array(capacity);
  const costs = new Float64Array(capacity);
  const kinds = new Uint8Array(capacity);
  const indexOf = new Map<string, number>();
  const unorderable = new Map<string, string>();
  const duplicates = new Set<string>();
  const currencies = new Set<string>();
  let count = 0;
  let absCost = 0;
  let absPrice = 0;
  let absRenewal = 0;
  let lastRawCurrency: string | undefined;
  for (let i = 0; i < capacity; i++) {
    const row = rows[i] as AvailabilityRow | undefined;
    if (typeof row !== 'object' || row === null || typeof row.domain !== 'string') {
      throw new TypeError(
        `Expected problem.rows[${i}] to be an availability row with a string domain, got ${describeValue(row)}`,
      );
    }
    const orderable = isOrderable(row);
    const usable = orderable ? (row.usable_for as readonly string[]) : undefined;
    const google = usable !== undefined && usable.indexOf('google') >= 0;
    const microsoft = usable !== undefined && usable.indexOf('microsoft') >= 0;
    if (!google && !microsoft) {
      if (pinKeys.size > 0) {
        const name = selectionKey(row.domain);
        if (pinKeys.has(name)) {
          const text = unorderableText(name, row);
          const seen = unorderable.get(name);
          if (seen === undefined || text < seen) unorderable.set(name, text);
        }
      }
      continue;
    }
    const name = selectionKey(row.domain);
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
      currencies.add(rawCurrency.toLowerCase());
    }
    const cost = price + (years - 1) * renewal;
    absPrice += Math.abs(price);
    absRenewal += Math.abs(renewal);
    absCost += Math.abs(cost);
    const size = indexOf.size;
    indexOf.set(name, count);
    if (indexOf.size === size) {
      duplicates.add(name);
      continue;
    }
    names[count] = name;
    rowIndex[count] = i;
    prices[count] = price;
    renewals[count] = renewal;
    costs[count] = cost;
    kinds[count] = google && microsoft ? KIND_DUAL : google ? KIND_GOOGLE_ONLY : KIND_MICROSOFT_ONLY;
    count++;
  }
  names.length = count;
  if (!Number.isSafeInteger(absPrice) || !Number.isSafeInteger(absRenewal) || !Number.isSafeInteger(absCost)) {
    throw new TypeError(
      `Expected prices and years whose totals stay below Number.MAX_SAFE_INTEGER, got a total of ${absCost} cents`,
    );
  }
  if (currencies.size > 1) {
    const list = [...currencies].sort(compareNames);
    throw new PeekerError(
      'mixed_currency',
      `Availability rows are priced in more than one currency (${list.join(', ')}); check all names in one currency.`,
    );
  }
  if (duplicates.size > 0) {
    const list = [...duplicates].sort(compareNames);
    throw new PeekerError(
      'duplicate_domain',
      `More than one orderable availability row for ${listNames(list)}; pass one row per domain.`,
    );
  }
  const isExcluded = (i: number): boolean => excluded.size > 0 && excluded.has(names[i] as string);

  // 2. Groups (one uncapped group without caps). Pins count against their group.
  const groupList: GroupState[] = [];
  const groupOfCandidate = new Int32Array(count);
  if (capOf !== undefined && groupOf !== undefined) {
    // Temporary ids in first-seen order, renumbered below in key order (input order never matters).
    const seenIds = new Map<string, number>();
    const seenKeys: string[] = [];
    for (let i = 0; i < count; i++) {
      if (isExcluded(i)) continue;
      const key: unknown = groupOf(rows[rowIndex[i] as number] as AvailabilityRow);
      if (typeof key !== 'string') {
        throw new TypeError(
          `Expected problem.groupOf(row) to return a string for ${names[i]}, got ${describeValue(key)}`,
        );
      }
      let id = seenIds.get(key);
      if (id === undefined) {
        id = seenKeys.length;
        seenIds.set(key, id);
        seenKeys.push(key);
      }
      groupOfCandidate[i] = id;
    }
    const order = seenKeys.map((_, id) => id).sort((a, b) => compareNames(seenKeys[a] as string, seenKeys[b] as string));
    const renumber = new Int32Array(seenKeys.length);
    for (const id of order) {
      const key = seenKeys[id] as string;
      renumber[id] = groupList.length;
      groupList.push({ key, cap: capOf(key), pinned: 0, byKind: [[], [], []] });
    }
    for (let i = 0; i < count; i++) groupOfCandidate[i] = renumber[groupOfCandidate[i] as number] as number;
  } else {
    groupList.push({ key: '', cap: Number.POSITIVE_INFINITY, pinned: 0, byKind: [[], [], []] });
  }

  // 3. Pins: validate, merge repeats, take them out.
  const problems: string[] = [];
  const pinProviders = new Map<string, Provider | undefined | 'conflict'>();
  for (const pin of input.pins) {
    const seen = pinProviders.get(pin.name);
    if (!pinProviders.has(pin.name) || seen === undefined) pinProviders.set(pin.name, pin.provider);
    else if (pin.provider !== undefined && pin.provider !== seen) pinProviders.set(pin.name, 'conflict');
  }
  const fixedGoogle: number[] = [];
  const fixedMicrosoft: number[] = [];
  const freePins: number[] = [];
  const pinned = new Set<number>();
  for (const name of [...pinProviders.keys()].sort(compareNames)) {
    const provider = pinProviders.get(name);
    const i = indexOf.get(name);
    if (provider === 'conflict') {
      problems.push(`${name} is pinned to both Google and Microsoft.`);
    } else if (excluded.has(name)) {
      problems.push(`${name} is both pinned and excluded.`);
    } else if (i === undefined) {
      problems.push(
        unorderable.get(name) ?? `Pinned domain ${name} is not among the checked domains; check its availability first.`,
      );
    } else if (provider === 'microsoft' && !canMicrosoft(kinds[i] as number)) {
      problems.push(`Pinned domain ${name} can only be used for Google, not Microsoft.`);
    } else if (provider === 'google' && !canGoogle(kinds[i] as number)) {
      problems.push(`Pinned domain ${name} can only be used for Microsoft, not Google.`);
    } else {
      pinned.add(i);
      (groupList[groupOfCandidate[i] as number] as GroupState).pinned++;
      if (provider === 'google') fixedGoogle.push(i);
      else if (provider === 'microsoft') fixedMicrosoft.push(i);
      else freePins.push(i);
    }
  }

  const requiredTotal = input.google + input.microsoft;
  const pinCount = pinned.size;
  // Slots left per side after pins with a provider.
  const openGoogle = input.google - fixedGoogle.length;
  const openMicrosoft = input.microsoft - fixedMicrosoft.length;
  const isAre = (n: number): string => (n === 1 ? 'is' : 'are');
  if (openGoogle < 0) {
    problems.push(
      `${plural(fixedGoogle.length, 'domain')} ${isAre(fixedGoogle.length)} pinned to Google, but the order needs only ${input.google}.`,
    );
  }
  if (openMicrosoft < 0) {
    problems.push(
      `${plural(fixedMicrosoft.length, 'domain')} ${isAre(fixedMicrosoft.length)} pinned to Microsoft, but the order needs only ${input.microsoft}.`,
    );
  }
  const pinnedOfKind = (kind: number): number[] => freePins.filter((i) => kinds[i] === kind);
  const pinnedGoogleOnly = pinnedOfKind(KIND_GOOGLE_ONLY);
  const pinnedMicrosoftOnly = pinnedOfKind(KIND_MICROSOFT_ONLY);
  // Room per kind among the rows still to choose: Google-only rows may fill at most the open
  // Google slots, Microsoft-only rows at most the open Microsoft slots.
  const googleOnlyRoom = Math.max(0, openGoogle) - pinnedGoogleOnly.length;
  const microsoftOnlyRoom = Math.max(0, openMicrosoft) - pinnedMicrosoftOnly.length;
  const remaining = Math.max(0, openGoogle) + Math.max(0, openMicrosoft) - freePins.length;
  if (pinCount > requiredTotal) {
    problems.push(`${plural(pinCount, 'domain')} ${isAre(pinCount)} pinned, but the order needs only ${requiredTotal}.`);
  } else if (openGoogle >= 0 && openMicrosoft >= 0) {
    const tooMany = (pins: readonly number[], side: string, open: number): string =>
      `The pinned ${side}-only ${pins.length === 1 ? 'domain' : 'domains'} ${listNames(pins.map((i) => names[i] as string))} ${pins.length === 1 ? 'needs' : 'need'} ${plural(pins.length, `${side} slot`)}, but ${open === 0 ? 'none is' : `only ${open} ${isAre(open)}`} open.`;
    if (googleOnlyRoom < 0) problems.push(tooMany(pinnedGoogleOnly, 'Google', openGoogle));
    if (microsoftOnlyRoom < 0) problems.push(tooMany(pinnedMicrosoftOnly, 'Microsoft', openMicrosoft));
  }
  for (const group of groupList) {
    if (group.pinned > group.cap) {
      problems.push(
        `${plural(group.pinned, 'pinned domain')} ${isAre(group.pinned)} in group "${group.key}", but at most ${group.cap} ${isAre(group.cap)} allowed per group.`,
      );
    }
    group.cap = Math.max(0, group.cap - group.pinned);
  }

  // 4. The reduced problem: choose `toChoose` of the unpinned rows; is it feasible?
  const toChoose = Math.max(0, remaining);
  const kindCaps = [toChoose, Math.max(0, googleOnlyRoom), Math.max(0, microsoftOnlyRoom)];
  for (let i = 0; i < count; i++) {
    if (isExcluded(i) || (pinCount > 0 && pinned.has(i))) continue;
    ((groupList[groupOfCandidate[i] as number] as GroupState).byKind[kinds[i] as number] as number[]).push(i);
  }
  const needGoogle = Math.max(0, toChoose - (kindCaps[KIND_MICROSOFT_ONLY] as number));
  const needMicrosoft = Math.max(0, toChoose - (kindCaps[KIND_GOOGLE_ONLY] as number));
  const shortfallFor = (capped: boolean): Shortfall => {
    let fillAll = 0;
    let fillGoogle = 0;
    let fillMicrosoft = 0;
    for (const { cap, byKind } of groupList) {
      const dual = (byKind[KIND_DUAL] as number[]).length;
      const googleOnly = (byKind[KIND_GOOGLE_ONLY] as number[]).length;
      const microsoftOnly = (byKind[KIND_MICROSOFT_ONLY] as number[]).length;
      const limit = capped ? cap : Number.POSITIVE_INFINITY;
      fillAll += Math.min(limit, dual + googleOnly + microsoftOnly);
      fillGoogle += Math.min(limit, dual + googleOnly);
      fillMicrosoft += Math.min(limit, dual + microsoftOnly);
    }
    return {
      google: Math.max(0, needGoogle - fillGoogle),
      microsoft: Math.max(0, needMicrosoft - fillMicrosoft),
      total: Math.max(0, toChoose - fillAll),
    };
  };
  const shortfall = shortfallFor(true);
  if (problems.length > 0 || shortfall.google > 0 || shortfall.microsoft > 0 || shortfall.total > 0) {
    return infeasible(shortfall, problems, capOf === undefined ? shortfall : shortfallFor(false));
  }

  // 5. Min-cost flow. Groups that cannot bind (no more rows than their cap, or a cap ≥ what is
  //    left to choose) merge into one uncapped group; each pool keeps only the rows that can matter.
  const merged: number[][] = [[], [], []];
  const flowSets: { cap: number; byKind: number[][] }[] = [{ cap: Number.POSITIVE_INFINITY, byKind: merged }];
  for (const group of groupList) {
    const size = group.byKind.reduce((sum, list) => sum + list.length, 0);
    if (group.cap < size && group.cap < toChoose) {
      flowSets.push(group);
    } else {
      for (let kind = 0; kind < KIND_COUNT; kind++) {
        const target = merged[kind] as number[];
        const source = group.byKind[kind] as number[];
        // Adopt the first list instead of copying it (group lists are not read after this).
        if (target.length === 0) merged[kind] = source;
        else for (const i of source) target.push(i);
      }
    }
  }
  const columns = { names, costs };
  const pools: number[][][] = flowSets.map(({ cap, byKind }) =>
    byKind.map((list, kind) => selectCheapest(list, Math.min(cap, kindCaps[kind] as number), columns)),
  );
  const flowGroups: FlowGroup[] = flowSets.map(({ cap }, g) => ({
    cap,
    pools: (pools[g] as number[][]).map((pool) => pool.map((i) => costs[i] as number)),
  }));
  const used = minCostPooledFlow({ groups: flowGroups, kindCaps, units: toChoose });
  if (used === null) {
    // Unreachable when the shortfall test above is right; kept as a safe answer.
    return infeasible(shortfall, ['No valid selection exists for these constraints.'], shortfall);
  }

  // 6. Assign slots and add up the cost.
  const chosen: number[] = [...fixedGoogle, ...fixedMicrosoft, ...freePins];
  const google: string[] = fixedGoogle.map((i) => names[i] as string);
  const microsoft: string[] = fixedMicrosoft.map((i) => names[i] as string);
  const dual: string[] = [];
  const place = (i: number): void => {
    const kind = kinds[i] as number;
    const name = names[i] as string;
    if (kind === KIND_DUAL) dual.push(name);
    else if (kind === KIND_GOOGLE_ONLY) google.push(name);
    else microsoft.push(name);
  };
  freePins.forEach(place);
  used.forEach((counts, g) => {
    for (let kind = 0; kind < KIND_COUNT; kind++) {
      const pool = (pools[g] as number[][])[kind] as number[];
      for (let j = 0; j < (counts[kind] as number); j++) {
        chosen.push(pool[j] as number);
        place(pool[j] as number);
      }
    }
  });
  dual.sort(compareNames);
  const dualToMicrosoft = input.microsoft - microsoft.length;
  if (dualToMicrosoft < 0 || dualToMicrosoft > dual.length) {
    throw new Error('solveSelection: internal error, slot counts do not add up');
  }
  for (let j = 0; j < dual.length; j++) (j < dualToMicrosoft ? microsoft : google).push(dual[j] as string);

  let firstYear = 0;
  let renewal = 0;
  let currency: string | null = null;
  for (const i of chosen) {
    firstYear += prices[i] as number;
    renewal += renewals[i] as number;
    const raw = (rows[rowIndex[i] as number] as AvailabilityRow).currency;
    if (currency === null && typeof raw === 'string') currency = raw.toLowerCase();
  }
  google.sort(compareNames);
  microsoft.sort(compareNames);
  return {
    status: 'optimal',
    google,
    microsoft,
    domains: [...google, ...microsoft].sort(compareNames),
    cost: {
      first_year_cents: firstYear,
      renewal_cents: renewal,
      total_cents: firstYear + (years - 1) * renewal,
      currency,
    },
  };
}

/** Builds the infeasible answer: pin problems first, then what to add. */
function infeasible(shortfall: Shortfall, problems: readonly string[], uncapped: Shortfall): InfeasibleSelection {
  const sentences = [...problems];
  const add = shortfallSentence(shortfall);
  if (add !== null) {
    sentences.push(add);
    if (
      shortfall.google > uncapped.google ||
      shortfall.microsoft > uncapped.microsoft ||
      shortfall.total > uncapped.total
    ) {
      sentences.push('The per-group limit applies too: add them to groups that still have room, or raise the limit.');
    }
  }
  if (sentences.length === 0) sentences.push('No valid selection exists for these constraints.');
  return { status: 'infeasible', shortfall: { ...shortfall }, message: sentences.join(' ') };
}
