/** Detail of {@link PeekerErrorEvent}. */
export interface PeekerErrorDetail {
  /**
   * What failed: usually a `PeekerError` (recognise it with `PeekerError.is`, read `code`,
   * `retryable`), for example a batch the availability endpoint could not answer, or an
   * `OrderValidationError` for a bad `order` property. Never carries a secret.
   */
  error: Error;
}

/**
 * Fired when something fails that the customer cannot fix by typing: availability checks
 * that failed after retries, a final re-check that could not run, an `order` property that
 * `buildOrderRequest` rejects. The element also shows the problem, with a retry where one
 * makes sense; rows already checked are kept. Not cancelable.
 *
 * @example
 * ```ts
 * picker.addEventListener('peeker-error', (event) => reportToSentry(event.detail.error));
 * ```
 */
export class PeekerErrorEvent extends Event {
  /** The event's type string. */
  static readonly eventName = 'peeker-error' as const;
  /** The failure. */
  readonly detail: PeekerErrorDetail;

  /**
   * @param detail - the failure
   */
  constructor(detail: PeekerErrorDetail) {
    super(PeekerErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peeker-error': PeekerErrorEvent;
  }
}
