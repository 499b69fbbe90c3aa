/**
 * Verb prefixes (pattern 1 of domain-rules §2: `getacme.com`). Short calls to action, the
 * strongest brand-adjacent form. Plain lower-case ASCII, 2–10 letters. Internal data.
 */
export const VERB_PREFIXES: readonly string[] = (
  'get try use join go hello meet with hey ask see choose start visit book call'
).split(' ');
