import { WebhookVerificationError } from '../errors/webhook-verification-error.ts';
import { constantTimeEqual } from './constant-time.ts';
import { isHeaderSource, readHeader } from './webhook-headers.ts';
import {
  computeV1Signature,
  describeValue,
  readClock,
  toBodyBytes,
  toSecretList,
} from './webhook-signature.ts';
import type { WebhookEvent } from './webhook-event.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /**
   * The **raw** request body, exactly as received: a string, or its bytes (`Uint8Array`,
   * Node `Buffer`, `ArrayBuffer`). Never a parsed-and-re-serialised object: one changed byte
   * breaks the signature. In Node read it with e.g. `express.raw({ type: 'application/json' })`;
   * with Fetch use `await request.arrayBuffer()` (or `.text()`).
   */
  body: string | Uint8Array | ArrayBuffer;
  /**
   * Request headers; names are matched case-insensitively. A Fetch `Headers`, or a plain
   * object such as Node's `IncomingHttpHeaders` whose values are strings or string arrays
   * (array items are joined with commas).
   */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * Webhook signing secret(s). Give several to accept deliveries signed with any of them,
   * e.g. `[liveSecret, sandboxSecret]` (sandbox events use their own secret) or old and new
   * secrets during a rotation.
   */
  secret: string | readonly string[];
  /**
   * Largest accepted distance between `Peeker-Timestamp` and `now`, in seconds, in either
   * direction (clock skew both ways). A distance of exactly `toleranceSeconds` is accepted.
   * `Infinity` disables the check (only for replaying stored deliveries).
   * @default 300
   */
  toleranceSeconds?: number;
  /**
   * The current time in epoch milliseconds, or a function returning it. This is the only
   * clock `verifyWebhook` reads; inject it in tests.
   * @default Date.now
   */
  now?: number | (() => number);
}

const DEFAULT_TOLERANCE_SECONDS = 300;
const SIGNATURE_PREFIX = 'v1=';

