import type { AvailabilityRow, Provider } from '../availability/availability-row.ts';
import { classifyRow, orderableProviders } from '../availability/row-status.ts';
import { compareNames } from '../domains/compare-names.ts';
import { assignSlots } from './assign-slots.ts';
import {
  KIND_COUNT,
  KIND_DUAL,
  KIND_GOOGLE_ONLY,
  KIND_MICROSOFT_ONLY,
  minCostPooledFlow,
} from './min-cost-flow.ts';
import type { FlowGroup } from './min-cost-flow.ts';
import {
  findCandidate,
  groupCandidates,
  readCandidates,
  readSelectionInput,
  rowPrices,
  selectionKey,
  SKIP_EXCLUDED,
  SKIP_PINNED,
} from './selection-input.ts';
import type { CandidateColumns } from './selection-input.ts';
import { listNames, plural, shortfallSentence } from './selection-messages.ts';
import type { Shortfall } from './selection-messages.ts';
import { cheapestPools } from './select-cheapest.ts';
import type { InfeasibleSelection, OptimalSelection, SelectionProblem, SelectionResult } from './selection-problem.ts';


const canGoogle = (kind: number): boolean => kind !== KIND_MICROSOFT_ONLY;
const canMicrosoft = (kind: number): boolean => kind !== KIND_GOOGLE_ONLY;

/** Why a row cannot be chosen (see `classifyRow`), for messages about pinned names. */
function unorderableText(name: string, row: AvailabilityRow): string {
  const { status, reason } = classifyRow(row);
  if (status === 'premium') return `Pinned domain ${name} is premium and cannot be ordered through the API.`;
  if (status === 'unpriced') return `Pinned domain ${name} has no price and cannot be ordered.`;
  if (status === 'unusable') return `Pinned domain ${name} cannot be used for Google or Microsoft.`;
  return `Pinned domain ${name} cannot be ordered (${reason ?? 'unavailable'}).`;
}

/**
 * Texts for pinned names that match no candidate but do match rows that cannot be chosen
 * (an error path: one more pass over the rows, which are all known to be well-formed).
 */
