/**
 * IDNA helpers for the domain normalisers. Internal: never exported from the package.
 *
 * The heavy lifting (UTS #46 mapping, NFC, Bidi and ContextJ checks, Punycode encoding) is
 * done by the platform's WHATWG URL parser, which every browser, Node and edge runtime ships
 * (`new URL('http://' + name).hostname` is "domain to ASCII" of the URL Standard). What the
 * platform does *not* do (`CheckHyphens = false` in the URL Standard) is checked here on the
 * decoded U-label, which needs a small RFC 3492 Punycode decoder.
 */

/**
 * Runs the URL Standard's "domain to ASCII" on a host that the caller has already screened
 * (no ASCII character other than letters, digits, `.` and `-`, so the URL parser cannot read
 * a port, user info, path, query, fragment or percent-escape into it).
 * @param host - the screened host text, possibly with Unicode
 * @returns the ASCII (A-label) form, or `null` when the platform rejects it
 */
export function platformDomainToAscii(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
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