function fail(code: ConstructorParameters<typeof WebhookVerificationError>[0], message: string, cause?: unknown): never {
  throw new WebhookVerificationError(code, message, cause === undefined ? {} : { cause });
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Verifies a Peeker webhook delivery and returns its parsed event.
 *
 * **Assumption:** Peeker does not document the signed string; this is the project's
 * assumption (docs/peeker-api.md §10.1). Peeker documents HMAC-SHA256, hex, a `v1=` prefix and the
 * timestamp header; the project assumes
 * `Peeker-Signature: v1=<lower-case hex HMAC-SHA256(key = secret as UTF-8, message = "<Peeker-Timestamp>.<raw body>")>`.
 * If real deliveries fail verification, revisit this assumption first.
 *
 * Steps, in order:
 * 1. `Peeker-Timestamp` and `Peeker-Signature` must be present (`missing_header`).
 * 2. The timestamp must be digits only, whole Unix seconds (`invalid_timestamp`), and at most
 *    `toleranceSeconds` away from `now` in either direction (`timestamp_out_of_tolerance`).
 * 3. `Peeker-Signature` is split on commas; each part is trimmed; parts starting with `v1=`
 *    are candidates (other versions such as `v0=` are ignored). The delivery is accepted if
 *    **any** candidate equals the expected signature for **any** secret, compared in
 *    constant time (hex case is ignored: Peeker does not document it). Otherwise
 *    `invalid_signature`.
 * 4. Only then is the body decoded (UTF-8) and parsed: it must be a JSON object with a string
 *    `id` starting `evt_`, a string `type`, an object `data` and, when present, a string
 *    `created_at` (`invalid_payload`).
 *
 * The `Peeker-Event-Id` header is not required: it is not signed, while the body's `id`
 * (the same value) is. Deduplicate on `event.id`.
 *
 * Uses Web Crypto (`globalThis.crypto.subtle`) only.
 *
 * @param options - raw body, headers, secret(s), tolerance and clock
 * @returns a promise of the verified event; `data` is exposed as sent (including the older
 *   `data.order` nesting)
 * @throws {WebhookVerificationError} (as a rejection) with code `missing_header`,
 *   `invalid_timestamp`, `timestamp_out_of_tolerance`, `invalid_signature` or `invalid_payload`
 * @throws {TypeError} (as a rejection) for arguments of the wrong type: a body that is not a
 *   string/Uint8Array/ArrayBuffer, headers that are not an object, an empty or non-string
 *   secret, a negative or non-numeric tolerance, a clock that is not a finite number
 * @throws {PeekerError} code `unsupported_runtime` when Web Crypto is unavailable
 * @example
 * ```ts
 * // Fetch-style handler (Workers, Deno, Bun, Next.js route handlers)
 * export async function POST(request: Request): Promise<Response> {
 *   try {
 *     const event = await verifyWebhook({
 *       body: new Uint8Array(await request.arrayBuffer()),
 *       headers: request.headers,
 *       secret: [process.env.PEEKER_WEBHOOK_SECRET!, process.env.PEEKER_SANDBOX_WEBHOOK_SECRET!],
 *     });
 *     queue.push(event); // acknowledge first, work afterwards (15 s delivery timeout)
 *     return new Response(null, { status: 204 });
 *   } catch (error) {
 *     if (PeekerError.is(error)) return new Response(error.code, { status: 400 });
 *     throw error;
 *   }
 * }
 * ```
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  if (!isPlainObject(options)) throw new TypeError(`Expected an options object, got ${describeValue(options)}`);
  const body = toBodyBytes(options.body);
  if (!isHeaderSource(options.headers)) {
    throw new TypeError(`Expected headers to be a Headers or a plain object, got ${describeValue(options.headers)}`);
  }
  const secrets = toSecretList(options.secret);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw new TypeError(
      `Expected toleranceSeconds to be a non-negative number, got ${typeof tolerance === 'number' ? String(tolerance) : describeValue(tolerance)}`,
    );
  }

  // 1. Headers.
  const timestamp = readHeader(options.headers, 'peeker-timestamp');
  if (timestamp === undefined) fail('missing_header', 'Missing Peeker-Timestamp header');
  const signatureHeader = readHeader(options.headers, 'peeker-signature');
  if (signatureHeader === undefined) fail('missing_header', 'Missing Peeker-Signature header');

  // 2. Timestamp: digits only, whole seconds, within tolerance both ways.
  if (!/^[0-9]+$/.test(timestamp) || !Number.isSafeInteger(Number(timestamp))) {
    fail('invalid_timestamp', `Peeker-Timestamp must be whole Unix seconds (digits only), got ${quote(timestamp)}`);
  }
  const nowMs = readClock(options.now);
  const skewMs = Math.abs(nowMs - Number(timestamp) * 1000);
  if (skewMs > tolerance * 1000) {
    fail(
      'timestamp_out_of_tolerance',
      `Peeker-Timestamp ${timestamp} is ${Math.round(skewMs / 1000)} s away from now (tolerance ${tolerance} s)`,
    );
  }

  // 3. Signature: any v1 value matching any secret.
  const candidates = signatureHeader
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(SIGNATURE_PREFIX))
    .map((part) => part.slice(SIGNATURE_PREFIX.length).toLowerCase());
  if (candidates.length === 0) fail('invalid_signature', 'Peeker-Signature holds no v1= signature');
  const expected = await Promise.all(secrets.map((secret) => computeV1Signature(secret, timestamp, body)));
  let matched = false;
  for (const want of expected) {
    for (const got of candidates) {
      // No early exit: the time taken does not depend on which value matched.
      if (constantTimeEqual(got, want)) matched = true;
    }
  }
  if (!matched) fail('invalid_signature', 'No Peeker-Signature v1 value matches the body, timestamp and secret(s)');

  // 4. Payload (only after the signature holds).
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    fail('invalid_payload', 'Webhook body is not valid UTF-8 JSON', error);
  }
  if (!isPlainObject(parsed)) fail('invalid_payload', 'Webhook body is not a JSON object');
  if (typeof parsed.id !== 'string' || !parsed.id.startsWith('evt_')) {
    fail('invalid_payload', 'Webhook body has no string id starting with "evt_"');
  }
  if (typeof parsed.type !== 'string' || parsed.type === '') fail('invalid_payload', 'Webhook body has no string type');
  if (!isPlainObject(parsed.data)) fail('invalid_payload', 'Webhook body has no object data');
  if (parsed.created_at !== undefined && typeof parsed.created_at !== 'string') {
    fail('invalid_payload', 'Webhook body has a created_at that is not a string');
  }
  return parsed as unknown as WebhookEvent;
}