function unorderablePins(rows: readonly AvailabilityRow[], pinNames: ReadonlyMap<string, unknown>): Map<string, string> {
  const texts = new Map<string, string>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as AvailabilityRow;
    if (orderableProviders(row) !== 0) continue;
    const name = selectionKey(row.domain);
    if (!pinNames.has(name)) continue;
    const text = unorderableText(name, row);
    const seen = texts.get(name);
    if (seen === undefined || text < seen) texts.set(name, text);
  }
  return texts;
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

  // 1. Rows → candidates (orderable and usable for a provider), in parallel columns: one pass.
  //    Excluded candidates and placed pins stay out of the pools (`skip`).
  const candidates = readCandidates(rows, years);
  const { count, names, kinds } = candidates;
  let skip: Uint8Array | undefined;
  const excludedCandidates: number[] = [];
  if (excluded.size > 0 || input.pins.length > 0) {
    skip = new Uint8Array(count);
    for (const name of excluded) {
      const i = findCandidate(candidates, name);
      if (i >= 0) {
        skip[i] = SKIP_EXCLUDED;
        excludedCandidates.push(i);
      }
    }
  }

  // 2. Groups, in key order (one uncapped group without caps). `bucketSizes[g * 3 + kind]`
  //    counts the rows of group g and that kind left for the pools.
  let groupKeys = [''];
  let groupOfCandidate: Int32Array | undefined;
  let bucketSizes: Int32Array;
  const groupCaps: number[] = [];
  if (capOf !== undefined && groupOf !== undefined) {
    const groups = groupCandidates(rows, candidates, groupOf, skip);
    groupKeys = groups.keys;
    groupOfCandidate = groups.ofCandidate;
    bucketSizes = groups.sizes;
    for (const key of groupKeys) groupCaps.push(capOf(key));
  } else {
    groupCaps.push(Number.POSITIVE_INFINITY);
    bucketSizes = Int32Array.from(candidates.kindCounts);
    for (const i of excludedCandidates) bucketSizes[kinds[i] as number] = (bucketSizes[kinds[i] as number] as number) - 1;
  }
  const groupCount = groupKeys.length;

  // 3. Pins: validate, merge repeats, take them out. Pins count against their group.
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
  const groupPinned = new Int32Array(groupCount);
  let unorderable: Map<string, string> | undefined;
  for (const name of [...pinProviders.keys()].sort(compareNames)) {
    const provider = pinProviders.get(name);
    if (provider === 'conflict') {
      problems.push(`${name} is pinned to both Google and Microsoft.`);
      continue;
    }
    if (excluded.has(name)) {
      problems.push(`${name} is both pinned and excluded.`);
      continue;
    }
    const i = findCandidate(candidates, name);
    if (i < 0) {
      unorderable ??= unorderablePins(rows, pinProviders);
      problems.push(
        unorderable.get(name) ?? `Pinned domain ${name} is not among the checked domains; check its availability first.`,
      );
    } else if (provider === 'microsoft' && !canMicrosoft(kinds[i] as number)) {
      problems.push(`Pinned domain ${name} can only be used for Google, not Microsoft.`);
    } else if (provider === 'google' && !canGoogle(kinds[i] as number)) {
      problems.push(`Pinned domain ${name} can only be used for Microsoft, not Google.`);
    } else {
      (skip as Uint8Array)[i] = SKIP_PINNED;
      const g = groupOfCandidate === undefined ? 0 : (groupOfCandidate[i] as number);
      groupPinned[g] = (groupPinned[g] as number) + 1;
      const bucket = g * KIND_COUNT + (kinds[i] as number);
      bucketSizes[bucket] = (bucketSizes[bucket] as number) - 1;
      if (provider === 'google') fixedGoogle.push(i);
      else if (provider === 'microsoft') fixedMicrosoft.push(i);
      else freePins.push(i);
    }
  }

  const requiredTotal = input.google + input.microsoft;
  const pinCount = fixedGoogle.length + fixedMicrosoft.length + freePins.length;
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
  const pinnedGoogleOnly = freePins.filter((i) => kinds[i] === KIND_GOOGLE_ONLY);
  const pinnedMicrosoftOnly = freePins.filter((i) => kinds[i] === KIND_MICROSOFT_ONLY);
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
  for (let g = 0; g < groupCount; g++) {
    const pinnedHere = groupPinned[g] as number;
    const cap = groupCaps[g] as number;
    if (pinnedHere > cap) {
      problems.push(
        `${plural(pinnedHere, 'pinned domain')} ${isAre(pinnedHere)} in group "${groupKeys[g]}", but at most ${cap} ${isAre(cap)} allowed per group.`,
      );
    }
    groupCaps[g] = Math.max(0, cap - pinnedHere);
  }

  // 4. The reduced problem: choose `toChoose` of the unpinned rows; is it feasible?
  const toChoose = Math.max(0, remaining);
  const kindCaps = [toChoose, Math.max(0, googleOnlyRoom), Math.max(0, microsoftOnlyRoom)];
  const needGoogle = Math.max(0, toChoose - (kindCaps[KIND_MICROSOFT_ONLY] as number));
  const needMicrosoft = Math.max(0, toChoose - (kindCaps[KIND_GOOGLE_ONLY] as number));
  const shortfallFor = (capped: boolean): Shortfall => {
    let fillAll = 0;
    let fillGoogle = 0;
    let fillMicrosoft = 0;
    for (let g = 0; g < groupCount; g++) {
      const dual = bucketSizes[g * KIND_COUNT + KIND_DUAL] as number;
      const googleOnly = bucketSizes[g * KIND_COUNT + KIND_GOOGLE_ONLY] as number;
      const microsoftOnly = bucketSizes[g * KIND_COUNT + KIND_MICROSOFT_ONLY] as number;
      const limit = capped ? (groupCaps[g] as number) : Number.POSITIVE_INFINITY;
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
  //    left to choose) merge into one uncapped flow group (number 0); the others follow in key
  //    order. Each pool (flow group, kind) keeps only the rows that can matter.
  const flowCaps = [Number.POSITIVE_INFINITY];
  const flowOfGroup = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const base = g * KIND_COUNT;
    const size = (bucketSizes[base] as number) + (bucketSizes[base + 1] as number) + (bucketSizes[base + 2] as number);
    const cap = groupCaps[g] as number;
    if (cap < size && cap < toChoose) {
      flowOfGroup[g] = flowCaps.length;
      flowCaps.push(cap);
    }
  }
  const poolSizes = new Int32Array(flowCaps.length * KIND_COUNT);
  for (let g = 0; g < groupCount; g++) {
    for (let kind = 0; kind < KIND_COUNT; kind++) {
      const pool = (flowOfGroup[g] as number) * KIND_COUNT + kind;
      poolSizes[pool] = (poolSizes[pool] as number) + (bucketSizes[g * KIND_COUNT + kind] as number);
    }
  }
  const limits: number[] = [];
  for (const cap of flowCaps) for (const kindCap of kindCaps) limits.push(Math.min(cap, kindCap));
  const pools = cheapestPools(candidates, skip, groupOfCandidate, flowOfGroup, poolSizes, limits);
  const flowGroups: FlowGroup[] = [];
  for (let f = 0; f < flowCaps.length; f++) {
    const poolCosts: Float64Array[] = [];
    for (const pool of pools[f] as number[][]) {
      const poolCost = new Float64Array(pool.length);
      for (let j = 0; j < pool.length; j++) poolCost[j] = candidates.costs[pool[j] as number] as number;
      poolCosts.push(poolCost);
    }
    flowGroups.push({ cap: flowCaps[f] as number, pools: poolCosts });
  }
  const used = minCostPooledFlow({ groups: flowGroups, kindCaps, units: toChoose });
  if (used === null) {
    // Unreachable when the shortfall test above is right; kept as a safe answer.
    return infeasible(shortfall, ['No valid selection exists for these constraints.'], shortfall);
  }

  // 6. Assign slots and add up the cost.
  const chosen: number[] = [];
  for (const f of [fixedGoogle, fixedMicrosoft, freePins]) for (const i of f) chosen.push(i);
  used.forEach((counts, f) => {
    for (let kind = 0; kind < KIND_COUNT; kind++) {
      const pool = (pools[f] as number[][])[kind] as number[];
      for (let j = 0; j < (counts[kind] as number); j++) chosen.push(pool[j] as number);
    }
  });
  return assemble(
    rows,
    candidates,
    chosen,
    fixedGoogle.length + fixedMicrosoft.length,
    fixedGoogle.length,
    { google: input.google, microsoft: input.microsoft },
    years,
  );
}

