// Name folding for search and mention linking: "Hwang Da Seul", "Hwang Da-seul" and "HWANG Daseul"
// are the same person; "Amélie" is "amelie"; "ＰＡＲＡＳＩＴＥ" is "parasite"; "기생충" stays Hangul.
//
// One folding routine serves the query, the index and the review text alike (foldIndexed), so the
// three can never disagree. It folds the text one *unit* at a time — a code point plus whatever
// follows it that Unicode normalisation could merge into it (combining marks, Hangul vowel/final
// jamo, half-width voiced marks) — and records, for every folded character, which original range it
// came from. NFKC can change lengths ("ﬁ" → "fi", "㈜" → "(주)", "ㄱㅏ" → "가"), so offsets into the
// folded text are useless to a caller; the map turns them back into offsets into what was written.

/** Class bits of one folded character (cached per UTF-16 code unit / astral code point). */
export const WORD = 1; // a letter, digit or mark: part of a name
export const CJK = 2; // Han, Hiragana, Katakana or Hangul: scripts written without spaces between words
export const HANGUL = 4;
const JOINER = 8; // hyphens, apostrophes, middle dots: join the parts of one romanised name
const HARD = 16; // line and paragraph breaks: a name never runs across one
const KNOWN = 128;

/** Separator runs between two folded word characters. */
export const BRK_NONE = 0;
export const BRK_JOINER = 1; // only hyphens/apostrophes/middle dots ("Da-seul", "Schindler's")
export const BRK_SPACE = 2; // white space or other punctuation ("Da seul", "Mr. Robot")
export const BRK_HARD = 3; // a line break

const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();
const JOINERS = new Set(['-', '\u2010', '\u2011', "'", '\u2019', '\u02bc', '\u00b7', '\u2027', '\u30fb', '\uff65']);

function classify(ch: string): number {
  let c = KNOWN;
  if (/[\p{L}\p{N}\p{M}]/u.test(ch)) {
    c |= WORD;
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) c |= CJK;
    if (/\p{Script=Hangul}/u.test(ch)) c |= HANGUL;
  } else if (JOINERS.has(ch)) c |= JOINER;
  else if (/[\n\r\u0085\u2028\u2029]/.test(ch)) c |= HARD;
  return c;
}

/** The class bits of the code point `cp`. */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = bmpClass[cp]!;
    if (c === 0) bmpClass[cp] = c = classify(String.fromCharCode(cp));
    return c;
  }
  let c = astralClass.get(cp);
  if (c === undefined) astralClass.set(cp, (c = classify(String.fromCodePoint(cp))));
  return c;
}

/**
 * Whether `cp` may merge into the code point before it under NFKC: combining marks, conjoining
 * Hangul vowels and finals (U+1160–U+11FF, U+D7B0–U+D7FF), compatibility and half-width Hangul
 * vowels (NFKC turns them into conjoining vowels, which compose with a preceding initial), and the
 * half-width katakana voiced marks (NFKC turns them into combining marks).
 */
const markCache = new Uint8Array(0x10000);
function continues(cp: number): boolean {
  if (cp < 0x300) return false;
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  if ((cp >= 0x314f && cp <= 0x318e) || (cp >= 0xffc2 && cp <= 0xffdc) || cp === 0xff9e || cp === 0xff9f) return true;
  if (cp >= 0x10000) return /\p{M}/u.test(String.fromCodePoint(cp));
  let m = markCache[cp]!;
  if (m === 0) markCache[cp] = m = /\p{M}/u.test(String.fromCharCode(cp)) ? 2 : 1;
  return m === 2;
}

// Letters that carry their "accent" inside the letter, so NFD does not take it off.
const LATIN_EXTRA: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', þ: 'th' };

const unitCache = new Map<string, string>();
const UNIT_CACHE_LIMIT = 50_000;

/**
 * Folds one unit: NFKC (compatibility forms: full-width, ligatures, compatibility jamo), lower case
 * with the two common full case foldings JS lacks (ß → ss, final ς → σ), then accents off Latin
 * letters only (NFD, drop the marks after a Latin letter, NFC). Marks on Hangul, kana, Cyrillic or
 * Devanagari letters are part of the letter, and NFC recomposes Hangul syllables.
 */
