import { computeV1Signature, describeValue, readClock, toBodyBytes, toSecretList } from './webhook-signature.ts';

/** Options of {@link signWebhook}. */
export interface SignWebhookOptions {
  /** The exact body that will be sent: a string (signed as UTF-8) or its raw bytes. */
  body: string | Uint8Array | ArrayBuffer;
  /**
   * Signing secret. An array signs with each secret in turn and puts every signature in
   * `Peeker-Signature` (`v1=…,v1=…`), as during a secret rotation.
   */
  secret: string | readonly string[];
  /**
   * `Peeker-Timestamp` to sign, in whole Unix seconds.
   * @default Math.floor(now / 1000)
   */
  timestamp?: number;
  /**
   * Clock used only when `timestamp` is omitted: epoch milliseconds or a function returning them.
   * @default Date.now
   */
  now?: number | (() => number);
  /**
   * When given, also returned as `Peeker-Event-Id` (normally the body's `id`, `evt_…`).
   * Not covered by the signature, exactly like Peeker's own header.
   * @default undefined (no `Peeker-Event-Id` header)
   */
  eventId?: string;
}

/**
 * Headers for one signed delivery; pass the object straight to `fetch`'s `headers`.
 * Names use Peeker's casing; receivers match them case-insensitively.
 */
export type SignedWebhookHeaders = {
  /** Unix seconds, digits only. */
  'Peeker-Timestamp': string;
  /** `v1=<64 lower-case hex>`, comma-separated when several secrets were given. */
  'Peeker-Signature': string;
  /** Present only when {@link SignWebhookOptions.eventId} was given. */
  'Peeker-Event-Id'?: string;
};

/**
 * Signs a webhook body the way the project assumes Peeker does, for the local sandbox and
 * for tests of webhook handlers. The counterpart of {@link verifyWebhook}.
 *
 * **Assumption:** Peeker does not document the signed string; this is the project's
 * assumption (docs/peeker-api.md §10.1): `Peeker-Signature: v1=<lower-case hex
 * HMAC-SHA256(key = secret as UTF-8, message = "<Peeker-Timestamp>.<raw body>")>`.
 *
 * Uses Web Crypto (`globalThis.crypto.subtle`) only, so it runs in browsers, Node and edge
 * runtimes. Reads the clock only when `timestamp` is omitted, through the injectable `now`.
 *
 * @param options - body, secret(s), timestamp, optional event id
 * @returns a promise of the headers to send with the body
 * @throws {TypeError} (as a rejection) for a body that is not a string/Uint8Array/ArrayBuffer,
 *   an empty or non-string secret, a timestamp that is not a non-negative safe integer, or a
 *   non-string / empty `eventId`
 * @throws {PeekerError} code `unsupported_runtime` when Web Crypto is unavailable
 * @example
 * ```ts
 * const body = JSON.stringify({ id: 'evt_1', type: 'order.completed', created_at, data });
 * const headers = await signWebhook({ body, secret: 'whsec_test', eventId: 'evt_1' });
 * await fetch(url, { method: 'POST', body, headers: { ...headers, 'Content-Type': 'application/json' } });
 * ```
 */
export async function signWebhook(options: SignWebhookOptions): Promise<SignedWebhookHeaders> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected an options object, got ${describeValue(options)}`);
  }
  const body = toBodyBytes(options.body);
  const secrets = toSecretList(options.secret);
  const timestamp = options.timestamp ?? Math.floor(readClock(options.now) / 1000);
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(
      `Expected timestamp to be a non-negative integer number of seconds, got ${typeof timestamp === 'number' ? String(timestamp) : describeValue(timestamp)}`,
    );
  }
  const { eventId } = options;
  if (eventId !== undefined && (typeof eventId !== 'string' || eventId === '')) {
    throw new TypeError(`Expected eventId to be a non-empty string, got ${describeValue(eventId)}`);
  }
  const ts = String(timestamp);
  const signatures = await Promise.all(secrets.map((secret) => computeV1Signature(secret, ts, body)));
  const headers: SignedWebhookHeaders = {
    'Peeker-Timestamp': ts,
    'Peeker-Signature': signatures.map((hex) => `v1=${hex}`).join(','),
  };
  if (eventId !== undefined) headers['Peeker-Event-Id'] = eventId;
  return headers;
}
