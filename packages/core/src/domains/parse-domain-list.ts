import { PeekerError } from '../errors/peeker-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import { quoteInput } from './domain-syntax.ts';
import { normalizeHostname } from './normalize-hostname.ts';

/** Separators between pasted names: newlines, commas, semicolons and any whitespace. */
const SEPARATORS = /[\s,;]+/u;
/** Quotes and brackets around a pasted token (`"acme.com"`, `<acme.com>`). */
const WRAPPERS = /^[<("'[]+|[>)"'\]]+$/gu;
/** `http://` or `https://`, any case. */
const HTTP_SCHEME = /^https?:\/\//iu;

/**
 * Splits a pasted list of domain names, cleans each token and normalises it.
 *
 * - Tokens are separated by newlines, commas, semicolons or whitespace; empty ones are skipped.
 * - Wrapping quotes and brackets are removed (`"acme.com"`, `<acme.com>`).
 * - A leading `http://` / `https://` is removed, and so is anything from the first `/`, `?`
 *   or `#` (a path); after a scheme, a `:port` is removed too. Other URL syntax (user info,
 *   a port without a scheme, e-mail addresses) is reported as invalid.
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
 * parseDomainList('https://Acme.com/pricing, getacme.com; www.acme.com\nacme.com bad_name.com');
 * // { domains: ['acme.com', 'getacme.com'],
 * //   invalid: [{ input: 'www.acme.com', message: '… did you mean "acme.com"?' },
 * //             { input: 'bad_name.com', message: 'Invalid domain "bad_name.com": contains "_" …' }] }
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

  for (const token of text.split(SEPARATORS)) {
    if (token === '') continue;
    let name = token.replace(WRAPPERS, '');
    const hadScheme = HTTP_SCHEME.test(name);
    if (hadScheme) name = name.replace(HTTP_SCHEME, '');
    const pathStart = name.search(/[/?#]/u);
    if (pathStart >= 0) name = name.slice(0, pathStart);
    if (hadScheme) name = name.replace(/:\d*$/u, '');
    if (name === '') {
      if (hadScheme) reject(token, `Invalid domain ${quoteInput(token)}: no domain name in it.`);
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
