import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  DEFAULT_TLDS,
  PeekerError,
  createAvailabilityChecker,
  createFetchTransport,
  generateCandidates,
  isOrderable,
  normalizeHostname,
  parseDomainList,
  solveSelection,
} from '@peeker/core';
import type {
  AvailabilityChecker,
  AvailabilityRow,
  AvailabilityTransport,
  Bundle,
  CheckProgress,
  SelectionResult,
} from '@peeker/core';
import styles from './domain-picker.styles.ts';
import type { OrderFields } from './order-fields.ts';
import { hostStyles } from '../internal/host-styles.ts';
import { tldListConverter, toCount } from '../internal/converters.ts';
import { Debouncer } from '../internal/debounce.ts';
import { assignSlots, type SlotAssignment } from '../internal/assign-slots.ts';
import { centsToDecimal, toCsv } from '../internal/csv.ts';
import { buildOrderDraft } from '../internal/order-draft.ts';
import { resolveMessages, type PeekerMessages } from '../messages.ts';
import { PeekerOrderReadyEvent, type OrderReadyDetail } from '../events/peeker-order-ready.ts';
import { PeekerErrorEvent } from '../events/peeker-error.ts';

/** How a row is shown: derived from Peeker's row, never stored on it. */
export const RowStatus = {
  checking: 'checking',
  available: 'available',
  taken: 'taken',
  premium: 'premium',
  invalid: 'invalid',
  error: 'error',
  stale: 'stale',
} as const;
/** One of {@link RowStatus}. */
export type RowStatus = (typeof RowStatus)[keyof typeof RowStatus];

const ICONS: Record<RowStatus, string> = {
  checking: '…',
  available: '✓',
  taken: '✕',
  premium: '★',
  invalid: '⊘',
  error: '⚠',
  stale: '↻',
};

/** Fewest ideas checked for a brand, and the most ever generated. */
const MIN_IDEAS = 12;
const MAX_IDEAS = 5000;
/** How often the "checked … ago" texts refresh. */
const AGE_TICK_MS = 30_000;
/** Peeker's `stale` means "refreshing in the background": ask again after this long, at most this often. */
const STALE_RETRY_MS = 3000;
const STALE_RETRIES = 3;

/** One name in the list, with where it came from and its latest answer. */
interface Entry {
  domain: string;
  /** `idea`: generated for the current brand; `list`: pasted; `kept`: set by value/restore or kept from an older brand. */
  source: 'idea' | 'list' | 'kept';
  /** Generation key (brand, TLDs, hyphens) of an idea. */
  key: string;
  /** Naming pattern family (diversity group), null for names the customer brought. */
  pattern: string | null;
  row: AvailabilityRow | null;
  /** DOM id of the option. */
  id: string;
}

/** What the last run of the idea checks found. */
interface CheckOutcome {
  feasible: boolean;
  exhausted: boolean;
  failed: number;
  message: string | null;
}

/** What changed at the final re-check, for the review. */
interface Review {
  swaps: { removed: string; status: RowStatus; added: string | null }[];
  prices: { domain: string; before: AvailabilityRow; after: AvailabilityRow }[];
  message: string | null;
}

type Phase = 'editing' | 'rechecking' | 'review' | 'confirmed';
type Notice = { kind: 'error' | 'warning' | 'infeasible' | 'success' | 'info'; text: string; retry?: boolean };

/**
 * Derives the display status of a row.
 * @param row - the latest answer, or null while checking
 * @returns the status shown in text and icon
 */
function statusOf(row: AvailabilityRow | null): RowStatus {
  if (row === null) return 'checking';
  if (isOrderable(row)) return 'available';
  if (row.premium === true || row.reason === 'premium') return 'premium';
  switch (row.reason) {
    case 'invalid':
      return 'invalid';
    case 'stale':
      return 'stale';
    case 'errored':
      return 'error';
    case 'taken':
      return 'taken';
    default:
      // available but unpriced, or an unknown reason: cannot be ordered; say so plainly
      return row.available ? 'error' : 'taken';
  }
}

/** Whether a row must be asked again (not answered, failed, or Peeker's answer expired). */
const needsCheck = (row: AvailabilityRow | null): boolean =>
  row === null || row.reason === 'errored' || row.reason === 'stale';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Renders a name with break opportunities after dots and hyphens (text only, never HTML). */
function breakable(domain: string): unknown[] {
  return domain.split(/(?<=[.-])/).map((part, i) => (i === 0 ? part : html`<wbr>${part}`));
}

