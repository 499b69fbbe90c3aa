/**
 * Customer-facing sentences for infeasible selections.
 * Internal: never exported from the package. (Written with the selection solver.)
 */

/** How many more domains each side needs (see `InfeasibleSelection.shortfall`). */
export interface Shortfall {
  google: number;
  microsoft: number;
  total: number;
}

/**
 * `1 domain`, `2 domains`.
 * @param count - how many
 * @param word - the noun phrase in the singular
 * @returns the counted phrase
 */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Lists names for a sentence: `a.com`, `a.com and b.com`, `a.com, b.com and 3 more`.
 * @param names - names, already in the order to show
 * @returns the list as text
 */
export function listNames(names: readonly string[]): string {
  const shown = names.length > 4 ? names.slice(0, 3) : names.slice();
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * What to add, from a shortfall: "Add at least 2 more Microsoft-capable domains.",
 * "Add at least 3 more domains, at least 1 of them Microsoft-capable.".
 *
 * Peeker domains are always Google-capable, so the Google count is only mentioned when it is
 * the largest need; a Microsoft need is always mentioned (adding that many dual-capable
 * domains covers every smaller need).
 * @param shortfall - the per-side and total shortfall
 * @returns the sentence, or null when nothing is missing
 */
export function shortfallSentence(shortfall: Shortfall): string | null {
  const { google, microsoft, total } = shortfall;
  if (google <= 0 && microsoft <= 0 && total <= 0) return null;
  if (microsoft >= google && microsoft >= total) {
    return `Add at least ${plural(microsoft, 'more Microsoft-capable domain')}.`;
  }
  const lead =
    google >= total
      ? `Add at least ${plural(google, 'more Google-capable domain')}`
      : `Add at least ${plural(total, 'more domain')}`;
  return microsoft > 0 ? `${lead}, at least ${microsoft} of them Microsoft-capable.` : `${lead}.`;
}
