/**
 * Whether an error is an abort or a timeout (a superseded run, not a failure to report).
 * @param error - anything thrown
 * @returns true for `AbortError` / `TimeoutError`
 */
export const isAbort = (error: unknown): boolean =>
  (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')) ||
  (error instanceof Error && error.name === 'AbortError');
