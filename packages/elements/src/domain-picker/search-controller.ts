import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { createAvailabilityChecker, createFetchTransport } from '@peeker/core';
import type { AvailabilityChecker, AvailabilityRow, AvailabilityTransport, CheckProgress, SelectionResult } from '@peeker/core';
import type { DomainEntries } from './domain-entries.ts';
import { searchIdeas, type SearchOutcome } from './idea-search.ts';
import { needsCheck } from './row-status.ts';
import { loadSolver } from './solver-loader.ts';

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
  /** Solves over the pool without a cap, once the solver is loaded; null after a reported failure. */
  solve(): SelectionResult | null;
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

  /** Runs the checker over `names`, storing answers as they land; resolves with how many failed. */
  async #check(checker: AvailabilityChecker, names: string[], signal: AbortSignal, onDone?: (done: number) => void): Promise<number> {
    const rows = await checker.check(names, {
      signal,
      onBatchError: (error) => this.#ctx.emitError(error),
      onProgress: (p: CheckProgress) => {
        this.merge(p.rows);
        onDone?.(p.done);
      },
    });
    this.merge(rows);
    return rows.filter((row) => row.reason === 'errored').length;
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
    // the solver loads while the first names are checked: nothing needs it before answers arrive
    const solver = loadSolver();
    solver.catch(() => undefined);
    const outcome = await searchIdeas({
      brand,
      tlds,
      hyphens,
      total: google + microsoft,
      key,
      entries: ctx.entries,
      check: (names, onDone) => this.#check(checker, names, signal, onDone),
      solve: async () => {
        await solver;
        return ctx.solve();
      },
      onProgress: (done, asked) => {
        if (asked > 0) this.progress = { done, total: asked };
        this.#host.requestUpdate();
      },
    });
    if (outcome.rejected === null) return outcome;
    this.brandProblem = outcome.rejected;
    this.progress = null;
    return initialState;
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
    const solver = loadSolver(); // for the fills that follow
    solver.catch(() => undefined);
    const failed = await this.#check(checker, names, signal);
    await solver;
    return failed;
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
