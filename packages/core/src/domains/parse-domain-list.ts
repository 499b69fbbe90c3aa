import { PeekerError } from '../errors/peeker-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import { quoteInput } from './domain-syntax.ts';
import { normalizeHostname } from './normalize-hostname.ts';

/** Separators between entries: newlines, commas and semicolons. */
const ENTRY_SEPARATORS = /[\n\r,;]+/u;
/** Whitespace inside an entry: separates names, or the words of a phrase. */
const WHITESPACE = /\s+/u;
/** Quotes and brackets around a pasted token (`"acme.com"`, `<acme.com>`). */
const WRAPPERS = /^[<("'[]+|[>)"'\]]+$/gu;
/** A URL scheme with an authority (`https://`, `ftp://`), any case. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//iu;
/** `mailto:` before an e-mail address. */
const MAILTO = /^mailto:/iu;

/** Whether a token can only be a word of free text: no dot, `@`, `/` or `:` in it. */
function isPlainWord(token: string): boolean {
  return !/[.@/:\uFF0E\u3002\uFF61]/u.test(token);
}

/**
 * The host part of a pasted token: the authority of a URL (user info and port removed), the
 * domain of an e-mail address, or the token without a path.
 * @returns the host text, and whether the token was a URL or an e-mail address
 */
function hostOf(token: string): { host: string; wrapped: boolean } {
  let name = token.replace(WRAPPERS, '');
  if (URL_SCHEME.test(name)) {
    name = name.replace(URL_SCHEME, '');
    const end = name.search(/[/?#]/u);
    if (end >= 0) name = name.slice(0, end);
    name = name.slice(name.lastIndexOf('@') + 1).replace(/:\d*$/u, '');
    return { host: name, wrapped: true };
  }
  const mailto = MAILTO.test(name);
  if (mailto) name = name.replace(MAILTO, '').replace(/[?#].*$/su, '');
  const pathStart = name.search(/[/?#]/u);
  if (pathStart >= 0) name = name.slice(0, pathStart);
  const at = name.lastIndexOf('@');
  if (at > 0) return { host: name.slice(at + 1), wrapped: true };
  return { host: name, wrapped: mailto };
}

/**
 * Splits a pasted list of domain names, cleans each token and normalises it.
 *
 * - Entries are separated by newlines, commas or semicolons; names inside an entry by
 *   whitespace. Empty tokens are skipped.
 * - Words of free text are kept together: two or more whitespace-separated tokens in a row
 *   with no dot, `@`, `/` or `:` (`not a domain`) are one invalid entry, "is not a domain name",
 *   instead of one per word.
 * - Wrapping quotes and brackets are removed (`"acme.com"`, `<acme.com>`).
 * - A URL yields its host (`https://jane@Acme.com:8080/pricing?x#y` → `acme.com`: scheme,
 *   user info, port, path, query and fragment removed); an e-mail address yields its domain
 *   (`jane@acme.com`, `mailto:jane@acme.com` → `acme.com`); a path after a bare name is
 *   removed (`acme.com/pricing`). A port without a scheme (`acme.com:80`) is reported.
 * - Subdomains are **never** silently stripped: `www.acme.com` is reported as invalid with a
 *   hint ("did you mean acme.com?"), because guessing the intended root is the customer's
 *   call. Other subdomains (`mail.acme.com`) are only detected when `normalize` is
 *   {@link normalizeDomain}; with the default {@link normalizeHostname} they pass through and
 *   Peeker answers them with `reason: 'invalid'`.
 * - Duplicates (after normalisation) are dropped, keeping the first one; the same invalid
 *   token is reported once.
 *
 * @param text - the pasted text
 * @param options - `normalize`: the normaliser to apply to each token. @default normalizeHostname
 *   (syntax and IDNA only, no public-suffix list); pass {@link normalizeDomain} to also refuse
 *   public suffixes, subdomains and unknown TLDs.
 * @returns `domains`: the valid names, normalised, unique, in first-seen order; `invalid`:
 *   each refused token as pasted, with the reason
 * @throws TypeError when `text` is not a string or `options.normalize` is not a function
 * @example
 * ```ts
 * parseDomainList('https://Acme.com/pricing, jane@getacme.com; www.acme.com\nacme.com bad_name.com\nnot a domain');
 * // { domains: ['acme.com', 'getacme.com'],
 * //   invalid: [{ input: 'www.acme.com', message: '… did you mean "acme.com"?' },
 * //             { input: 'bad_name.com', message: 'Invalid domain "bad_name.com": contains "_" …' },
 * //             { input: 'not a domain', message: '"not a domain" is not a domain name: …' }] }
 * ```
 */
export function parseDomainList(
  text: string,
  options: { normalize?: (input: string) => string } = {},
): { domains: string[]; invalid: { input: string; message: string }[] } {
  if (typeof text !== 'string') {
    throw new TypeError(`Expected the pasted list as a string, got ${describeValue(text)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const normalize = options.normalize ?? normalizeHostname;
  if (typeof normalize !== 'function') {
    throw new TypeError(`Expected options.normalize to be a function, got ${describeValue(normalize)}`);
  }

  const domains: string[] = [];
  const invalid: { input: string; message: string }[] = [];
  const seen = new Set<string>();
  const seenInvalid = new Set<string>();
  const reject = (input: string, message: string): void => {
    if (seenInvalid.has(input)) return;
    seenInvalid.add(input);
    invalid.push({ input, message });
  };

  const phrase = (words: readonly string[]): void => {
    const input = words.join(' ');
    reject(input, `${quoteInput(input)} is not a domain name: a domain name looks like "acme.com".`);
  };
  // Tokens in order; a run of plain words (free text) is one array.
  const tokens: (string | readonly string[])[] = [];
  for (const entry of text.split(ENTRY_SEPARATORS)) {
    const words = entry.split(WHITESPACE).filter((word) => word !== '');
    for (let i = 0; i < words.length; ) {
      let j = i;
      while (j < words.length && isPlainWord(words[j] as string)) j += 1;
      if (j - i >= 2) {
        tokens.push(words.slice(i, j));
        i = j;
      } else {
        tokens.push(words[i] as string);
        i += 1;
      }
    }
  }

  for (const token of tokens) {
    if (typeof token !== 'string') {
      phrase(token);
      continue;
    }
    const { host: name, wrapped } = hostOf(token);
    if (name === '') {
      if (wrapped) reject(token, `Invalid domain ${quoteInput(token)}: no domain name in it.`);
      continue;
    }

    let domain: string;
    try {
      domain = normalize(name);
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      reject(token, error.message);
      continue;
    }
    if (domain.startsWith('www.') && domain.split('.').length > 2) {
      const root = domain.slice(4);
      reject(
        token,
        `Invalid domain ${quoteInput(domain)}: looks like a subdomain ("www."); Peeker registers root domains only. Did you mean ${JSON.stringify(root)}?`,
      );
      continue;
    }
    if (seen.has(domain)) continue;
    seen.add(domain);
    domains.push(domain);
  }
  return { domains, invalid };
}
