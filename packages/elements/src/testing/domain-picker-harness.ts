import { compareNames } from '@peeker/core';
import type { PeekerDomainPicker } from '../domain-picker/domain-picker.ts';

/** Buttons the harness can press, by their `data-action`. */
export type PickerAction =
  | 'fill'
  | 'clear'
  | 'confirm'
  | 'confirm-again'
  | 'keep-editing'
  | 'check-list'
  | 'retry'
  | 'csv'
  | 'json'
  | 'results';

/**
 * Drives a `<peeker-domain-picker>` through its shadow DOM the way a customer would
 * (typing, clicking, pasting), and reads what it shows. Used by the package's own browser
 * tests and the demo; framework-free, so it works with any test runner.
 *
 * Every action resolves once the element is idle again (debounce elapsed, checks landed,
 * re-render done), so assertions can follow directly.
 *
 * @example
 * ```ts
 * const harness = new DomainPickerHarness(document.querySelector('peeker-domain-picker')!);
 * await harness.typeBrand('acme');
 * await harness.press('fill');
 * expect(harness.selectedDomains()).toHaveLength(19);
 * ```
 */
export class DomainPickerHarness {
  /** The element driven. */
  readonly element: PeekerDomainPicker;

  /**
   * @param element - a connected `<peeker-domain-picker>`
   * @throws TypeError when `element` has no open shadow root (not upgraded yet)
   */
  constructor(element: PeekerDomainPicker) {
    if (!element || !element.shadowRoot) {
      throw new TypeError('Expected an upgraded <peeker-domain-picker>, got an element without a shadow root');
    }
    this.element = element;
  }

  /** The element's shadow root. */
  get root(): ShadowRoot {
    return this.element.shadowRoot as ShadowRoot;
  }

  /** The brand input. */
  get input(): HTMLInputElement {
    return this.#one<HTMLInputElement>('#brand');
  }

  /** The results listbox. */
  get listbox(): HTMLElement {
    return this.#one<HTMLElement>('#results');
  }

  /** The paste textarea. */
  get pasteBox(): HTMLTextAreaElement {
    return this.#one<HTMLTextAreaElement>('#paste');
  }

  /**
   * Waits until the element is idle.
   * @returns when debounce, checks and rendering are done
   */
  async settle(): Promise<void> {
    await this.element.checksComplete;
  }

