import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { createAvailabilityChecker, createFetchTransport } from '@peeker/core';
import type { AvailabilityChecker, AvailabilityRow, AvailabilityTransport, CheckProgress, Pin } from '@peeker/core';
import type { DomainEntries } from './domain-entries.ts';
import { needsCheck } from './row-status.ts';
import { loadEngine } from './engine-loader.ts';

/** What a search for ideas found (from core's `pickDomains` outcome). */
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

/** Peeker's `stale` means "refreshing in the background": ask again after this long, at most this often. */
const STALE_RETRY_MS = 3000;
const STALE_RETRIES = 3;

/** What the search needs from the element. */
export interface SearchContext {
  /** The listed names. */
  readonly entries: DomainEntries;
  /** What to search for: the settled brand, TLDs, hyphens, and how many names the order needs. */
  request(): { brand: string; tlds: readonly string[]; hyphens: boolean; google: number; microsoft: number };
  /** `checkAvailability`, else `endpoint`, else null. */
  source(): AvailabilityTransport | string | null;
  /** Applies the current brand's generation key (dropping old ideas) and returns it. */
  ideasKey(): string;
  /** A search for a brand starts (the element drops notices of the last one). */
  searchStarted(): void;
  /** What a search must respect: the customer's picks, removals, horizon and diversity cap. */
  constraints(): { pinned: readonly Pin[]; excluded: readonly string[]; years: number; maxPerPattern: number | undefined };
  /** Checks landed (announce the counts). */
  checked(): void;
  /** Fires `peeker-error` (not for aborts). */
  emitError(error: unknown): void;
}

/**
 * Checks names for `<peeker-domain-picker>` as a Lit `ReactiveController`: the ideas for the
 * settled brand (re-run whenever brand, TLDs, requirement or transport change; a new run
 * aborts the old one), the names the customer brought, retries, and Peeker's `stale` rows
 * asked again a little later. Answers are stored in the entries as they land. Internal.
 */
export class SearchController implements ReactiveController {
  /** Checked so far of the names asked, while the ideas are being checked. */
  progress: { done: number; total: number } | null = null;
  /** The generator rejected the brand or TLD list. */
  brandProblem: Error | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #ctx: SearchContext;
  #checker: AvailabilityChecker | null = null;
  #checkerSource: unknown = null;
  #staleTimer: ReturnType<typeof setTimeout> | undefined;
  #staleRetries = 0;
  #outcome: SearchOutcome | null = null;

  /** Checks the generated ideas for the (debounced) brand; a new brand aborts the old run. */
  readonly #ideas: Task<readonly unknown[], SearchOutcome | typeof initialState>;
  /** Checks names the customer brought (pasted, restored, set through `value`) and retries. */
  readonly #list: Task<readonly [], number>;

