import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OrderStatusEvent } from '@peeker/core';
import { hostStyles } from '../internal/host-styles.ts';
import { themeTokens } from '../internal/theme-tokens.ts';
import { resolveMessages, type PeekerMessages } from '../messages.ts';
import styles from './order-status.styles.ts';

/** One event as `createOrderEventsHandler` (`@peeker/core/server`) streams it: core's `OrderStatusEvent`. */
export type OrderStatusEventData = OrderStatusEvent;

/** Where the live stream is: not started, open, reconnecting, finished, refused. */
type Connection = 'idle' | 'open' | 'reconnecting' | 'ended' | 'unavailable';

/** What the order is doing, from the events seen so far (a later state wins). */
type Phase = 'waiting' | 'in-progress' | 'attention' | 'completed' | 'failed' | 'cancelled';

const FINAL = new Set(['order.completed', 'order.failed', 'order.cancelled']);

function readEvent(text: string): OrderStatusEventData | null {
  try {
    const value = JSON.parse(text) as Partial<OrderStatusEventData> | null;
    if (!value || typeof value.id !== 'string' || typeof value.type !== 'string' || typeof value.order_id !== 'string') return null;
    return {
      id: value.id,
      type: value.type,
      created_at: typeof value.created_at === 'string' ? value.created_at : null,
      order_id: value.order_id,
      status: typeof value.status === 'string' ? value.status : null,
      domain: typeof value.domain === 'string' ? value.domain : null,
      domain_count: typeof value.domain_count === 'number' ? value.domain_count : null,
      reason: typeof value.reason === 'string' ? value.reason : null,
    };
  } catch {
    return null;
  }
}

/**
 * Follows one Peeker order live: `order.in_progress → domain.connected × n → order.completed`
 * (or `order.failed`, `order.action_required`, cancellation), with a progress bar, the list
 * of updates and a polite live region that announces each change of state. It reads the
 * server-sent events of the partner's `createOrderEventsHandler` (`@peeker/core/server`),
 * authorised by the order-scoped token from the order endpoint's receipt, reconnects by
 * itself (the server skips what was already seen), and closes the stream once the order is
 * finished. Events arrive out of order and may repeat: each is shown once, and the progress
 * counts distinct connected domains.
 *
 * The class is not registered; import `@peeker/elements/define/peeker-order-status.js`.
 *
 * @summary Live status of a placed Peeker order.
 *
 * @csspart base - The wrapper.
 * @csspart headline - The current state in one sentence.
 * @csspart progress - The progress bar.
 * @csspart timeline - The list of updates.
 *
 * @cssproperty [--peeker-font-family=inherit] - Font family.
 * @cssproperty [--peeker-text-color=light-dark(#1f2328, #e6edf3)] - Text colour.
 * @cssproperty [--peeker-muted-color=light-dark(#57606a, #9ea7b3)] - The list of updates.
 * @cssproperty [--peeker-surface-color=light-dark(#ffffff, #161b22)] - Background.
 * @cssproperty [--peeker-border-color=light-dark(#8c959f, #6e7681)] - Border.
 * @cssproperty [--peeker-accent-color=light-dark(#0b57d0, #8ab4f8)] - Progress bar.
 * @cssproperty [--peeker-success-color=light-dark(#1a7f37, #3fb950)] - Completed.
 * @cssproperty [--peeker-danger-color=light-dark(#b3261e, #ff7b72)] - Failed.
 * @cssproperty [--peeker-warning-color=light-dark(#8a4b00, #d29922)] - Needs attention.
 *
 * @cssstate live - The stream is open.
 * @cssstate completed - The order completed.
 * @cssstate failed - The order failed.
 */
export class PeekerOrderStatus extends LitElement {
  static override styles = [hostStyles, themeTokens, styles];

  /** URL of the partner's order events endpoint (`createOrderEventsHandler`), e.g. `/api/orders/events`. */
  @property() endpoint = '';

  /** The order to follow (`ord_…`), from the order endpoint's receipt. */
  @property({ attribute: 'order-id' }) orderId = '';

  /** The order-scoped token from the receipt (`events.token`). Not reflected. */
  @property({ attribute: false }) token = '';

  /** How many domains the order has (0: taken from the events when they say). */
  @property({ type: Number }) total = 0;

  /** Partial override of the English UI text (the same object the picker takes). */
  @property({ attribute: false }) messages: Partial<PeekerMessages> | null = null;

  @state() private events: OrderStatusEventData[] = [];
  @state() private connection: Connection = 'idle';
  @state() private announcement = '';

  readonly #internals: ElementInternals;
  #source: EventSource | null = null;
  #lastHeadline = '';

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** Every distinct event received for the order, in arrival order. */
  get receivedEvents(): readonly OrderStatusEventData[] {
    return this.events;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close('idle');
  }

