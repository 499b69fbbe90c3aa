/**
 * The TLDs `generateCandidates` tries by default, in order of preference (domain-rules §4):
 * `com`, `org`, `net`, `co`, `io`. Cold-email domain sellers are conservative and mail
 * providers keep reputation per TLD. `.us` (frequent in phishing and business-email-compromise
 * data), `.info` and `.biz` are deliberately absent; add them only on purpose. Whether Peeker
 * can run a name on Google or Microsoft is decided by `usable_for`, not by this list.
 *
 * @example
 * ```ts
 * generateCandidates({ brand: 'acme', tlds: [...DEFAULT_TLDS, 'live'] });
 * ```
 */
export const DEFAULT_TLDS: readonly string[] = Object.freeze(['com', 'org', 'net', 'co', 'io']);
