/**
 * API key shape check for the server client. Server-internal: not exported.
 */

/** `pk_live_` or `pk_test_` followed by visible ASCII (no spaces or line breaks: header safety). */
const KEY_SHAPE = /^pk_(?:live|test)_[\x21-\x7e]+$/;

/**
 * Checks that `apiKey` looks like a Peeker key. The message never contains the key, not even
 * a part of it: only its type and length.
 * @param apiKey - the value passed as `apiKey`
 * @returns the key's environment
 * @throws TypeError "Expected apiKey to …, got …" when it is not a string starting with
 *   `pk_live_` or `pk_test_` followed by visible ASCII
 */
export function validateApiKey(apiKey: unknown): 'live' | 'test' {
  if (typeof apiKey !== 'string') {
    const got = apiKey === null ? 'null' : Array.isArray(apiKey) ? 'an array' : typeof apiKey;
    throw new TypeError(`Expected apiKey to be a string starting with pk_live_ or pk_test_, got ${got}`);
  }
  if (!KEY_SHAPE.test(apiKey)) {
    throw new TypeError(
      `Expected apiKey to start with pk_live_ or pk_test_ and contain no spaces, got a string of length ${apiKey.length} (value not shown)`,
    );
  }
  return apiKey.startsWith('pk_live_') ? 'live' : 'test';
}
