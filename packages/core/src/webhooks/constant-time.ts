/**
 * Compares two strings in time that depends only on their lengths, never on where they
 * first differ, so an attacker cannot learn a signature one character at a time.
 *
 * Lengths are compared first (a length is not a secret: every valid signature is 64 hex
 * characters). Then every code unit is XOR-ed and the differences are OR-ed together with
 * no early exit.
 *
 * @param a - a received value
 * @param b - the expected value
 * @returns whether both strings are identical
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
