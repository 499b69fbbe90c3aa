import { generateCandidates, PeekerError, type SelectionResult } from '@peeker/core';
import { needsCheck } from './row-status.ts';
import type { DomainEntries } from './domain-entries.ts';

/** Fewest ideas checked for a brand, and the most ever generated. */
const MIN_IDEAS = 12;
const MAX_IDEAS = 5000;

/** What a search for ideas found. */
export interface SearchOutcome {
  /** The requirement can be met with the names found (always true without a requirement). */
  feasible: boolean;
  /** Every idea the generator has for this brand was tried. */
  exhausted: boolean;
  /** Names whose check failed (they are `errored` rows, retryable). */
  failed: number;
  /** How many more names each side needs, when not feasible. */
  shortfall: { google: number; microsoft: number; total: number } | null;
  /** The generator rejected the brand or the TLD list (`invalid_brand`, `invalid_domain`, TypeError). */
  rejected: Error | null;
}

/** Inputs of {@link searchIdeas}. */
export interface IdeaSearch {
  brand: string;
  tlds: readonly string[];
  hyphens: boolean;
  /** Google + Microsoft names the order needs. */
  total: number;
  /** Generation key the ideas are stored under. */
  key: string;
  entries: DomainEntries;
  /** Checks names, reporting how many are done; resolves with how many failed. */
  check: (names: string[], onDone: (done: number) => void) => Promise<number>;
  /** Solves over the pool with the element's requirement; null after a reported failure. */
  solve: () => Promise<SelectionResult | null>;
  /** Called whenever the list changed (new ideas listed) or progress moved. */
  onProgress: (done: number, asked: number) => void;
}

/**
 * Generate → check → solve → grow: lists the brand's best ideas, checks them, and while the
 * requirement cannot be met fetches more (3× the shortfall, at least half again).
 * @param search - inputs and wiring
 * @returns what was found
 * @throws whatever the checker throws (aborts included)
 */
export async function searchIdeas(search: IdeaSearch): Promise<SearchOutcome> {
  const { brand, tlds, hyphens, total, key, entries } = search;
  let limit = Math.min(MAX_IDEAS, Math.max(MIN_IDEAS, 3 * total));
  let asked = 0;
  let answered = 0;
  for (;;) {
    let candidates: readonly { domain: string; pattern: string }[];
    try {
      candidates = generateCandidates({ brand, tlds, limit, hyphens });
    } catch (error) {
      if (!PeekerError.is(error) && !(error instanceof TypeError)) throw error;
      return { feasible: false, exhausted: true, failed: 0, shortfall: null, rejected: error };
    }
    const exhausted = candidates.length < limit || limit >= MAX_IDEAS;
    const names: string[] = [];
    for (const { domain, pattern } of candidates) {
      const entry = entries.ensure(domain, 'idea', key, pattern);
      if (needsCheck(entry.row)) {
        entry.row = null;
        names.push(domain);
      }
    }
    let failed = 0;
    search.onProgress(answered, asked + names.length);
    if (names.length > 0) {
      asked += names.length;
      failed = await search.check(names, (done) => search.onProgress(answered + done, asked));
      search.onProgress((answered = asked), asked);
    }
    const solved = total > 0 ? await search.solve() : undefined;
    const feasible = total === 0 || solved?.status === 'optimal';
    const shortfall = solved?.status === 'infeasible' ? solved.shortfall : null;
    if (feasible || exhausted || failed > 0 || !solved) return { feasible, exhausted, failed, shortfall, rejected: null };
    // Grow by 3× the shortfall, but at least by half, so a long search takes few rounds.
    limit = Math.min(MAX_IDEAS, limit + Math.max(3 * (shortfall?.total ?? 1), Math.ceil(limit / 2), 24));
  }
}