  /**
   * Types a brand like a customer (replacing the input's text, one `input` event).
   * @param text - the brand
   * @returns when the resulting checks are done
   */
  async typeBrand(text: string): Promise<void> {
    const input = this.input;
    input.focus();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text, inputType: 'insertText' }));
    await this.settle();
  }

  /** @returns every option element, in list order */
  options(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  /** @returns every name in the list, in order */
  domains(): string[] {
    return this.options().map((option) => option.dataset.domain ?? '');
  }

  /**
   * @param domain - a name in the list
   * @returns its option element, or null
   */
  option(domain: string): HTMLElement | null {
    return this.options().find((option) => option.dataset.domain === domain) ?? null;
  }

  /**
   * @param domain - a name in the list
   * @returns its display status (`checking`, `available`, `taken`, `premium`, `invalid`, `error`, `stale`), or null
   */
  statusOf(domain: string): string | null {
    return this.option(domain)?.dataset.status ?? null;
  }

  /**
   * @param domain - a name in the list
   * @returns the visible status text of its row
   */
  statusText(domain: string): string {
    return this.option(domain)?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
  }

  /** @returns names shown as available, in order */
  availableDomains(): string[] {
    return this.options()
      .filter((option) => option.dataset.status === 'available')
      .map((option) => option.dataset.domain ?? '');
  }

  /** @returns names whose option is `aria-selected="true"`, sorted */
  selectedDomains(): string[] {
    return this.options()
      .filter((option) => option.getAttribute('aria-selected') === 'true')
      .map((option) => option.dataset.domain ?? '')
      .sort(compareNames);
  }

  /**
   * @param domain - a name in the list
   * @returns whether the row carries the "Google only" warning
   */
  isGoogleOnlyFlagged(domain: string): boolean {
    return this.option(domain)?.querySelector('[data-flag="google-only"]') != null;
  }

  /**
   * Clicks a row (toggles it when it can be chosen).
   * @param domain - a name in the list
   * @returns when the element re-rendered
   * @throws Error when the name is not in the list
   */
  async toggle(domain: string): Promise<void> {
    const option = this.option(domain);
    if (!option) throw new Error(`No option for ${domain}`);
    option.click();
    await this.settle();
  }

  /**
   * @param action - the button's `data-action`
   * @returns the button, or null when it is not rendered
   */
  button(action: PickerAction): HTMLButtonElement | null {
    return this.root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  }

  /**
   * Clicks a button and waits for what it started (re-checks, fills).
   * @param action - the button's `data-action`
   * @returns when the element is idle
   * @throws Error when the button is missing or disabled
   */
  async press(action: PickerAction): Promise<void> {
    const button = this.button(action);
    if (!button) throw new Error(`No "${action}" button`);
    if (button.disabled) throw new Error(`The "${action}" button is disabled`);
    button.click();
    await this.settle();
  }

  /**
   * Pastes names into the list box and presses "Check list".
   * @param text - names separated by newlines, commas or spaces
   * @returns when the pasted names are checked
   */
  async pasteList(text: string): Promise<void> {
    const toggle = this.root.querySelector<HTMLButtonElement>('#paste-toggle');
    if (toggle?.getAttribute('aria-expanded') === 'false') {
      toggle.click();
      await this.element.updateComplete;
    }
    const box = this.pasteBox;
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.press('check-list');
  }

  /**
   * @param provider - which meter
   * @returns its text, e.g. `Google 12 / 15`, or `''` when the meter is not shown
   */
  meterText(provider: 'google' | 'microsoft'): string {
    return this.root.querySelector(`[part="meter"][data-provider="${provider}"] .meter-text`)?.textContent?.trim() ?? '';
  }

  /**
   * @param which - `first-year`, `renewal` or `horizon`
   * @returns the formatted total shown in the summary
   */
  total(which: 'first-year' | 'renewal' | 'horizon'): string {
    return this.root.querySelector(`[data-total="${which}"]`)?.textContent?.trim() ?? '';
  }

  /** @returns the summary's "what is missing" line, or `''` */
  missingText(): string {
    return this.root.querySelector('[data-role="missing"]')?.textContent?.trim() ?? '';
  }

  /**
   * @returns the summary's list of chosen names, in its order (Microsoft slots first), each with
   *   its slot: `google`, `microsoft`, `extra` (no slot left for it) or `unusable`
   */
  chosen(): { domain: string; slot: string }[] {
    return [...this.root.querySelectorAll<HTMLElement>('.chosen li')].map((li) => ({
      domain: li.dataset.domain ?? '',
      slot: li.dataset.slot ?? '',
    }));
  }

  /**
   * Presses the Remove button of a chosen name in the summary.
   * @param domain - a chosen name
   * @returns when the element re-rendered
   * @throws Error when the name is not in the summary's list
   */
  async remove(domain: string): Promise<void> {
    const button = this.root.querySelector<HTMLButtonElement>(`.chosen li[data-domain="${CSS.escape(domain)}"] button[data-action="remove"]`);
    if (!button) throw new Error(`${domain} is not in the selection`);
    button.click();
    await this.settle();
  }

  /** @returns the summary's "saves …" line, or `''` when the optimiser saved nothing over picking by hand */
  savingsText(): string {
    return this.root.querySelector('[data-role="savings"]')?.textContent?.trim() ?? '';
  }

  /** @returns the text of every notice (errors, infeasibility, warnings), in order */
  notices(): string[] {
    return [...this.root.querySelectorAll('.notices .notice')].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }

  /** @returns the review shown after the final re-check changed something, or `''` */
  reviewText(): string {
    return this.root.querySelector('[data-role="review"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** @returns the polite live region's current text */
  announcement(): string {
    return this.root.querySelector('[role="status"][aria-live="polite"]')?.textContent?.trim() ?? '';
  }

  #one<T extends Element>(selector: string): T {
    const found = this.root.querySelector<T>(selector);
    if (!found) throw new Error(`<peeker-domain-picker> has no ${selector}`);
    return found;
  }
}