function foldUnit(unit: string): string {
  let out = unitCache.get(unit);
  if (out !== undefined) return out;
  out = unit.normalize('NFKC').toLowerCase();
  if (/[ßς]/.test(out)) out = out.replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  if (/\p{Script=Latin}/u.test(out) && /[^\x00-\x7f]/.test(out)) {
    out = out
      .normalize('NFD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .replace(/[øłđðæœıħþ]/g, (ch) => LATIN_EXTRA[ch] ?? ch)
      .normalize('NFC');
  }
  if (unitCache.size >= UNIT_CACHE_LIMIT) unitCache.clear();
  unitCache.set(unit, out);
  return out;
}

/** A text folded for matching, with the way back to the original. */
export interface FoldedText {
  /** The folded word characters, separators removed (UTF-16 code units). */
  compact: string;
  /** For compact unit j, the original text's [from[j], to[j]) produced it (a whole fold unit). */
  from: Int32Array;
  to: Int32Array;
  /** brk[j]: the separator run between compact j−1 and j (BRK_*); brk[0] before the first, brk[n] after the last. */
  brk: Uint8Array;
  /** Class bits (WORD | CJK | HANGUL) of the code point compact unit j belongs to. */
  cls: Uint8Array;
}

/** Folds `text` (see the file comment); linear in its length. */
export function foldIndexed(text: string): FoldedText {
  const cap = text.length * 2 + 8; // folding rarely grows text; the arrays grow if it does
  let from = new Int32Array(cap);
  let to = new Int32Array(cap);
  let brk = new Uint8Array(cap + 1);
  let cls = new Uint8Array(cap);
  const chars: number[] = [];
  let n = 0;
  let pending = BRK_NONE;
  const push = (code: number, c: number, start: number, end: number): void => {
    if (n + 1 >= from.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (k: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      from = grow(from, (k) => new Int32Array(k));
      to = grow(to, (k) => new Int32Array(k));
      brk = grow(brk, (k) => new Uint8Array(k + 1));
      cls = grow(cls, (k) => new Uint8Array(k));
    }
    chars.push(code);
    from[n] = start;
    to[n] = end;
    brk[n] = pending;
    cls[n] = c;
    n++;
    pending = BRK_NONE;
  };
  const separator = (c: number): void => {
    const kind = c & HARD ? BRK_HARD : c & JOINER ? BRK_JOINER : BRK_SPACE;
    // A run is a joiner only if every character in it is one; a line break anywhere makes it hard.
    pending = Math.max(pending, kind);
  };

  let i = 0;
  const len = text.length;
  while (i < len) {
    const start = i;
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    // ASCII fast path: a lone ASCII character folds to itself, lower-cased.
    if (cp < 0x80 && (i >= len || !continues(text.codePointAt(i)!))) {
      const lower = cp >= 65 && cp <= 90 ? cp + 32 : cp;
      const c = classOf(lower);
      if (c & WORD) push(lower, c, start, i);
      else separator(c);
      continue;
    }
    while (i < len) {
      const next = text.codePointAt(i)!;
      if (!continues(next)) break;
      i += next > 0xffff ? 2 : 1;
    }
    const folded = foldUnit(text.slice(start, i));
    for (let k = 0; k < folded.length; ) {
      const fcp = folded.codePointAt(k)!;
      const c = classOf(fcp);
      if (c & WORD) {
        push(folded.charCodeAt(k), c, start, i);
        if (fcp > 0xffff) push(folded.charCodeAt(k + 1), c, start, i);
      } else separator(c);
      k += fcp > 0xffff ? 2 : 1;
    }
  }
  brk[n] = pending;
  let compact = '';
  for (let k = 0; k < n; k += 8192) compact += String.fromCharCode(...chars.slice(k, k + 8192));
  return { compact, from: from.subarray(0, n), to: to.subarray(0, n), brk: brk.subarray(0, n + 1), cls: cls.subarray(0, n) };
}

/** The two search keys of a name. */
export interface NameKeys {
  /** Folded words separated by single spaces: "hwang da seul". */
  spaced: string;
  /** Folded words run together: "hwangdaseul" — the key "Hwang Da-seul" and "HWANG Daseul" share. */
  compact: string;
}

export function nameKeys(name: string): NameKeys {
  const f = foldIndexed(name);
  let spaced = '';
  for (let j = 0; j < f.compact.length; j++) {
    if (j > 0 && f.brk[j] !== BRK_NONE) spaced += ' ';
    spaced += f.compact[j];
  }
  return { spaced, compact: f.compact };
}

/**
 * `nameKeys(name).compact`, with a shortcut for ASCII text (0.7 µs a name instead of 9–10: the IMDb import keys
 * every row it may link): there folding is lower case, and only letters and digits are word
 * characters. test/domain/names.test.ts checks the two agree.
 */
export function compactKey(name: string): string {
  return ASCII.test(name) ? name.toLowerCase().replace(NOT_ASCII_WORD, '') : nameKeys(name).compact;
}
const ASCII = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]/g;

/** The spaced folded form of a name or query (what an index stores for display-insensitive lookups). */
export function foldName(name: string): string {
  return nameKeys(name).spaced;
}

/**
 * Whether a search query finds a name: the query's compact key occurs in the name's compact key.
 * Substring rather than whole-word match, because scripts without spaces need it ("사랑법" finds
 * "대도시의 사랑법") and romanisation splits syllables arbitrarily ("daseul" finds "Da-seul").
 * An empty query (nothing but punctuation) finds nothing.
 */
export function nameMatches(query: string, name: string): boolean {
  const q = nameKeys(query).compact;
  return q !== '' && nameKeys(name).compact.includes(q);
}
