import { PeekerError } from '../errors/peeker-error.ts';
import { parseBrand } from './candidate-brand.ts';
import { createProtectedMatcher, protectedNamesFor } from './candidate-filter.ts';
import {
  FAMILY_POINTS,
  HYPHEN_POINTS,
  lengthPoints,
  SPAM_POINTS,
  spamWordAcross,
  tldPoints,
} from './candidate-score.ts';
import { describeValue } from '../internal/describe-value.ts';
import { canonicalHostname, MAX_DOMAIN_LENGTH, MAX_LABEL_LENGTH } from '../domains/domain-syntax.ts';
import { buildLookalikes } from './lookalikes.ts';
import { CandidatePattern } from './candidate-pattern.ts';
import { DEFAULT_TLDS } from './default-tlds.ts';
import { DEFAULT_PROTECTED_BRANDS } from './protected-brands.ts';
import { HYPHEN_PREFIXES, HYPHEN_SUFFIXES } from './words/hyphen-words.ts';
import { MORPHEMES } from './words/morphemes.ts';
import { NOUN_SUFFIXES } from './words/nouns.ts';
import { OUTREACH_SUFFIXES } from './words/outreach-words.ts';
import { VERB_PREFIXES } from './words/verbs.ts';

/** Options of {@link generateCandidates}. */
export interface CandidateOptions {
  /**
   * The customer's brand: one word (`"Acme"`), several words (`"Acme Rockets"`, joined to
   * `acmerockets` and also tried as `acme-rockets`), or the customer's own domain
   * (`"acme.com"`, scheme, `www.` and path tolerated). Letters are lower-cased and accents
   * folded (`Café` → `cafe`); separators (spaces, hyphens, `&`, `+`, `/`, `_`, …) split words;
   * apostrophes and symbols (`™`) vanish. Digits in the brand are kept; none are ever added.
   * A brand with `ä ö ü ø å` is also tried in its German/Nordic spelling (`Müller` → names
   * around `muller` and `mueller`; `ß` → `ss`, `æ` → `ae` in both).
   */
  brand: string;
  /**
   * TLDs to try, in order of preference (the first scores best). Leading dots are ignored;
   * Unicode TLDs are converted to Punycode; multi-label suffixes such as `co.uk` are allowed.
   * Checked for syntax only: a TLD Peeker cannot sell comes back from the availability check
   * as `invalid`.
   * @default DEFAULT_TLDS (`com`, `org`, `net`, `co`, `io`)
   */
  tlds?: readonly string[];
  /**
   * At most this many candidates are returned (the best ones). `Infinity` returns all.
   * @default 200
   */
  limit?: number;
  /**
   * Whether names with one hyphen (`acme-mail.com`, `acme-rockets.com`) are generated.
   * Never more than one hyphen either way.
   * @default true
   */
  hyphens?: boolean;
  /** Domain names never to return (compared after normalisation). @default [] */
  exclude?: readonly string[];
  /**
   * Third-party brands a name must not contain or closely resemble. Replaces the default;
   * spread {@link DEFAULT_PROTECTED_BRANDS} to extend it.
   * @default DEFAULT_PROTECTED_BRANDS
   */
  protectedBrands?: readonly string[];
}

/** One suggested domain. */
export interface Candidate {
  /** The domain, canonical (lower-case ASCII, one label plus a TLD from the list). */
  domain: string;
  /** How the name was built; use it as the solver's diversity group. */
  pattern: CandidatePattern;
  /** Sum of `reasons[].points`; higher is better. Only the order and the reasons carry meaning. */
  score: number;
  /**
   * Why the score is what it is, one entry per component: always `pattern` (the word
   * family's base) and `tld`; `hyphen`, `length` and `spam-word` when they apply.
   */
  reasons: readonly {
    readonly factor: 'pattern' | 'tld' | 'hyphen' | 'length' | 'spam-word';
    readonly points: number;
    readonly note: string;
  }[];
}

type Reason = Candidate['reasons'][number];
type Family = keyof typeof FAMILY_POINTS;

/** How each word family explains itself in `reasons`. */
const FAMILY_NOTES: Readonly<Record<Family, string>> = {
  verb: 'verb prefix',
  noun: 'noun suffix',
  hyphenWord: 'hyphen word',
  outreach: 'outreach word',
  morpheme: 'paired word',
  brand: 'the brand alone',
};

