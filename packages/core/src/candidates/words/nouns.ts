/**
 * Noun suffixes (pattern 2 of domain-rules §2: `acmehq.com`). As strong as the verb
 * prefixes. Plain lower-case ASCII, 2–10 letters. Internal data.
 */
export const NOUN_SUFFIXES: readonly string[] = (
  'hq team mail app labs group co ai inc corp tech digital studio global online now'
).split(' ');
