import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AvailabilityRow } from '@peeker/core';
import type { PeekerOrderReadyEvent } from '../events/peeker-order-ready.ts';
import type { ConfirmContext, ConfirmPhase, Review } from './confirm-types.ts';
import { notice, type Notice } from './notice.ts';
import type { ReviewView } from './review-panel.ts';

type Flow = typeof import('./confirm-flow.ts');

/**
 * The confirm → fresh re-check → review → confirmed state machine of `<peeker-domain-picker>`,
 * as a Lit `ReactiveController`. The re-check and the review (used once, at the end) load on
 * first use. Once the host accepted an order (`peeker-order-ready` not cancelled) the phase
 * stays `confirmed`: Confirm is disabled and a second press sends nothing, until
 * {@link ConfirmController.reset}. Internal.
 */
export class ConfirmController implements ReactiveController {
  /** The current phase. */
  phase: ConfirmPhase = 'editing';
  /** What the re-check changed, while reviewing. */
  review: Review | null = null;
  /** The flow's notice (failure, confirmation), shown with the others. */
  notice: Notice | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #ctx: ConfirmContext;
  #run: Promise<void> | null = null;
  #abort: AbortController | null = null;
  #view: ReviewView | null = null;

  /**
   * @param host - the element
   * @param ctx - what the flow needs from it
   */
  constructor(host: ReactiveControllerHost & HTMLElement, ctx: ConfirmContext) {
    this.#host = host;
    this.#ctx = ctx;
    host.addController(this);
  }

  /** The running confirm, for `checksComplete`; null when idle. */
  get running(): Promise<void> | null {
    return this.#run;
  }

  /** @internal */
  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Starts the fresh re-check of a complete selection (a second press while it runs, or after an accepted order, does nothing). */
  start(): void {
    if (this.#run || this.phase === 'confirmed') return;
    this.#run = this.#confirm().finally(() => {
      this.#run = null;
      this.#host.requestUpdate();
    });
  }

  /** Leaves the review and keeps the changed selection for editing. */
  keepEditing(): void {
    this.#set('editing', null);
  }

  /**
   * The selection changed: leaves a review; a different selection also drops the flow's
   * notice. Ignored while re-checking (the flow changes the selection itself) and once confirmed.
   * @param same - the selection is the same set as before
   */
  selectionChanged(same: boolean): void {
    if (this.phase === 'rechecking' || this.phase === 'confirmed') return;
    this.phase = 'editing';
    this.review = null;
    if (!same) this.notice = null;
  }

  /** Back to editing after an accepted order (the host set `value`, or the form was reset). */
  reset(): void {
    if (this.phase !== 'confirmed') return;
    this.notice = null;
    this.#set('editing', null);
  }

  /**
   * @param totals - the new totals, formatted
   * @param canConfirm - whether the changed selection is complete
   * @param locale - for the changed prices
   * @returns the review panel, or nothing outside the review
   */
  renderReview(totals: { firstYear: string; renewal: string }, canConfirm: boolean, locale: string | undefined): unknown {
    if (this.phase !== 'review' || !this.review || !this.#view) return nothing;
    return this.#view.renderReview(this.review, {
      m: this.#ctx.messages(),
      totals,
      locale,
      canConfirm,
      onConfirm: () => this.start(),
      onKeepEditing: () => this.keepEditing(),
    });
  }

  #set(phase: ConfirmPhase, review: Review | null): void {
    this.phase = phase;
    this.review = review;
    this.#host.requestUpdate();
  }

  async #confirm(): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.checker() === null) return;
    this.notice = null;
    this.#set('rechecking', null);
    const controller = (this.#abort = new AbortController());
    let flow: Flow;
    try {
      [flow, { reviewView: this.#view }] = await Promise.all([import('./confirm-flow.ts'), import('./review-panel.ts')]);
    } catch (error) {
      this.notice = notice('error', ctx.messages().loadFailed);
      ctx.emitError(error);
      this.#set('editing', null);
      return;
    }
    let outcome: Awaited<ReturnType<Flow['recheckSelection']>>;
    try {
      outcome = await flow.recheckSelection(ctx, controller.signal);
    } finally {
      this.#abort = null;
    }
    if (outcome.kind === 'failed') {
      this.notice = outcome.notice;
      this.#set('editing', null);
      return;
    }
    if (outcome.kind === 'review') {
      this.#set('review', outcome.review);
      await this.#focus('[data-role="review"]');
      return;
    }
    if (ctx.orderEndpoint()) {
      await this.#place(outcome.event, ctx.orderEndpoint());
      return;
    }
    this.#set('confirmed', null);
    await this.#host.updateComplete;
    if (this.#host.dispatchEvent(outcome.event)) {
      this.notice = notice('success', ctx.messages().confirmed);
      this.#host.requestUpdate();
      await this.#focus('[data-role="flow-notice"]');
    } else this.#set('editing', null);
  }

  /**
   * With `order-endpoint`: `peeker-order-ready` first (cancelable), then the POST. "Confirmed"
   * only once the server accepted the order; taken names come back as a review with the
   * server's replacements and the cost difference, for a second confirmation; a failure
   * leaves the selection as it was, so Confirm re-sends the same draft (the endpoint answers
   * a repeat with the original receipt).
   */
  async #place(event: PeekerOrderReadyEvent, endpoint: string): Promise<void> {
    const ctx = this.#ctx;
    const m = ctx.messages();
    await this.#host.updateComplete;
    if (!this.#host.dispatchEvent(event)) return this.#set('editing', null);
    this.notice = notice('info', m.placingOrder);
    this.#host.requestUpdate();
    const controller = (this.#abort = new AbortController());
    let outcome: Awaited<ReturnType<(typeof import('./order-submit.ts'))['placeOrder']>>;
    try {
      const { placeOrder } = await import('./order-submit.ts');
      outcome = await placeOrder(ctx, event.detail, endpoint, controller.signal);
    } catch (error) {
      this.notice = controller.signal.aborted ? null : notice('error', m.loadFailed);
      if (!controller.signal.aborted) ctx.emitError(error);
      return this.#set('editing', null);
    } finally {
      this.#abort = null;
    }
    if (outcome.kind === 'review') {
      this.notice = null;
      this.#set('review', outcome.review);
      await this.#focus('[data-role="review"]');
      return;
    }
    this.notice = outcome.notice;
    this.#set(outcome.kind === 'placed' ? 'confirmed' : 'editing', null);
    await this.#host.updateComplete;
    if (outcome.kind === 'placed') this.#host.dispatchEvent(outcome.event);
    await this.#focus('[data-role="flow-notice"]');
  }

  /** Moves focus to what replaced the pressed button (never leaving it on `<body>`). */
  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}
