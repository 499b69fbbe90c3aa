/**
 * The types the confirm flow's modules share (the controller, the re-check, the order
 * submission and the review panel), kept apart so none of them imports another's types.
 * Internal.
 */
import type { AvailabilityChecker, AvailabilityRow, SelectionResult } from '@peeker/core';
import type { PeekerMessages } from '../messages.ts';
import type { OrderFields } from './order-fields.ts';
import type { RowStatus } from './row-status.ts';

/** Where the confirm flow is: editing, re-checking the chosen names, reviewing changes, done. */
export type ConfirmPhase = 'editing' | 'rechecking' | 'review' | 'confirmed';

/** What changed at the final re-check (or what the order endpoint found taken), for the review. */
export interface Review {
  swaps: { removed: string; status: RowStatus; added: string | null }[];
  prices: { domain: string; before: AvailabilityRow; after: AvailabilityRow }[];
  /** How many more names each side needs when nothing could replace a lost name. */
  shortfall: { google: number; microsoft: number; total: number } | null;
  /** `taken`: the order endpoint refused the order because names were taken (409); else the browser's re-check. */
  source?: 'recheck' | 'taken';
  /** The replacement set's total minus the total shown before, in cents, when the server said. */
  extra?: { cents: number; currency: string | null } | null;
}

/** What the confirm flow needs from the element. */
export interface ConfirmContext {
  /** The checker, or null without endpoint and transport. */
  checker(): AvailabilityChecker | null;
  /** The chosen names with their latest rows. */
  chosenRows(): { domain: string; row: AvailabilityRow | null }[];
  /** Stores fresh answers. */
  mergeRows(rows: readonly AvailabilityRow[]): void;
  /** Solves like "Fill cheapest" with `pinned` kept; null after a failure it reported. */
  solveDiverse(pinned: readonly string[]): SelectionResult | null;
  /** Solves exactly the chosen rows (all pinned) for the final assignment; null after a reported failure. */
  solveChosen(): SelectionResult | null;
  /** Names lost at the re-check: no longer picked, excluded from fills. */
  lose(domains: Iterable<string>): void;
  /** Replaces the selection (`user`: fire `change`). */
  select(domains: Iterable<string>, user: boolean): void;
  /** Looks for more ideas (nothing could replace a lost name). */
  searchMore(): void;
  /** The host's `order` property. */
  order(): OrderFields | null;
  messages(): PeekerMessages;
  /** Words an error through the messages (code first, message only as fallback). */
  describe(error: unknown): string;
  /** Fires `peeker-error` (not for aborts). */
  emitError(error: unknown): void;
  /** The partner's order endpoint (`order-endpoint`), or '' to leave ordering to the host. */
  orderEndpoint(): string;
  /** Every row in the list (the pool replacements come from). */
  candidates(): readonly AvailabilityRow[];
  /** The years of the cost horizon (alternates are sent cheapest first). */
  years(): number;
}
