/**
 * Outreach words placed after the brand (pattern 4 of domain-rules §2: `acmegrowth.com`).
 * Fine, but heavily used across the industry, so they score below patterns 1–3. Plain
 * lower-case ASCII, 2–10 letters. Internal data.
 */
export const OUTREACH_SUFFIXES: readonly string[] = (
  'growth connect partners outreach reach engage network direct contact access insights ' +
  'ventures'
).split(' ');
