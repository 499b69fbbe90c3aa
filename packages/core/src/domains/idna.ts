/**
 * IDNA helpers for the domain normalisers. Internal: never exported from the package.
 *
 * Both IDNA steps follow UTS #46 with the URL Standard's options (docs/idna.md): nontransitional
 * processing, CheckBidi and CheckJoiners on, CheckHyphens, UseSTD3ASCIIRules and
 * VerifyDnsLength off (the normalisers apply stricter hyphen, LDH and length rules themselves).
 * They differ only in where the Unicode data comes from:
 * - {@link platformToAscii} (browser bundles): the platform's WHATWG URL parser maps and
 *   encodes; every `xn--` label is then decoded here and the Unicode form must map back to
 *   the same A-label (a round trip), because the URL Standard passes ASCII through unchecked.
 * - `uts46ToAscii` (idna-uts46.ts, `normalizeDomain`): tr46, with its own Unicode 17 tables,
 *   so the answer does not depend on the runtime.
 */

/** An IDNA "domain to ASCII" step: the A-label form, or `null` when refused. */
export type DomainToAscii = (domain: string) => string | null;

/** U+1E9E LATIN CAPITAL LETTER SHARP S: Unicode 15.1 maps it to "ß", older tables to "ss". */
const CAPITAL_SHARP_S = /\u1E9E/gu;

/** The URL parser's host serialisation, or `null` when it refuses the host. */
function urlHostname(domain: string): string | null {
  if (domain === '') return '';
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

/** Whether every code unit of `text` is ASCII. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Decodes every `xn--` label of an ASCII domain (UTS #46 §4 step 4.1: the Punycode must decode,
 * to a non-empty label that is not all ASCII).
 * @param ascii - a lower-case ASCII domain
 * @returns the labels with A-labels replaced by U-labels, or `null` when one does not decode
 */
export function decodeALabels(ascii: string): string[] | null {
  const labels = ascii.split('.');
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i] as string;
    if (!label.startsWith('xn--')) continue;
    const unicode = decodePunycode(label.slice(4));
    if (unicode === null || unicode === '' || isAscii(unicode)) return null;
    labels[i] = unicode;
  }
  return labels;
}

/**
 * UTS #46 "domain to ASCII" by the platform's URL parser, with strict A-labels: every `xn--`
 * label (typed, or produced by the mapping) is decoded and the Unicode domain must map back
 * to exactly the same ASCII, so invalid Punycode, a lone joiner, U+FFFD, an unnormalised or
 * mappable U-label, or a Bidi violation hidden in an A-label is refused. U+1E9E is mapped to
 * "ß" first, as Unicode 15.1+ does, so runtimes with older tables (Node's URL parser) cannot
 * turn `FAẞ.de` into a different registrable name (`fass.de`).
 *
 * The caller has screened the text (no ASCII other than letters, digits, `.` and `-`), so the
 * URL parser cannot read a port, user info, path or percent-escape into it.
 * @param domain - the screened domain text, possibly with Unicode
 * @returns the lower-case ASCII form, or `null` when refused
 */
export function platformToAscii(domain: string): string | null {
  // NFC first: a decomposed "≮" is "<" + U+0338, and URL parsers refuse the "<" before any
  // mapping (UTS #46 normalises to NFC itself, so this changes no answer).
  const ascii = urlHostname(domain.normalize('NFC').replace(CAPITAL_SHARP_S, '\u00DF'));
  if (ascii === null || !ascii.includes('xn--')) return ascii;
  const labels = decodeALabels(ascii);
  if (labels === null) return null;
  return urlHostname(labels.join('.')) === ascii ? ascii : null;
}

// RFC 3492 §5 parameter values for Punycode.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_INT = 0x7fff_ffff;

/** RFC 3492 §6.1 bias adaptation. */
function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** Value of a Punycode digit (`a`–`z` = 0–25, `0`–`9` = 26–35), or `BASE` if none. */
function digitValue(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9
  return BASE;
}

/**
 * Decodes the Punycode part of an A-label (the text after `xn--`), RFC 3492 §6.2.
 * Never throws.
 * @param encoded - lower-case Punycode, e.g. `bcher-kva`
 * @returns the Unicode label (`bücher`), or `null` when `encoded` is not valid Punycode
 */
export function decodePunycode(encoded: string): string | null {
  const output: number[] = [];
  const delimiter = encoded.lastIndexOf('-');
  if (delimiter > 0) {
    for (let j = 0; j < delimiter; j += 1) {
      const code = encoded.charCodeAt(j);
      if (code >= 0x80) return null;
      output.push(code);
    }
  }
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  let index = delimiter > 0 ? delimiter + 1 : 0;
  while (index < encoded.length) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= encoded.length) return null;
      const digit = digitValue(encoded.charCodeAt(index));
      index += 1;
      if (digit >= BASE) return null;
      if (digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}