/**
 * The optimal answer from the chosen candidates: `chosen` starts with the pins fixed to Google
 * (`fixedGoogleCount` of them), then those fixed to Microsoft (up to `fixedCount`); the slots
 * of every other one come from `assignSlots` (Microsoft slots still open go to the
 * alphabetically first dual-capable names).
 */
function assemble(
  rows: readonly AvailabilityRow[],
  candidates: CandidateColumns,
  chosen: readonly number[],
  fixedCount: number,
  fixedGoogleCount: number,
  required: { google: number; microsoft: number },
  years: number,
): OptimalSelection {
  const { names, rowIndex } = candidates;
  const fixedGoogle: string[] = [];
  const fixedMicrosoft: string[] = [];
  const free: { domain: string; row: AvailabilityRow }[] = [];
  let firstYear = 0;
  let renewal = 0;
  let currency: string | null = null;
  for (let c = 0; c < chosen.length; c++) {
    const i = chosen[c] as number;
    const name = names[i] as string;
    const row = rows[rowIndex[i] as number] as AvailabilityRow;
    if (c < fixedGoogleCount) fixedGoogle.push(name);
    else if (c < fixedCount) fixedMicrosoft.push(name);
    else free.push({ domain: name, row });
    const [price, renewalPrice] = rowPrices(row);
    firstYear += price;
    renewal += renewalPrice;
    const raw = row.currency;
    if (currency === null && typeof raw === 'string') currency = raw.toLowerCase();
  }
  const slots = assignSlots(free, {
    google: required.google - fixedGoogle.length,
    microsoft: required.microsoft - fixedMicrosoft.length,
  });
  if (
    slots.extra.length > 0 ||
    slots.unusable.length > 0 ||
    slots.google.length + fixedGoogle.length !== required.google ||
    slots.microsoft.length + fixedMicrosoft.length !== required.microsoft
  ) {
    throw new Error('solveSelection: internal error, slot counts do not add up');
  }
  const google = fixedGoogle.length === 0 ? slots.google : mergeSorted(fixedGoogle.sort(compareNames), slots.google);
  const microsoft =
    fixedMicrosoft.length === 0 ? slots.microsoft : mergeSorted(fixedMicrosoft.sort(compareNames), slots.microsoft);
  return {
    status: 'optimal',
    google,
    microsoft,
    domains: mergeSorted(google, microsoft),
    cost: {
      first_year_cents: firstYear,
      renewal_cents: renewal,
      total_cents: firstYear + (years - 1) * renewal,
      currency,
    },
  };
}

/** Merges two lists of distinct names, each sorted by code unit, into a new sorted list. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push((a[i] as string) < (b[j] as string) ? (a[i++] as string) : (b[j++] as string));
  while (i < a.length) out.push(a[i++] as string);
  while (j < b.length) out.push(b[j++] as string);
  return out;
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
