/**
 * The syntax and IDNA half of domain normalisation, shared by `normalizeHostname` (syntax
 * only, no public-suffix list, for browser bundles) and `normalizeDomain` (syntax plus the
 * public-suffix checks). Internal: never exported from the package.
 */
import { PeekerError } from '../errors/peeker-error.ts';
import { describeValue } from '../internal/describe-value.ts';
import { decodePunycode, platformToAscii, type DomainToAscii } from './idna.ts';
import { idna2008Problem } from './idna2008.ts';

/** RFC 1035 §2.3.4: 255 octets on the wire = at most 253 characters in text form. */
export const MAX_DOMAIN_LENGTH = 253;
/** RFC 1035 §2.3.4: a label is at most 63 octets. */
export const MAX_LABEL_LENGTH = 63;
/**
 * Raw input longer than this is refused before any IDNA work. Generous (Unicode input can
 * shrink under UTS #46 mapping, e.g. ignored soft hyphens), but bounds the work per call.
 */
const MAX_RAW_LENGTH = 1024;

/** How much of a bad input an error message quotes. */
const QUOTE_LIMIT = 80;

/**
 * Quotes user input for an error message: JSON string syntax (so control characters and
 * invisible code points show), cut to about {@link QUOTE_LIMIT} characters.
 * @param input - the text to quote
 * @returns a quoted, possibly shortened string
 */
export function quoteInput(input: string): string {
  return JSON.stringify(input.length > QUOTE_LIMIT ? `${input.slice(0, QUOTE_LIMIT)}…` : input);
}

/**
 * The `invalid_domain` error every normaliser throws.
 * @param input - the caller's original input
 * @param rule - which rule was broken (a sentence fragment)
 * @returns the error to throw
 */
export function invalidDomain(input: string, rule: string): PeekerError {
  return new PeekerError('invalid_domain', `Invalid domain ${quoteInput(input)}: ${rule}.`);
}

/** `a`–`z`, `0`–`9`, `-`: the LDH rule (RFC 1035 §2.3.1, RFC 1123 §2.1, RFC 3696 §2). */
function isLdhCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/** Whether a string is one or more ASCII digits. */
function isAllDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * Explains why an ASCII character other than letters, digits, `.` and `-` is refused. These
 * are screened out *before* the URL parser sees the text: otherwise it would read `:` as a
 * port, `@` as user info, `/?#\` as the start of a path, and decode `%41` escapes.
 */
function describeForbiddenAscii(code: number): string {
  const char = String.fromCharCode(code);
  if (code <= 0x20 || code === 0x7f) {
    return 'contains whitespace or a control character inside the name';
  }
  if ('/:@?#\\'.includes(char)) {
    return `contains ${JSON.stringify(char)}: give the bare domain name, not a URL, e-mail address, port or path`;
  }
  if (char === '%') return 'contains "%": percent-encoded names are not accepted';
  if (char === '_') {
    return 'contains "_": underscores are not allowed in host names (RFC 1123 §2.1, RFC 3696 §2)';
  }
  return `contains ${JSON.stringify(char)}: only letters, digits, hyphens and dots are allowed (RFC 1035 §2.3.1, RFC 3696 §2)`;
}

/**
 * Checks one A-label (`xn--…`) that the IDNA step produced or accepted: valid Punycode, the
 * decoded U-label obeys the hyphen rules that the URL Standard's options leave off
 * (`CheckHyphens = false`; RFC 5891 §4.2.3.1), and its code points are allowed by IDNA2008
 * (RFC 5892), which UTS #46 does not enforce.
 * @returns a rule fragment when broken, otherwise `null`
 */
function checkALabel(label: string): string | null {
  const unicode = decodePunycode(label.slice(4));
  if (unicode === null || unicode.length === 0) {
    return `label "${label}" is not valid Punycode (RFC 3492, RFC 5891 §5.4)`;
  }
  if (unicode.startsWith('-') || unicode.endsWith('-')) {
    return `label "${label}" decodes to a name that starts or ends with a hyphen (RFC 5891 §4.2.3.1)`;
  }
  if (unicode.length >= 4 && unicode.slice(2, 4) === '--') {
    return `label "${label}" decodes to a name with "--" in positions 3–4 (RFC 5891 §4.2.3.1)`;
  }
  const problem = idna2008Problem(unicode);
  return problem === null ? null : `label "${label}" (${unicode}) ${problem}`;
}

/** Why the IDNA step refused a name: a typed A-label that does not decode, or the general rule. */
function describeIdnaRefusal(raw: string): string {
  for (const label of raw.toLowerCase().split('.')) {
    if (label.startsWith('xn--') && isAsciiText(label)) {
      const unicode = decodePunycode(label.slice(4));
      if (unicode === null || unicode === '') {
        return `label "${label}" is not valid Punycode (RFC 3492, RFC 5891 §5.4)`;
      }
      if (isAsciiText(unicode)) {
        return `label "${label}" decodes to the plain ASCII "${unicode}", which is never written as an A-label (UTS #46 §4, RFC 5891 §5.4)`;
      }
    }
  }
  return /xn--/iu.test(raw)
    ? 'is not a valid internationalised domain name: an "xn--" label is not a valid IDNA A-label, or the Unicode is not allowed (UTS #46, RFC 5891 §5.4)'
    : 'is not a valid internationalised domain name (IDNA, UTS #46 processing refused it: a disallowed character, a misplaced joiner or a right-to-left rule; RFC 5891, RFC 5893)';
}

