import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTECTED_BRANDS } from '../../../packages/core/src/candidates/protected-brands.ts';
import { HYPHEN_PREFIXES, HYPHEN_SUFFIXES } from '../../../packages/core/src/candidates/words/hyphen-words.ts';
import { MORPHEMES } from '../../../packages/core/src/candidates/words/morphemes.ts';
import { NOUN_SUFFIXES } from '../../../packages/core/src/candidates/words/nouns.ts';
import { OUTREACH_SUFFIXES } from '../../../packages/core/src/candidates/words/outreach-words.ts';
import { SPAM_WORDS } from '../../../packages/core/src/candidates/words/spam-words.ts';
import { VERB_PREFIXES } from '../../../packages/core/src/candidates/words/verbs.ts';

const lists = {
  VERB_PREFIXES,
  NOUN_SUFFIXES,
  HYPHEN_PREFIXES,
  HYPHEN_SUFFIXES,
  OUTREACH_SUFFIXES,
  MORPHEMES,
};

describe('word lists', () => {
  it.each(Object.entries(lists))('%s: plain lower-case ASCII, 2–10 letters, no duplicates', (_name, words) => {
    expect(words.filter((w) => !/^[a-z]{2,10}$/.test(w))).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
  });

  it.each(Object.entries(lists))('%s: no spam word and no protected brand inside any word', (_name, words) => {
    expect(words.filter((w) => SPAM_WORDS.some((spam) => w.includes(spam)))).toEqual([]);
    expect(words.filter((w) => DEFAULT_PROTECTED_BRANDS.some((brand) => w.includes(brand)))).toEqual([]);
  });

  it('never uses TLD-like words that read as a run-on of a domain', () => {
    const all = Object.values(lists).flat();
    for (const tld of ['com', 'net', 'org', 'www', 'io', 'us', 'info', 'biz']) expect(all).not.toContain(tld);
  });

  it('has the sizes domain-rules §2 asks for, and morphemes disjoint from the other lists', () => {
    expect(VERB_PREFIXES.length).toBeGreaterThanOrEqual(10);
    expect(VERB_PREFIXES.length).toBeLessThanOrEqual(20);
    expect(NOUN_SUFFIXES.length).toBeGreaterThanOrEqual(10);
    expect(NOUN_SUFFIXES.length).toBeLessThanOrEqual(20);
    expect(MORPHEMES.length).toBeGreaterThanOrEqual(300);
    const others = new Set([...VERB_PREFIXES, ...NOUN_SUFFIXES, ...HYPHEN_PREFIXES, ...HYPHEN_SUFFIXES, ...OUTREACH_SUFFIXES]);
    expect(MORPHEMES.filter((w) => others.has(w))).toEqual([]);
    expect([...MORPHEMES].sort()).toEqual(MORPHEMES);
  });

  it('protected brands and spam words are lower-case ASCII', () => {
    expect(DEFAULT_PROTECTED_BRANDS.filter((w) => !/^[a-z0-9]+$/.test(w))).toEqual([]);
    expect(SPAM_WORDS.filter((w) => !/^[a-z]+$/.test(w))).toEqual([]);
    for (const name of ['google', 'gmail', 'microsoft', 'outlook', 'hotmail', 'office', 'apple', 'amazon', 'paypal',
      'stripe', 'visa', 'mastercard', 'fedex', 'ups', 'dhl', 'usps', 'facebook', 'meta', 'linkedin', 'instagram',
      'youtube', 'yahoo']) {
      expect(DEFAULT_PROTECTED_BRANDS).toContain(name);
    }
    expect(Object.isFrozen(DEFAULT_PROTECTED_BRANDS)).toBe(true);
  });
});
