import { canonicalHostname } from './domain-syntax.ts';

/**
 * Normalises a host name by syntax and IDNA rules only, **without** the public-suffix list:
 * trimmed, lower-case, trailing dot dropped, Unicode converted to Punycode (`bücher.com` →
 * `xn--bcher-kva.com`), every label 1–63 characters of `[a-z0-9-]` that neither starts nor
 * ends with a hyphen, no `--` in positions 3–4 unless it is a valid `xn--` A-label, at least
 * two labels, at most 253 characters, and a top-level label that is not all digits (so IP
 * addresses are refused).
 *
 * Use it where the public-suffix list (about 40 KB gzipped) is too heavy, such as the
 * `<peeker-domain-picker>` bundle. It does **not** know that `co.uk` is a public suffix or
 * that `mail.acme.com` is a subdomain; {@link normalizeDomain} does, and Peeker itself
 * answers such names with `reason: 'invalid'`.
 *
 * The IDNA step is UTS #46 (nontransitional, docs/idna.md) by the platform's URL parser,
 * which keeps the bundle small; every `xn--` label is decoded and must round-trip, symbols
 * IDNA2008 disallows (`♥.net`) are refused, and `ẞ` maps to `ß` everywhere. In current
 * browsers this gives exactly {@link normalizeDomain}'s IDNA answer (both run the WPT IDNA
 * vectors in Chromium). A runtime whose URL parser has older Unicode tables (Node 20's)
 * refuses characters added since; it never yields a different name. Server code uses
 * {@link normalizeDomain}. The raw text is screened first: URL syntax (`:`, `/`, `@`, `%`, …)
 * is refused rather than parsed.
 *
 * @param input - a domain name as typed or pasted, e.g. `" Bücher.COM. "`
 * @returns the canonical ASCII form, e.g. `xn--bcher-kva.com`
 * @throws TypeError when `input` is not a string
 * @throws PeekerError with code `invalid_domain` and a message naming the broken rule and the
 *   (shortened) input
 * @example
 * ```ts
 * normalizeHostname('  Acme.COM. ');   // 'acme.com'
 * normalizeHostname('bücher.de');      // 'xn--bcher-kva.de'
 * normalizeHostname('mail.acme.com');  // 'mail.acme.com' (normalizeDomain would throw)
 * normalizeHostname('1.2');            // throws PeekerError 'invalid_domain'
 * ```
 */
export function normalizeHostname(input: string): string {
  return canonicalHostname(input);
}
