/**
 * The explainable score of `generateCandidates` (domain-rules §4): a base per word family,
 * plus a few documented adjustments. Internal: never exported from the package.
 *
 * The numbers are our heuristic, chosen so that the ranking of domain-rules §4 holds:
 * - patterns 1 and 2 (100) > hyphenated (at most 88) > outreach words (80) > any TLD swap of
 *   those (at most 76) > morphemes (75) > the bare brand (0 or less);
 * - a hyphenated name is always below the unhyphenated name of the same words (where a
 *   hyphen-only word would outscore its unhyphenated twin, `generateCandidates` lowers the
 *   hyphen points: `acme-connect` 79 below `acmeconnect` 80);
 * - any name on a later TLD is below the same name on an earlier TLD;
 * - every non-bare candidate scores at least 75 − 40 − 12 − 15 − 5 = 3, and the bare brand at
 *   most 0, so the bare brand is always last.
 */

import { SPAM_WORDS } from './words/spam-words.ts';

/** Base points per word family (before adjustments). */
export const FAMILY_POINTS = {
  verb: 100,
  noun: 100,
  hyphenWord: 94,
  outreach: 80,
  morpheme: 75,
  brand: 0,
} as const;

/** One hyphen in the label (domain-rules §4: "one hyphen is a penalty"). */
export const HYPHEN_POINTS = -12;
/** The added word contains a spam word (domain-rules §4, "word quality"). */
export const SPAM_POINTS = -5;
/** Largest TLD penalty, so that a long TLD list cannot push names below the bare brand. */
const MAX_TLD_PENALTY = 40;
/** Largest length penalty. */
const MAX_LENGTH_PENALTY = 15;

/**
 * Points for the TLD at `index` of the preference list: 0 for the first, then −24, −28, −32,
 * −36, capped at −40. The gap after the first TLD puts every TLD swap of patterns 1–4 below
 * pattern 4 on the first TLD (domain-rules §2 ranks the TLD swap fifth).
 * @param index - position in the TLD list, from 0
 * @returns zero or a negative number
 */
export function tldPoints(index: number): number {
  return index === 0 ? 0 : -Math.min(20 + 4 * index, MAX_TLD_PENALTY);
}

/**
 * Soft length penalty on the label (domain-rules §4; our heuristic): none up to 15
 * characters, −1 per character from 16 to 20, then −2 per character, capped at −15.
 * @param length - label length in characters
 * @returns zero or a negative number
 */
export function lengthPoints(length: number): number {
  if (length <= 15) return 0;
  if (length <= 20) return -(length - 15);
  return -Math.min(5 + 2 * (length - 20), MAX_LENGTH_PENALTY);
}

/** Longest spam word, bounding the window {@link spamWordAcross} looks at. */
const MAX_SPAM_LENGTH = Math.max(...SPAM_WORDS.map((word) => word.length));
/** Any spam word, for a quick first test. No `g` flag: the pattern keeps no state. */
const ANY_SPAM = new RegExp(SPAM_WORDS.join('|'), 'u');

/**
 * The first spam word that appears across the join of two parts of a label (`surf` +
 * `reebok` → `free`). The parts themselves are not searched: the word lists contain no spam
 * word (a test checks it), and the brand is the customer's and scores the same everywhere.
 * A spam word never contains a hyphen, so only unhyphenated joins need checking.
 * @param left - the part before the join
 * @param right - the part after the join
 * @returns the spam word, or `null`
 */
export function spamWordAcross(left: string, right: string): string | null {
  const head = left.slice(Math.max(0, left.length - (MAX_SPAM_LENGTH - 1)));
  const window = head + right.slice(0, MAX_SPAM_LENGTH - 1);
  if (!ANY_SPAM.test(window)) return null;
  const join = head.length;
  for (const word of SPAM_WORDS) {
    for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
      if (at < join && at + word.length > join) return word;
    }
  }
  return null;
}
