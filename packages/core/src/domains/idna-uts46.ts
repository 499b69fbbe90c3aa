/**
 * The server-side IDNA step: UTS #46 by tr46 (the implementation behind whatwg-url and jsdom),
 * which carries its own Unicode 17 tables. Runtimes' URL parsers carry whatever Unicode data
 * they were built with (Node 20's refuses `Ӏ.com` and maps `FAẞ.de` to `fass.de`), so the
 * name a customer orders would otherwise depend on where the code runs. Internal: never
 * exported from the package; only `normalizeDomain` imports it, so browser bundles that use
 * `normalizeHostname` never include the tables (about 60 kB gzipped).
 */
import tr46 from 'tr46';

/** The URL Standard's options (docs/idna.md); the normalisers add the stricter rules. */
const URL_STANDARD_OPTIONS = {
  checkBidi: true,
  checkHyphens: false,
  checkJoiners: true,
  useSTD3ASCIIRules: false,
  processingOption: 'nontransitional',
  verifyDNSLength: false,
} as const;

/**
 * UTS #46 ToASCII, nontransitional, CheckBidi and CheckJoiners on, CheckHyphens,
 * UseSTD3ASCIIRules and VerifyDnsLength off; `xn--` labels are always decoded and validated
 * (no ASCII fast path).
 * @param domain - the domain text
 * @returns the ASCII form, or `null` when refused
 */
export function uts46ToAscii(domain: string): string | null {
  return tr46.toASCII(domain, URL_STANDARD_OPTIONS);
}