const isAbort = (error: unknown): boolean =>
  (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')) ||
  (error instanceof Error && error.name === 'AbortError');

/**
 * Suggests brand-related cold-email sending domains, checks them against Peeker in batches
 * as the customer types, and helps pick the cheapest valid set for a Google / Microsoft
 * requirement. Emits an order-ready payload without any secret.
 *
 * The class is not registered; import `@peeker/elements/define/peeker-domain-picker.js` or
 * call `customElements.define` with your own tag.
 *
 * @summary Pick the cheapest valid set of Peeker sending domains for a brand.
 *
 * @event change - The customer changed the selection (toggle, Fill cheapest, Clear, or a swap
 *   after the final re-check). Never fired for programmatic changes. Native `Event`, bubbles, composed.
 * @event peeker-order-ready - {@link PeekerOrderReadyEvent}: the customer confirmed a complete
 *   selection that was just re-checked. Cancelable: `preventDefault()` keeps editing.
 * @event peeker-error - {@link PeekerErrorEvent}: a check, the final re-check or the `order`
 *   property failed.
 *
 * @csspart base - The wrapper around everything.
 * @csspart input - The brand input and the paste box.
 * @csspart listbox - The list of names.
 * @csspart option - One name in the list.
 * @csspart status - The status (icon and text) of one name.
 * @csspart price - The prices of one name.
 * @csspart meter - A Google or Microsoft meter.
 * @csspart summary - The selection summary with totals and actions.
 * @csspart button - Every button.
 *
 * @cssproperty [--peeker-font-family=inherit] - Font family.
 * @cssproperty [--peeker-font-size=1rem] - Base font size.
 * @cssproperty [--peeker-text-color=#1f2328] - Text colour.
 * @cssproperty [--peeker-muted-color=#57606a] - Secondary text colour.
 * @cssproperty [--peeker-surface-color=#ffffff] - Background of inputs and the panel.
 * @cssproperty [--peeker-border-color=#8c959f] - Borders.
 * @cssproperty [--peeker-accent-color=#0b57d0] - Buttons, focus ring, selected rows.
 * @cssproperty [--peeker-accent-text-color=#ffffff] - Text on the accent colour.
 * @cssproperty [--peeker-selected-color=#e8f0fe] - Background of chosen rows.
 * @cssproperty [--peeker-success-color=#1a7f37] - Available icon, met meters.
 * @cssproperty [--peeker-danger-color=#b3261e] - Taken, invalid and error icons; error notices.
 * @cssproperty [--peeker-warning-color=#8a4b00] - Premium, stale, Google-only flags; warnings.
 * @cssproperty [--peeker-radius=6px] - Corner radius.
 * @cssproperty [--peeker-space=0.75rem] - Space between sections.
 * @cssproperty [--peeker-row-gap=0.25rem] - Space between rows.
 * @cssproperty [--peeker-focus-ring=2px solid var(--peeker-accent-color)] - Focus outline.
 * @cssproperty [--peeker-listbox-max-height=28rem] - Height before the list scrolls.
 *
 * @cssstate pending - Names are being checked (or re-checked before confirming).
 * @cssstate complete - The selection meets both counts exactly.
 * @cssstate empty - No names in the list.
 * @cssstate infeasible - The requirement cannot be met with the names found so far.
 */
export class PeekerDomainPicker extends LitElement {
  static override styles = [hostStyles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Takes part in `<form>`s through ElementInternals. */
  static formAssociated = true;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** The brand to suggest names for (`acme`, `acme rockets`, or `acme.com`). */
  @property() brand = '';

  /** How many Google-capable domains the order needs. Ignored when `bundle` is set. */
  @property({ type: Number, attribute: 'required-google' }) requiredGoogle = 0;

  /** How many Microsoft-capable domains the order needs. Ignored when `bundle` is set. */
  @property({ type: Number, attribute: 'required-microsoft' }) requiredMicrosoft = 0;

  /** A Peeker bundle; its `required_domains` wins over `required-google` / `required-microsoft`. */
  @property({ attribute: false }) bundle: Pick<Bundle, 'required_domains'> | null = null;

  /** TLDs to try, in preference order: `tlds="com org net"` (spaces or commas). */
  @property({ converter: tldListConverter }) tlds: readonly string[] = DEFAULT_TLDS;

  /** Cost horizon in years: the solver minimises first year + (years − 1) × renewal. */
  @property({ type: Number }) years = 1;

  /** URL of the partner's availability handler (same shape as Peeker's `POST /domains/availability`). */
  @property() endpoint = '';

  /**
   * A transport to use instead of `endpoint`: `(domains, { signal }) => Promise<rows>`, at most
   * 50 names per call. Useful for tests, a custom client, or an authenticated fetch.
   */
  @property({ attribute: false }) checkAvailability: AvailabilityTransport | null = null;

  /** Non-secret order fields (`user`, `bundle_id`, `forwarding_url`, `personas`) for the `peeker-order-ready` payload. */
  @property({ attribute: false }) order: OrderFields | null = null;

  /** Partial override of the English UI text. */
  @property({ attribute: false }) messages: Partial<PeekerMessages> | null = null;

  /** Locale for prices and ages (BCP 47). Empty: the nearest `lang` attribute, then the browser's. */
  @property() locale = '';

  /** Form field name: the form gets one entry per chosen domain under this name. */
  @property() name = '';

  /** With `required`, the form is invalid (`valueMissing`) until both counts are met exactly. */
  @property({ type: Boolean }) required = false;

  /** Disables every control. Reflected, so page CSS can select `[disabled]`. */
  @property({ type: Boolean, reflect: true, useDefault: true }) disabled = false;

  /** Do not suggest hyphenated names. */
  @property({ type: Boolean, attribute: 'no-hyphens' }) noHyphens = false;

  /**
   * Most chosen names per naming-pattern family for "Fill cheapest". Unset: a third of the
   * order, rounded up. 0: no cap. Relaxed (and said so) when the cap makes the order impossible.
   */
  @property({ type: Number, attribute: 'max-per-pattern' }) maxPerPattern: number | null = null;

  /** Milliseconds of typing quiet before names are checked. */
  @property({ type: Number }) debounce = 300;

  @state() private debouncedBrand = '';
  @state() private chosen: ReadonlySet<string> = new Set();
  @state() private activeDomain: string | null = null;
  @state() private progress: { done: number; total: number } | null = null;
  @state() private phase: Phase = 'editing';
  @state() private review: Review | null = null;
  @state() private fillNotice: Notice | null = null;
  @state() private flowNotice: Notice | null = null;
  @state() private brandProblem: string | null = null;
  @state() private pasteInvalid: string[] = [];
  @state() private announcement = '';
  @state() private formDisabled = false;
  @state() private now = Date.now();

  readonly #internals: ElementInternals;
  readonly #entries = new Map<string, Entry>();
  /** Names the customer picked by hand: pinned when filling. */
  readonly #manual = new Set<string>();
  /** Names the customer removed by hand: excluded when filling. */
  readonly #rejected = new Set<string>();
  readonly #debouncer = new Debouncer();
  #typing = false;
  #nextId = 0;
  #checker: AvailabilityChecker | null = null;
  #checkerSource: unknown = null;
  #confirmRun: Promise<void> | null = null;
  #confirmAbort: AbortController | null = null;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #staleTimer: ReturnType<typeof setTimeout> | undefined;
  #staleRetries = 0;
  #formatters = new Map<string, Intl.NumberFormat>();
  #scrollActive = false;
  #lastOutcome: CheckOutcome | null = null;

  /** Checks the generated ideas for the (debounced) brand; a new brand aborts the old run. */
  #ideasTask = new Task(this, {
    args: () =>
      [
        this.debouncedBrand,
        this.tlds,
        this.#required.google,
        this.#required.microsoft,
        this.noHyphens,
        this.checkAvailability ?? this.endpoint,
      ] as const,
    task: ([brand, tlds, google, microsoft, noHyphens], { signal }) =>
      this.#checkIdeas(brand, tlds, { google, microsoft }, noHyphens, signal),
    onComplete: (outcome) => {
      this.#lastOutcome = outcome;
      this.#announce();
      this.#scheduleStaleRetry();
    },
    onError: (error) => {
      if (!isAbort(error)) this.#emitError(error);
    },
  });

  /** Checks names the customer brought (pasted, restored, set through `value`) and retries. */
  #listTask = new Task(this, {
    autoRun: false,
    args: () => [] as const,
    task: (_args, { signal }) => this.#checkList(signal),
    onComplete: () => {
      this.#announce();
      this.#scheduleStaleRetry();
    },
    onError: (error) => {
      if (!isAbort(error)) this.#emitError(error);
    },
  });

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  // ---------------------------------------------------------------- public API

  /** The chosen domains, sorted. Setting it replaces the selection (no `change` event). */
  get value(): string[] {
    return [...this.chosen].sort(byName);
  }
  set value(names: readonly string[]) {
    const list: string[] = [];
    for (const name of Array.isArray(names) ? names : []) {
      try {
        const domain = normalizeHostname(String(name));
        if (!list.includes(domain)) list.push(domain);
      } catch {
        // not a name: ignored, like a browser ignores an impossible value
      }
    }
    this.#manual.clear();
    for (const domain of list) {
      this.#manual.add(domain);
      this.#ensureEntry(domain, 'kept');
    }
    this.#setChosen(list, false);
    if (list.some((d) => this.#entries.get(d)?.row === null)) void this.#listTask.run();
  }

  /** The `<form>` this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  /** Constraint validation state (`valueMissing` while `required` and incomplete). */
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  /** The message shown when the element is invalid. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  /**
   * @returns whether the element is valid; fires `invalid` when it is not
   */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  /**
   * @returns whether the element is valid; shows the browser's message when it is not
   */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /**
   * Resolves when nothing is waiting: typing debounce, idea checks, list checks, the final
   * re-check, and the resulting render. For tests, the harness and demos.
   */
  get checksComplete(): Promise<void> {
    return this.#settle();
  }

  /**
   * Completes the selection with the cheapest valid set (what the "Fill cheapest" button
   * does), keeping the customer's own picks. Fires no `change` event.
   * @returns whether a valid selection was found
   */
  fillCheapest(): boolean {
    return this.#fill(false);
  }

  // ---------------------------------------------------------------- form callbacks

  /** @internal */
  formResetCallback(): void {
    this.#manual.clear();
    this.#rejected.clear();
    this.#setChosen([], false);
  }

  /** @internal */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      const names: unknown = JSON.parse(state);
      if (Array.isArray(names)) this.value = names.filter((n): n is string => typeof n === 'string');
    } catch {
      // not our state
    }
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ---------------------------------------------------------------- lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ticker = setInterval(() => {
      this.now = Date.now();
    }, AGE_TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
    this.#confirmAbort?.abort();
    clearTimeout(this.#staleTimer);
    this.#staleTimer = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('brand') && !this.#typing) {
      this.#debouncer.cancel();
      this.debouncedBrand = this.brand.trim();
    }
    this.#typing = false;
    if (changed.has('checkAvailability') || changed.has('endpoint')) {
      this.#checker = null;
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (
      changed.has('chosen') ||
      changed.has('name') ||
      changed.has('required') ||
      changed.has('requiredGoogle') ||
      changed.has('requiredMicrosoft') ||
      changed.has('bundle') ||
      changed.has('messages')
    ) {
      this.#syncForm();
    }
    this.#syncStates();
    if (this.#scrollActive) {
      this.#scrollActive = false;
      const active = this.#activeEntry;
      if (active) this.renderRoot.querySelector(`#${active.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---------------------------------------------------------------- derived values

  get #required(): { google: number; microsoft: number } {
    const fromBundle = this.bundle?.required_domains;
    if (fromBundle) return { google: toCount(fromBundle.google), microsoft: toCount(fromBundle.microsoft) };
    return { google: toCount(this.requiredGoogle), microsoft: toCount(this.requiredMicrosoft) };
  }

  get #years(): number {
    const years = toCount(this.years, 1);
    return years >= 1 ? years : 1;
  }

  get #isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  get #messages(): PeekerMessages {
    return resolveMessages(this.messages);
  }

  get #locale(): string | undefined {
    if (this.locale) return this.locale;
    const owner = this.closest('[lang]');
    const lang = owner?.getAttribute('lang');
    return lang ? lang : undefined;
  }

  get #activeEntry(): Entry | undefined {
    return this.activeDomain === null ? undefined : this.#entries.get(this.activeDomain);
  }

  #chosenRows(): { domain: string; row: AvailabilityRow | null }[] {
    return [...this.chosen].map((domain) => ({ domain, row: this.#entries.get(domain)?.row ?? null }));
  }

  #orderableRows(): AvailabilityRow[] {
    const rows: AvailabilityRow[] = [];
    for (const entry of this.#entries.values()) if (entry.row && isOrderable(entry.row)) rows.push(entry.row);
    return rows;
  }

  #slots(): SlotAssignment {
    return assignSlots(this.#chosenRows(), this.#required, isOrderable);
  }

  /** Whether the selection meets both counts exactly with orderable names. */
  #isComplete(slots = this.#slots()): boolean {
    const { google, microsoft } = this.#required;
    return (
      google + microsoft > 0 &&
      slots.google.length === google &&
      slots.microsoft.length === microsoft &&
      slots.extra.length === 0 &&
      slots.unusable.length === 0
    );
  }

  // ---------------------------------------------------------------- checks

  #getChecker(): AvailabilityChecker | null {
    const source = this.checkAvailability ?? (this.endpoint || null);
    if (source === null) return null;
    if (this.#checker === null || this.#checkerSource !== source) {
      const transport =
        typeof source === 'function' ? source : createFetchTransport({ endpoint: source });
      this.#checker = createAvailabilityChecker({ transport });
      this.#checkerSource = source;
    }
    return this.#checker;
  }

  #ensureEntry(domain: string, source: Entry['source'], key = '', pattern: string | null = null): Entry {
    let entry = this.#entries.get(domain);
    if (!entry) {
      entry = { domain, source, key, pattern, row: null, id: `o${this.#nextId++}` };
      this.#entries.set(domain, entry);
    } else if (source === 'idea' && entry.source === 'idea') {
      entry.key = key;
      entry.pattern = pattern;
    } else if (source === 'idea' && entry.pattern === null) {
      entry.pattern = pattern;
    }
    return entry;
  }

  #mergeRows(rows: readonly AvailabilityRow[]): void {
    for (const row of rows) {
      const entry = this.#entries.get(row.domain);
      if (entry) entry.row = row.checked_at === undefined ? { ...row, checked_at: Date.now() } : row;
    }
    this.requestUpdate();
  }

  /** Drops ideas of another brand/TLD list, keeping chosen names (they become `kept`). */
  #pruneIdeas(key: string): void {
    let changed = false;
    for (const [domain, entry] of this.#entries) {
      if (entry.source !== 'idea' || entry.key === key) continue;
      if (this.chosen.has(domain)) entry.source = 'kept';
      else {
        this.#entries.delete(domain);
        changed = true;
      }
    }
    if (changed) {
      if (this.activeDomain !== null && !this.#entries.has(this.activeDomain)) this.activeDomain = null;
      this.requestUpdate();
    }
  }

  async #checkIdeas(
    brand: string,
    tlds: readonly string[],
    required: { google: number; microsoft: number },
    noHyphens: boolean,
    signal: AbortSignal,
  ): Promise<CheckOutcome | typeof initialState> {
    const hyphens = !noHyphens;
    const key = JSON.stringify([brand, tlds, hyphens]);
    this.#pruneIdeas(key);
    this.brandProblem = null;
    this.fillNotice = null;
    if (brand === '') {
      this.progress = null;
      return initialState;
    }
    const checker = this.#getChecker();
    if (checker === null) return initialState;
    const total = required.google + required.microsoft;
    let limit = Math.min(MAX_IDEAS, Math.max(MIN_IDEAS, 3 * total));
    let asked = 0;
    let answered = 0;
    for (;;) {
      let candidates: readonly { domain: string; pattern: string }[];
      try {
        candidates = generateCandidates({ brand, tlds, limit, hyphens });
      } catch (error) {
        if (!PeekerError.is(error) && !(error instanceof TypeError)) throw error;
        this.brandProblem = error.message;
        this.progress = null;
        return initialState;
      }
      const exhausted = candidates.length < limit || limit >= MAX_IDEAS;
      const names: string[] = [];
      for (const candidate of candidates) {
        const entry = this.#ensureEntry(candidate.domain, 'idea', key, candidate.pattern);
        if (needsCheck(entry.row)) {
          entry.row = null;
          names.push(candidate.domain);
        }
      }
      this.requestUpdate();
      let failed = 0;
      if (names.length > 0) {
        asked += names.length;
        this.progress = { done: answered, total: asked };
        const rows = await checker.check(names, {
          signal,
          onBatchError: (error) => this.#emitError(error),
          onProgress: (p: CheckProgress) => {
            this.#mergeRows(p.rows);
            this.progress = { done: answered + p.done, total: asked };
          },
        });
        this.#mergeRows(rows);
        answered = asked;
        this.progress = { done: answered, total: asked };
        failed = rows.filter((row) => row.reason === 'errored').length;
      }
      if (total === 0) return { feasible: true, exhausted, failed, message: null };
      const solved = this.#solveOrNull({ rows: this.#orderableRows(), pinned: [], excluded: [...this.#rejected] });
      const feasible = solved?.status === 'optimal';
      if (feasible || exhausted || failed > 0 || solved === null) {
        return { feasible, exhausted, failed, message: solved?.status === 'infeasible' ? solved.message : null };
      }
      // Grow by 3× the shortfall, but at least by half, so a long search takes few rounds.
      const shortfall = solved.status === 'infeasible' ? solved.shortfall.total : 1;
      limit = Math.min(MAX_IDEAS, limit + Math.max(3 * shortfall, Math.ceil(limit / 2), 24));
    }
  }

  async #checkList(signal: AbortSignal): Promise<number> {
    const names: string[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.source !== 'idea' && needsCheck(entry.row)) {
        entry.row = null;
        names.push(entry.domain);
      }
    }
    if (names.length === 0) return 0;
    const checker = this.#getChecker();
    if (checker === null) return 0;
    this.requestUpdate();
    const rows = await checker.check(names, {
      signal,
      onBatchError: (error) => this.#emitError(error),
      onProgress: (p) => this.#mergeRows(p.rows),
    });
    this.#mergeRows(rows);
    return rows.filter((row) => row.reason === 'errored').length;
  }

  /** Asks again for `stale` rows a little later (a few times), as Peeker advises. */
  #scheduleStaleRetry(): void {
    if (this.#staleTimer !== undefined || !this.isConnected) return;
    const stale = [...this.#entries.values()].some((entry) => entry.row?.reason === 'stale');
    if (!stale) {
      this.#staleRetries = 0;
      return;
    }
    if (this.#staleRetries >= STALE_RETRIES) return;
    this.#staleRetries += 1;
    this.#staleTimer = setTimeout(() => {
      this.#staleTimer = undefined;
      for (const entry of this.#entries.values()) if (entry.row?.reason === 'stale') entry.row = null;
      void this.#ideasTask.run();
      void this.#listTask.run();
    }, STALE_RETRY_MS);
  }

  /** Retries failed and stale names, keeping every answer already received. */
  #retry(): void {
    this.#staleRetries = 0;
    this.flowNotice = null;
    for (const entry of this.#entries.values()) {
      if (entry.row?.reason === 'errored' || entry.row?.reason === 'stale') entry.row = null;
    }
    this.requestUpdate();
    void this.#ideasTask.run();
    void this.#listTask.run();
  }

  async #settle(): Promise<void> {
    for (let round = 0; round < 1000; round += 1) {
      await this.#debouncer.idle();
      await this.updateComplete;
      const waits: Promise<unknown>[] = [];
      for (const task of [this.#ideasTask, this.#listTask]) {
        if (task.status === TaskStatus.PENDING) waits.push(task.taskComplete.catch(() => undefined));
      }
      if (this.#confirmRun) waits.push(this.#confirmRun);
      if (waits.length === 0 && !this.#debouncer.pending && !this.isUpdatePending) return;
      await Promise.all(waits);
    }
  }

  // ---------------------------------------------------------------- solving

  #groupOf = (row: AvailabilityRow): string => this.#entries.get(row.domain)?.pattern ?? `own:${row.domain}`;

  /** solveSelection with the element's requirement and horizon; PeekerErrors become null plus a notice. */
  #solveOrNull(problem: {
    rows: readonly AvailabilityRow[];
    pinned: readonly string[];
    excluded: readonly string[];
    cap?: number;
  }): SelectionResult | null {
    try {
      return solveSelection({
        rows: problem.rows,
        required: this.#required,
        pinned: problem.pinned,
        excluded: problem.excluded,
        years: this.#years,
        ...(problem.cap !== undefined && problem.cap > 0
          ? { groupOf: this.#groupOf, maxPerGroup: problem.cap }
          : {}),
      });
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      this.fillNotice = { kind: 'error', text: error.message };
      this.#emitError(error);
      return null;
    }
  }

  /** Solves with the diversity cap, relaxing it when it makes the order impossible. */
  #solveDiverse(pinned: readonly string[], excluded: readonly string[]): { result: SelectionResult | null; relaxed: boolean } {
    const { google, microsoft } = this.#required;
    const cap = this.maxPerPattern === null || this.maxPerPattern === undefined
      ? Math.ceil((google + microsoft) / 3)
      : toCount(this.maxPerPattern);
    const rows = this.#orderableRows();
    if (cap > 0) {
      const capped = this.#solveOrNull({ rows, pinned, excluded, cap });
      if (capped === null || capped.status === 'optimal') return { result: capped, relaxed: false };
    }
    const free = this.#solveOrNull({ rows, pinned, excluded });
    return { result: free, relaxed: cap > 0 && free?.status === 'optimal' };
  }

  #fill(user: boolean): boolean {
    const { google, microsoft } = this.#required;
    if (google + microsoft === 0 || this.#isDisabled || this.phase === 'rechecking') return false;
    const pins = [...this.#manual].filter((d) => {
      const row = this.#entries.get(d)?.row;
      return row !== null && row !== undefined && isOrderable(row);
    });
    const { result, relaxed } = this.#solveDiverse(pins, [...this.#rejected]);
    if (result === null) return false;
    if (result.status === 'infeasible') {
      this.fillNotice = { kind: 'infeasible', text: result.message };
      return false;
    }
    this.fillNotice = relaxed ? { kind: 'warning', text: this.#messages.diversityRelaxed } : null;
    this.#setChosen(result.domains, user);
    return true;
  }

  // ---------------------------------------------------------------- selection

  #setChosen(next: Iterable<string>, user: boolean): void {
    const set = new Set(next);
    const same = set.size === this.chosen.size && [...set].every((d) => this.chosen.has(d));
    if (this.phase !== 'rechecking') {
      this.phase = 'editing';
      this.review = null;
      if (!same) this.flowNotice = null;
    }
    if (same) return;
    this.chosen = set;
    this.#syncForm();
    this.#announce();
    if (user) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #toggle(domain: string): void {
    if (this.#isDisabled || this.phase === 'rechecking') return;
    const entry = this.#entries.get(domain);
    if (!entry) return;
    const next = new Set(this.chosen);
    if (next.has(domain)) {
      next.delete(domain);
      this.#manual.delete(domain);
      this.#rejected.add(domain);
    } else {
      if (entry.row === null || !isOrderable(entry.row)) return;
      next.add(domain);
      this.#manual.add(domain);
      this.#rejected.delete(domain);
    }
    this.#setChosen(next, true);
  }

  /** Starts over: no picks, no exclusions. */
  #clear(): void {
    this.#rejected.clear();
    this.#manual.clear();
    this.fillNotice = null;
    this.#setChosen([], true);
  }

  // ---------------------------------------------------------------- confirm

  #confirm(): void {
    if (this.#confirmRun || this.#isDisabled || !this.#isComplete()) return;
    this.#confirmRun = this.#recheckAndConfirm().finally(() => {
      this.#confirmRun = null;
    });
  }

  async #recheckAndConfirm(): Promise<void> {
    const checker = this.#getChecker();
    if (checker === null) return;
    const before = new Map(this.#chosenRows().map(({ domain, row }) => [domain, row]));
    const names = [...before.keys()];
    this.phase = 'rechecking';
    this.flowNotice = null;
    const controller = new AbortController();
    this.#confirmAbort = controller;
    let fresh: AvailabilityRow[];
    let batchError: unknown = null;
    try {
      fresh = await checker.check(names, {
        signal: controller.signal,
        fresh: true,
        onBatchError: (error) => {
          batchError = error;
        },
      });
    } catch (error) {
      this.phase = 'editing';
      if (!isAbort(error)) {
        this.flowNotice = { kind: 'error', text: this.#messages.checkFailed(String((error as Error)?.message ?? error)), retry: false };
        this.#emitError(error);
      }
      return;
    } finally {
      this.#confirmAbort = null;
    }
    this.#mergeRows(fresh);
    const errored = fresh.filter((row) => row.reason === 'errored');
    if (errored.length > 0) {
      this.phase = 'editing';
      this.flowNotice = { kind: 'error', text: this.#messages.checkFailed(errored[0]?.message ?? ''), retry: false };
      this.#emitError(batchError ?? new PeekerError('check_failed', errored[0]?.message ?? 'Re-check failed', { retryable: true }));
      return;
    }
    const lost = fresh.filter((row) => !isOrderable(row));
    const prices = fresh.flatMap((after) => {
      const prior = before.get(after.domain);
      return prior && isOrderable(after) &&
        (prior.price_cents !== after.price_cents || prior.renewal_price_cents !== after.renewal_price_cents)
        ? [{ domain: after.domain, before: prior, after }]
        : [];
    });
    if (lost.length === 0 && prices.length === 0) {
      await this.#finish();
      return;
    }
    const review: Review = { swaps: [], prices, message: null };
    if (lost.length > 0) {
      const lostNames = new Set(lost.map((row) => row.domain));
      for (const domain of lostNames) {
        this.#manual.delete(domain);
        this.#rejected.add(domain);
      }
      const kept = names.filter((d) => !lostNames.has(d));
      const { result } = this.#solveDiverse(kept, [...this.#rejected]);
      let next = kept;
      if (result?.status === 'optimal') {
        next = result.domains;
        const added = result.domains.filter((d) => !before.has(d)).sort(byName);
        [...lostNames].sort(byName).forEach((removed, i) => {
          review.swaps.push({ removed, status: statusOf(this.#entries.get(removed)?.row ?? null), added: added[i] ?? null });
        });
      } else {
        review.message = result?.status === 'infeasible' ? result.message : null;
        for (const removed of [...lostNames].sort(byName)) {
          review.swaps.push({ removed, status: statusOf(this.#entries.get(removed)?.row ?? null), added: null });
        }
        void this.#ideasTask.run();
      }
      this.#setChosen(next, true);
      this.phase = 'review';
      this.review = review;
    } else {
      this.phase = 'review';
      this.review = review;
    }
  }

  async #finish(): Promise<void> {
    const rows = this.#chosenRows().flatMap(({ row }) => (row ? [row] : []));
    const domains = rows.map((row) => row.domain).sort(byName);
    const solved = this.#solveOrNull({ rows, pinned: domains, excluded: [] });
    if (solved === null || solved.status !== 'optimal') {
      this.phase = 'editing';
      if (solved?.status === 'infeasible') this.flowNotice = { kind: 'infeasible', text: solved.message };
      return;
    }
    let order: OrderReadyDetail['order'] = null;
    if (this.order) {
      try {
        order = buildOrderDraft(this.order, solved.domains);
      } catch (error) {
        this.phase = 'editing';
        this.flowNotice = { kind: 'error', text: (error as Error).message };
        this.#emitError(error);
        return;
      }
    }
    const detail: OrderReadyDetail = {
      domains: [...solved.domains],
      google: [...solved.google],
      microsoft: [...solved.microsoft],
      cost: { ...solved.cost },
      order,
    };
    this.phase = 'confirmed';
    this.review = null;
    await this.updateComplete;
    const accepted = this.dispatchEvent(new PeekerOrderReadyEvent(detail));
    if (!accepted) this.phase = 'editing';
    else this.flowNotice = { kind: 'success', text: this.#messages.confirmed };
  }

  // ---------------------------------------------------------------- form, states, events

  #syncForm(): void {
    const formData = new FormData();
    const names = this.value;
    if (this.name) for (const domain of names) formData.append(this.name, domain);
    this.#internals.setFormValue(this.name ? formData : null, JSON.stringify(names));
    const anchor = this.renderRoot?.querySelector<HTMLElement>('#brand') ?? undefined;
    if (this.required && !this.#isComplete()) {
      this.#internals.setValidity({ valueMissing: true }, this.#messages.valueMissing, anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  #syncStates(): void {
    const states = this.#internals.states;
    if (!states) return;
    const set = (name: string, on: boolean): void => {
      try {
        if (on) states.add(name);
        else states.delete(name);
      } catch {
        // very old engines want `--name`; states are progressive enhancement
      }
    };
    const pending =
      this.#ideasTask.status === TaskStatus.PENDING ||
      this.#listTask.status === TaskStatus.PENDING ||
      this.phase === 'rechecking' ||
      this.#debouncer.pending;
    set('pending', pending);
    set('complete', this.#isComplete());
    set('empty', this.#entries.size === 0);
    set('infeasible', this.#infeasibleText() !== null);
  }

  #emitError(error: unknown): void {
    const err = error instanceof Error ? error : new Error(String(error));
    this.dispatchEvent(new PeekerErrorEvent({ error: err }));
  }

  #announce(): void {
    let available = 0;
    let checked = 0;
    for (const entry of this.#entries.values()) {
      if (entry.row === null) continue;
      checked += 1;
      if (isOrderable(entry.row)) available += 1;
    }
    const slots = this.#slots();
    const req = this.#required;
    this.announcement = this.#messages.announceCounts({
      available,
      checked,
      google: slots.google.length,
      googleNeed: req.google,
      microsoft: slots.microsoft.length,
      microsoftNeed: req.microsoft,
    });
  }

  /** Why the requirement cannot be met right now, or null. */
  #infeasibleText(): string | null {
    if (this.fillNotice?.kind === 'infeasible') return this.fillNotice.text;
    const outcome = this.#ideasTask.status === TaskStatus.COMPLETE ? this.#lastOutcome : null;
    if (outcome && !outcome.feasible && outcome.failed === 0 && outcome.message !== null) {
      return outcome.exhausted ? `${outcome.message} ${this.#messages.ideasExhausted}` : outcome.message;
    }
    return null;
  }

  // ---------------------------------------------------------------- formatting

  #money(cents: number | undefined, currency: string | undefined): string {
    if (cents === undefined) return '';
    if (!currency) return centsToDecimal(cents);
    const code = currency.toUpperCase();
    const locale = this.#locale;
    const key = `${locale ?? ''}|${code}`;
    let format = this.#formatters.get(key);
    if (!format) {
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
      } catch {
        return `${centsToDecimal(cents)} ${code}`;
      }
      this.#formatters.set(key, format);
    }
    return format.format(cents / 100);
  }

  #age(checkedAt: number | undefined): string {
    if (checkedAt === undefined) return '';
    const seconds = Math.max(0, Math.round((this.now - checkedAt) / 1000));
    let format: Intl.RelativeTimeFormat;
    try {
      format = new Intl.RelativeTimeFormat(this.#locale, { numeric: 'auto' });
    } catch {
      format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    }
    const text =
      seconds < 60
        ? format.format(seconds < 30 ? 0 : -seconds, 'second')
        : seconds < 3600
          ? format.format(-Math.floor(seconds / 60), 'minute')
          : format.format(-Math.floor(seconds / 3600), 'hour');
    return this.#messages.checkedAgo(text);
  }

  #statusText(status: RowStatus, row: AvailabilityRow | null): string {
    const m = this.#messages;
    switch (status) {
      case 'checking':
        return m.statusChecking;
      case 'available':
        return m.statusAvailable;
      case 'taken':
        return m.statusTaken;
      case 'premium':
        return m.statusPremium;
      case 'invalid':
        return m.statusInvalid(row?.message);
      case 'stale':
        return m.statusStale;
      default:
        return m.statusError;
    }
  }

  #totals(): { firstYear: number; renewal: number; currency: string | undefined } {
    let firstYear = 0;
    let renewal = 0;
    let currency: string | undefined;
    for (const { row } of this.#chosenRows()) {
      if (!row || !isOrderable(row)) continue;
      firstYear += row.price_cents ?? 0;
      renewal += row.renewal_price_cents ?? 0;
      currency ??= row.currency;
    }
    return { firstYear, renewal, currency };
  }

  // ---------------------------------------------------------------- exports

  #selectionCsv(): string {
    const slots = this.#slots();
    const provider = new Map<string, string>();
    for (const d of slots.google) provider.set(d, 'google');
    for (const d of slots.microsoft) provider.set(d, 'microsoft');
    const lines = this.value.map((domain) => {
      const row = this.#entries.get(domain)?.row ?? null;
      return [
        domain,
        provider.get(domain) ?? '',
        (row?.usable_for ?? []).join(' '),
        centsToDecimal(row?.price_cents),
        centsToDecimal(row?.renewal_price_cents),
        row?.currency?.toUpperCase(),
        row?.checked_at === undefined ? '' : new Date(row.checked_at).toISOString(),
      ];
    });
    return toCsv([
      ['domain', 'provider', 'usable_for', 'first_year_price', 'renewal_price', 'currency', 'checked_at'],
      ...lines,
    ]);
  }

  #resultsCsv(): string {
    const lines = [...this.#entries.values()].map(({ domain, row, pattern }) => [
      domain,
      statusOf(row),
      row?.reason,
      (row?.usable_for ?? []).join(' '),
      centsToDecimal(row?.price_cents),
      centsToDecimal(row?.renewal_price_cents),
      row?.currency?.toUpperCase(),
      pattern,
      row?.checked_at === undefined ? '' : new Date(row.checked_at).toISOString(),
    ]);
    return toCsv([
      ['domain', 'status', 'reason', 'usable_for', 'first_year_price', 'renewal_price', 'currency', 'pattern', 'checked_at'],
      ...lines,
    ]);
  }

  #orderJson(): string {
    const slots = this.#slots();
    const totals = this.#totals();
    let order: unknown = null;
    if (this.order) {
      try {
        order = buildOrderDraft(this.order, this.value);
      } catch {
        order = null;
      }
    }
    return `${JSON.stringify(
      {
        domains: this.value,
        google: slots.google,
        microsoft: slots.microsoft,
        cost: {
          first_year_cents: totals.firstYear,
          renewal_cents: totals.renewal,
          currency: totals.currency?.toLowerCase() ?? null,
        },
        order,
      },
      null,
      2,
    )}\n`;
  }

  #download(filename: string, type: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  // ---------------------------------------------------------------- event handlers

  #onInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.#typing = true;
    this.brand = value;
    this.#debouncer.schedule(() => {
      this.debouncedBrand = this.brand.trim();
    }, toCount(this.debounce, 300));
  };

  #onInputKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' && this.#entries.size > 0) {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    }
  };

  #onListFocus = (): void => {
    if (this.activeDomain === null || !this.#entries.has(this.activeDomain)) {
      const first = [...this.#entries.keys()].find((d) => this.chosen.has(d)) ?? this.#entries.keys().next().value;
      this.activeDomain = first ?? null;
      this.#scrollActive = true;
    }
  };

  #onListKeydown = (event: KeyboardEvent): void => {
    const domains = [...this.#entries.keys()];
    if (domains.length === 0) return;
    let index = this.activeDomain === null ? -1 : domains.indexOf(this.activeDomain);
    switch (event.key) {
      case 'ArrowDown':
        index = Math.min(domains.length - 1, index + 1);
        break;
      case 'ArrowUp':
        index = Math.max(0, index - 1);
        break;
      case 'Home':
        index = 0;
        break;
      case 'End':
        index = domains.length - 1;
        break;
      case ' ':
      case 'Enter':
        event.preventDefault();
        if (this.activeDomain !== null) this.#toggle(this.activeDomain);
        return;
      case 'Escape':
        event.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('#brand')?.focus();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.activeDomain = domains[Math.max(0, index)] ?? null;
    this.#scrollActive = true;
  };

  #onListClick = (event: MouseEvent): void => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const domain = option?.dataset.domain;
    if (!domain) return;
    this.activeDomain = domain;
    this.#toggle(domain);
  };

  #onPaste = (): void => {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#paste');
    if (!textarea || this.#isDisabled) return;
    const { domains, invalid } = parseDomainList(textarea.value);
    this.pasteInvalid = invalid.map((entry) => entry.input);
    for (const domain of domains) this.#ensureEntry(domain, 'list');
    this.requestUpdate();
    if (domains.length > 0) {
      textarea.value = '';
      void this.#listTask.run();
    }
  };

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const m = this.#messages;
    const disabled = this.#isDisabled;
    const req = this.#required;
    const total = req.google + req.microsoft;
    const slots = this.#slots();
    const microsoftOpen = slots.microsoft.length < req.microsoft;
    const entries = [...this.#entries.values()];
    const active = this.#activeEntry;
    const busy =
      this.#ideasTask.status === TaskStatus.PENDING || this.#listTask.status === TaskStatus.PENDING;
    const locale = this.#locale;

    return html`
      <div part="base" class="base">
        <div class="field">
          <label for="brand">${m.brandLabel}</label>
          <input
            id="brand"
            part="input"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-controls="results"
            aria-describedby="brand-hint"
            placeholder=${m.brandPlaceholder}
            .value=${this.brand}
            ?disabled=${disabled}
            @input=${this.#onInput}
            @keydown=${this.#onInputKeydown}
          />
          <p id="brand-hint" class="hint">${m.brandHint}</p>
        </div>

        ${total > 0 ? this.#renderMeters(slots, req) : nothing}
        ${this.#renderProgress(busy)} ${this.#renderNotices()}

        <p id="results-label" class="list-label" ?hidden=${entries.length === 0}>${m.resultsLabel}</p>
        <p id="results-help" class="hint" ?hidden=${entries.length === 0}>${m.resultsHelp}</p>
        <div
          id="results"
          part="listbox"
          class="listbox"
          role="listbox"
          aria-multiselectable="true"
          aria-labelledby="results-label"
          aria-describedby="results-help"
          aria-busy=${busy ? 'true' : 'false'}
          aria-disabled=${disabled ? 'true' : 'false'}
          aria-activedescendant=${active ? active.id : nothing}
          tabindex=${disabled ? '-1' : '0'}
          ?hidden=${entries.length === 0}
          @keydown=${this.#onListKeydown}
          @focus=${this.#onListFocus}
          @click=${this.#onListClick}
        >
          ${entries.map((entry) => {
            const selected = this.chosen.has(entry.domain);
            const isActive = entry === active;
            const manual = this.#manual.has(entry.domain);
            return guard([entry.row, selected, isActive, manual, microsoftOpen, this.now, this.messages, locale], () =>
              this.#renderOption(entry, isActive, microsoftOpen),
            );
          })}
        </div>
        <p class="muted empty" ?hidden=${entries.length > 0}>${m.emptyResults}</p>

        ${this.#renderPaste(disabled)} ${this.#renderSummary(slots, req, disabled)}

        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #renderOption(entry: Entry, active: boolean, microsoftOpen: boolean): TemplateResult {
    const m = this.#messages;
    const { row, domain } = entry;
    const status = statusOf(row);
    const selected = this.chosen.has(domain);
    const available = status === 'available';
    const usable = row?.usable_for ?? [];
    const google = usable.includes('google');
    const microsoft = usable.includes('microsoft');
    const flagged = available && google && !microsoft && microsoftOpen;
    return html`<div
      role="option"
      id=${entry.id}
      part="option"
      class="option"
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${available || selected ? 'false' : 'true'}
      data-domain=${domain}
      data-status=${status}
      ?data-active=${active}
      ?data-google-only=${flagged}
    >
      <span class="check" aria-hidden="true">${selected ? '☑' : '☐'}</span>
      <span class="name"
        >${breakable(domain)}${selected && this.#manual.has(domain)
          ? html`<span class="pick">(${m.pickedByHand})</span>`
          : nothing}</span
      >
      <span class="details">
        <span part="status" class="status" data-status=${status}
          ><span class="icon" aria-hidden="true">${ICONS[status]}</span> ${this.#statusText(status, row)}</span
        >
        ${available && row
          ? html`<span part="price" class="price"
                >${m.firstYearPrice(this.#money(row.price_cents, row.currency))} ·
                ${m.renewalPrice(this.#money(row.renewal_price_cents ?? row.price_cents, row.currency))}</span
              >
              <span class="caps">${m.usableFor(google, microsoft)}</span>`
          : nothing}
        ${flagged
          ? html`<span class="flag" data-flag="google-only"
              ><span aria-hidden="true">⚠</span> ${m.googleOnlyFlag}</span
            >`
          : nothing}
        ${row?.checked_at !== undefined ? html`<span class="age">${this.#age(row.checked_at)}</span>` : nothing}
      </span>
    </div>`;
  }

  #renderMeters(slots: SlotAssignment, req: { google: number; microsoft: number }): TemplateResult {
    const m = this.#messages;
    const meter = (provider: 'google' | 'microsoft', have: number, need: number, text: string) =>
      need > 0
        ? html`<div part="meter" class="meter" data-provider=${provider} ?data-met=${have >= need}>
            <span class="meter-text" id=${`meter-${provider}`}>${text}</span>
            <meter min="0" max=${need} .value=${Math.min(have, need)} aria-labelledby=${`meter-${provider}`}></meter>
          </div>`
        : nothing;
    return html`<div class="meters">
      ${meter('google', slots.google.length, req.google, m.googleMeter(slots.google.length, req.google))}
      ${meter('microsoft', slots.microsoft.length, req.microsoft, m.microsoftMeter(slots.microsoft.length, req.microsoft))}
    </div>`;
  }

  #renderProgress(busy: boolean): TemplateResult | typeof nothing {
    const progress = this.progress;
    if (!progress || (!busy && progress.done >= progress.total)) return nothing;
    const text = this.#messages.progress(progress.done, progress.total);
    return html`<div class="progress">
      <span id="progress-label">${text}</span>
      <progress max=${Math.max(1, progress.total)} .value=${progress.done} aria-labelledby="progress-label"></progress>
    </div>`;
  }

  #renderNotices(): TemplateResult {
    const m = this.#messages;
    const notices: Notice[] = [];
    if (this.debouncedBrand !== '' && this.checkAvailability === null && this.endpoint === '') {
      notices.push({ kind: 'error', text: m.noTransport });
    }
    if (this.brandProblem !== null) notices.push({ kind: 'warning', text: m.brandRejected(this.brandProblem) });
    if (this.#ideasTask.status === TaskStatus.ERROR && !isAbort(this.#ideasTask.error)) {
      const error = this.#ideasTask.error as Error | undefined;
      notices.push({ kind: 'error', text: m.checkFailed(String(error?.message ?? error)), retry: true });
    }
    let failed = 0;
    for (const entry of this.#entries.values()) if (entry.row?.reason === 'errored' || entry.row?.reason === 'stale') failed += 1;
    if (failed > 0) notices.push({ kind: 'error', text: m.failedCount(failed), retry: true });
    const infeasible = this.#infeasibleText();
    if (infeasible !== null) notices.push({ kind: 'infeasible', text: infeasible });
    if (this.fillNotice && this.fillNotice.kind !== 'infeasible') notices.push(this.fillNotice);
    if (this.flowNotice) notices.push(this.flowNotice);
    if (this.pasteInvalid.length > 0) notices.push({ kind: 'warning', text: m.pasteInvalid(this.pasteInvalid) });
    return html`<div class="notices">
      ${notices.map(
        (notice) => html`<p class="notice" data-kind=${notice.kind} role=${notice.kind === 'error' ? 'alert' : nothing}>
          ${notice.text}
          ${notice.retry
            ? html`<button part="button" type="button" data-action="retry" ?disabled=${this.#isDisabled} @click=${() => this.#retry()}>
                ${m.retry}
              </button>`
            : nothing}
        </p>`,
      )}
    </div>`;
  }

  #renderPaste(disabled: boolean): TemplateResult {
    const m = this.#messages;
    return html`<details class="paste">
      <summary>${m.pasteLabel}</summary>
      <div class="paste-body">
        <label for="paste">${m.pasteLabel}</label>
        <textarea id="paste" part="input" aria-describedby="paste-hint" ?disabled=${disabled}></textarea>
        <p id="paste-hint" class="hint">${m.pasteHint}</p>
        <div class="actions">
          <button part="button" type="button" data-action="check-list" ?disabled=${disabled} @click=${this.#onPaste}>
            ${m.checkList}
          </button>
        </div>
      </div>
    </details>`;
  }

  #renderSummary(slots: SlotAssignment, req: { google: number; microsoft: number }, disabled: boolean): TemplateResult {
    const m = this.#messages;
    const total = req.google + req.microsoft;
    const totals = this.#totals();
    const years = this.#years;
    const complete = this.#isComplete(slots);
    const chosenCount = this.chosen.size;
    const missingGoogle = Math.max(0, req.google - slots.google.length);
    const missingMicrosoft = Math.max(0, req.microsoft - slots.microsoft.length);
    const orderable = chosenCount - slots.unusable.length;
    const rechecking = this.phase === 'rechecking';
    const horizon = totals.firstYear + (years - 1) * totals.renewal;

    let status: string | null = null;
    if (total > 0 && !complete) {
      if (slots.unusable.length > 0) status = m.unusableChosen(slots.unusable);
      else if (orderable > total) status = m.tooMany(orderable - total, total);
      else if (missingGoogle + missingMicrosoft > 0) status = m.missing(missingGoogle, missingMicrosoft);
    }

    return html`<div part="summary" class="summary" role="group" aria-labelledby="summary-title" aria-busy=${rechecking ? 'true' : 'false'}>
      <p id="summary-title" class="summary-title">${m.summaryTitle}</p>
      <p class="count">${m.chosenCount(chosenCount, total)}</p>
      <dl class="totals">
        <div>
          <dt>${m.firstYearTotal}</dt>
          <dd data-total="first-year">${this.#money(totals.firstYear, totals.currency)}</dd>
        </div>
        <div>
          <dt>${m.renewalTotal}</dt>
          <dd data-total="renewal">${this.#money(totals.renewal, totals.currency)}</dd>
        </div>
        ${years > 1
          ? html`<div>
              <dt>${m.horizonTotal(years)}</dt>
              <dd data-total="horizon">${this.#money(horizon, totals.currency)}</dd>
            </div>`
          : nothing}
      </dl>
      ${status !== null ? html`<p class="missing" data-role="missing">${status}</p>` : nothing}
      ${rechecking ? html`<p class="muted">${m.rechecking}</p>` : nothing}
      ${this.phase === 'review' && this.review ? this.#renderReview(this.review, totals) : nothing}
      <div class="actions">
        <button part="button" type="button" data-action="fill" ?disabled=${disabled || total === 0 || rechecking} @click=${() => this.#fill(true)}>
          ${m.fillCheapest}
        </button>
        <button part="button" type="button" data-action="clear" ?disabled=${disabled || chosenCount === 0 || rechecking} @click=${() => this.#clear()}>
          ${m.clearSelection}
        </button>
        ${this.phase === 'review'
          ? nothing
          : html`<button
              part="button"
              class="primary"
              type="button"
              data-action="confirm"
              ?disabled=${disabled || !complete || rechecking}
              @click=${() => this.#confirm()}
            >
              ${m.confirm}
            </button>`}
      </div>
      <div class="actions">
        <button part="button" type="button" data-action="csv" ?disabled=${chosenCount === 0} @click=${() => this.#download('peeker-selection.csv', 'text/csv', this.#selectionCsv())}>
          ${m.downloadCsv}
        </button>
        <button part="button" type="button" data-action="json" ?disabled=${chosenCount === 0} @click=${() => this.#download('peeker-order.json', 'application/json', this.#orderJson())}>
          ${m.downloadJson}
        </button>
        <button part="button" type="button" data-action="results" ?disabled=${this.#entries.size === 0} @click=${() => this.#download('peeker-results.csv', 'text/csv', this.#resultsCsv())}>
          ${m.downloadResults}
        </button>
      </div>
      <p class="hint">${m.warmUp}</p>
    </div>`;
  }

  #renderReview(review: Review, totals: { firstYear: number; renewal: number; currency: string | undefined }): TemplateResult {
    const m = this.#messages;
    return html`<div class="review notice" data-kind="warning" data-role="review">
      <p class="summary-title">${m.reviewTitle}</p>
      <ul>
        ${review.swaps.map(
          (swap) => html`<li>
            ${swap.added === null
              ? m.removed(swap.removed, this.#statusText(swap.status, null))
              : m.swapped(swap.removed, this.#statusText(swap.status, null), swap.added)}
          </li>`,
        )}
        ${review.prices.map(
          (change) => html`<li>
            ${m.priceChanged(
              change.domain,
              this.#money(change.before.price_cents, change.before.currency),
              this.#money(change.after.price_cents, change.after.currency),
            )}
          </li>`,
        )}
      </ul>
      ${review.message !== null ? html`<p>${review.message}</p>` : nothing}
      <p>${m.newTotal(this.#money(totals.firstYear, totals.currency), this.#money(totals.renewal, totals.currency))}</p>
      <div class="actions">
        <button part="button" class="primary" type="button" data-action="confirm-again" ?disabled=${!this.#isComplete()} @click=${() => this.#confirm()}>
          ${m.confirmAgain}
        </button>
        <button part="button" type="button" data-action="keep-editing" @click=${() => this.#keepEditing()}>
          ${m.keepEditing}
        </button>
      </div>
    </div>`;
  }

  #keepEditing(): void {
    this.phase = 'editing';
    this.review = null;
  }
}
