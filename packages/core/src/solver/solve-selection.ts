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
import { selectSmallest } from '../internal/select-smallest.ts';
import type {
  InfeasibleSelection,
  OptimalSelection,
  SelectionProblem,
  SelectionResult,
} from './selection-problem.ts';

/** An orderable row the solver may choose. */
interface Candidate {
  readonly row: AvailabilityRow;
  readonly name: string;
  readonly price: number;
  readonly renewal: number;
  /** price + (years − 1) × renewal: the objective's share of this row. */
  readonly cost: number;
  /** KIND_DUAL, KIND_GOOGLE_ONLY or KIND_MICROSOFT_ONLY. */
  readonly kind: number;
  readonly currency: string | undefined;
  group: string;
}

/** One group for the caps, after pins took their share. */
interface GroupState {
  readonly key: string;
  /** Cap left for unpinned rows (never negative). */
  cap: number;
  readonly members: Candidate[];
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical order: cost, then name (names are unique), so input order never matters. */
const compareCandidates = (a: Candidate, b: Candidate): number =>
  a.cost < b.cost ? -1 : a.cost > b.cost ? 1 : compareNames(a.name, b.name);

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
 *   (pinned ones included). `groupOf` without `maxPerGroup` is ignored.
 * - Names in rows, pins and exclusions are compared lower-cased, without a trailing dot.
 * - Deterministic: rows are put in a canonical order (cost, then name) first, so the same rows
 *   in any order give the same answer, including who fills which slot. Of several cheapest
 *   answers the solver returns the one this order leads to; Microsoft slots left to the
 *   solver go to the alphabetically first chosen dual-capable domains.
 *
 * Algorithm: pinned domains are taken out first (a pin with a provider uses one of that
 * side's slots; a pin without one is kept in the answer and the remaining counts and caps
 * shrink). The rest is a min-cost flow source → group (cap) → rows of the group by kind
 * (both / Google only / Microsoft only, convex costs) → kind (Google-only ≤ open Google
 * slots, Microsoft-only ≤ open Microsoft slots) → sink, solved exactly by successive shortest
 * paths on a five-node condensed graph, O((n + k) log n) for n rows and k slots. Without caps
 * it is one uncapped group.
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

