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
/** Properties whose change updates the form value or validity. */
const FORM_INPUTS = 'chosen name required requiredGoogle requiredMicrosoft bundle messages'.split(' ');

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

/** A notice shown above the list. */
const notice = (kind: Notice['kind'], text: string, retry = false): Notice => ({ kind, text, retry });

/**
 * Derives the display status of a row.
 * @param row - the latest answer, or null while checking
 * @returns the status shown in text and icon
 */
function statusOf(row: AvailabilityRow | null): RowStatus {
  if (row === null) return 'checking';
  if (isOrderable(row)) return 'available';
  const reason = row.reason;
  if (row.premium === true || reason === 'premium') return 'premium';
  if (reason === 'invalid' || reason === 'stale' || reason === 'taken') return reason as RowStatus;
  // errored, or available but unpriced, or an unknown reason: cannot be ordered; say so plainly
  return reason === 'errored' || row.available ? 'error' : 'taken';
}

/** Whether a row must be asked again (not answered, failed, or Peeker's answer expired). */
const needsCheck = (row: AvailabilityRow | null): boolean =>
  row === null || row.reason === 'errored' || row.reason === 'stale';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A name with break opportunities (`<wbr>`) after dots and hyphens, built as text nodes (never
 * HTML). Plain nodes rather than a nested template per part: far cheaper over 1,000 rows.
 */
function breakable(domain: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  domain.split(/(?<=[.-])/).forEach((part, i) => {
    if (i > 0) fragment.appendChild(document.createElement('wbr'));
    fragment.appendChild(document.createTextNode(part));
  });
  return fragment;
}

/** Longest wait for a frame: hidden tabs run none, and rendering must not stall there. */
const FRAME_FALLBACK_MS = 100;

