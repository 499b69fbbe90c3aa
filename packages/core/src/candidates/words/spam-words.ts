/**
 * Words that read as spam or phishing in a sender's domain (domain-rules §4: `free`, `deal`,
 * `win`; plus the classic phishing words such as `login`, `verify`). No word list contains
 * them (a test checks it), and a candidate whose added part contains one gets a small score
 * penalty (a safety net for brand/word joins such as `surf` + `ree…`). Internal data.
 */
export const SPAM_WORDS: readonly string[] = (
  'free deal win cash bonus prize cheap promo discount casino crypto lottery loan gratis porn ' +
  'xxx viagra jackpot payday refund sale offer gift money earn credit click urgent bargain ' +
  'login signin verify secure account billing password wallet'
).split(' ');