  // 1. Rows → candidates (orderable and usable), with prices checked.
  const candidates = new Map<string, Candidate>();
  const unorderable = new Map<string, string>();
  const duplicates = new Set<string>();
  const currencies = new Set<string>();
  let absPrice = 0;
  let absRenewal = 0;
  let absCost = 0;
  let lastRawCurrency: string | undefined;
  let lastCurrency: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as AvailabilityRow | undefined;
    if (typeof row !== 'object' || row === null || typeof row.domain !== 'string') {
      throw new TypeError(
        `Expected problem.rows[${i}] to be an availability row with a string domain, got ${describeValue(row)}`,
      );
    }
    const name = selectionKey(row.domain);
    const usable = Array.isArray(row.usable_for) ? row.usable_for : [];
    const google = usable.includes('google');
    const microsoft = usable.includes('microsoft');
    if (!isOrderable(row) || (!google && !microsoft)) {
      const text = unorderableText(name, row);
      const seen = unorderable.get(name);
      if (seen === undefined || text < seen) unorderable.set(name, text);
      continue;
    }
    const price = row.price_cents as number;
    const rawRenewal: unknown = row.renewal_price_cents;
    if (rawRenewal !== undefined && rawRenewal !== null && !Number.isSafeInteger(rawRenewal)) {
      throw new TypeError(
        `Expected problem.rows[${i}].renewal_price_cents to be a safe integer or absent, got ${describeValue(rawRenewal)}`,
      );
    }
    const renewal = typeof rawRenewal === 'number' ? rawRenewal : price;
    const rawCurrency: unknown = row.currency;
    let currency: string | undefined;
    if (rawCurrency !== undefined && rawCurrency !== null) {
      if (typeof rawCurrency !== 'string') {
        throw new TypeError(
          `Expected problem.rows[${i}].currency to be a string or absent, got ${describeValue(rawCurrency)}`,
        );
      }
      if (rawCurrency !== lastRawCurrency) {
        lastRawCurrency = rawCurrency;
        lastCurrency = rawCurrency.toLowerCase();
        currencies.add(lastCurrency);
      }
      currency = lastCurrency;
    }
    const cost = price + (years - 1) * renewal;
    absPrice += Math.abs(price);
    absRenewal += Math.abs(renewal);
    absCost += Math.abs(cost);
    if (candidates.has(name)) {
      duplicates.add(name);
      continue;
    }
    const kind = google && microsoft ? KIND_DUAL : google ? KIND_GOOGLE_ONLY : KIND_MICROSOFT_ONLY;
    candidates.set(name, { row, name, price, renewal, cost, kind, currency, group: '' });
  }
  if (
    !Number.isSafeInteger(absPrice) ||
    !Number.isSafeInteger(absRenewal) ||
    !Number.isSafeInteger(absCost)
  ) {
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

  // 2. Groups (only with caps), before any pin is taken out so pins count against their group.
  const groups = new Map<string, GroupState>();
  const groupList: GroupState[] = [];
  if (capOf !== undefined && groupOf !== undefined) {
    for (const candidate of candidates.values()) {
      if (excluded.has(candidate.name)) continue;
      const key: unknown = groupOf(candidate.row);
      if (typeof key !== 'string') {
        throw new TypeError(
          `Expected problem.groupOf(row) to return a string for ${candidate.name}, got ${describeValue(key)}`,
        );
      }
      candidate.group = key;
      if (!groups.has(key)) groups.set(key, { key, cap: 0, members: [] });
    }
    for (const key of [...groups.keys()].sort(compareNames)) {
      const group = groups.get(key) as GroupState;
      group.cap = capOf(key);
      groupList.push(group);
    }
  } else {
    const all: GroupState = { key: '', cap: Number.POSITIVE_INFINITY, members: [] };
    groups.set('', all);
    groupList.push(all);
  }

  // 3. Pins: validate, merge duplicates, take them out.
  const problems: string[] = [];
  const pinProviders = new Map<string, Provider | undefined | 'conflict'>();
  for (const pin of input.pins) {
    const seen = pinProviders.get(pin.name);
    if (!pinProviders.has(pin.name) || seen === undefined) pinProviders.set(pin.name, pin.provider);
    else if (pin.provider !== undefined && pin.provider !== seen) pinProviders.set(pin.name, 'conflict');
  }
  const fixedGoogle: Candidate[] = [];
  const fixedMicrosoft: Candidate[] = [];
  const freePins: Candidate[] = [];
  const pinnedNames = new Set<string>();
  const pinsPerGroup = new Map<string, number>();
  for (const name of [...pinProviders.keys()].sort(compareNames)) {
    const provider = pinProviders.get(name);
    const candidate = candidates.get(name);
    if (provider === 'conflict') {
      problems.push(`${name} is pinned to both Google and Microsoft.`);
    } else if (excluded.has(name)) {
      problems.push(`${name} is both pinned and excluded.`);
    } else if (candidate === undefined) {
      problems.push(
        unorderable.get(name) ??
          `Pinned domain ${name} is not among the checked domains; check its availability first.`,
      );
    } else if (provider === 'microsoft' && !canMicrosoft(candidate.kind)) {
      problems.push(`Pinned domain ${name} can only be used for Google, not Microsoft.`);
    } else if (provider === 'google' && !canGoogle(candidate.kind)) {
      problems.push(`Pinned domain ${name} can only be used for Microsoft, not Google.`);
    } else {
      pinnedNames.add(name);
      pinsPerGroup.set(candidate.group, (pinsPerGroup.get(candidate.group) ?? 0) + 1);
      if (provider === 'google') fixedGoogle.push(candidate);
      else if (provider === 'microsoft') fixedMicrosoft.push(candidate);
      else freePins.push(candidate);
    }
  }

  const requiredTotal = input.google + input.microsoft;
  const pinCount = pinnedNames.size;
  // Slots left per side after pins with a provider.
  const openGoogle = input.google - fixedGoogle.length;
  const openMicrosoft = input.microsoft - fixedMicrosoft.length;
  if (openGoogle < 0) {
    problems.push(
      `${plural(fixedGoogle.length, 'domain')} ${fixedGoogle.length === 1 ? 'is' : 'are'} pinned to Google, but the order needs only ${input.google}.`,
    );
  }
  if (openMicrosoft < 0) {
    problems.push(
      `${plural(fixedMicrosoft.length, 'domain')} ${fixedMicrosoft.length === 1 ? 'is' : 'are'} pinned to Microsoft, but the order needs only ${input.microsoft}.`,
    );
  }
  const freeOf = (kind: number): Candidate[] => freePins.filter((c) => c.kind === kind);
  const pinnedGoogleOnly = freeOf(KIND_GOOGLE_ONLY);
  const pinnedMicrosoftOnly = freeOf(KIND_MICROSOFT_ONLY);
  const pinnedDual = freeOf(KIND_DUAL);
  // Caps on the kinds among the rows still to choose: Google-only rows may fill at most the open
  // Google slots, Microsoft-only rows at most the open Microsoft slots.
  const googleOnlyRoom = Math.max(0, openGoogle) - pinnedGoogleOnly.length;
  const microsoftOnlyRoom = Math.max(0, openMicrosoft) - pinnedMicrosoftOnly.length;
  const remaining = Math.max(0, openGoogle) + Math.max(0, openMicrosoft) - freePins.length;
  if (pinCount > requiredTotal) {
    problems.push(
      `${plural(pinCount, 'domain')} ${pinCount === 1 ? 'is' : 'are'} pinned, but the order needs only ${requiredTotal}.`,
    );
  } else if (openGoogle >= 0 && openMicrosoft >= 0) {
    if (googleOnlyRoom < 0) {
      problems.push(
        `The pinned Google-only domains ${listNames(pinnedGoogleOnly.map((c) => c.name))} need ${pinnedGoogleOnly.length} Google slots, but only ${openGoogle} ${openGoogle === 1 ? 'is' : 'are'} open.`,
      );
    }
    if (microsoftOnlyRoom < 0) {
      problems.push(
        `The pinned Microsoft-only domains ${listNames(pinnedMicrosoftOnly.map((c) => c.name))} need ${pinnedMicrosoftOnly.length} Microsoft slots, but only ${openMicrosoft} ${openMicrosoft === 1 ? 'is' : 'are'} open.`,
      );
    }
  }
  for (const group of groupList) {
    const pinned = pinsPerGroup.get(group.key) ?? 0;
    if (pinned > group.cap) {
      problems.push(
        `${plural(pinned, 'pinned domain')} ${pinned === 1 ? 'is' : 'are'} in group "${group.key}", but at most ${group.cap} ${group.cap === 1 ? 'is' : 'are'} allowed per group.`,
      );
    }
    group.cap = Math.max(0, group.cap - pinned);
  }

  // 4. The reduced problem: choose `toChoose` of the unpinned rows.
  const toChoose = Math.max(0, remaining);
  const kindCaps = [toChoose, Math.max(0, googleOnlyRoom), Math.max(0, microsoftOnlyRoom)];
  for (const candidate of candidates.values()) {
    if (excluded.has(candidate.name) || pinnedNames.has(candidate.name)) continue;
    (groups.get(candidate.group) as GroupState).members.push(candidate);
  }
  const needGoogle = Math.max(0, toChoose - (kindCaps[KIND_MICROSOFT_ONLY] as number));
  const needMicrosoft = Math.max(0, toChoose - (kindCaps[KIND_GOOGLE_ONLY] as number));
  const shortfallFor = (capped: boolean): Shortfall => {
    let fillAll = 0;
    let fillGoogle = 0;
    let fillMicrosoft = 0;
    for (const group of groupList) {
      let all = 0;
      let google = 0;
      let microsoft = 0;
      for (const member of group.members) {
        all++;
        if (canGoogle(member.kind)) google++;
        if (canMicrosoft(member.kind)) microsoft++;
      }
      const cap = capped ? group.cap : Number.POSITIVE_INFINITY;
      fillAll += Math.min(cap, all);
      fillGoogle += Math.min(cap, google);
      fillMicrosoft += Math.min(cap, microsoft);
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

  // 5. Min-cost flow. Groups that cannot bind (few rows or a cap ≥ what is left to choose)
  //    are merged into one uncapped group; each pool keeps only the rows that can matter.
  const mergedBuckets: Candidate[][] = [[], [], []];
  const bucketSets: { cap: number; buckets: Candidate[][] }[] = [
    { cap: Number.POSITIVE_INFINITY, buckets: mergedBuckets },
  ];
  for (const group of groupList) {
    const binding = group.cap < group.members.length && group.cap < toChoose;
    const buckets = binding ? [[], [], []] : mergedBuckets;
    for (const member of group.members) (buckets[member.kind] as Candidate[]).push(member);
    if (binding) bucketSets.push({ cap: group.cap, buckets });
  }
  const pools: Candidate[][][] = bucketSets.map(({ cap, buckets }) =>
    buckets.map((bucket, kind) =>
      selectSmallest(bucket, Math.min(cap, kindCaps[kind] as number), compareCandidates),
    ),
  );
  const flowGroups: FlowGroup[] = bucketSets.map(({ cap }, g) => ({
    cap,
    pools: (pools[g] as Candidate[][]).map((pool) => pool.map((c) => c.cost)),
  }));
  const used = minCostPooledFlow({ groups: flowGroups, kindCaps, units: toChoose });
  if (used === null) {
    // Unreachable when the shortfall test above is right; kept as a safe answer.
    return infeasible(shortfall, ['No valid selection exists for these constraints.'], shortfall);
  }

  // 6. Assign slots and add up the cost.
  const google: string[] = fixedGoogle.map((c) => c.name);
  const microsoft: string[] = fixedMicrosoft.map((c) => c.name);
  const chosen: Candidate[] = [...fixedGoogle, ...fixedMicrosoft, ...freePins];
  const dual: string[] = pinnedDual.map((c) => c.name);
  for (const c of pinnedGoogleOnly) google.push(c.name);
  for (const c of pinnedMicrosoftOnly) microsoft.push(c.name);
  used.forEach((counts, g) => {
    for (let kind = 0; kind < KIND_COUNT; kind++) {
      const pool = (pools[g] as Candidate[][])[kind] as Candidate[];
      for (let i = 0; i < (counts[kind] as number); i++) {
        const c = pool[i] as Candidate;
        chosen.push(c);
        if (kind === KIND_DUAL) dual.push(c.name);
        else if (kind === KIND_GOOGLE_ONLY) google.push(c.name);
        else microsoft.push(c.name);
      }
    }
  });
  dual.sort(compareNames);
  const dualToMicrosoft = input.microsoft - microsoft.length;
  if (dualToMicrosoft < 0 || dualToMicrosoft > dual.length) {
    throw new Error('solveSelection: internal error, slot counts do not add up');
  }
  for (let i = 0; i < dual.length; i++) (i < dualToMicrosoft ? microsoft : google).push(dual[i] as string);

  let firstYear = 0;
  let renewal = 0;
  let currency: string | null = null;
  for (const c of chosen) {
    firstYear += c.price;
    renewal += c.renewal;
    if (currency === null && c.currency !== undefined) currency = c.currency;
  }
  google.sort(compareNames);
  microsoft.sort(compareNames);
  const result: OptimalSelection = {
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
  return result;
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
