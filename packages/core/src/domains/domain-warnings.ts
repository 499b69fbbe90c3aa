import { describeValue } from '../internal/describe-value.ts';
import { displayDomain } from './display-domain.ts';

/** Why a name deserves a second look before anyone orders or trusts it. */
export const DomainWarningCode = {
  /** A label mixes scripts that no language writes together (`аcme` with a Cyrillic `а`). */
  mixedScript: 'mixed-script',
  /** A label is written entirely in letters that look like Latin ones (`асе` in Cyrillic reads "ace"). */
  confusable: 'confusable',
} as const;

/** One of the {@link DomainWarningCode} values. */
export type DomainWarningCode = (typeof DomainWarningCode)[keyof typeof DomainWarningCode];

/** A flag on a name: which label, why, and what it can be taken for. */
export interface DomainWarning {
  code: DomainWarningCode;
  /** The label in Unicode (`аcme`). */
  label: string;
  /** The scripts found in the label, e.g. `['Cyrillic', 'Latin']`. */
  scripts: readonly string[];
  /** The all-ASCII name it can be taken for (`acme.com`), or `null` when there is none. */
  lookalike: string | null;
  /** An English sentence for logs and the CLI; UIs word it themselves from `code`. */
  message: string;
}

/** Scripts told apart here; letters of any other script count as "Other". */
const SCRIPTS = [
  'Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali',
  'Tamil', 'Thai', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Cherokee', 'Ethiopic',
].map((name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const);
const COMMON = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** Script sets that languages write together (UTS #39 §5.2, "Highly Restrictive"). */
const ALLOWED_MIXES: readonly ReadonlySet<string>[] = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/**
 * Letters of other scripts that look like a Latin letter (a small subset of the UTS #39
 * confusables data: the lower-case Cyrillic, Greek and Armenian letters that pass as Latin).
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', ӏ: 'l', м: 'm',
  п: 'n', о: 'o', р: 'p', ԛ: 'q', г: 'r', ѕ: 's', т: 't', ц: 'u', ѵ: 'v', ԝ: 'w', х: 'x', у: 'y', ү: 'y',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  օ: 'o', ս: 'u', հ: 'h', ց: 'g', զ: 'q',
};

function scriptOf(char: string): string | null {
  if (COMMON.test(char)) return null;
  for (const [name, pattern] of SCRIPTS) if (pattern.test(char)) return name;
  return 'Other';
}

/**
 * Flags names a person could misread: a label that mixes scripts no language writes together
 * (`аcme.com` with a Cyrillic `а`, which reads as `acme.com`), or a label written wholly in
 * look-alike letters of another script (`асе.com` in Cyrillic). Names stay valid (some are
 * genuine), so this flags rather than refuses; show the flag and the ASCII name together.
 * Japanese, Chinese and Korean mixes with Latin are not flagged (UTS #39 "Highly Restrictive").
 *
 * @param name - a domain name, ASCII (`xn--cme-6cd.com`) or Unicode
 * @returns the warnings, one per flagged label; empty for ordinary names
 * @throws TypeError when `name` is not a string
 * @example
 * ```ts
 * domainWarnings('xn--cme-6cd.com');
 * // [{ code: 'mixed-script', label: 'аcme', scripts: ['Cyrillic', 'Latin'], lookalike: 'acme.com', … }]
 * domainWarnings('xn--bcher-kva.com'); // []
 * ```
 */
export function domainWarnings(name: string): DomainWarning[] {
  if (typeof name !== 'string') {
    throw new TypeError(`Expected a domain name string, got ${describeValue(name)}`);
  }
  const labels = displayDomain(name.toLowerCase()).split('.');
  const warnings: DomainWarning[] = [];
  labels.forEach((label, index) => {
    if (/^[\x00-\x7f]*$/u.test(label)) return;
    const scripts = new Set<string>();
    let skeleton = '';
    for (const char of label) {
      const script = scriptOf(char);
      if (script !== null) scripts.add(script);
      skeleton += LATIN_LOOKALIKES[char] ?? char;
    }
    const lookalike = /^[a-z0-9-]+$/u.test(skeleton) ? labels.map((l, i) => (i === index ? skeleton : l)).join('.') : null;
    const list = [...scripts].sort();
    const mixed = scripts.size > 1 && !ALLOWED_MIXES.some((allowed) => list.every((script) => allowed.has(script)));
    const reads = lookalike === null ? '' : `; it reads like "${lookalike}"`;
    if (mixed) {
      warnings.push({
        code: DomainWarningCode.mixedScript,
        label,
        scripts: list,
        lookalike,
        message: `"${label}" mixes ${list.join(' and ')} letters${reads}`,
      });
    } else if (lookalike !== null) {
      warnings.push({
        code: DomainWarningCode.confusable,
        label,
        scripts: list,
        lookalike,
        message: `"${label}" is written in ${list.join(' and ')} letters that look Latin${reads}`,
      });
    }
  });
  return warnings;
}
