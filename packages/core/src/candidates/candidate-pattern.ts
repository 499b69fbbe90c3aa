/**
 * The naming pattern a candidate was built with (domain-rules §2). Use it as the diversity
 * group of the solver (`groupOf: (row) => patternOf.get(row.domain)`), so one family never
 * fills an order.
 *
 * - `verb-prefix`: a verb before the brand, `getacme.com` (pattern 1).
 * - `noun-suffix`: a noun after the brand, `acmehq.com` (pattern 2).
 * - `hyphenated`: any word joined to the brand by one hyphen, `acme-mail.com`,
 *   `team-acme.com`, `hub-acme.com` (pattern 3).
 * - `outreach-word`: an outreach word after the brand, `acmegrowth.com` (pattern 4).
 * - `morpheme`: a common short word before or after the brand, `acmehub.com`,
 *   `hubacme.com` (pattern 6).
 * - `bare-brand`: the brand alone on another TLD (`acme.org`), or a multi-word brand split by
 *   one hyphen (`acme-rockets.com`); always ranked lowest.
 *
 * A TLD swap (pattern 5, `getacme.org`) is not a pattern of its own: it keeps the pattern of
 * its name and is expressed by the TLD (and its score adjustment). Group by TLD separately
 * when an order should also mix TLDs.
 *
 * @example
 * ```ts
 * const picks = generateCandidates({ brand: 'acme' });
 * picks.filter((c) => c.pattern === CandidatePattern.verbPrefix);
 * ```
 */
export const CandidatePattern = {
  verbPrefix: 'verb-prefix',
  nounSuffix: 'noun-suffix',
  hyphenated: 'hyphenated',
  outreachWord: 'outreach-word',
  morpheme: 'morpheme',
  bareBrand: 'bare-brand',
} as const;

/** One of the {@link CandidatePattern} values. */
export type CandidatePattern = (typeof CandidatePattern)[keyof typeof CandidatePattern];