/** A label before a TLD is added. Reasons are only built for the candidates returned. */
interface LabelEntry {
  label: string;
  /** `label + '.'`: sorts labels the way their domains sort under one TLD. */
  key: string;
  pattern: CandidatePattern;
  family: Family;
  /** The word added to the brand; empty for the bare brand. */
  word: string;
  hyphen: boolean;
  /**
   * The hyphen's points: {@link HYPHEN_POINTS}, or lower when that would not put the label
   * below its unhyphenated twin (`acme-connect` below `acmeconnect`, domain-rules §4).
   */
  hyphenPoints: number;
  /** The unhyphenated twin this label was pushed below, if any. */
  twin: string | null;
  /** A spam word formed across the join, if any. */
  spam: string | null;
  /** Points from the label alone (family + hyphen + length + spam). */
  points: number;
}

const DEFAULT_LIMIT = 200;
const HYPHEN_REASON: Reason = Object.freeze({ factor: 'hyphen', points: HYPHEN_POINTS, note: 'one hyphen' });

/** The score components of a label on one TLD, in the documented order. */
function reasonsOf(entry: LabelEntry, tldReason: Reason): Reason[] {
  const note = entry.word === '' ? FAMILY_NOTES[entry.family] : `${FAMILY_NOTES[entry.family]} "${entry.word}"`;
  const reasons: Reason[] = [
    Object.freeze({ factor: 'pattern', points: FAMILY_POINTS[entry.family], note }),
    tldReason,
  ];
  if (entry.hyphen) {
    reasons.push(
      entry.twin === null
        ? HYPHEN_REASON
        : Object.freeze({ factor: 'hyphen', points: entry.hyphenPoints, note: `one hyphen; kept below "${entry.twin}"` }),
    );
  }
  const length = lengthPoints(entry.label.length);
  if (length !== 0) {
    reasons.push(Object.freeze({ factor: 'length', points: length, note: `label is ${entry.label.length} characters` }));
  }
  if (entry.spam !== null) {
    reasons.push(Object.freeze({ factor: 'spam-word', points: SPAM_POINTS, note: `contains "${entry.spam}"` }));
  }
  return reasons;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function stringList(value: unknown, name: string, fallback: readonly string[]): readonly string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new TypeError(`Expected ${name} to be an array of strings, got ${describeValue(value)}`);
  }
  return value as readonly string[];
}

/** Validates and canonicalises the TLD list (deduplicated, order kept). */
function readTlds(value: unknown): string[] {
  const out: string[] = [];
  for (const raw of stringList(value, 'tlds', DEFAULT_TLDS)) {
    const text = raw.trim().replace(/^\./u, '');
    let tld: string;
    try {
      tld = canonicalHostname(`x.${text}`).slice(2);
    } catch (error) {
      if (!PeekerError.is(error)) throw error;
      throw new PeekerError('invalid_domain', `Invalid TLD ${JSON.stringify(raw)} in tlds: ${error.message}`);
    }
    if (!out.includes(tld)) out.push(tld);
  }
  return out;
}

/** Canonical form of an `exclude` entry; entries that do not normalise are compared as typed. */
function excludeKey(name: string): string {
  try {
    return canonicalHostname(name);
  } catch {
    return name.trim().toLowerCase();
  }
}

