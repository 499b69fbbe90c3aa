import type { AvailabilityRow, Provider } from '../availability/availability-row.ts';

/** A domain that must be in the answer, optionally on a fixed provider. */
export type Pin = string | { domain: string; provider?: Provider };

/** Input of `solveSelection`. */
export interface SelectionProblem {
  /** Availability rows exactly as Peeker returns them (unavailable and premium rows are ignored). */
  rows: readonly AvailabilityRow[];
  /** How many domains each provider needs (e.g. a bundle's `required_domains`). */
  required: { google: number; microsoft: number };
  /** Domains that must be chosen (by name, or with a fixed provider). */
  pinned?: readonly Pin[];
  /** Domains that must never be chosen. */
  excluded?: readonly string[];
  /** Cost horizon in years: cost = price + (years − 1) × renewal. @default 1 */
  years?: number;
  /** Group key of a row (a TLD, a naming pattern…) for diversity caps. */
  groupOf?: (row: AvailabilityRow) => string;
  /** At most this many chosen domains per group. A number, or a function of the group key. */
  maxPerGroup?: number | ((group: string) => number);
}

/** Cost of a selection, integer cents. */
export interface SelectionCost {
  /** Sum of first-year prices. */
  first_year_cents: number;
  /** Sum of yearly renewal prices (what one later year costs). */
  renewal_cents: number;
  /** The objective: first year + (years − 1) × renewal. */
  total_cents: number;
  /** Lower-case currency of the rows (`usd`), or null when nothing is chosen. */
  currency: string | null;
}

/** The cheapest valid selection. All lists are sorted by name. */
export interface OptimalSelection {
  status: 'optimal';
  /** Domains that fill Google slots. */
  google: string[];
  /** Domains that fill Microsoft slots. */
  microsoft: string[];
  /** `google` ∪ `microsoft`, sorted. */
  domains: string[];
  cost: SelectionCost;
}

/** No valid selection exists; `shortfall` says how many more capable domains each side needs. */
export interface InfeasibleSelection {
  status: 'infeasible';
  shortfall: { google: number; microsoft: number; total: number };
  /** Customer-facing explanation, e.g. "Add at least 2 more Microsoft-capable domains." */
  message: string;
}

/** Output of `solveSelection`. */
export type SelectionResult = OptimalSelection | InfeasibleSelection;