  // State set here joins the current update (no second render).
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('endpoint') || changed.has('orderId') || changed.has('token')) {
      if (changed.has('orderId') && changed.get('orderId') !== undefined) this.events = [];
      this.#connect();
    }
    const headline = this.#headline();
    if (headline !== this.#lastHeadline && this.events.length > 0) {
      this.#lastHeadline = headline;
      // A failure is an alert already (the headline's role); saying it twice helps nobody.
      this.announcement = this.#phase() === 'failed' ? '' : headline;
    }
  }

  protected override updated(): void {
    this.#syncStates();
  }

  #close(next: Connection): void {
    this.#source?.close();
    this.#source = null;
    this.connection = next;
  }

  #connect(): void {
    this.#close('idle');
    if (!this.endpoint || !this.orderId || !this.token || !this.isConnected) return;
    if (this.events.some((e) => FINAL.has(e.type))) {
      this.connection = 'ended';
      return;
    }
    let url: URL;
    try {
      url = new URL(this.endpoint, document.baseURI);
    } catch {
      this.connection = 'unavailable';
      return;
    }
    url.searchParams.set('order', this.orderId);
    url.searchParams.set('token', this.token);
    const source = new EventSource(url, { withCredentials: url.origin === location.origin });
    this.#source = source;
    this.connection = 'reconnecting';
    source.onopen = () => {
      if (this.#source === source) this.connection = 'open';
    };
    source.onmessage = (message) => {
      if (this.#source !== source) return;
      const event = readEvent(String(message.data));
      if (event === null || event.order_id !== this.orderId || this.events.some((e) => e.id === event.id)) return;
      this.events = [...this.events, event];
    };
    source.addEventListener('end', () => {
      if (this.#source === source) this.#close('ended');
    });
    source.onerror = () => {
      if (this.#source !== source) return;
      // CLOSED: the server refused the stream (bad token, not found); else the browser retries.
      if (source.readyState === EventSource.CLOSED) this.#close(this.#finished ? 'ended' : 'unavailable');
      else this.connection = 'reconnecting';
    };
  }

  get #finished(): boolean {
    return this.events.some((e) => FINAL.has(e.type));
  }

  get #messages(): PeekerMessages {
    return resolveMessages(this.messages);
  }

  #phase(): Phase {
    const types = new Set(this.events.map((e) => e.type));
    if (types.has('order.failed')) return 'failed';
    if (types.has('order.completed')) return 'completed';
    if (types.has('order.cancelled') || types.has('order.cancel_scheduled')) return 'cancelled';
    if (types.has('order.action_required') || types.has('domain.action_required')) return 'attention';
    if (this.events.length > 0) return 'in-progress';
    return 'waiting';
  }

  #connected(): number {
    return new Set(this.events.filter((e) => e.type === 'domain.connected').map((e) => e.domain ?? e.id)).size;
  }

  #total(): number {
    if (this.total > 0) return Math.floor(this.total);
    const counts = this.events.map((e) => e.domain_count ?? 0);
    const known = Math.max(0, ...counts);
    return known > 0 ? known : this.#phase() === 'completed' ? this.#connected() : 0;
  }

  #headline(): string {
    const m = this.#messages;
    const id = this.orderId;
    switch (this.#phase()) {
      case 'failed':
        return m.orderStatusFailed(id, this.events.find((e) => e.type === 'order.failed')?.reason ?? '');
      case 'completed':
        return m.orderStatusCompleted(id);
      case 'cancelled':
        return m.orderStatusCancelled(id);
      case 'attention': {
        const event = this.events.find((e) => e.type.endsWith('action_required'));
        return m.orderStatusActionRequired(event?.domain ?? id);
      }
      case 'in-progress':
        return m.orderStatusInProgress(id);
      default:
        return m.orderStatusWaiting(id);
    }
  }

  #line(event: OrderStatusEventData): string {
    const m = this.#messages;
    switch (event.type) {
      case 'order.in_progress':
        return m.orderStatusInProgress(event.order_id);
      case 'domain.connected':
        return m.orderStatusDomainConnected(event.domain ?? '');
      case 'order.completed':
        return m.orderStatusCompleted(event.order_id);
      case 'order.failed':
        return m.orderStatusFailed(event.order_id, event.reason ?? '');
      case 'order.cancelled':
      case 'order.cancel_scheduled':
        return m.orderStatusCancelled(event.order_id);
      case 'order.action_required':
      case 'domain.action_required':
        return m.orderStatusActionRequired(event.domain ?? event.order_id);
      default:
        return m.orderStatusOther(event.type);
    }
  }

  #syncStates(): void {
    const states = this.#internals.states;
    if (!states) return;
    const phase = this.#phase();
    const on = { live: this.connection === 'open', completed: phase === 'completed', failed: phase === 'failed' };
    for (const [name, set] of Object.entries(on)) {
      try {
        if (set) states.add(name);
        else states.delete(name);
      } catch {
        // custom states are progressive enhancement
      }
    }
  }

  protected override render(): TemplateResult {
    const m = this.#messages;
    const phase = this.#phase();
    const connected = this.#connected();
    const total = this.#total();
    const headline = this.#headline();
    const state = phase === 'in-progress' || phase === 'waiting' ? 'progress' : phase;
    const failed = phase === 'failed';
    const problem =
      this.connection === 'unavailable' ? m.orderStatusUnavailable
      : this.connection === 'reconnecting' && this.events.length > 0 && !this.#finished ? m.orderStatusReconnecting
      : null;
    return html`<section part="base" class="base" aria-label=${m.orderStatusLabel} aria-busy=${String(phase === 'in-progress' || phase === 'waiting')}>
      <p part="headline" class="headline" data-state=${state} role=${failed ? 'alert' : nothing}>${headline}</p>
      ${total > 0
        ? html`<div class="progress">
            <span id="progress-text">${m.orderStatusProgress(Math.min(connected, total), total)}</span>
            <progress part="progress" max=${total} .value=${Math.min(connected, total)} aria-labelledby="progress-text"></progress>
          </div>`
        : nothing}
      ${problem !== null ? html`<p class="connection" data-connection=${this.connection}>${problem}</p>` : nothing}
      ${this.events.length > 0
        ? html`<ol part="timeline" class="timeline" aria-label=${m.orderStatusLabel}>
            ${this.events.map((e) => html`<li data-type=${e.type}>${this.#line(e)}</li>`)}
          </ol>`
        : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}