/** Resolves at the start of the next animation frame (or after {@link FRAME_FALLBACK_MS}). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    const timer = setTimeout(done, FRAME_FALLBACK_MS);
  });
}

/** Resolves in a task of its own, after every queued microtask (and the answers they deliver). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

const isAbort = (error: unknown): boolean =>
  (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')) ||
  (error instanceof Error && error.name === 'AbortError');

/** Plain amount, provider list and check time of a row, for the CSV exports. */
const priceCells = (row: AvailabilityRow | null | undefined): string[] => [
  (row?.usable_for ?? []).join(' '),
  centsToDecimal(row?.price_cents),
  centsToDecimal(row?.renewal_price_cents),
  row?.currency?.toUpperCase() ?? '',
];
const checkedCell = (row: AvailabilityRow | null | undefined): string =>
  row?.checked_at === undefined ? '' : new Date(row.checked_at).toISOString();

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
  readonly #formatters = new Map<string, Intl.NumberFormat>();
  readonly #relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
  #scrollActive = false;
  #lastOutcome: CheckOutcome | null = null;
  /** A render ran while checking since the last frame started: the next one waits for a frame. */
  #framed = false;

  /** Checks the generated ideas for the (debounced) brand; a new brand aborts the old run. */
  #ideasTask = new Task(this, {
    args: () => {
      const { google, microsoft } = this.#required;
      return [this.debouncedBrand, this.tlds, google, microsoft, this.noHyphens, this.checkAvailability ?? this.endpoint] as const;
    },
    task: ([brand, tlds, google, microsoft, noHyphens], { signal }) =>
      this.#checkIdeas(brand, tlds, google + microsoft, !noHyphens, signal),
    onComplete: (outcome) => {
      this.#lastOutcome = outcome;
      this.#afterChecks();
    },
    onError: (error) => this.#emitError(error),
  });

  /** Checks names the customer brought (pasted, restored, set through `value`) and retries. */
  #listTask = new Task(this, {
    autoRun: false,
    args: () => [] as const,
    task: (_args, { signal }) => this.#checkList(signal),
    onComplete: () => this.#afterChecks(),
    onError: (error) => this.#emitError(error),
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
    const list = new Set<string>();
    for (const name of Array.isArray(names) ? names : []) {
      try {
        list.add(normalizeHostname(String(name)));
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
    if ([...list].some((d) => this.#entries.get(d)?.row === null)) void this.#listTask.run();
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
    this.#ticker = setInterval(() => (this.now = Date.now()), AGE_TICK_MS);
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

  /**
   * While names are being checked, answers land batch by batch, often several per frame, so
   * renders are coalesced: the first one waits only for a task of its own (answers delivered
   * in microtasks all land before it), later ones for the next animation frame, so there is
   * at most one render per frame, always before that frame's paint. Without checks running,
   * updates run at once as usual. `updateComplete` and `checksComplete` include the wait.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.#busy) return super.scheduleUpdate();
    return (this.#framed ? nextFrame() : nextTask()).then(() => {
      if (!this.#framed) {
        this.#framed = true;
        void nextFrame().then(() => (this.#framed = false));
      }
      return super.scheduleUpdate();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('brand') && !this.#typing) {
      this.#debouncer.cancel();
      this.debouncedBrand = this.brand.trim();
    }
    this.#typing = false;
    if (changed.has('checkAvailability') || changed.has('endpoint')) this.#checker = null;
  }

  protected override updated(changed: PropertyValues): void {
    if (FORM_INPUTS.some((key) => changed.has(key))) this.#syncForm();
    this.#syncStates();
    if (this.#scrollActive) {
      this.#scrollActive = false;
      const active = this.#activeEntry;
      if (active) this.renderRoot.querySelector(`#${active.id}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---------------------------------------------------------------- derived values

  get #required(): { google: number; microsoft: number } {
    const counts = this.bundle?.required_domains;
    return counts
      ? { google: toCount(counts.google), microsoft: toCount(counts.microsoft) }
      : { google: toCount(this.requiredGoogle), microsoft: toCount(this.requiredMicrosoft) };
  }

  get #isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  get #messages(): PeekerMessages {
    return resolveMessages(this.messages);
  }

  get #locale(): string | undefined {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  get #activeEntry(): Entry | undefined {
    return this.activeDomain === null ? undefined : this.#entries.get(this.activeDomain);
  }

  get #busy(): boolean {
    return this.#ideasTask.status === TaskStatus.PENDING || this.#listTask.status === TaskStatus.PENDING;
  }

  #rowOf(domain: string): AvailabilityRow | null {
    return this.#entries.get(domain)?.row ?? null;
  }

  #chosenRows(): { domain: string; row: AvailabilityRow | null }[] {
    return [...this.chosen].map((domain) => ({ domain, row: this.#rowOf(domain) }));
  }

  #orderableRows(): AvailabilityRow[] {
    const rows: AvailabilityRow[] = [];
    for (const { row } of this.#entries.values()) if (row && isOrderable(row)) rows.push(row);
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
      slots.extra.length + slots.unusable.length === 0
    );
  }

  // ---------------------------------------------------------------- checks

  #getChecker(): AvailabilityChecker | null {
    const source = this.checkAvailability ?? (this.endpoint || null);
    if (source === null) return null;
    if (this.#checker === null || this.#checkerSource !== source) {
      const transport = typeof source === 'function' ? source : createFetchTransport({ endpoint: source });
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
    } else if (source === 'idea') {
      if (entry.source === 'idea') entry.key = key;
      if (entry.source === 'idea' || entry.pattern === null) entry.pattern = pattern;
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

  /** Runs the checker over `names` with the element's error and progress wiring. */
  async #check(
    checker: AvailabilityChecker,
    names: string[],
    signal: AbortSignal,
    onDone: (done: number) => void = () => {},
  ): Promise<number> {
    const rows = await checker.check(names, {
      signal,
      onBatchError: (error) => this.#emitError(error),
      onProgress: (p: CheckProgress) => {
        this.#mergeRows(p.rows);
        onDone(p.done);
      },
    });
    this.#mergeRows(rows);
    return rows.filter((row) => row.reason === 'errored').length;
  }

  /** Drops ideas of another brand/TLD list, keeping chosen names (they become `kept`). */
  #pruneIdeas(key: string): void {
    let changed = false;
    for (const [domain, entry] of this.#entries) {
      if (entry.source !== 'idea' || entry.key === key) continue;
      if (this.chosen.has(domain)) entry.source = 'kept';
      else changed = this.#entries.delete(domain);
    }
    if (changed) {
      if (this.activeDomain !== null && !this.#entries.has(this.activeDomain)) this.activeDomain = null;
      this.requestUpdate();
    }
  }

  async #checkIdeas(
    brand: string,
    tlds: readonly string[],
    total: number,
    hyphens: boolean,
    signal: AbortSignal,
  ): Promise<CheckOutcome | typeof initialState> {
    const key = JSON.stringify([brand, tlds, hyphens]);
    this.#pruneIdeas(key);
    this.brandProblem = this.fillNotice = null;
    if (brand === '') this.progress = null;
    const checker = brand === '' ? null : this.#getChecker();
    if (checker === null) return initialState;
    let limit = Math.min(MAX_IDEAS, Math.max(MIN_IDEAS, 3 * total));
    let asked = 0;
    let answered = 0;
    const report = (done: number): void => {
      this.progress = { done, total: asked };
    };
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
      for (const { domain, pattern } of candidates) {
        const entry = this.#ensureEntry(domain, 'idea', key, pattern);
        if (needsCheck(entry.row)) {
          entry.row = null;
          names.push(domain);
        }
      }
      this.requestUpdate();
      let failed = 0;
      if (names.length > 0) {
        asked += names.length;
        report(answered);
        failed = await this.#check(checker, names, signal, (done) => report(answered + done));
        report((answered = asked));
      }
      const solved =
        total > 0 ? this.#solveOrNull(this.#orderableRows(), [], [...this.#rejected]) : undefined;
      const feasible = total === 0 || solved?.status === 'optimal';
      if (feasible || exhausted || failed > 0 || !solved) {
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
    const checker = names.length > 0 ? this.#getChecker() : null;
    if (checker === null) return 0;
    this.requestUpdate();
    return this.#check(checker, names, signal);
  }

  #afterChecks(): void {
    this.#announce();
    // Asks again for `stale` rows a little later (a few times), as Peeker advises.
    if (this.#staleTimer !== undefined || !this.isConnected) return;
    if (![...this.#entries.values()].some((entry) => entry.row?.reason === 'stale')) this.#staleRetries = 0;
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
    for (const entry of this.#entries.values()) if (reasons.includes(entry.row?.reason)) entry.row = null;
    this.requestUpdate();
    void this.#ideasTask.run();
    void this.#listTask.run();
  }

  /** Retries failed and stale names, keeping every answer already received. */
  #retry(): void {
    this.#staleRetries = 0;
    this.flowNotice = null;
    this.#recheck(['errored', 'stale']);
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
  #solveOrNull(
    rows: readonly AvailabilityRow[],
    pinned: readonly string[],
    excluded: readonly string[],
    cap = 0,
  ): SelectionResult | null {
    try {
      return solveSelection({
        rows,
        required: this.#required,
        pinned,
        excluded,
        years: this.#years,
        ...(cap > 0 ? { groupOf: this.#groupOf, maxPerGroup: cap } : {}),
      });
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      this.fillNotice = notice('error', error.message);
      this.#emitError(error);
      return null;
    }
  }

  get #years(): number {
    return Math.max(1, toCount(this.years, 1));
  }

  /** Solves with the diversity cap, relaxing it when it makes the order impossible. */
  #solveDiverse(pinned: readonly string[]): { result: SelectionResult | null; relaxed: boolean } {
    const { google, microsoft } = this.#required;
    const cap = this.maxPerPattern == null ? Math.ceil((google + microsoft) / 3) : toCount(this.maxPerPattern);
    const rows = this.#orderableRows();
    const excluded = [...this.#rejected];
    if (cap > 0) {
      const capped = this.#solveOrNull(rows, pinned, excluded, cap);
      if (capped?.status !== 'infeasible') return { result: capped, relaxed: false };
    }
    const free = this.#solveOrNull(rows, pinned, excluded);
    return { result: free, relaxed: cap > 0 && free?.status === 'optimal' };
  }

  #fill(user: boolean): boolean {
    const { google, microsoft } = this.#required;
    if (google + microsoft === 0 || this.#isDisabled || this.phase === 'rechecking') return false;
    const pins = [...this.#manual].filter((d) => {
      const row = this.#rowOf(d);
      return row !== null && isOrderable(row);
    });
    const { result, relaxed } = this.#solveDiverse(pins);
    if (result?.status !== 'optimal') {
      if (result) this.fillNotice = notice('infeasible', result.message);
      return false;
    }
    this.fillNotice = relaxed ? notice('warning', this.#messages.diversityRelaxed) : null;
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
    const entry = this.#entries.get(domain);
    if (!entry || this.#isDisabled || this.phase === 'rechecking') return;
    const next = new Set(this.chosen);
    if (next.delete(domain)) {
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
    const controller = (this.#confirmAbort = new AbortController());
    let fresh: AvailabilityRow[];
    let batchError: unknown = null;
    try {
      fresh = await checker.check(names, {
        signal: controller.signal,
        fresh: true,
        onBatchError: (error) => (batchError = error),
      });
    } catch (error) {
      this.phase = 'editing';
      if (!isAbort(error)) {
        this.flowNotice = notice('error', this.#messages.checkFailed(String((error as Error)?.message ?? error)));
        this.#emitError(error);
      }
      return;
    } finally {
      this.#confirmAbort = null;
    }
    this.#mergeRows(fresh);
    const errored = fresh.find((row) => row.reason === 'errored');
    if (errored) {
      this.phase = 'editing';
      this.flowNotice = notice('error', this.#messages.checkFailed(errored.message ?? ''));
      this.#emitError(batchError ?? new PeekerError('check_failed', errored.message ?? 'Re-check failed', { retryable: true }));
      return;
    }
    const lost = fresh.filter((row) => !isOrderable(row)).map((row) => row.domain);
    const prices = fresh.flatMap((after) => {
      const prior = before.get(after.domain);
      return prior && isOrderable(after) &&
        (prior.price_cents !== after.price_cents || prior.renewal_price_cents !== after.renewal_price_cents)
        ? [{ domain: after.domain, before: prior, after }]
        : [];
    });
    if (lost.length + prices.length === 0) return this.#finish();
    const review: Review = { swaps: [], prices, message: null };
    if (lost.length > 0) {
      const lostNames = new Set(lost);
      for (const domain of lostNames) {
        this.#manual.delete(domain);
        this.#rejected.add(domain);
      }
      const kept = names.filter((d) => !lostNames.has(d));
      const { result } = this.#solveDiverse(kept);
      const solved = result?.status === 'optimal';
      const added = solved ? result.domains.filter((d) => !before.has(d)).sort(byName) : [];
      review.swaps = [...lostNames].sort(byName).map((removed, i) => ({
        removed,
        status: statusOf(this.#rowOf(removed)),
        added: added[i] ?? null,
      }));
      if (!solved) {
        review.message = result?.status === 'infeasible' ? result.message : null;
        void this.#ideasTask.run();
      }
      this.#setChosen(solved ? result.domains : kept, true);
    }
    this.phase = 'review';
    this.review = review;
  }

  async #finish(): Promise<void> {
    const rows = this.#chosenRows().flatMap(({ row }) => (row ? [row] : []));
    const solved = this.#solveOrNull(rows, rows.map((row) => row.domain).sort(byName), []);
    if (solved?.status !== 'optimal') {
      this.phase = 'editing';
      if (solved) this.flowNotice = notice('infeasible', solved.message);
      return;
    }
    let order: OrderReadyDetail['order'] = null;
    try {
      if (this.order) order = buildOrderDraft(this.order, solved.domains);
    } catch (error) {
      this.phase = 'editing';
      this.flowNotice = notice('error', (error as Error).message);
      this.#emitError(error);
      return;
    }
    const { domains, google, microsoft, cost } = solved;
    this.phase = 'confirmed';
    this.review = null;
    await this.updateComplete;
    const detail: OrderReadyDetail = { domains: [...domains], google: [...google], microsoft: [...microsoft], cost: { ...cost }, order };
    if (this.dispatchEvent(new PeekerOrderReadyEvent(detail))) this.flowNotice = notice('success', this.#messages.confirmed);
    else this.phase = 'editing';
  }

  // ---------------------------------------------------------------- form, states, events

  #syncForm(): void {
    const formData = new FormData();
    const names = this.value;
    if (this.name) for (const domain of names) formData.append(this.name, domain);
    this.#internals.setFormValue(this.name ? formData : null, JSON.stringify(names));
    if (this.required && !this.#isComplete()) {
      const anchor = this.renderRoot?.querySelector<HTMLElement>('#brand') ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, this.#messages.valueMissing, anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  #syncStates(): void {
    const states = this.#internals.states;
    if (!states) return;
    const on = {
      pending: this.#busy || this.phase === 'rechecking' || this.#debouncer.pending,
      complete: this.#isComplete(),
      empty: this.#entries.size === 0,
      infeasible: this.#infeasibleText() !== null,
    };
    for (const [name, set] of Object.entries(on)) {
      try {
        if (set) states.add(name);
        else states.delete(name);
      } catch {
        // very old engines want `--name`; states are progressive enhancement
      }
    }
  }

  /** Fires `peeker-error`, except for aborts (a superseded run is not a failure). */
  #emitError(error: unknown): void {
    if (!isAbort(error)) {
      this.dispatchEvent(new PeekerErrorEvent({ error: error instanceof Error ? error : new Error(String(error)) }));
    }
  }

  #announce(): void {
    let available = 0;
    let checked = 0;
    for (const { row } of this.#entries.values()) {
      if (row === null) continue;
      checked += 1;
      if (isOrderable(row)) available += 1;
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
    if (!outcome || outcome.feasible || outcome.failed > 0 || outcome.message === null) return null;
    return outcome.exhausted ? `${outcome.message} ${this.#messages.ideasExhausted}` : outcome.message;
  }

  // ---------------------------------------------------------------- formatting

  /** Formats an amount; `locale` defaults to the element's (pass it when formatting many rows). */
  #money(cents: number | undefined, currency: string | undefined, locale = this.#locale): string {
    if (cents === undefined) return '';
    if (!currency) return centsToDecimal(cents);
    const code = currency.toUpperCase();
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

  #age(checkedAt: number, locale: string | undefined, m: PeekerMessages): string {
    const seconds = Math.max(0, Math.round((this.now - checkedAt) / 1000));
    // one formatter per locale: constructing one costs more than formatting a whole row
    let format = this.#relativeFormats.get(locale ?? '');
    if (!format) {
      try {
        format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      } catch {
        format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
      }
      this.#relativeFormats.set(locale ?? '', format);
    }
    const text =
      seconds < 60
        ? format.format(seconds < 30 ? 0 : -seconds, 'second')
        : seconds < 3600
          ? format.format(-Math.floor(seconds / 60), 'minute')
          : format.format(-Math.floor(seconds / 3600), 'hour');
    return m.checkedAgo(text);
  }

  #statusText(status: RowStatus, row: AvailabilityRow | null, m = this.#messages): string {
    if (status === 'invalid') return m.statusInvalid(row?.message);
    return m[`status${status[0]!.toUpperCase()}${status.slice(1)}` as `status${Capitalize<Exclude<RowStatus, 'invalid'>>}`];
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
    const { google, microsoft } = this.#slots();
    return toCsv([
      'domain provider usable_for first_year_price renewal_price currency checked_at'.split(' '),
      ...this.value.map((domain) => {
        const row = this.#rowOf(domain);
        const provider = google.includes(domain) ? 'google' : microsoft.includes(domain) ? 'microsoft' : '';
        return [domain, provider, ...priceCells(row), checkedCell(row)];
      }),
    ]);
  }

  #resultsCsv(): string {
    return toCsv([
      'domain status reason usable_for first_year_price renewal_price currency pattern checked_at'.split(' '),
      ...[...this.#entries.values()].map(({ domain, row, pattern }) => [
        domain,
        statusOf(row),
        row?.reason,
        ...priceCells(row),
        pattern,
        checkedCell(row),
      ]),
    ]);
  }

  #orderJson(): string {
    const { google, microsoft } = this.#slots();
    const totals = this.#totals();
    let order: unknown = null;
    try {
      if (this.order) order = buildOrderDraft(this.order, this.value);
    } catch {
      // an incomplete `order` property: the file has no order body yet
    }
    const cost = {
      first_year_cents: totals.firstYear,
      renewal_cents: totals.renewal,
      currency: totals.currency?.toLowerCase() ?? null,
    };
    return `${JSON.stringify({ domains: this.value, google, microsoft, cost, order }, null, 2)}\n`;
  }

  #download(filename: string, type: string, text: () => string): void {
    const url = URL.createObjectURL(new Blob([text()], { type }));
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
    this.#typing = true;
    this.brand = (event.target as HTMLInputElement).value;
    this.#debouncer.schedule(() => (this.debouncedBrand = this.brand.trim()), toCount(this.debounce, 300));
  };

  #focus(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(id)?.focus();
  }

  #onInputKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' && this.#entries.size > 0) {
      event.preventDefault();
      this.#focus('#results');
    }
  };

  #onListFocus = (): void => {
    if (this.activeDomain === null || !this.#entries.has(this.activeDomain)) {
      const domains = [...this.#entries.keys()];
      this.activeDomain = domains.find((d) => this.chosen.has(d)) ?? domains[0] ?? null;
      this.#scrollActive = true;
    }
  };

  #onListKeydown = (event: KeyboardEvent): void => {
    const domains = [...this.#entries.keys()];
    const last = domains.length - 1;
    if (last < 0) return;
    const index = this.activeDomain === null ? -1 : domains.indexOf(this.activeDomain);
    const key = event.key;
    const next =
      key === 'ArrowDown'
        ? Math.min(last, index + 1)
        : key === 'ArrowUp'
          ? Math.max(0, index - 1)
          : key === 'Home'
            ? 0
            : key === 'End'
              ? last
              : -1;
    if (next < 0 && key !== ' ' && key !== 'Enter' && key !== 'Escape') return;
    event.preventDefault();
    if (next >= 0) {
      this.activeDomain = domains[next] ?? null;
      this.#scrollActive = true;
    } else if (key === 'Escape') this.#focus('#brand');
    else if (this.activeDomain !== null) this.#toggle(this.activeDomain);
  };

  #onListClick = (event: MouseEvent): void => {
    const domain = (event.target as Element).closest<HTMLElement>('[role="option"]')?.dataset.domain;
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

  /** One action button (every button of the element is one of these). */
  #button(action: string, label: string, disabled: boolean, onClick: () => void, primary = false): TemplateResult {
    return html`<button part="button" class=${primary ? 'primary' : nothing} type="button" data-action=${action}
      ?disabled=${disabled} @click=${onClick}>${label}</button>`;
  }

  protected override render(): TemplateResult {
    const m = this.#messages;
    const disabled = this.#isDisabled;
    const req = this.#required;
    const slots = this.#slots();
    const microsoftOpen = slots.microsoft.length < req.microsoft;
    const entries = [...this.#entries.values()];
    const empty = entries.length === 0;
    const active = this.#activeEntry;
    const busy = this.#busy;
    const locale = this.#locale;
    const meter = (provider: 'google' | 'microsoft', have: number, need: number, text: string): unknown =>
      need > 0
        ? html`<div part="meter" class="meter" data-provider=${provider} ?data-met=${have >= need}>
            <span class="meter-text" id="meter-${provider}">${text}</span>
            <meter min="0" max=${need} .value=${Math.min(have, need)} aria-labelledby="meter-${provider}"></meter>
          </div>`
        : nothing;
    const google = slots.google.length;
    const microsoft = slots.microsoft.length;
    const progress = this.progress;

    return html`<div part="base" class="base">
      <div class="field">
        <label for="brand">${m.brandLabel}</label>
        <input id="brand" part="input" type="text" autocomplete="off" spellcheck="false" aria-controls="results"
          aria-describedby="brand-hint" placeholder=${m.brandPlaceholder} .value=${this.brand} ?disabled=${disabled}
          @input=${this.#onInput} @keydown=${this.#onInputKeydown} />
        <p id="brand-hint" class="hint">${m.brandHint}</p>
      </div>
      ${req.google + req.microsoft > 0
        ? html`<div class="meters">
            ${meter('google', google, req.google, m.googleMeter(google, req.google))}
            ${meter('microsoft', microsoft, req.microsoft, m.microsoftMeter(microsoft, req.microsoft))}
          </div>`
        : nothing}
      ${progress && (busy || progress.done < progress.total)
        ? html`<div class="progress">
            <span id="progress-label">${m.progress(progress.done, progress.total)}</span>
            <progress max=${Math.max(1, progress.total)} .value=${progress.done} aria-labelledby="progress-label"></progress>
          </div>`
        : nothing}
      ${this.#renderNotices()}
      <p id="results-label" class="list-label" ?hidden=${empty}>${m.resultsLabel}</p>
      <p id="results-help" class="hint" ?hidden=${empty}>${m.resultsHelp}</p>
      <div id="results" part="listbox" class="listbox" role="listbox" aria-multiselectable="true"
        aria-labelledby="results-label" aria-describedby="results-help" aria-busy=${String(busy)}
        aria-disabled=${String(disabled)} aria-activedescendant=${active ? active.id : nothing}
        tabindex=${disabled ? '-1' : '0'} ?hidden=${empty} @keydown=${this.#onListKeydown} @focus=${this.#onListFocus}
        @click=${this.#onListClick}>
        ${entries.map((entry) => {
          const isActive = entry === active;
          const { row, domain } = entry;
          const deps = [row, this.chosen.has(domain), isActive, this.#manual.has(domain), microsoftOpen, this.now, this.messages, locale];
          return guard(deps, () => this.#renderOption(entry, isActive, microsoftOpen, m, locale));
        })}
      </div>
      <p class="muted empty" ?hidden=${!empty}>${m.emptyResults}</p>
      <details class="paste">
        <summary>${m.pasteLabel}</summary>
        <div class="paste-body">
          <label for="paste">${m.pasteLabel}</label>
          <textarea id="paste" part="input" aria-describedby="paste-hint" ?disabled=${disabled}></textarea>
          <p id="paste-hint" class="hint">${m.pasteHint}</p>
          <div class="actions">${this.#button('check-list', m.checkList, disabled, this.#onPaste)}</div>
        </div>
      </details>
      ${this.#renderSummary(slots, req, disabled)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderOption(
    entry: Entry,
    active: boolean,
    microsoftOpen: boolean,
    m: PeekerMessages,
    locale: string | undefined,
  ): TemplateResult {
    const { row, domain } = entry;
    const status = statusOf(row);
    const selected = this.chosen.has(domain);
    const available = status === 'available';
    const usable = row?.usable_for ?? [];
    const google = usable.includes('google');
    const microsoft = usable.includes('microsoft');
    const flagged = available && google && !microsoft && microsoftOpen;
    const pick = selected && this.#manual.has(domain) ? html`<span class="pick">(${m.pickedByHand})</span>` : nothing;
    // no whitespace nodes where they render nothing: every node is cloned 1,000 times in a long list
    return html`<div role="option" id=${entry.id} part="option" class="option" aria-selected=${String(selected)}
      aria-disabled=${String(!available && !selected)} data-domain=${domain} data-status=${status}
      ?data-active=${active} ?data-google-only=${flagged}><span class="check" aria-hidden="true"
        >${selected ? '☑' : '☐'}</span><span class="name">${guard([domain], () => breakable(domain))}${pick}</span>
      <span class="details"><span part="status" class="status" data-status=${status}><span class="icon" aria-hidden="true"
        >${ICONS[status]}</span> ${this.#statusText(status, row, m)}</span>
        ${this.#renderFacts(row, available, flagged, m, locale)}</span></div>`;
  }

  /**
   * Prices, capabilities, the Google-only flag and the age of a row, as one template per
   * shape (each nested template costs a clone per row, and the list can hold 1,000 rows).
   */
  #renderFacts(
    row: AvailabilityRow | null,
    available: boolean,
    flagged: boolean,
    m: PeekerMessages,
    locale: string | undefined,
  ): unknown {
    // rows are null until answered, and #mergeRows stamps checked_at on every answer
    if (row?.checked_at === undefined) return nothing;
    const age = this.#age(row.checked_at, locale, m);
    if (!available) return html`<span class="age">${age}</span>`;
    const usable = row.usable_for ?? [];
    const prices = `${m.firstYearPrice(this.#money(row.price_cents, row.currency, locale))} · ${m.renewalPrice(
      this.#money(row.renewal_price_cents ?? row.price_cents, row.currency, locale),
    )}`;
    return html`<span part="price" class="price">${prices}</span>
      <span class="caps">${m.usableFor(usable.includes('google'), usable.includes('microsoft'))}</span>
      ${flagged
        ? html`<span class="flag" data-flag="google-only"><span aria-hidden="true">⚠</span> ${m.googleOnlyFlag}</span>`
        : nothing}
      <span class="age">${age}</span>`;
  }

  #renderNotices(): TemplateResult {
    const m = this.#messages;
    const notices: Notice[] = [];
    const add = (kind: Notice['kind'], text: string, retry?: boolean): unknown => notices.push(notice(kind, text, retry));
    if (this.debouncedBrand !== '' && this.checkAvailability === null && this.endpoint === '') add('error', m.noTransport);
    if (this.brandProblem !== null) add('warning', m.brandRejected(this.brandProblem));
    const error = this.#ideasTask.status === TaskStatus.ERROR ? (this.#ideasTask.error as Error | undefined) : undefined;
    if (this.#ideasTask.status === TaskStatus.ERROR && !isAbort(error)) add('error', m.checkFailed(String(error?.message ?? error)), true);
    let failed = 0;
    for (const { row } of this.#entries.values()) if (row?.reason === 'errored' || row?.reason === 'stale') failed += 1;
    if (failed > 0) add('error', m.failedCount(failed), true);
    const infeasible = this.#infeasibleText();
    if (infeasible !== null) add('infeasible', infeasible);
    if (this.fillNotice && this.fillNotice.kind !== 'infeasible') notices.push(this.fillNotice);
    if (this.flowNotice) notices.push(this.flowNotice);
    if (this.pasteInvalid.length > 0) add('warning', m.pasteInvalid(this.pasteInvalid));
    return html`<div class="notices">
      ${notices.map(
        ({ kind, text, retry }) => html`<p class="notice" data-kind=${kind} role=${kind === 'error' ? 'alert' : nothing}>
          ${text} ${retry ? this.#button('retry', m.retry, this.#isDisabled, () => this.#retry()) : nothing}
        </p>`,
      )}
    </div>`;
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
    const review = this.phase === 'review' ? this.review : null;
    const money = (cents: number): string => this.#money(cents, totals.currency);
    const total$ = (label: string, which: string, cents: number): TemplateResult =>
      html`<div><dt>${label}</dt><dd data-total=${which}>${money(cents)}</dd></div>`;

    let status: string | null = null;
    if (total > 0 && !complete) {
      if (slots.unusable.length > 0) status = m.unusableChosen(slots.unusable);
      else if (orderable > total) status = m.tooMany(orderable - total, total);
      else if (missingGoogle + missingMicrosoft > 0) status = m.missing(missingGoogle, missingMicrosoft);
    }

    return html`<div part="summary" class="summary" role="group" aria-labelledby="summary-title" aria-busy=${String(rechecking)}>
      <p id="summary-title" class="summary-title">${m.summaryTitle}</p>
      <p class="count">${m.chosenCount(chosenCount, total)}</p>
      <dl class="totals">
        ${total$(m.firstYearTotal, 'first-year', totals.firstYear)} ${total$(m.renewalTotal, 'renewal', totals.renewal)}
        ${years > 1 ? total$(m.horizonTotal(years), 'horizon', totals.firstYear + (years - 1) * totals.renewal) : nothing}
      </dl>
      ${status !== null ? html`<p class="missing" data-role="missing">${status}</p>` : nothing}
      ${rechecking ? html`<p class="muted">${m.rechecking}</p>` : nothing}
      ${review
        ? html`<div class="review notice" data-kind="warning" data-role="review">
            <p class="summary-title">${m.reviewTitle}</p>
            <ul>
              ${review.swaps.map(({ removed, status, added }) => {
                const reason = this.#statusText(status, null);
                return html`<li>${added === null ? m.removed(removed, reason) : m.swapped(removed, reason, added)}</li>`;
              })}
              ${review.prices.map(
                ({ domain, before, after }) => html`<li>
                  ${m.priceChanged(domain, this.#money(before.price_cents, before.currency), this.#money(after.price_cents, after.currency))}
                </li>`,
              )}
            </ul>
            ${review.message !== null ? html`<p>${review.message}</p>` : nothing}
            <p>${m.newTotal(money(totals.firstYear), money(totals.renewal))}</p>
            <div class="actions">
              ${this.#button('confirm-again', m.confirmAgain, !this.#isComplete(), () => this.#confirm(), true)}
              ${this.#button('keep-editing', m.keepEditing, false, () => {
                this.phase = 'editing';
                this.review = null;
              })}
            </div>
          </div>`
        : nothing}
      <div class="actions">
        ${this.#button('fill', m.fillCheapest, disabled || total === 0 || rechecking, () => this.#fill(true))}
        ${this.#button('clear', m.clearSelection, disabled || chosenCount === 0 || rechecking, () => {
          this.#rejected.clear();
          this.#manual.clear();
          this.fillNotice = null;
          this.#setChosen([], true);
        })}
        ${this.phase === 'review' ? nothing : this.#button('confirm', m.confirm, disabled || !complete || rechecking, () => this.#confirm(), true)}
      </div>
      <div class="actions">
        ${this.#button('csv', m.downloadCsv, chosenCount === 0, () =>
          this.#download('peeker-selection.csv', 'text/csv', () => this.#selectionCsv()),
        )}
        ${this.#button('json', m.downloadJson, chosenCount === 0, () =>
          this.#download('peeker-order.json', 'application/json', () => this.#orderJson()),
        )}
        ${this.#button('results', m.downloadResults, this.#entries.size === 0, () =>
          this.#download('peeker-results.csv', 'text/csv', () => this.#resultsCsv()),
        )}
      </div>
      <p class="hint">${m.warmUp}</p>
    </div>`;
  }
}
