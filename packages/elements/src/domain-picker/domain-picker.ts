import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { DEFAULT_TLDS, PeekerError, assignSlots, compareNames, isOrderable, normalizeHostname } from '@peeker/core';
import type { AvailabilityRow, AvailabilityTransport, Bundle, SelectionResult, SlotAssignment } from '@peeker/core';
import styles from './domain-picker.styles.ts';
import type { OrderFields } from './order-fields.ts';
import { hostStyles } from '../internal/host-styles.ts';
import { themeTokens } from '../internal/theme-tokens.ts';
import { tldListConverter, toCount } from '../internal/converters.ts';
import { Debouncer } from '../internal/debounce.ts';
import { resolveMessages, type PeekerMessages } from '../messages.ts';
import { PeekerErrorEvent } from '../events/peeker-error.ts';
import { ConfirmController } from './confirm-controller.ts';
import { DomainEntries, type Entry } from './domain-entries.ts';
import { renderOption } from './domain-option.ts';
import type { DownloadKind, DownloadSource } from './downloads.ts';
import { formatMoney } from './formatters.ts';
import { FrameScheduler } from './frame-scheduler.ts';
import type { ListView } from './list-toolbar.ts';
import { loadListToolbar, loadedListToolbar } from './list-toolbar-loader.ts';
import { notice, type Notice } from './notice.ts';
import { listboxKeyAction } from './listbox-keys.ts';
import { renderPasteBox } from './paste-box.ts';
import { renderMeters, renderProgress } from './status-bars.ts';
import { applyCustomStates } from '../internal/custom-states.ts';
import { isAbort } from '../internal/is-abort.ts';
import { renderNotices } from './notices-view.ts';
import { announcement, checkedCounts, selectionSavings, selectionTotals } from './selection-figures.ts';
import { SearchController } from './search-controller.ts';
import { missingText, renderSummary } from './selection-summary.ts';
import { loadedEngine } from './engine-loader.ts';

export { RowStatus } from './row-status.ts';

