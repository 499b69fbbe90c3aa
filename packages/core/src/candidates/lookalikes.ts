/**
 * The typo/lookalike set of a brand label, built the way phishing scanners such as dnstwist
 * enumerate lookalikes (domain-rules §3), and used only as a **negative filter** by
 * `generateCandidates`. Internal: never exported from the package.
 *
 * Size and time are O(brand length × alphabet): each fuzzer makes a bounded number of
 * variants per position.
 */

/**
 * Parses a compact substitution table: space-separated `from:to,to` entries.
 * @param table - e.g. `'a:o,e c:k'`
 * @returns `[from, [to, …]]` pairs, in order
 */
function substitutions(table: string): [string, string[]][] {
  return table.split(' ').map((entry) => {
    const [from = '', to = ''] = entry.split(':');
    return [from, to.split(',')];
  });
}

/** Neighbouring keys on a US QWERTY keyboard (letters and digits): `q:12wa` means q's neighbours are 1, 2, w, a. */
const QWERTY_NEIGHBOURS: Readonly<Record<string, string>> = Object.fromEntries(
  (
    '1:2q 2:13qw 3:24we 4:35er 5:46rt 6:57ty 7:68yu 8:79ui 9:80io 0:9op ' +
    'q:12wa w:23qeas e:34wrsd r:45etdf t:56ryfg y:67tugh u:78yihj i:89uojk o:90ipkl p:0ol ' +
    'a:qwsz s:weadzx d:erfcxs f:rtdgcv g:tyfhvb h:yugjbn j:uihknm k:iojlm l:opk ' +
    'z:asx x:zsdc c:xdfv v:cfgb b:vghn n:bhjm m:njk'
  )
    .split(' ')
    .map((entry) => entry.split(':')),
);

/**
 * Substring substitutions that still look or read alike, as `from:to,to` entries.
 *
 * First the ASCII homoglyphs: what a string can be replaced by and still look alike (`rn`
 * for `m`, `0` for `o`, `1` for `l`). Unicode homoglyphs need no entry: generated names are
 * ASCII only, so a Unicode lookalike can never be produced. Then "cute" respellings in both
 * directions (`c` → `k`: `akme`).
 */
const SUBSTITUTIONS = substitutions(
  // homoglyphs
  'a:o,e,4 b:d,lb,6 c:e,o d:b,cl,dl e:c,3 g:q,9 h:lh,b i:1,l,j j:i k:lc,lk,ik l:1,i ' +
    'm:n,nn,rn,rr n:m,r,h o:0,c q:g,9 s:5,z t:7,f u:v v:u,y w:vv,uu z:2,s 0:o 1:l,i 3:e 5:s ' +
    'rn:m nn:m rr:m vv:w uu:w cl:d lc:k ' +
    // cute spellings
    'c:k k:c ck:k,kk ph:f f:ph s:z z:s x:ks ks:x qu:kw kw:qu i:y y:i ee:ea ea:ee oo:u u:oo ' +
    'er:r ou:u ight:ite ite:ight tion:shun and:n',
);

const VOWELS = 'aeiouy';
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Whether a code is `[a-z0-9-]`, the characters a generated label can hold. */
function isLabelCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

/** Options of {@link buildLookalikes}. */
export interface LookalikeOptions {
  /** The customer's own TLD (`com` for `acme.com`): `acmecom` then reads as `acme.com`. */
  ownTld?: string | null;
}

/**
 * Builds the lookalike set of a brand label: omission, transposition, repetition,
 * replacement and insertion of neighbouring keys, addition of a character at either end,
 * ASCII homoglyphs (`rn`/`m`, `0`/`o`, `1`/`l`), bitsquats (one bit flipped), vowel swaps,
 * cute spellings (`c`/`k`), plurals, and `www`/TLD run-ons (`wwwacme`, `acmecom`). Hyphen
 * insertion is left out on purpose: domain-rules §2 asks for `acme-rockets` from the brand
 * "acme rockets".
 *
 * @param brand - the brand label, `[a-z0-9]+`
 * @param options - see {@link LookalikeOptions}
 * @returns every lookalike, never containing `brand` itself
 */
export function buildLookalikes(brand: string, options: LookalikeOptions = {}): Set<string> {
  const out = new Set<string>();
  const n = brand.length;
  const at = (i: number): string => brand.charAt(i);

  for (let i = 0; i < n; i += 1) {
    const before = brand.slice(0, i);
    const after = brand.slice(i + 1);
    const char = at(i);
    // omission: acm, ame
    out.add(before + after);
    // repetition: accme
    out.add(before + char + char + after);
    // transposition: amce
    if (i + 1 < n && char !== at(i + 1)) out.add(before + at(i + 1) + char + brand.slice(i + 2));
    // replacement and insertion of neighbouring keys: acne, acmwe
    for (const key of QWERTY_NEIGHBOURS[char] ?? '') {
      out.add(before + key + after);
      out.add(before + key + char + after);
      out.add(before + char + key + after);
    }
    // vowel swaps: acmi, icme
    if (VOWELS.includes(char)) {
      for (const vowel of VOWELS) if (vowel !== char) out.add(before + vowel + after);
    }
    // bitsquats: ecme, abme
    const code = brand.charCodeAt(i);
    for (let bit = 0; bit < 8; bit += 1) {
      const flipped = code ^ (1 << bit);
      if (isLabelCode(flipped)) out.add(before + String.fromCharCode(flipped) + after);
    }
  }

  // substitutions of a substring anywhere: homoglyphs (acrne) and cute spellings (akme)
  const substitute = (from: string, to: string): void => {
    for (let i = brand.indexOf(from); i >= 0; i = brand.indexOf(from, i + 1)) {
      out.add(brand.slice(0, i) + to + brand.slice(i + from.length));
    }
  };
  for (const [from, tos] of SUBSTITUTIONS) for (const to of tos) substitute(from, to);

  // addition at either end, plurals, www and TLD run-ons
  for (const char of ALPHANUMERIC) {
    out.add(brand + char);
    out.add(char + brand);
  }
  out.add(`${brand}es`);
  out.add(`www${brand}`);
  out.add(`www-${brand}`);
  out.add(`${brand}com`);
  out.add(`${brand}-com`);
  const ownTld = options.ownTld;
  if (ownTld) {
    const flat = ownTld.replace(/\./gu, '');
    out.add(brand + flat);
    out.add(`${brand}-${flat}`);
  }

  out.delete(brand);
  out.delete('');
  return out;
}
