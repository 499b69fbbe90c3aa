/**
 * Which chosen names fill the order's Google slots, which its Microsoft slots, and which are
 * left over: the one slot-assignment rule, used by `solveSelection` for the optimal answer,
 * by the sandbox when it creates an order, and by the element's meters for a partial
 * selection.
 */
import type { AvailabilityRow } from '../availability/availability-row.ts';
import { CAN_GOOGLE, CAN_MICROSOFT, orderableProviders } from '../availability/row-status.ts';
import { compareNames } from '../domains/compare-names.ts';
import { tieBreak } from './tie-break.ts';

/** A chosen name and its latest availability row (`null` while it is being checked). */
export interface ChosenName {
  /** The name (normalised). */
  readonly domain: string;
  /** Its latest row, or `null`/`undefined` when there is no answer yet. */
  readonly row: AvailabilityRow | null | undefined;
}

/** Output of {@link assignSlots}. Every list is sorted by name (code units). */
export interface SlotAssignment {
  /** Names counted towards Google slots. */
  google: string[];
  /** Names counted towards Microsoft slots. */
  microsoft: string[];
  /** Orderable names beyond what either side needs. */
  extra: string[];
  /** Chosen names that cannot fill any slot now (unchecked, taken, premium, …; see `classifyRow`). */
  unusable: string[];
}

/**
 * Assigns chosen names to slots. Microsoft-only names go to Microsoft and Google-only names
 * to Google; dual-capable names fill the Microsoft slots still open first (Microsoft
 * capability is the scarce one), the alphabetically first ones first, then Google. This
 * fills as many slots as any assignment can. Names are taken in name order, so the answer
 * does not depend on the input order. Duplicate names are the caller's to avoid.
 *
 * For a complete selection (exactly `google + microsoft` orderable names that can fill both
 * sides) `extra` and `unusable` are empty and the two lists are the order's provider split.
 *
 * @param chosen - the chosen names, each with its latest row
 * @param required - slots per provider (non-negative integers)
 * @returns the assignment, every list sorted by name
 * @example
 * ```ts
 * const slots = assignSlots(
 *   [{ domain: 'a.com', row: dualRow }, { domain: 'b.com', row: googleOnlyRow }, { domain: 'c.com', row: null }],
 *   { google: 1, microsoft: 1 },
 * );
 * // { google: ['b.com'], microsoft: ['a.com'], extra: [], unusable: ['c.com'] }
 * ```
 */
export function assignSlots(
  chosen: readonly ChosenName[],
  required: { readonly google: number; readonly microsoft: number },
): SlotAssignment {
  const sorted = [...chosen].sort((a, b) => tieBreak(a.domain, b.domain));
  const googleOnly: string[] = [];
  const microsoftOnly: string[] = [];
  const dual: string[] = [];
  const unusable: string[] = [];
  for (const { domain, row } of sorted) {
    // classifyRow's provider answer, as bits: no object per name (the solver calls this for every answer)
    const providers = row === null || row === undefined ? 0 : orderableProviders(row);
    if (providers === (CAN_GOOGLE | CAN_MICROSOFT)) dual.push(domain);
    else if (providers === CAN_GOOGLE) googleOnly.push(domain);
    else if (providers === CAN_MICROSOFT) microsoftOnly.push(domain);
    else unusable.push(domain);
  }
  const microsoftSlots = Math.max(0, required.microsoft);
  const microsoftNames = microsoftOnly.slice(0, microsoftSlots);
  const extra = microsoftOnly.slice(microsoftSlots);
  const open = microsoftSlots - microsoftNames.length;
  microsoftNames.push(...dual.slice(0, open));
  const googlePool = [...googleOnly, ...dual.slice(open)];
  const googleSlots = Math.max(0, required.google);
  extra.push(...googlePool.slice(googleSlots));
  return {
    google: googlePool.slice(0, googleSlots).sort(compareNames),
    microsoft: microsoftNames.sort(compareNames),
    extra: extra.sort(compareNames),
    unusable,
  };
}
