// Slugs: stable, readable, unique URL names ("love-in-the-big-city-2024").

import { isAscii } from './text.js';

const MAX_SLUG_LENGTH = 80;

/**
 * The base slug of a name (plus the year where known). Latin letters lose their accents; letters of
 * other scripts (Hangul, kana, Cyrillic…) are kept, so a Korean-only name still gets a readable slug.
 */
export function slugify(name: string, year?: number | null): string {
  return isAscii(name) ? slugifyAscii(name, year) : slugifyByUnicode(name, year);
}

/**
 * The same rules for plain-ASCII names, where Unicode folding changes nothing: several times faster,
 * which matters to an import of hundreds of thousands of titles (a property test holds the two equal).
 */
function slugifyAscii(name: string, year?: number | null): string {
  const base = name
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  const stem = base || 'untitled';
  return year ? `${stem}-${year}` : stem;
}

/** slugify through the full Unicode rules, for any name (exported for the test of the ASCII path). */
export function slugifyByUnicode(name: string, year?: number | null): string {
  const folded = name
    .normalize('NFKD')
    // Accents come off Latin letters only: in Hangul, kana or Cyrillic the marks are part of the letter.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    // A mark belongs to the letter before it (Devanagari vowel signs, Hebrew points); alone it goes.
    .replace(/(^|-)\p{M}+/gu, '$1')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut on whole characters, never inside a surrogate pair.
  const base = Array.from(folded).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/g, '');
  const stem = base || 'untitled';
  return year ? `${stem}-${year}` : stem;
}

/** Candidates in order: the base, then base-2, base-3, … The store picks the first that is free. */
export function* slugCandidates(base: string): Generator<string> {
  yield base;
  for (let i = 2; ; i++) yield `${base}-${i}`;
}