/** How often the "checked … ago" texts refresh. */
const AGE_TICK_MS = 30_000;
/** Properties whose change updates the form value or validity. */
const FORM_INPUTS = 'chosen name required requiredGoogle requiredMicrosoft bundle messages'.split(' ');

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
 *   selection that was just re-checked. Cancelable: `preventDefault()` keeps editing. Not
 *   cancelled, the picker says so, moves focus to that message and stays read-only (a second
 *   press sends nothing) until `value` is set or the form is reset.
 * @event peeker-order-placed - {@link PeekerOrderPlacedEvent}: with `order-endpoint`, the endpoint
 *   accepted the order (`detail.orderId`, `detail.eventsToken` for `<peeker-order-status>`).
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
 * @csspart summary - The selection summary: chosen names, totals, cost picture and actions.
 * @csspart cost-chart - The cost picture: first year against renewals over the horizon.
 * @csspart button - Every button.
 *
 * Colour defaults are `light-dark(light, dark)`: the element follows `prefers-color-scheme`;
 * `peeker-domain-picker { color-scheme: light }` on a page without a dark theme keeps it light.
 *
 * @cssproperty [--peeker-font-family=inherit] - Font family.
 * @cssproperty [--peeker-font-size=1rem] - Base font size.
 * @cssproperty [--peeker-text-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssproperty [--peeker-muted-color=light-dark(#57606a, #9ea7b3)] - Secondary text colour.
 * @cssproperty [--peeker-surface-color=light-dark(#ffffff, #161b22)] - Background of inputs and the panel.
 * @cssproperty [--peeker-border-color=light-dark(#8c959f, #6e7681)] - Borders.
 * @cssproperty [--peeker-accent-color=light-dark(#0b57d0, #8ab4f8)] - Buttons, focus ring, selected rows.
 * @cssproperty [--peeker-accent-text-color=light-dark(#ffffff, #0d1117)] - Text on the accent colour.
 * @cssproperty [--peeker-selected-color=light-dark(#e8f0fe, #1c2d4a)] - Background of chosen rows.
 * @cssproperty [--peeker-success-color=light-dark(#1a7f37, #3fb950)] - Available icon, met meters.
 * @cssproperty [--peeker-danger-color=light-dark(#b3261e, #ff7b72)] - Taken, invalid and error icons; error notices.
 * @cssproperty [--peeker-warning-color=light-dark(#8a4b00, #d29922)] - Premium, stale, Google-only flags; warnings.
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
 * @cssstate confirmed - The host accepted the confirmed selection; the picker is read-only until
 *   `value` is set or the form is reset.
 */
export class PeekerDomainPicker extends LitElement {
  static override styles = [hostStyles, themeTokens, styles];
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

  /**
   * URL of the partner's order endpoint (`createOrderHandler` of `@peeker/core/server`). Set,
   * the picker POSTs the confirmed draft there itself (after `peeker-order-ready`, which can
   * still cancel), says "confirmed" only once the server accepted the order, fires
   * `peeker-order-placed`, and turns a 409 (names taken meanwhile) into a review of the
   * server's replacements with the cost difference. Empty: the host places the order.
   */
  @property({ attribute: 'order-endpoint' }) orderEndpoint = '';

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
  @state() private fillNotice: Notice | null = null;
  @state() private pasteInvalid: string[] = [];
  @state() private announcement = '';
  @state() private formDisabled = false;
  @state() private now = Date.now();
  /** How the list is sorted and filtered (display only). */
  @state() private view: ListView | null = null;
  /** The "Check your own names" disclosure is open. */
  @state() private pasteOpen = false;

  readonly #internals: ElementInternals;
  readonly #entries = new DomainEntries();
  readonly #debouncer = new Debouncer();
  readonly #frames = new FrameScheduler();
  /** Lazy loads in flight (paste box, downloads), for `checksComplete`. */
  readonly #work = new Set<Promise<void>>();
  #typing = false;
  /** The brand was last changed by typing (so a selection it shrinks fires `change`). */
  #typedBrand = false;
  /** Generation key (brand, TLDs, hyphens) the listed ideas belong to. */
  #ideasKey = '';
  #ticker: ReturnType<typeof setInterval> | undefined;
  #scrollActive = false;
  #toolbarRequested = false;

  /** Checking: ideas for the settled brand, the customer's own names, retries. */
  readonly #search = new SearchController(this, {
    entries: this.#entries,
    request: () => ({ brand: this.debouncedBrand, tlds: this.tlds, hyphens: !this.noHyphens, ...this.#required }),
    source: () => this.checkAvailability ?? (this.endpoint || null),
    ideasKey: () => {
      this.#applyIdeasKey();
      return this.#ideasKey;
    },
    searchStarted: () => (this.fillNotice = null),
    constraints: () => ({
      pinned: this.#entries.pins(),
      excluded: this.#entries.rejected(),
      years: this.#years,
      maxPerPattern: this.#patternCap(),
    }),
    checked: () => this.#announce(),
    emitError: (error) => this.#emitError(error),
  });

  /** Confirm → fresh re-check → review → confirmed. */
  readonly #confirm = new ConfirmController(this, {
    checker: () => this.#search.checker(),
    chosenRows: () => this.#chosenRows(),
    mergeRows: (rows) => this.#search.merge(rows),
    solveDiverse: (pinned) => this.#solveDiverse(pinned)?.result ?? null,
    solveChosen: () => {
      const rows = this.#chosenRows().flatMap(({ row }) => (row ? [row] : []));
      return this.#trySolve(() => loadedEngine()?.solveExact(rows, this.#required, this.#years) ?? null);
    },
    lose: (domains) => {
      for (const domain of domains) this.#entries.unpick(domain);
    },
    select: (domains, user) => this.#setChosen(domains, user),
    searchMore: () => this.#search.searchMore(),
    order: () => this.order,
    messages: () => this.#messages,
    describe: (error) => this.#describe(error),
    emitError: (error) => this.#emitError(error),
    orderEndpoint: () => this.orderEndpoint,
    candidates: () => [...this.#entries.values()].flatMap(({ row }) => (row ? [row] : [])),
    years: () => this.#years,
  });

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  // ---------------------------------------------------------------- public API

  /** The chosen domains, sorted. Setting it replaces the selection (no `change` event) and ends a confirmed state. */
  get value(): string[] {
    return [...this.chosen].sort(compareNames);
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
    this.#confirm.reset();
    this.#entries.setPicks(list, false);
    this.#setChosen(list, false);
    if ([...list].some((d) => this.#entries.rowOf(d) === null)) this.#search.checkList();
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
    this.#confirm.reset();
    this.#entries.setPicks([], true);
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
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /**
   * While names are being checked, renders are coalesced to at most one per frame (see
   * frame-scheduler.ts); otherwise updates run at once. `updateComplete` and
   * `checksComplete` include the wait.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#frames.schedule(this.#busy, () => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('brand') && !this.#typing) {
      this.#debouncer.cancel();
      this.#typedBrand = false;
      this.debouncedBrand = this.brand.trim();
    }
    this.#typing = false;
    this.#applyIdeasKey();
  }

  protected override updated(changed: PropertyValues): void {
    // the sort and filter controls load once there is a list to sort
    if (this.#entries.size > 0 && !this.#toolbarRequested) {
      this.#toolbarRequested = true;
      this.#track(loadListToolbar().then(() => this.requestUpdate()));
    }
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

  /** Nothing may change the selection: disabled, or an order was accepted. */
  get #locked(): boolean {
    return this.#isDisabled || this.#confirm.phase === 'confirmed';
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
    return this.#search.busy;
  }

  get #years(): number {
    return Math.max(1, toCount(this.years, 1));
  }

  #chosenRows(): { domain: string; row: AvailabilityRow | null }[] {
    return [...this.chosen].map((domain) => ({ domain, row: this.#entries.rowOf(domain) }));
  }

  #slots(): SlotAssignment {
    return assignSlots(this.#chosenRows(), this.#required);
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

  /** Words an error for the screen: by code through the messages, its message only as the fallback. */
  #describe(error: unknown): string {
    const code = PeekerError.is(error) ? error.code : error instanceof TypeError ? 'invalid_argument' : 'unknown';
    return this.#messages.errorReason(code, error instanceof Error ? error.message : String(error));
  }

  // ---------------------------------------------------------------- ideas and lazy steps

  /**
   * A brand, TLD or hyphen change replaces the ideas at once (before any check or fill can
   * use them): names the customer picked by hand stay, marked as kept; every other idea of the
   * old brand leaves the list and the selection.
   */
  #applyIdeasKey(): void {
    const key = JSON.stringify([this.debouncedBrand, this.tlds, !this.noHyphens]);
    if (key === this.#ideasKey) return;
    this.#ideasKey = key;
    this.#confirm.reset(); // a new search after an accepted order starts over
    const dropped = this.#entries.replaceIdeas(key, this.chosen);
    if (this.activeDomain !== null && !this.#entries.get(this.activeDomain)) this.activeDomain = null;
    if (dropped.length > 0) {
      const next = new Set(this.chosen);
      for (const domain of dropped) next.delete(domain);
      this.#setChosen(next, this.#typedBrand);
    }
    this.requestUpdate();
  }

  /** Retries failed and stale names, keeping every answer already received. */
  #retry(): void {
    this.#confirm.notice = null;
    this.#search.retry();
  }

  /** Runs a lazily loaded step, waited for by `checksComplete`; a failed load is shown and reported. */
  #track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => {
      this.fillNotice = notice('error', this.#messages.loadFailed);
      this.#emitError(error);
    });
    this.#work.add(tracked);
    void tracked.finally(() => this.#work.delete(tracked));
  }

  async #settle(): Promise<void> {
    for (let round = 0; round < 1000; round += 1) {
      await this.#debouncer.idle();
      await this.updateComplete;
      const waits: Promise<unknown>[] = [...this.#work, ...this.#search.pending()];
      if (this.#confirm.running) waits.push(this.#confirm.running);
      if (waits.length === 0 && !this.#debouncer.pending && !this.isUpdatePending) return;
      await Promise.all(waits);
    }
  }

  // ---------------------------------------------------------------- solving

  /** Runs a solve; a PeekerError (mixed currencies, duplicate rows) becomes null, a notice and an event. */
  #trySolve<T>(solve: () => T): T | null {
    try {
      return solve();
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      this.fillNotice = notice('error', this.#describe(error));
      this.#emitError(error);
      return null;
    }
  }

  /** The most chosen names per naming pattern: the `max-per-pattern` attribute, else core's default. */
  #patternCap(): number | undefined {
    return this.maxPerPattern == null ? undefined : toCount(this.maxPerPattern);
  }

  /**
   * Solves like "Fill cheapest": over the pool with the requirement, `pinned` and the
   * hand-removed names, with the diversity cap (relaxed when it makes the order impossible);
   * null while the engine is not loaded (then no name has an answer yet).
   */
  #solveDiverse(pinned: readonly string[]): { result: SelectionResult; relaxed: boolean } | null {
    const engine = loadedEngine();
    if (engine === null) return null;
    const cap = this.#patternCap();
    return this.#trySolve(() =>
      engine.solveWithDiversity({
        rows: this.#entries.pool(),
        required: this.#required,
        pinned,
        excluded: this.#entries.rejected(),
        years: this.#years,
        groupOf: this.#entries.groupOf,
        ...(cap === undefined ? {} : { maxPerGroup: cap }),
      }),
    );
  }

  #fill(user: boolean): boolean {
    const { google, microsoft } = this.#required;
    if (google + microsoft === 0 || this.#locked || this.#confirm.phase === 'rechecking') return false;
    // a brand still being typed counts: never fill from the ideas of the brand before it
    if (this.#debouncer.pending) {
      this.#debouncer.flush();
      this.#applyIdeasKey();
    }
    // nothing checked can be ordered yet: say so rather than select nothing silently
    if (this.#entries.pool().length === 0) {
      this.fillNotice = notice('info', this.#messages.fillNothing);
      return false;
    }
    const solved = this.#solveDiverse(this.#entries.pins());
    if (solved?.result.status !== 'optimal') {
      if (solved?.result.status === 'infeasible') this.fillNotice = notice('infeasible', this.#messages.shortfall(solved.result.shortfall));
      return false;
    }
    const unchanged =
      solved.result.domains.length === this.chosen.size && solved.result.domains.every((d) => this.chosen.has(d));
    this.fillNotice = solved.relaxed
      ? notice('warning', this.#messages.diversityRelaxed)
      : unchanged && user
        ? notice('info', this.#messages.fillUnchanged)
        : null;
    this.#setChosen(solved.result.domains, user);
    return true;
  }

  // ---------------------------------------------------------------- selection

  #setChosen(next: Iterable<string>, user: boolean): void {
    const set = new Set(next);
    const same = set.size === this.chosen.size && [...set].every((d) => this.chosen.has(d));
    this.#confirm.selectionChanged(same);
    this.requestUpdate();
    if (same) return;
    this.chosen = set;
    this.#syncForm();
    this.#announce();
    if (user) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #toggle(domain: string): void {
    const entry = this.#entries.get(domain);
    if (!entry || this.#locked || this.#confirm.phase === 'rechecking') return;
    const next = new Set(this.chosen);
    if (next.delete(domain)) this.#entries.unpick(domain);
    else {
      if (entry.row === null || !isOrderable(entry.row)) return;
      next.add(domain);
      this.#entries.pick(domain);
    }
    this.#setChosen(next, true);
  }

  /**
   * A remove button of the summary's list: like unticking the row. The pressed button goes
   * away with its name, so focus moves to the Remove button now in its place (or the last
   * one, or "Fill cheapest" when none is left) instead of dropping to the page.
   */
  #remove(domain: string): void {
    if (!this.chosen.has(domain)) return;
    const removeButtons = (): HTMLButtonElement[] => [
      ...this.renderRoot.querySelectorAll<HTMLButtonElement>('.chosen button[data-action="remove"]'),
    ];
    const pressed = removeButtons().findIndex((button) => button.closest('li')?.dataset.domain === domain);
    const hadFocus = pressed >= 0 && (this.renderRoot as ShadowRoot).activeElement === removeButtons()[pressed];
    this.#toggle(domain);
    if (!hadFocus) return;
    void this.updateComplete.then(() => {
      const left = removeButtons();
      (left[Math.min(pressed, left.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('button[data-action="fill"]'))?.focus();
    });
  }

  /** Ctrl+A in the list: chooses every listed name that can be ordered, or none when all are. */
  #selectAll(): void {
    if (this.#locked || this.#confirm.phase === 'rechecking') return;
    const orderable = this.#visibleEntries().filter(({ row }) => row !== null && isOrderable(row));
    const next = new Set(this.chosen);
    const all = orderable.every(({ domain }) => next.has(domain));
    for (const { domain } of orderable) {
      if (all) {
        next.delete(domain);
        this.#entries.unpick(domain);
      } else if (!next.has(domain)) {
        next.add(domain);
        this.#entries.pick(domain);
      }
    }
    this.#setChosen(next, true);
  }

  #clear(): void {
    this.#entries.setPicks([], true);
    this.fillNotice = null;
    this.#setChosen([], true);
  }

  #startConfirm(): void {
    if (!this.#isDisabled && this.#isComplete()) this.#confirm.start();
  }

  // ---------------------------------------------------------------- form, states, events

  #syncForm(): void {
    const formData = new FormData();
    const names = this.value;
    if (this.name) for (const domain of names) formData.append(this.name, domain);
    this.#internals.setFormValue(this.name ? formData : null, JSON.stringify(names));
    if (this.required && !this.#isComplete()) {
      const anchor = this.renderRoot?.querySelector<HTMLElement>('#brand') ?? undefined;
      const m = this.#messages;
      const slots = this.#slots();
      const problem =
        missingText({ m, slots, required: this.#required, complete: false, chosenCount: this.chosen.size }) ?? m.noneChosen;
      this.#internals.setValidity({ valueMissing: true }, m.valueMissing(problem), anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  #syncStates(): void {
    applyCustomStates(this.#internals.states, {
      pending: this.#busy || this.#confirm.phase === 'rechecking' || this.#debouncer.pending,
      complete: this.#isComplete(),
      empty: this.#entries.size === 0,
      infeasible: this.#infeasibleText() !== null,
      confirmed: this.#confirm.phase === 'confirmed',
    });
  }

  /** Fires `peeker-error`, except for aborts (a superseded run is not a failure). */
  #emitError(error: unknown): void {
    if (!isAbort(error)) {
      this.dispatchEvent(new PeekerErrorEvent({ error: error instanceof Error ? error : new Error(String(error)) }));
    }
  }

  #announce(): void {
    this.announcement = announcement(this.#messages, this.#entries.values(), this.#slots(), this.#required);
  }

  /** Why the requirement cannot be met right now, or null. */
  #infeasibleText(): string | null {
    if (this.fillNotice?.kind === 'infeasible') return this.fillNotice.text;
    const outcome = this.#search.outcome;
    if (!outcome || outcome.feasible || outcome.failed > 0 || outcome.shortfall === null) return null;
    const text = this.#messages.shortfall(outcome.shortfall);
    return outcome.exhausted ? `${text} ${this.#messages.ideasExhausted}` : text;
  }

  #totals(): { firstYear: number; renewal: number; currency: string | undefined } {
    return selectionTotals(this.#chosenRows(), this.#entries.values());
  }

  /** Cents a complete selection saves over picking the cheapest-looking names by hand, or null. */
  #savings(complete: boolean): number | null {
    if (!complete) return null;
    const rejected = new Set(this.#entries.rejected());
    const pool = this.#entries.pool().filter((row) => !rejected.has(row.domain));
    return selectionSavings(this.#chosenRows(), pool, this.#required, this.#years);
  }

  /** The entries the list shows, sorted and filtered by the toolbar. */
  #visibleEntries(): Entry[] {
    const entries = [...this.#entries.values()];
    const toolbar = loadedListToolbar();
    return toolbar && this.view ? toolbar.applyView(entries, this.view, this.#years, this.tlds) : entries;
  }

  // ---------------------------------------------------------------- event handlers

  #onInput = (event: Event): void => {
    this.#typing = true;
    this.brand = (event.target as HTMLInputElement).value;
    this.#debouncer.schedule(() => {
      this.#typedBrand = true;
      this.debouncedBrand = this.brand.trim();
    }, toCount(this.debounce, 300));
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
    const domains = this.#visibleEntries().map((e) => e.domain);
    if (this.activeDomain === null || !domains.includes(this.activeDomain)) {
      this.activeDomain = domains.find((d) => this.chosen.has(d)) ?? domains[0] ?? null;
      this.#scrollActive = true;
    }
  };

  #onListKeydown = (event: KeyboardEvent): void => {
    const action = listboxKeyAction(event, this.#visibleEntries().map((e) => e.domain), this.activeDomain);
    if (action === null) return;
    event.preventDefault();
    if (action.kind === 'select-all') this.#selectAll();
    else if (action.kind === 'move') {
      this.activeDomain = action.domain;
      this.#scrollActive = true;
    } else if (action.kind === 'leave') this.#focus('#brand');
    else if (this.activeDomain !== null) this.#toggle(this.activeDomain);
  };

  #onListClick = (event: MouseEvent): void => {
    const domain = (event.target as Element).closest<HTMLElement>('[role="option"]')?.dataset.domain;
    if (!domain) return;
    this.activeDomain = domain;
    this.#toggle(domain);
  };

  /** "Check list": the paste box's parser loads on first use. */
  #onPaste = (): void => {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#paste');
    if (!textarea || this.#locked) return;
    const text = textarea.value;
    this.#track(
      import('./paste-list.ts').then(({ readPastedList }) => {
        const { domains, invalid } = readPastedList(text);
        this.pasteInvalid = invalid;
        for (const domain of domains) this.#entries.ensure(domain, 'list');
        this.requestUpdate();
        if (domains.length > 0) {
          if (textarea.value === text) textarea.value = '';
          this.#search.checkList();
        }
      }),
    );
  };

  /** A download button: the file builders load on first use. */
  #download(kind: DownloadKind): void {
    // what the customer sees at the click, whenever the file builders arrive
    const source: DownloadSource = {
      value: this.value,
      slots: this.#slots(),
      entries: [...this.#entries.values()],
      rowOf: (domain) => this.#entries.rowOf(domain),
      totals: this.#totals(),
      order: this.order,
      root: this.renderRoot,
    };
    this.#track(import('./downloads.ts').then(({ download }) => download(kind, source)));
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const m = this.#messages;
    const locked = this.#locked;
    const req = this.#required;
    const slots = this.#slots();
    // a Google-only name cannot help once Google is full and Microsoft slots are still open
    const googleOnlyUseless = slots.microsoft.length < req.microsoft && slots.google.length >= req.google;
    const entries = [...this.#entries.values()];
    const visible = this.#visibleEntries();
    const toolbar = loadedListToolbar();
    const empty = entries.length === 0;
    const active = this.#activeEntry;
    const busy = this.#busy;
    const locale = this.#locale;
    const totals = this.#totals();
    const money = (cents: number): string => formatMoney(cents, totals.currency, locale);

    return html`<div part="base" class="base">
      <div class="field">
        <label for="brand">${m.brandLabel}</label>
        <input id="brand" part="input" type="text" autocomplete="off" spellcheck="false" aria-controls="results"
          aria-describedby="brand-hint" placeholder=${m.brandPlaceholder} .value=${this.brand} ?disabled=${locked}
          @input=${this.#onInput} @keydown=${this.#onInputKeydown} />
        <p id="brand-hint" class="hint">${m.brandHint}</p>
      </div>
      ${renderMeters(m, slots, req)}
      ${renderProgress(m, this.#search.progress, busy)}
      ${this.#renderNotices()}
      <p id="results-label" class="list-label" ?hidden=${empty}>${m.resultsLabel}</p>
      ${empty || !toolbar
        ? nothing
        : toolbar.renderToolbar(this.view ?? toolbar.DEFAULT_VIEW, entries, this.tlds, visible.length, m, locked, (view) => (this.view = view))}
      <p id="results-help" class="hint" ?hidden=${empty}>${m.resultsHelp}</p>
      <div id="results" part="listbox" class="listbox" role="listbox" aria-multiselectable="true"
        aria-labelledby="results-label" aria-describedby="results-help" aria-busy=${String(busy)}
        aria-disabled=${String(locked)} aria-activedescendant=${active ? active.id : nothing}
        tabindex=${this.#isDisabled ? '-1' : '0'} ?hidden=${empty} @keydown=${this.#onListKeydown} @focus=${this.#onListFocus}
        @click=${this.#onListClick}>
        ${visible.map((entry) => {
          const isActive = entry === active;
          const { row, domain, source } = entry;
          const selected = this.chosen.has(domain);
          const manual = this.#entries.isManual(domain);
          const deps = [row, source, selected, isActive, manual, googleOnlyUseless, this.now, this.messages, locale];
          return guard(deps, () =>
            renderOption(entry, { selected, active: isActive, manual, googleOnlyUseless, m, locale, now: this.now }),
          );
        })}
      </div>
      <p class="muted empty" ?hidden=${!empty}>${m.emptyResults}</p>
      ${renderPasteBox({ m, open: this.pasteOpen, locked, onToggle: () => (this.pasteOpen = !this.pasteOpen), onCheck: this.#onPaste })}
      ${renderSummary({
        m,
        slots,
        required: req,
        complete: this.#isComplete(slots),
        chosenCount: this.chosen.size,
        listed: entries.length,
        totals,
        priced: totals.currency !== undefined,
        years: this.#years,
        rowOf: (domain) => this.#entries.rowOf(domain),
        savings: this.#savings(this.#isComplete(slots)),
        onRemove: (domain) => this.#remove(domain),
        money,
        phase: this.#confirm.phase,
        locked,
        review: this.#confirm.renderReview({ firstYear: money(totals.firstYear), renewal: money(totals.renewal) }, this.#isComplete(slots), locale),
        onFill: () => this.#fill(true),
        onClear: () => this.#clear(),
        onConfirm: () => this.#startConfirm(),
        onDownload: (kind) => this.#download(kind),
      })}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderNotices(): TemplateResult {
    const { brandProblem, error } = this.#search;
    return renderNotices({
      m: this.#messages,
      noTransport: this.debouncedBrand !== '' && this.checkAvailability === null && this.endpoint === '',
      brandProblem: brandProblem === null ? null : this.#describe(brandProblem),
      searchFailed: error && !isAbort(error.error) ? this.#describe(error.error) : null,
      failedCount: checkedCounts(this.#entries.values()).failed,
      infeasible: this.#infeasibleText(),
      fillNotice: this.fillNotice,
      flowNotice: this.#confirm.notice,
      pasteInvalid: this.pasteInvalid,
      disabled: this.#isDisabled,
      onRetry: () => this.#retry(),
    });
  }
}
