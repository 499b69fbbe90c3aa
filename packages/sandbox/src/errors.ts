/**
 * Errors the sandbox answers, always in Peeker's envelope
 * `{"error":{"code","message","field"?,"details"?}}` (docs/peeker-api.md §2.1).
 */

/** An error answer. Throw it from a route; the server turns it into the envelope. */
export class SandboxHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'SandboxHttpError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }

  /** The JSON envelope. */
  toEnvelope(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** 400 `invalid_request` naming the bad field. */
export function invalidRequest(message: string, field?: string, details?: Record<string, unknown>): SandboxHttpError {
  return new SandboxHttpError(400, 'invalid_request', message, field, details);
}

/** 404 `not_found` (nothing with that id in this account). */
export function notFound(what: string): SandboxHttpError {
  return new SandboxHttpError(404, 'not_found', `No ${what} with that id in your account`);
}

/** 401 `unauthorized`. The message never echoes the key. */
export function unauthorized(message: string): SandboxHttpError {
  return new SandboxHttpError(401, 'unauthorized', message);
}

/** 403 `forbidden`. */
export function forbidden(preset: string): SandboxHttpError {
  return new SandboxHttpError(403, 'forbidden', `This API key's permission preset (${preset}) does not allow this call`);
}

/** 429 `rate_limited` with `details.retry_after_seconds` (no header, as documented). */
export function rateLimited(retryAfterSeconds: number): SandboxHttpError {
  return new SandboxHttpError(429, 'rate_limited', 'API rate limit exceeded', undefined, {
    retry_after_seconds: retryAfterSeconds,
  });
}
