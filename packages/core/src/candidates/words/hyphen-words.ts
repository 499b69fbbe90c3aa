/**
 * Words used only in hyphenated form (pattern 3 of domain-rules §2, after Peeker's own
 * examples: `team-acme.com`, `acme-reach.com`). Verb, noun and outreach words also get a
 * hyphenated form; these lists add the ones that read well only with a hyphen. Plain
 * lower-case ASCII, 2–10 letters. Internal data.
 */
export const HYPHEN_PREFIXES: readonly string[] = (
  'team shop reach connect engage outreach grow growth direct contact access link network'
).split(' ');

/** Words placed after the brand with a hyphen (`acme-join.com`). Internal data. */
export const HYPHEN_SUFFIXES: readonly string[] = 'mail co reach connect join'.split(' ');
