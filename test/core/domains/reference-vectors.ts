/**
 * Reads the third-party conformance vectors in `../shared/reference-data/` (beside the
 * repository; see its SOURCES.md) and turns them into expectations for our IDNA and
 * public-suffix code. Shared by the Node suites (test/core/domains/) and the real-Chromium
 * suite (test/elements/idna-vectors.test.ts), so both runtimes judge the same way.
 * The data is never copied into the repository.
 */

/** Where the vectors live, relative to the repository root. */
export const REFERENCE_DIR = '../shared/reference-data';
/** Printed when the folder is missing (a clone without `shared/` beside it). */
export const SKIP_NOTICE =
  `Conformance vectors skipped: ${REFERENCE_DIR}/ (the PSL's test_psl.txt, WPT IdnaTestV2.json and ` +
  'toascii.json) is not beside this checkout. Put the shared reference data there to run them.';

/** One IDNA vector with the answer a strict UTS #46 ToASCII gives. */
export interface IdnaVector {
  input: string;
  /** The vector's own `output` (URL Standard, with its ASCII fast path). */
  output: string | null;
  comment: string;
  /** What we expect: `null` when the comment names a UTS #46 error that is not "(ignored)". */
  expected: string | null;
}

/**
 * The vectors of WPT `IdnaTestV2.json`. Its generator applies the URL Standard's options
 * (CheckHyphens, UseSTD3ASCIIRules and VerifyDnsLength off: their error codes carry
 * "(ignored)") and its ASCII fast path (an ASCII input keeps a non-null `output` even when
 * the comment lists an error such as P4 or V7). We validate every A-label, so an input whose
 * comment lists any error code not marked "(ignored)" is expected to be refused.
 * @param json - the file's text
 */
export function idnaTestV2(json: string): IdnaVector[] {
  const items = (JSON.parse(json) as unknown[]).filter(
    (item): item is { input: string; output: string | null; comment?: string } => typeof item === 'object' && item !== null,
  );
  return items.map(({ input, output, comment = '' }) => {
    const errors = comment.split(';').map((code) => code.trim()).filter((code) => code !== '' && !code.includes('(ignored)'));
    return { input, output, comment, expected: errors.length > 0 ? null : output };
  });
}

/**
 * The vectors of WPT `toascii.json` (assorted URL-host cases). Their `output` follows the URL
 * Standard including its ASCII fast path; the differences that fast path causes are listed
 * by the tests that use them (and in docs/idna.md).
 * @param json - the file's text
 */
export function toAsciiVectors(json: string): IdnaVector[] {
  const items = (JSON.parse(json) as unknown[]).filter(
    (item): item is { input: string; output: string | null; comment?: string } => typeof item === 'object' && item !== null,
  );
  return items.map(({ input, output, comment = '' }) => ({ input, output, comment, expected: output }));
}

/** One `checkPublicSuffix(input, registrable)` line of the PSL's test_psl.txt. */
export interface PslVector {
  input: string | null;
  registrable: string | null;
  line: number;
}

/** Reads every uncommented `checkPublicSuffix(…)` call of test_psl.txt. */
export function pslVectors(text: string): PslVector[] {
  const out: PslVector[] = [];
  const call = /^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);$/u;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const match = call.exec(line);
    if (match === null) {
      if (line.startsWith('checkPublicSuffix')) throw new Error(`Unreadable PSL vector on line ${index + 1}: ${line}`);
      return;
    }
    const value = (token: string): string | null => (token === 'null' ? null : token.slice(1, -1));
    out.push({ input: value(match[1] as string), registrable: value(match[2] as string), line: index + 1 });
  });
  return out;
}

/** TLDs of test_psl.txt that no registry runs (the vectors' default `*` rule applies). */
const UNLISTED_TLDS = new Set(['example']);

/** The rules of public_suffix_list.dat, by section. */
export interface PslRules {
  icann: ReadonlySet<string>;
  private: ReadonlySet<string>;
}

/** Reads the ICANN and private sections of public_suffix_list.dat (rules as written, `*.`/`!` kept). */
export function pslRules(text: string): PslRules {
  const icann = new Set<string>();
  const privateRules = new Set<string>();
  let section: Set<string> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.includes('===BEGIN ICANN DOMAINS===')) section = icann;
    else if (line.includes('===BEGIN PRIVATE DOMAINS===')) section = privateRules;
    else if (line.includes('===END')) section = null;
    else if (section !== null && line !== '' && !line.startsWith('//')) section.add(line.split(/\s/u)[0] as string);
  }
  return { icann, private: privateRules };
}

