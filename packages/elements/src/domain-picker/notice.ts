/** A notice shown above the list of `<peeker-domain-picker>`. Internal. */
export interface Notice {
  kind: 'error' | 'warning' | 'infeasible' | 'success' | 'info';
  text: string;
  /** Show a Retry button beside it. */
  retry?: boolean;
}

/**
 * @param kind - how it is styled and announced (`error` is an alert)
 * @param text - what it says (already worded through the messages)
 * @param retry - show a Retry button
 * @returns the notice
 */
export const notice = (kind: Notice['kind'], text: string, retry = false): Notice => ({ kind, text, retry });
