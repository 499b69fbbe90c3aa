/**
 * Reads the `brand` option of `generateCandidates`: one word, several words, or the
 * customer's own domain. Internal: never exported from the package.
 */
import { PeekerError } from '../errors/peeker-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import { canonicalHostname, MAX_LABEL_LENGTH, quoteInput } from '../domains/domain-syntax.ts';
import { decodePunycode } from '../domains/idna.ts';

/** The brand as the generator uses it. */
export interface BrandToken {
  /** The brand's words, each `[a-z0-9]+` (`['acme', 'rockets']`). */
  words: readonly string[];
  /** The words joined, the label every pattern is built around (`acmerockets`). */
  token: string;
  /**
   * The customer's presumed main domain, never returned: the given domain (`acme.co.uk`
   * for brand `acme.co.uk`), or `<token>.com` for a brand given as words.
   */
  ownDomain: string;
  /** Its suffix (`com`, `co.uk`), for the lookalike filter's TLD run-ons. */
  ownTld: string;
  /**
   * Other spellings of the brand that customers expect too: the German and Nordic
   * transliteration of `ä ö ü ø å` (`Müller` → `mueller` besides `muller`). Empty when the
   * brand has none of these letters.
   */
  variants: readonly { readonly words: readonly string[]; readonly token: string }[];
}

/** Characters that separate the words of a brand (`Acme & Rockets`, `acme-rockets`). */
const WORD_SEPARATORS = /[\s\p{Pd}_.&+/|,:;·•]+/gu;
/** Apostrophes vanish (`O'Brien` → `obrien`). */
const APOSTROPHES = /['’ʼ`´]/gu;
/** Letters NFKD does not decompose into ASCII. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i',
};

/**
 * Letters whose German or Nordic transliteration adds an `e` or doubles the letter
 * (`Müller` → `Mueller`, `Ørsted` → `Oersted`, `Åland` → `Aaland`); NFKD folding alone
 * gives the other common spelling (`muller`).
 */
const TRANSLITERATIONS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa' };
const TRANSLITERATED = /[äöüøå]/gu;

/**
 * Splits free text into brand words: separators become word breaks, apostrophes and
 * symbols (`™`, `®`) vanish, accents are folded (`Café` → `cafe`, `ß` → `ss`, `æ` → `ae`),
 * anything else outside `[a-z0-9]` is dropped. Digits the brand has are kept; none are ever
 * added. With `transliterate`, `ä ö ü ø å` become `ae oe ue oe aa` first.
 */
function brandWords(text: string, transliterate = false): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const folded = (transliterate ? lower.replace(TRANSLITERATED, (letter) => TRANSLITERATIONS[letter] ?? letter) : lower)
    .replace(WORD_SEPARATORS, ' ')
    .replace(APOSTROPHES, '')
    .replace(/\p{S}/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/gu, (letter) => SPECIAL_LETTERS[letter] ?? '')
    .replace(/[^a-z0-9 ]/gu, '');
  return folded.split(' ').filter((word) => word !== '');
}

function invalidBrand(brand: string, rule: string): PeekerError {
  return new PeekerError('invalid_brand', `Invalid brand ${quoteInput(brand)}: ${rule}.`);
}

/**
 * Reads a brand: `"Acme"`, `"Acme Rockets"`, or a domain (`"acme.com"`,
 * `"https://www.acme.co.uk/"`). A brand with a dot and no spaces is a domain: its first label
 * (after `www.`) is the brand and the whole name is the customer's own domain. Otherwise the
 * customer's domain is presumed to be `<joined words>.com`.
 * @param brand - the `brand` option
 * @returns the parsed brand
 * @throws TypeError when `brand` is not a string
 * @throws PeekerError `invalid_brand` when no letters or digits remain, or the joined brand is
 *   longer than 63 characters
 */
export function parseBrand(brand: unknown): BrandToken {
  if (typeof brand !== 'string') {
    throw new TypeError(`Expected brand to be a string, got ${describeValue(brand)}`);
  }
  const text = brand.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  let host = text.replace(/[/?#].*$/su, '').replace(/:\d*$/u, '').replace(/\.+$/u, '');
  const looksLikeDomain = host.includes('.') && !host.startsWith('.') && !/\s/u.test(host);
  if (looksLikeDomain && /^www\./iu.test(host)) host = host.slice(4);
  let words: string[];
  let ownDomain: string | null = null;
  let wordText = looksLikeDomain && host.includes('.') ? host.slice(0, host.indexOf('.')) : looksLikeDomain ? host : text;
  // A brand given in Punycode (`xn--mller-kva.de`) is read in Unicode (`müller`).
  if (/^xn--/iu.test(wordText)) wordText = decodePunycode(wordText.slice(4).toLowerCase()) ?? wordText;
  if (looksLikeDomain && host.includes('.')) {
    words = brandWords(wordText);
    try {
      ownDomain = canonicalHostname(host);
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      throw invalidBrand(brand, `looks like a domain but is not a valid one (${error.message})`);
    }
  } else {
    words = brandWords(wordText);
  }
  const token = words.join('');
  if (token === '') throw invalidBrand(brand, 'has no letters or digits to build names from');
  if (token.length > MAX_LABEL_LENGTH) {
    throw invalidBrand(brand, `is longer than ${MAX_LABEL_LENGTH} characters once its words are joined`);
  }
  ownDomain ??= `${token}.com`;
  const variantWords = brandWords(wordText, true);
  const variantToken = variantWords.join('');
  const variants =
    variantToken !== token && variantToken.length <= MAX_LABEL_LENGTH ? [{ words: variantWords, token: variantToken }] : [];
  return { words, token, ownDomain, ownTld: ownDomain.slice(ownDomain.indexOf('.') + 1), variants };
}