  /**
   * @param host - the element
   * @param ctx - what the search needs from it
   */
  constructor(host: ReactiveControllerHost & HTMLElement, ctx: SearchContext) {
    this.#host = host;
    this.#ctx = ctx;
    host.addController(this);
    this.#ideas = new Task(host, {
      args: () => {
        const { brand, tlds, hyphens, google, microsoft } = ctx.request();
        return [brand, tlds, hyphens, google, microsoft, ctx.source()] as const;
      },
      task: (_args, { signal }) => this.#searchIdeas(signal),
      onComplete: (outcome) => {
        this.#outcome = outcome;
        this.#afterChecks();
      },
      onError: (error) => ctx.emitError(error),
    });
    this.#list = new Task(host, {
      autoRun: false,
      args: () => [] as const,
      task: (_args, { signal }) => this.#checkList(signal),
      onComplete: () => this.#afterChecks(),
      onError: (error) => ctx.emitError(error),
    });
  }

  /** @internal */
  hostDisconnected(): void {
    clearTimeout(this.#staleTimer);
    this.#staleTimer = undefined;
  }

  /** Whether names are being checked. */
  get busy(): boolean {
    return this.#ideas.status === TaskStatus.PENDING || this.#list.status === TaskStatus.PENDING;
  }

  /** What the last completed search for ideas found; null while one runs or none ran. */
  get outcome(): SearchOutcome | null {
    return this.#ideas.status === TaskStatus.COMPLETE ? this.#outcome : null;
  }

  /** The error that stopped the last search for ideas, if it failed as a whole. */
  get error(): { error: unknown } | null {
    return this.#ideas.status === TaskStatus.ERROR ? { error: this.#ideas.error } : null;
  }

  /** @returns the runs in flight, for `checksComplete` */
  pending(): Promise<unknown>[] {
    return [this.#ideas, this.#list].flatMap((task) =>
      task.status === TaskStatus.PENDING ? [task.taskComplete.catch(() => undefined)] : [],
    );
  }

  /** @returns the checker for the current transport or endpoint, or null when there is none */
  checker(): AvailabilityChecker | null {
    const source = this.#ctx.source();
    if (source === null) return null;
    if (this.#checker === null || this.#checkerSource !== source) {
      const transport = typeof source === 'function' ? source : createFetchTransport({ endpoint: source });
      this.#checker = createAvailabilityChecker({ transport });
      this.#checkerSource = source;
    }
    return this.#checker;
  }

  /** Checks the names the customer brought that have no answer yet. */
  checkList(): void {
    void this.#list.run();
  }

  /** Looks for more ideas (the final re-check lost names nothing could replace). */
  searchMore(): void {
    void this.#ideas.run();
  }

  /** Retries failed and stale names, keeping every answer already received. */
  retry(): void {
    this.#staleRetries = 0;
    this.#recheck(['errored', 'stale']);
  }

  /** Stores answers and re-renders. */
  merge(rows: readonly AvailabilityRow[]): void {
    this.#ctx.entries.merge(rows, Date.now());
    this.#host.requestUpdate();
  }

  /** Runs the checker over `names`, storing answers as they land. */
  async #run(
    checker: AvailabilityChecker,
    names: string[],
    signal: AbortSignal,
    onProgress?: (progress: CheckProgress) => void,
  ): Promise<AvailabilityRow[]> {
    const rows = await checker.check(names, {
      signal,
      onBatchError: (error) => this.#ctx.emitError(error),
      onProgress: (p: CheckProgress) => {
        this.merge(p.rows);
        onProgress?.(p);
      },
    });
    this.merge(rows);
    return rows;
  }

  async #searchIdeas(signal: AbortSignal): Promise<SearchOutcome | typeof initialState> {
    const ctx = this.#ctx;
    const { brand, tlds, hyphens, google, microsoft } = ctx.request();
    const key = ctx.ideasKey();
    this.brandProblem = null;
    ctx.searchStarted();
    if (brand === '') this.progress = null;
    const checker = brand === '' ? null : this.checker();
    if (checker === null) return initialState;
    const engine = await loadEngine();
    const known: AvailabilityRow[] = [];
    for (const entry of ctx.entries.values()) {
      if (entry.row !== null && (entry.source !== 'kept' || ctx.entries.isManual(entry.domain))) known.push(entry.row);
    }
    const outcome = await engine.pickDomains({
      brand,
      tlds,
      hyphens,
      required: { google, microsoft },
      ...ctx.constraints(),
      rows: known,
      signal,
      check: (names, options) => this.#run(checker, names, signal, options.onProgress),
      onIdeas: (ideas) => {
        for (const { domain, pattern } of ideas) {
          const entry = ctx.entries.ensure(domain, 'idea', key, pattern);
          if (needsCheck(entry.row)) entry.row = null;
        }
        this.#host.requestUpdate();
      },
      onProgress: ({ done, total }) => {
        if (total > 0) this.progress = { done, total };
        this.#host.requestUpdate();
      },
    });
    if (outcome.status === 'rejected') {
      this.brandProblem = outcome.error;
      this.progress = null;
      // A completed outcome, not `initialState`: after an await, @lit/task would reset to
      // INITIAL without settling `taskComplete`, and `checksComplete` would wait forever.
      return { feasible: false, exhausted: true, failed: 0, shortfall: null, rejected: outcome.error };
    }
    const result = outcome.result;
    return {
      feasible: result === null || result.status === 'optimal',
      exhausted: outcome.notices.some((n) => n.code === 'ideas_exhausted'),
      failed: outcome.notices.reduce((sum, n) => sum + (n.code === 'names_failed' ? n.count : 0), 0),
      shortfall: result?.status === 'infeasible' ? result.shortfall : null,
      rejected: null,
    };
  }

  async #checkList(signal: AbortSignal): Promise<number> {
    const names: string[] = [];
    for (const entry of this.#ctx.entries.values()) {
      if (entry.source !== 'idea' && needsCheck(entry.row)) {
        entry.row = null;
        names.push(entry.domain);
      }
    }
    const checker = names.length > 0 ? this.checker() : null;
    if (checker === null) return 0;
    this.#host.requestUpdate();
    const engine = loadEngine(); // for the fills that follow
    engine.catch(() => undefined);
    const rows = await this.#run(checker, names, signal);
    await engine;
    return rows.filter((row) => row.reason === 'errored').length;
  }

  #afterChecks(): void {
    this.#ctx.checked();
    // Asks again for `stale` rows a little later (a few times), as Peeker advises.
    if (this.#staleTimer !== undefined || !this.#host.isConnected) return;
    if (![...this.#ctx.entries.values()].some((entry) => entry.row?.reason === 'stale')) this.#staleRetries = 0;
    else if (this.#staleRetries < STALE_RETRIES) {
      this.#staleRetries += 1;
      this.#staleTimer = setTimeout(() => {
        this.#staleTimer = undefined;
        this.#recheck(['stale']);
      }, STALE_RETRY_MS);
    }
  }

  /** Forgets the rows answered with one of `reasons` and checks them again; other answers are kept. */
  #recheck(reasons: readonly (string | undefined)[]): void {
    for (const entry of this.#ctx.entries.values()) if (reasons.includes(entry.row?.reason)) entry.row = null;
    this.#host.requestUpdate();
    void this.#ideas.run();
    void this.#list.run();
  }
}
