/**
 * Reads the `brand` option of `generateCandidates`: one word, several words, or the
 * customer's own domain. Internal: never exported from the package.
 */
import { PeekerError } from '../errors/peeker-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import { canonicalHostname, MAX_LABEL_LENGTH, quoteInput } from '../domains/domain-syntax.ts';

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
 * Splits free text into brand words: separators become word breaks, apostrophes and
 * symbols (`™`, `®`) vanish, accents are folded (`Café` → `cafe`), anything else outside
 * `[a-z0-9]` is dropped. Digits the brand has are kept; none are ever added.
 */
function brandWords(text: string): string[] {
  const folded = text
    .toLowerCase()
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
  if (looksLikeDomain && host.includes('.')) {
    words = brandWords(host.slice(0, host.indexOf('.')));
    try {
      ownDomain = canonicalHostname(host);
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      throw invalidBrand(brand, `looks like a domain but is not a valid one (${error.message})`);
    }
  } else {
    words = brandWords(looksLikeDomain ? host : text);
  }
  const token = words.join('');
  if (token === '') throw invalidBrand(brand, 'has no letters or digits to build names from');
  if (token.length > MAX_LABEL_LENGTH) {
    throw invalidBrand(brand, `is longer than ${MAX_LABEL_LENGTH} characters once its words are joined`);
  }
  ownDomain ??= `${token}.com`;
  return { words, token, ownDomain, ownTld: ownDomain.slice(ownDomain.indexOf('.') + 1) };
}