/**
 * Generates brand-adjacent sending-domain candidates for cold email, ranked best first
 * (docs/domain-rules.md §2–§4). The brand always appears whole and unchanged; patterns only add
 * one whole word around it or change the TLD:
 *
 * | Pattern | Example | Base points |
 * |---|---|---|
 * | `verb-prefix` | `getacme.com` | 100 |
 * | `noun-suffix` | `acmehq.com` | 100 |
 * | `hyphenated` | `acme-mail.com`, `team-acme.com` | base of the word's family (94 for hyphen-only words), −12 for the hyphen, and always below the unhyphenated name of the same words (`acme-connect` 79 < `acmeconnect` 80) |
 * | `outreach-word` | `acmegrowth.com` | 80 |
 * | `morpheme` | `acmehub.com`, `hubacme.com` (800+ curated words) | 75 |
 * | `bare-brand` | `acme.org`, `acme-rockets.com` | 0 |
 *
 * Adjustments: the TLD's place in `tlds` (0 for the first, then −24, −28, … down to −40),
 * −12 for a hyphen, a soft length penalty past 15 characters of the label (−1 per character)
 * and past 20 (−2 per character, at most −15 in all), and −5 when joining the word to the
 * brand forms a spam word (`surf` + `reeform` → "free"; the word lists themselves hold none).
 * Each candidate lists these in `reasons`. A TLD swap (`getacme.org`) keeps its
 * name's pattern and shows up in the TLD adjustment. Order: score descending, then domain by
 * code unit. Deterministic: the same options always give the same list.
 *
 * Never generated:
 * - the customer's own domain: the domain given as `brand` (`acme.com` → `acme.com`
 *   excluded; `acme.org` is offered, ranked last), or `<brand>.com` for a brand given as
 *   words (presumed to be the main site);
 * - typo and lookalike variants of the brand: the dnstwist-style lookalike set (omission,
 *   transposition, repetition, nearby-key replacement and insertion, homoglyphs such as
 *   `rn`/`m`, bitsquats, vowel swaps, cute spellings such as `c`→`k`, `www`/TLD run-ons) is
 *   built and any name whose label lands in it is dropped; names are ASCII only, so no
 *   Unicode homoglyphs;
 * - names that contain a protected third-party brand or are within one edit of one (two for
 *   names of eight letters or more), hyphens ignored; protected names the customer's own
 *   brand contains or resembles do not apply;
 * - digits the brand does not have, more than one hyphen, names in `exclude`.
 *
 * Every returned domain is a canonical host name (`normalizeHostname(d) === d`); with a TLD
 * list of public suffixes (the default) it is also a registrable domain
 * (`normalizeDomain(d) === d`). About 16,600 candidates exist for a one-word brand with the
 * default TLDs (about 8,300 without hyphens). Cost is O(words × protected names) to build the
 * labels plus O(limit × TLDs) to merge them, so `limit` in the thousands is cheap.
 *
 * @param options - see {@link CandidateOptions}
 * @returns up to `limit` candidates, best first, unique by domain
 * @throws TypeError when an option has the wrong type
 * @throws PeekerError `invalid_brand` when the brand has no letters or digits, is longer than
 *   63 characters once joined, or looks like an invalid domain; `invalid_domain` for a bad TLD
 * @example
 * ```ts
 * generateCandidates({ brand: 'acme', limit: 3 }).map((c) => c.domain);
 * // ['acmeai.com', 'acmeapp.com', 'acmeco.com']
 * generateCandidates({ brand: 'Acme Rockets', tlds: ['com'], hyphens: false });
 * generateCandidates({ brand: 'acme.io', exclude: ['getacme.com'], limit: 50 });
 * ```
 */
