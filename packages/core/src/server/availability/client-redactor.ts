/**
 * How the availability handler scrubs the exact API key of the client it forwards to,
 * without the client ever handing the key out: `createPeekerClient` attaches a redacting
 * function under a registered symbol (non-enumerable, so logging the client shows nothing).
 * Internal: not exported from the package.
 */
import { redactValue } from '../http/redact-secrets.ts';

const REDACTOR = Symbol.for('peeker.client.redact');

/** Replaces every exact occurrence of the given secrets (and key-shaped text) in a JSON-like value. */
export type Redactor = <T>(value: T) => T;

/**
 * Gives `client` a redactor for `secrets`.
 * @param client - the object to extend
 * @param secrets - exact strings to scrub (the API key)
 */
export function attachRedactor(client: object, secrets: readonly string[]): void {
  const copy = [...secrets];
  const redact: Redactor = (value) => redactValue(value, copy);
  Object.defineProperty(client, REDACTOR, { value: redact, enumerable: false });
}

/**
 * The redactor a client carries, else one that scrubs only key-shaped text.
 * @param client - any object
 * @returns the redactor
 */
export function redactorOf(client: object): Redactor {
  const own = (client as { [REDACTOR]?: unknown })[REDACTOR];
  return typeof own === 'function' ? (own as Redactor) : (value) => redactValue(value);
}
