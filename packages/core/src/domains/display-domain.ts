import { describeValue } from '../internal/describe-value.ts';
import { decodePunycode } from './idna.ts';

/**
 * The Unicode form of a domain name for people to read: every `xn--` A-label decoded
 * (`xn--bcher-kva.com` → `bücher.com`), like UTS #46 ToUnicode. Show it **next to** the ASCII
 * name, never instead of it: the ASCII name is what gets ordered, and a look-alike Unicode
 * name is only exposed by its ASCII form (see {@link domainWarnings}). A label that does not
 * decode is kept as it is, so the function never throws on a string.
 *
 * @param name - a domain name, normally canonical ASCII (`normalizeHostname` output)
 * @returns the name with A-labels decoded; the input itself when it has none
 * @throws TypeError when `name` is not a string
 * @example
 * ```ts
 * displayDomain('xn--bcher-kva.com');  // 'bücher.com'
 * displayDomain('acme.com');           // 'acme.com'
 * displayDomain('xn--a.com');          // 'xn--a.com' (decodes to a control character: kept)
 * ```
 */
export function displayDomain(name: string): string {
  if (typeof name !== 'string') {
    throw new TypeError(`Expected a domain name string, got ${describeValue(name)}`);
  }
  if (!/xn--/iu.test(name)) return name;
  return name
    .split('.')
    .map((label) => {
      if (!/^xn--/iu.test(label)) return label;
      const unicode = decodePunycode(label.slice(4).toLowerCase());
      return unicode === null || unicode === '' || /[\p{Cc}\p{Cf}\p{Z}]/u.test(unicode) ? label : unicode;
    })
    .join('.');
}
