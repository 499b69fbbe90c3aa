/**
 * The IDNA2008 code-point rules (RFC 5892) that UTS #46 does not apply. UTS #46 keeps
 * symbols and punctuation such as `♥` and `☕` valid for compatibility with IDNA2003;
 * registries follow IDNA2008 and refuse them, so a name with one could never be ordered.
 * Internal: never exported from the package. See docs/idna.md for what is and is not checked.
 */

/** RFC 5892 §2.1 LetterDigits: Ll, Lu, Lo, Nd, Lm, Mn, Mc. */
const LETTER_DIGIT = /^[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]$/u;
/** RFC 5892 §2.3 IgnorableProperties, §2.4 IgnorableBlocks-like: never valid. */
const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}]$/u;
/** RFC 5892 §2.6 Exceptions, PVALID: ß, ς, ۽, ۾, ་, 〇. */
const EXCEPTION_PVALID = new Set([0xdf, 0x3c2, 0x6fd, 0x6fe, 0xf0b, 0x3007]);
/** RFC 5892 §2.6 Exceptions, DISALLOWED: tatweel, NKo lajanyalan, Hangul tone marks, vertical kana repeats. */
const EXCEPTION_DISALLOWED = new Set([0x640, 0x7fa, 0x302e, 0x302f, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303b]);
/** RFC 5892 §2.9 OldHangulJamo (conjoining Jamo L, V, T). */
function isOldHangulJamo(code: number): boolean {
  return (code >= 0x1100 && code <= 0x11ff) || (code >= 0xa960 && code <= 0xa97f) || (code >= 0xd7b0 && code <= 0xd7ff);
}
/** ZWNJ, ZWJ: CONTEXTJ, already checked by UTS #46 CheckJoiners (RFC 5892 Appendix A.1–A.2). */
const CONTEXT_J = new Set([0x200c, 0x200d]);

const GREEK = /^\p{Script=Greek}$/u;
const HEBREW = /^\p{Script=Hebrew}$/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * RFC 5892 Appendix A CONTEXTO rules.
 * @returns `true` when the code point at `index` is allowed in its context
 */
function contextOk(code: number, points: readonly number[], index: number, label: string): boolean {
  const before = points[index - 1];
  const after = points[index + 1];
  switch (code) {
    case 0xb7: // A.3 MIDDLE DOT: only between two "l" (Catalan l·l)
      return before === 0x6c && after === 0x6c;
    case 0x375: // A.4 GREEK KERAIA: followed by a Greek character
      return after !== undefined && GREEK.test(String.fromCodePoint(after));
    case 0x5f3: // A.5, A.6 HEBREW GERESH / GERSHAYIM: preceded by a Hebrew character
    case 0x5f4:
      return before !== undefined && HEBREW.test(String.fromCodePoint(before));
    case 0x30fb: // A.9 KATAKANA MIDDLE DOT: the label has Hiragana, Katakana or Han
      return JAPANESE.test(label.replace(/\u30FB/gu, ''));
    default:
      return true;
  }
}

/** Arabic-Indic digits (A.8) and extended Arabic-Indic digits (A.9) must not mix. */
function mixesArabicDigits(points: readonly number[]): boolean {
  let arabicIndic = false;
  let extended = false;
  for (const code of points) {
    if (code >= 0x660 && code <= 0x669) arabicIndic = true;
    if (code >= 0x6f0 && code <= 0x6f9) extended = true;
  }
  return arabicIndic && extended;
}

/** `U+2665` style code point name for messages. */
function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Checks a U-label (already mapped and validated by UTS #46) against the IDNA2008 code-point
 * categories of RFC 5892: letters, digits and combining marks (plus the §2.6 exceptions and the
 * contextual characters in their contexts) are allowed; symbols, punctuation, spaces and the
 * §2.6 disallowed exceptions are not.
 * @param label - the U-label
 * @returns a rule fragment naming the first refused character, or `null`
 */
export function idna2008Problem(label: string): string | null {
  const points = Array.from(label, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < points.length; i += 1) {
    const code = points[i] as number;
    if (code < 0x80) continue; // the LDH rule covers ASCII
    const char = String.fromCodePoint(code);
    const allowed =
      CONTEXT_J.has(code) ||
      EXCEPTION_PVALID.has(code) ||
      (!EXCEPTION_DISALLOWED.has(code) &&
        !isOldHangulJamo(code) &&
        !IGNORABLE.test(char) &&
        (LETTER_DIGIT.test(char) || [0xb7, 0x375, 0x5f3, 0x5f4, 0x30fb].includes(code)) &&
        contextOk(code, points, i, label));
    if (!allowed) {
      return `contains ${JSON.stringify(char)} (${codePointName(code)}), which IDNA2008 does not allow in domain names (RFC 5892); registries refuse it`;
    }
  }
  if (mixesArabicDigits(points)) {
    return 'mixes Arabic-Indic and extended Arabic-Indic digits (RFC 5892 Appendix A.8–A.9)';
  }
  return null;
}