function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * The canonical ASCII form of a host name, checking syntax and IDNA only (no public-suffix
 * list): trimmed, lower-case, trailing dot dropped, Unicode converted to Punycode A-labels,
 * every label 1–63 characters of `[a-z0-9-]` not starting or ending with a hyphen, no `--`
 * in positions 3–4 except valid `xn--` A-labels, at least two labels, at most 253 characters,
 * and a top-level label that is not all digits (so no IP addresses).
 *
 * @param input - anything; must be a string
 * @param toAscii - the UTS #46 step: the platform's URL parser with strict A-labels (default,
 *   browser-safe) or tr46 (`normalizeDomain`); see docs/idna.md
 * @returns the canonical host name
 * @throws TypeError when `input` is not a string
 * @throws PeekerError `invalid_domain` naming the broken rule
 */
export function canonicalHostname(input: unknown, toAscii: DomainToAscii = platformToAscii): string {
  if (typeof input !== 'string') {
    throw new TypeError(`Expected a domain name string, got ${describeValue(input)}`);
  }
  const raw = input.trim();
  if (raw === '') throw invalidDomain(input, 'is empty');
  if (raw.length > MAX_RAW_LENGTH) {
    throw invalidDomain(input, `is longer than ${MAX_DOMAIN_LENGTH} characters (RFC 1035 §2.3.4)`);
  }

  // 1. Screen the raw characters before any parser sees them.
  let ascii = true;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code >= 0x80) {
      ascii = false;
      continue;
    }
    const isLetter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    const isDigit = code >= 0x30 && code <= 0x39;
    if (!isLetter && !isDigit && code !== 0x2d && code !== 0x2e) {
      throw invalidDomain(input, describeForbiddenAscii(code));
    }
  }

  // 2. Plain ASCII: lower-case it ourselves (and so never meet the URL parser's IPv4
  //    rewriting, which turns "1.2" into "1.0.0.2"). Unicode, or a typed "xn--" label: the
  //    UTS #46 step (docs/idna.md), which decodes and validates every A-label.
  let host: string;
  const lower = raw.toLowerCase();
  if (ascii && !lower.includes('xn--')) {
    host = lower;
  } else {
    const mapped = toAscii(raw);
    if (mapped === null) throw invalidDomain(input, describeIdnaRefusal(raw));
    host = mapped;
  }

  // 3. One trailing dot marks an absolute name (RFC 1034 §3.1); drop it.
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.length > MAX_DOMAIN_LENGTH) {
    throw invalidDomain(input, `is longer than ${MAX_DOMAIN_LENGTH} characters (RFC 1035 §2.3.4)`);
  }

  const labels = host.split('.');
  if (labels.every(isAllDigits)) {
    throw invalidDomain(input, 'is an IP address or a number, not a domain name');
  }
  if (labels.length < 2) {
    throw invalidDomain(input, 'needs at least two labels, a name and a top-level domain (e.g. "acme.com")');
  }

  for (const label of labels) {
    if (label.length === 0) throw invalidDomain(input, 'has an empty label ("..", or a leading dot)');
    if (label.length > MAX_LABEL_LENGTH) {
      throw invalidDomain(input, `has a label longer than ${MAX_LABEL_LENGTH} characters (RFC 1035 §2.3.4)`);
    }
    for (let i = 0; i < label.length; i += 1) {
      // Reached only by Unicode input whose mapping produced e.g. "_" (UseSTD3ASCIIRules off).
      if (!isLdhCode(label.charCodeAt(i))) {
        throw invalidDomain(input, describeForbiddenAscii(label.charCodeAt(i)));
      }
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      throw invalidDomain(input, `label "${label}" starts or ends with a hyphen (RFC 952, RFC 1123 §2.1, RFC 3696 §2)`);
    }
    if (label.slice(2, 4) === '--') {
      if (!label.startsWith('xn--')) {
        throw invalidDomain(
          input,
          `label "${label}" has "--" in positions 3–4, which is reserved for IDNA A-labels (RFC 5891 §4.2.3.1)`,
        );
      }
      const problem = checkALabel(label);
      if (problem !== null) throw invalidDomain(input, problem);
    }
  }

  // RFC 3696 §2: a top-level domain is never all-numeric (this also keeps IPv4 out).
  const tld = labels[labels.length - 1] as string;
  if (isAllDigits(tld)) {
    throw invalidDomain(input, `top-level domain "${tld}" is all-numeric (RFC 3696 §2)`);
  }

  return host;
}