export function generateCandidates(options: CandidateOptions): Candidate[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const brand = parseBrand(options.brand);
  const tlds = readTlds(options.tlds);
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !(Number.isSafeInteger(limit) || limit === Infinity) || limit < 0) {
    throw new TypeError(`Expected limit to be a non-negative integer or Infinity, got ${describeValue(limit)}`);
  }
  const hyphens = options.hyphens ?? true;
  if (typeof hyphens !== 'boolean') {
    throw new TypeError(`Expected hyphens to be a boolean, got ${describeValue(hyphens)}`);
  }
  const excluded = new Set(stringList(options.exclude, 'exclude', []).map(excludeKey));
  excluded.add(brand.ownDomain);
  const protectedList = stringList(options.protectedBrands, 'protectedBrands', DEFAULT_PROTECTED_BRANDS);
  // The brand as spelled, and its transliterations (`muller`, `mueller`): each gets every
  // pattern. A spelling of the customer's brand is never a lookalike to filter out.
  const spellings = [{ words: brand.words, token: brand.token }, ...brand.variants];
  const tokens = new Set(spellings.map((spelling) => spelling.token));
  const lookalikes = new Set<string>();
  for (const { token } of spellings) {
    for (const label of buildLookalikes(token, { ownTld: brand.ownTld })) if (!tokens.has(label)) lookalikes.add(label);
    excluded.add(`${token}.${brand.ownTld}`); // the bare brand on the customer's own TLD
  }
  const labels = new Map<string, LabelEntry>();

  for (const spelling of spellings) {
    const token = spelling.token;
    const protectedCollision = createProtectedMatcher(protectedNamesFor(protectedList, token));

    /**
     * Adds the label `left + (hyphen ? '-' : '') + right` unless it is too long, a lookalike,
     * near a protected brand, or already made by a better-scoring family.
     */
    const add = (
      left: string,
      right: string,
      hyphen: boolean,
      pattern: CandidatePattern,
      family: Family,
      word: string,
    ): void => {
      const label = hyphen ? `${left}-${right}` : left + right;
      if (label.length > MAX_LABEL_LENGTH) return;
      const spam = hyphen || word === '' ? null : spamWordAcross(left, right);
      const points =
        FAMILY_POINTS[family] +
        (hyphen ? HYPHEN_POINTS : 0) +
        lengthPoints(label.length) +
        (spam === null ? 0 : SPAM_POINTS);
      const existing = labels.get(label);
      if (existing !== undefined && existing.points >= points) return;
      if (lookalikes.has(label) || protectedCollision(label) !== null) return;
      labels.set(label, { label, key: `${label}.`, pattern, family, word, hyphen, hyphenPoints: hyphen ? HYPHEN_POINTS : 0, twin: null, spam, points });
    };

    const { verbPrefix, nounSuffix, hyphenated, outreachWord, morpheme, bareBrand } = CandidatePattern;
    for (const word of VERB_PREFIXES) {
      add(word, token, false, verbPrefix, 'verb', word);
      if (hyphens) add(word, token, true, hyphenated, 'verb', word);
    }
    for (const word of NOUN_SUFFIXES) {
      add(token, word, false, nounSuffix, 'noun', word);
      if (hyphens) add(token, word, true, hyphenated, 'noun', word);
    }
    if (hyphens) {
      for (const word of HYPHEN_PREFIXES) add(word, token, true, hyphenated, 'hyphenWord', word);
      for (const word of HYPHEN_SUFFIXES) add(token, word, true, hyphenated, 'hyphenWord', word);
    }
    for (const word of OUTREACH_SUFFIXES) {
      add(token, word, false, outreachWord, 'outreach', word);
      if (hyphens) add(token, word, true, hyphenated, 'outreach', word);
    }
    for (const word of MORPHEMES) {
      add(token, word, false, morpheme, 'morpheme', word);
      add(word, token, false, morpheme, 'morpheme', word);
      if (hyphens) {
        add(token, word, true, hyphenated, 'morpheme', word);
        add(word, token, true, hyphenated, 'morpheme', word);
      }
    }
    add(token, '', false, bareBrand, 'brand', '');
    if (hyphens) {
      // A multi-word brand with one hyphen between two of its words: acme-rockets.
      let offset = 0;
      for (let i = 0; i + 1 < spelling.words.length; i += 1) {
        offset += (spelling.words[i] as string).length;
        add(token.slice(0, offset), token.slice(offset), true, bareBrand, 'brand', '');
      }
    }
  }

  // domain-rules §4: the unhyphenated form of the same words always ranks above the
  // hyphenated one. A hyphen-only word can score above its unhyphenated twin from a weaker
  // family (`acme-connect` 94 − 12 vs `acmeconnect` 80), so such a label gives up the
  // difference plus one point in its hyphen reason.
  for (const entry of labels.values()) {
    if (!entry.hyphen) continue;
    const twin = labels.get(entry.label.replace('-', ''));
    if (twin === undefined || twin.points > entry.points) continue;
    const drop = entry.points - twin.points + 1;
    entry.points -= drop;
    entry.hyphenPoints -= drop;
    entry.twin = twin.label;
  }

  // Each TLD gives a run of domains already in final order, because labels are sorted by
  // (points desc, label + "." asc) and, for one TLD, "label.tld" sorts like "label.". A k-way
  // merge of the runs then yields the best `limit` domains without building or sorting the
  // rest: O(labels log labels + limit × TLDs).
  const sortedLabels = [...labels.values()].sort(
    (a, b) => b.points - a.points || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const runs = tlds.map((tld, index) => ({
    suffix: `.${tld}`,
    adjust: tldPoints(index),
    reason: Object.freeze({
      factor: 'tld',
      points: tldPoints(index),
      note: `.${tld} (${ordinal(index + 1)} TLD choice)`,
    }) as Reason,
    position: -1,
    domain: '',
    score: 0,
  }));
  type Run = (typeof runs)[number];
  /** Moves a run to its next allowed domain; false when it is exhausted. */
  const advance = (run: Run): boolean => {
    for (run.position += 1; run.position < sortedLabels.length; run.position += 1) {
      const entry = sortedLabels[run.position] as LabelEntry;
      const domain = entry.label + run.suffix;
      if (domain.length > MAX_DOMAIN_LENGTH || excluded.has(domain)) continue;
      run.domain = domain;
      run.score = entry.points + run.adjust;
      return true;
    }
    return false;
  };
  const active = runs.filter(advance);

  const out: Candidate[] = [];
  while (out.length < limit && active.length > 0) {
    let best = 0;
    for (let r = 1; r < active.length; r += 1) {
      const run = active[r] as Run;
      const top = active[best] as Run;
      if (run.score > top.score || (run.score === top.score && run.domain < top.domain)) best = r;
    }
    const run = active[best] as Run;
    const entry = sortedLabels[run.position] as LabelEntry;
    out.push({
      domain: run.domain,
      pattern: entry.pattern,
      score: run.score,
      reasons: reasonsOf(entry, run.reason),
    });
    if (!advance(run)) active.splice(best, 1);
  }
  return out;
}