/**
 * What `normalizeDomain` must do with a PSL vector. `normalizeDomain` returns a name only when
 * it is itself the registrable domain, so:
 * - registrable `null` (a public suffix, or a leading dot): refused;
 * - input equal to its registrable domain: returned, in ASCII;
 * - input below its registrable domain: refused as a subdomain *of that domain*;
 * - a TLD no registry runs (`example.example`): refused as an unknown TLD. The PSL's default
 *   rule treats such names as registrable; Peeker can only sell under real TLDs;
 * - a registrable domain under a rule of the list's *private* section (`example.uk.com`):
 *   `normalizeDomain` follows the ICANN section only (a registrar sells `uk.com`, not names
 *   below it), so the private suffix itself is the registrable domain. This holds because each
 *   such suffix in test_psl.txt sits one label below an ICANN rule; the test checks that.
 * (docs/idna.md, "Public suffixes".)
 * @param vector - the PSL vector
 * @param rules - the list's sections
 * @param toAscii - converts the vector's Unicode names to ASCII
 */
export function pslExpectation(
  vector: PslVector,
  rules: PslRules,
  toAscii: (name: string) => string,
): { kind: 'type-error' } | { kind: 'refused'; message?: RegExp } | { kind: 'returns'; domain: string } {
  if (vector.input === null) return { kind: 'type-error' };
  if (vector.registrable === null) {
    // A private suffix itself (`uk.com`) is registrable under the ICANN section.
    const input = vector.input.startsWith('.') ? null : toAscii(vector.input);
    if (input !== null && rules.private.has(input) && rules.icann.has(input.slice(input.indexOf('.') + 1))) {
      return { kind: 'returns', domain: input };
    }
    return { kind: 'refused' };
  }
  const tld = vector.registrable.slice(vector.registrable.lastIndexOf('.') + 1);
  if (UNLISTED_TLDS.has(tld)) return { kind: 'refused', message: /not a known public suffix/u };
  let registrable = toAscii(vector.registrable);
  const suffix = registrable.slice(registrable.indexOf('.') + 1);
  if (rules.private.has(suffix)) {
    const parent = suffix.slice(suffix.indexOf('.') + 1);
    if (!rules.icann.has(parent)) throw new Error(`Private suffix ${suffix} is not directly below an ICANN rule`);
    registrable = suffix;
  }
  const input = toAscii(vector.input);
  if (input === registrable) return { kind: 'returns', domain: registrable };
  return { kind: 'refused', message: new RegExp(`subdomain of "${registrable.replaceAll('.', '\\.')}"`, 'u') };
}

/** Runs the IDNA vectors through `toAscii` and lists every disagreement. */
export function idnaDifferences(
  vectors: readonly IdnaVector[],
  toAscii: (input: string) => string | null,
): { input: string; expected: string | null; actual: string | null }[] {
  const out: { input: string; expected: string | null; actual: string | null }[] = [];
  for (const vector of vectors) {
    const actual = toAscii(vector.input);
    if (actual !== vector.expected) out.push({ input: vector.input, expected: vector.expected, actual });
  }
  return out;
}

/**
 * The vectors of toascii.json on which our IDNA steps disagree with the URL Standard, and why
 * (docs/idna.md lists the same). Tests assert these exact lists, so a new difference fails.
 */
const FAST_PATH_DIFFERENCES = ['xn--a', 'xn--a.xn--zca', 'xn--ls8h=', 'xn--1ug.example', 'xn--a-yoc', 'xn--zn7c.com', 'xn--0.com'].map(
  (input) => ({ input, reason: 'ASCII fast path: the URL Standard keeps an invalid A-label; we decode and refuse it (RFC 5891 §5.4)' }),
);

/** tr46 (normalizeDomain's step), in every runtime. */
export const TOASCII_KNOWN_DIFFERENCES: readonly { input: string; reason: string }[] = [
  ...FAST_PATH_DIFFERENCES,
  ...['www.lookout.net\u2A7480', 'www\u00A0.lookout.net', '\u001Flookout.net'].map((input) => ({
    input,
    reason: 'URL forbidden host code point after mapping (":", space, control); UTS #46 with UseSTD3ASCIIRules off keeps it, the normalisers refuse it by the LDH rule',
  })),
];

/** The URL parser with strict A-labels (normalizeHostname's step), in Chromium. */
export const CHROMIUM_TOASCII_KNOWN_DIFFERENCES: readonly { input: string; reason: string }[] = [
  ...FAST_PATH_DIFFERENCES,
  ...['<\u00AD\u0338', '>\u00AD\u0338'].map((input) => ({
    input,
    reason: 'Chromium refuses the ASCII "<" / ">" before mapping; UTS #46 drops the soft hyphen and composes "≮" / "≯" (symbols IDNA2008 disallows, so the normalisers refuse them anyway)',
  })),
  {
    input: 'www\u00A0.lookout.net',
    reason: 'Chromium accepts the no-break space (mapped to a space) where the URL Standard refuses it; the normalisers refuse it by the LDH rule',
  },
];

/** Share of vectors a step must get right in each runtime (issue 13). */
export const REQUIRED_SHARE = 0.995;
