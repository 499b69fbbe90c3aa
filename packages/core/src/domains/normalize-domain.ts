import { parse } from 'tldts';
import { canonicalHostname, invalidDomain } from './domain-syntax.ts';
import { uts46ToAscii } from './idna-uts46.ts';

/**
 * tldts options: ICANN section of the public-suffix list only. Private suffixes such as
 * `blogspot.com` or `github.io` are ignored, because a registrar sells `blogspot.com`'s
 * parent, not names under it. The host is already validated, so tldts only looks it up.
 */
const ICANN_ONLY = {
  allowIcannDomains: true,
  allowPrivateDomains: false,
  detectIp: false,
  extractHostname: false,
  mixedInputs: false,
  validateHostname: false,
} as const;

/**
 * Normalises a domain name to the canonical registrable root domain Peeker can order:
 * everything {@link normalizeHostname} does (trim, lower-case, trailing dot dropped,
 * Unicode → Punycode, label and length rules of RFC 1035 §2.3.4 and RFC 5890/5891/3696,
 * IDNA2008 code points), then checks it against the ICANN section of the public-suffix list (via `tldts`):
 *
 * - the suffix must be a known public suffix (`acme.zzzz` is refused: unknown TLD);
 * - the name must not be a public suffix itself (`com`, `co.uk`);
 * - the name must be the registrable domain, not a subdomain of one (`mail.acme.com`,
 *   `a.acme.co.uk` are refused; Peeker takes root domains only).
 *
 * The IDNA step is UTS #46 (nontransitional) by tr46 with its own Unicode 17 tables, so the
 * answer is the same in Node, browsers and edge runtimes whatever their URL parser carries
 * (docs/idna.md). This pulls in the public-suffix list (about 40 KB gzipped) and the IDNA
 * tables (about 60 KB gzipped). Browser code that cannot afford them uses
 * {@link normalizeHostname}.
 *
 * @param input - a domain name as typed or pasted, e.g. `" Acme.CO.UK. "`
 * @returns the canonical registrable domain, e.g. `acme.co.uk`
 * @throws TypeError when `input` is not a string
 * @throws PeekerError with code `invalid_domain` and a message naming the broken rule and the
 *   (shortened) input
 * @example
 * ```ts
 * normalizeDomain('Bücher.com.');    // 'xn--bcher-kva.com'
 * normalizeDomain('FAẞ.de');         // 'xn--fa-hia.de' (nontransitional: ẞ → ß)
 * normalizeDomain('♥.net');          // throws: IDNA2008 does not allow "♥"
 * normalizeDomain('acme.co.uk');     // 'acme.co.uk'
 * normalizeDomain('mail.acme.com');  // throws: a subdomain of "acme.com"
 * normalizeDomain('co.uk');          // throws: a public suffix
 * ```
 */
export function normalizeDomain(input: string): string {
  const host = canonicalHostname(input, uts46ToAscii);
  const result = parse(host, ICANN_ONLY);
  const suffix = result.publicSuffix ?? host.slice(host.lastIndexOf('.') + 1);
  if (result.isIcann !== true) {
    throw invalidDomain(input, `".${suffix}" is not a known public suffix (unknown top-level domain)`);
  }
  if (result.domain === null) {
    throw invalidDomain(input, `"${host}" is a public suffix, not a registrable domain`);
  }
  if (result.domain !== host) {
    throw invalidDomain(
      input,
      `is a subdomain of "${result.domain}"; Peeker registers root domains only`,
    );
  }
  return host;
}
