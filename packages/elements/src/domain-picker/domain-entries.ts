import { isOrderable, type AvailabilityRow } from '@peeker/core';

/**
 * Where a name in the list came from:
 * - `idea`: generated for the current brand (and TLDs, hyphen setting);
 * - `list`: brought by the customer (pasted, set through `value`, restored by the form);
 * - `kept`: generated for an earlier brand and picked by hand, so kept when the brand changed.
 */
export type EntrySource = 'idea' | 'list' | 'kept';

/** One name in the list, with where it came from and its latest answer. */
export interface Entry {
  readonly domain: string;
  source: EntrySource;
  /** Generation key (brand, TLDs, hyphens) of an idea. */
  key: string;
  /** Naming pattern family (diversity group), null for names the customer brought. */
  pattern: string | null;
  /** The latest answer, or null while it is being checked. */
  row: AvailabilityRow | null;
  /** DOM id of the option. */
  readonly id: string;
}

/**
 * The names `<peeker-domain-picker>` lists and what the customer did with them: the one
 * place that decides which names belong to the current brand, which the customer picked or
 * removed by hand, and which rows the solver may use. Internal.
 *
 * A brand change replaces the ideas ({@link DomainEntries.replaceIdeas}): ideas of the old
 * brand disappear, except names the customer picked by hand, which stay as `kept` (marked in
 * the list) until unpicked. Generated names of another brand are never in the solver's pool.
 */
export class DomainEntries {
  readonly #entries = new Map<string, Entry>();
  /** Names the customer picked by hand: pinned when filling. */
  readonly #manual = new Set<string>();
  /** Names the customer removed by hand: excluded when filling. */
  readonly #rejected = new Set<string>();
  #nextId = 0;

  /** How many names are listed. */
  get size(): number {
    return this.#entries.size;
  }

  /** @returns every entry, in list order */
  values(): IterableIterator<Entry> {
    return this.#entries.values();
  }

  /** @returns every listed name, in list order */
  domains(): string[] {
    return [...this.#entries.keys()];
  }

  /**
   * @param domain - a name
   * @returns its entry, if listed
   */
  get(domain: string): Entry | undefined {
    return this.#entries.get(domain);
  }

  /**
   * @param domain - a name
   * @returns its latest answer, or null (not listed, or not answered yet)
   */
  rowOf(domain: string): AvailabilityRow | null {
    return this.#entries.get(domain)?.row ?? null;
  }

  /**
   * @param domain - a name
   * @returns whether the customer picked it by hand
   */
  isManual(domain: string): boolean {
    return this.#manual.has(domain);
  }

  /** @returns the names picked by hand whose latest answer is orderable (the pins of a fill) */
  pins(): string[] {
    return [...this.#manual].filter((domain) => {
      const row = this.rowOf(domain);
      return row !== null && isOrderable(row);
    });
  }

  /** @returns the names removed by hand (excluded from a fill) */
  rejected(): string[] {
    return [...this.#rejected];
  }

  /**
   * Lists a name, or updates where an idea came from.
   * @param domain - a normalised name
   * @param source - where it came from
   * @param key - the generation key of an idea
   * @param pattern - its naming pattern family (ideas only)
   * @returns its entry
   */
  ensure(domain: string, source: EntrySource, key = '', pattern: string | null = null): Entry {
    let entry = this.#entries.get(domain);
    if (!entry) {
      entry = { domain, source, key, pattern, row: null, id: `o${this.#nextId++}` };
      this.#entries.set(domain, entry);
    } else if (source === 'idea') {
      // an idea of this brand again (a kept name becomes an idea once more)
      if (entry.source !== 'list') {
        entry.source = 'idea';
        entry.key = key;
        entry.pattern = pattern;
      } else entry.pattern ??= pattern;
    }
    return entry;
  }

  /**
   * Stores answers for listed names (others are ignored), stamping `checked_at` when a
   * transport left it out.
   * @param rows - answers
   * @param now - the time to stamp (epoch ms)
   */
  merge(rows: readonly AvailabilityRow[], now: number): void {
    for (const row of rows) {
      const entry = this.#entries.get(row.domain);
      if (entry) entry.row = row.checked_at === undefined ? { ...row, checked_at: now } : row;
    }
  }

  /**
   * Applies a new generation key (brand, TLDs, hyphens): ideas generated for another key
   * disappear, except those the customer picked by hand and still has chosen, which become
   * `kept`.
   * @param key - the current generation key
   * @param chosen - the current selection
   * @returns the chosen names that disappeared (to remove from the selection)
   */
  replaceIdeas(key: string, chosen: ReadonlySet<string>): string[] {
    const dropped: string[] = [];
    for (const [domain, entry] of this.#entries) {
      if (entry.source !== 'idea' || entry.key === key) continue;
      if (chosen.has(domain) && this.#manual.has(domain)) entry.source = 'kept';
      else {
        this.#entries.delete(domain);
        if (chosen.has(domain)) dropped.push(domain);
      }
    }
    return dropped;
  }

  /**
   * The customer picked a name: pinned from now on.
   * @param domain - the name
   */
  pick(domain: string): void {
    this.#manual.add(domain);
    this.#rejected.delete(domain);
  }

  /**
   * The customer removed a name (or it was lost at the final re-check): excluded from fills.
   * A name kept from an earlier brand disappears from the list.
   * @param domain - the name
   */
  unpick(domain: string): void {
    this.#manual.delete(domain);
    this.#rejected.add(domain);
    if (this.#entries.get(domain)?.source === 'kept') this.#entries.delete(domain);
  }

  /**
   * Replaces the hand-picked names (for `value`, form restore and reset) and forgets which
   * names were removed when `forgetRejected` is set.
   * @param domains - the new hand-picked names (listed as `list` when new)
   * @param forgetRejected - also clear the removed names (Clear, form reset)
   */
  setPicks(domains: Iterable<string>, forgetRejected: boolean): void {
    this.#manual.clear();
    if (forgetRejected) this.#rejected.clear();
    for (const domain of domains) {
      this.#manual.add(domain);
      this.ensure(domain, 'list');
    }
    for (const [domain, entry] of this.#entries) {
      if (entry.source === 'kept' && !this.#manual.has(domain)) this.#entries.delete(domain);
    }
  }

  /**
   * The rows the solver may choose from: orderable answers of the current ideas and of the
   * customer's own names; a name kept from an earlier brand only while it is picked by hand.
   * @returns the rows
   */
  pool(): AvailabilityRow[] {
    const rows: AvailabilityRow[] = [];
    for (const { row, source, domain } of this.#entries.values()) {
      if (row && isOrderable(row) && (source !== 'kept' || this.#manual.has(domain))) rows.push(row);
    }
    return rows;
  }

  /**
   * The diversity group of a row: its naming pattern family, or a group of its own.
   * @param row - a row of {@link DomainEntries.pool}
   * @returns the group
   */
  groupOf = (row: AvailabilityRow): string => this.#entries.get(row.domain)?.pattern ?? `own:${row.domain}`;
}
