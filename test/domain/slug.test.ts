import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { slugify, slugCandidates } from '../../src/domain/slug.js';

// Runs of letters and digits (each may carry combining marks, as in Devanagari or pointed Hebrew).
const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*$/u;

/** Any BMP character except surrogates (so no astral letters, which the 80-unit cut can split). */
const bmpChar = fc
  .oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0xffff }))
  .map((cp) => String.fromCharCode(cp));

describe('slugify', () => {
  it('contract example: "Love in the Big City", 2024 → "love-in-the-big-city-2024"', () => {
    expect(slugify('Love in the Big City', 2024)).toBe('love-in-the-big-city-2024');
  });

  it('no year (null, undefined) → no suffix', () => {
    expect(slugify('Love in the Big City')).toBe('love-in-the-big-city');
    expect(slugify('Love in the Big City', null)).toBe('love-in-the-big-city');
  });

  it('removes accents from Latin letters', () => {
    expect(slugify('Amélie')).toBe('amelie');
    expect(slugify('Le Fabuleux Destin d’Amélie Poulain', 2001)).toBe('le-fabuleux-destin-damelie-poulain-2001');
    expect(slugify('Crème brûlée, Señor Niño')).toBe('creme-brulee-senor-nino');
  });

  it('drops apostrophes inside words', () => {
    expect(slugify("Schindler's List", 1993)).toBe('schindlers-list-1993');
  });

  it('collapses punctuation and white space into single hyphens, none at the ends', () => {
    expect(slugify('  --Hello,   World!!  ')).toBe('hello-world');
    expect(slugify('Mission: Impossible – Dead Reckoning Part One')).toBe('mission-impossible-dead-reckoning-part-one');
  });

  it('keeps digits', () => {
    expect(slugify('2001: A Space Odyssey', 1968)).toBe('2001-a-space-odyssey-1968');
  });

  it('folds compatibility forms (NFKD): full-width Latin and ligatures', () => {
    expect(slugify('ＡＢＣ')).toBe('abc');
    expect(slugify('ﬁve')).toBe('five');
  });

  // Regression: NFKD splits each Hangul syllable into conjoining jamo; without recomposing, the slug
  // looks the same on screen but is a different string (17 code units, a different URL).
  it('keeps Korean as written: "대도시의 사랑법" → "대도시의-사랑법"', () => {
    expect(slugify('대도시의 사랑법')).toBe('대도시의-사랑법');
  });

  // Likewise: kana lose their (han)dakuten, because NFKD turns them into combining marks that the
  // accent stripping then removes — "ガ" becomes "カ", a different letter.
  it('keeps kana as written: "ゴジラ" stays "ゴジラ"', () => {
    expect(slugify('ゴジラ', 1954)).toBe('ゴジラ-1954');
  });

  // And Cyrillic: "й" and "ё" are letters of their own in Russian, not accented "и"/"е".
  it('keeps Cyrillic letters with diacritics: "Иван Грозный" stays "иван-грозный"', () => {
    expect(slugify('Иван Грозный', 1944)).toBe('иван-грозный-1944');
  });

  it('Korean letters survive (looks the same after NFC, and NFC already)', () => {
    const s = slugify('대도시의 사랑법', 2024);
    expect(s).toMatch(SLUG);
    expect(s.normalize('NFC')).toBe('대도시의-사랑법-2024');
  });

  it('keeps Cyrillic letters', () => {
    expect(slugify('Брат', 1997)).toBe('брат-1997');
  });

  it.each(['', '   ', '!!!', '…', '—', '?!.,;:', '★☆'])('punctuation-only or empty name %j → "untitled"', (name) => {
    expect(slugify(name)).toBe('untitled');
  });

  it('punctuation-only name with a year → "untitled-<year>"', () => {
    expect(slugify('???', 2020)).toBe('untitled-2020');
  });

  it('caps very long names at 80 characters before the year, without a trailing hyphen', () => {
    const s = slugify('word '.repeat(40), 2024);
    const stem = s.slice(0, -'-2024'.length);
    expect(stem.length).toBeLessThanOrEqual(80);
    expect(stem.endsWith('-')).toBe(false);
    expect(s).toMatch(SLUG);
  });

  // The 80-character cut counts UTF-16 code units, so a
  // letter outside the BMP (e.g. CJK Extension B 𠀀, U+20000) that straddles position 80 is cut in
  // half, leaving a lone surrogate: not a letter, not valid UTF-8, and encodeURIComponent throws on it.
  it('never cuts a letter outside the BMP in half', () => {
    const s = slugify('a'.repeat(79) + '𠀀');
    expect(s).toMatch(SLUG);
    expect(() => encodeURIComponent(s)).not.toThrow();
  });

  it('is deterministic and idempotent on its own output', () => {
    const s = slugify('Love in the Big City', 2024);
    expect(slugify('Love in the Big City', 2024)).toBe(s);
    expect(slugify(s)).toBe(s);
  });

  it('property: output is always hyphen-separated runs of letters and digits (BMP text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: bmpChar, maxLength: 120 }), fc.option(fc.integer({ min: 1870, max: 2100 }), { nil: null }), (name, year) => {
        expect(slugify(name, year)).toMatch(SLUG);
      }),
      { numRuns: 500 },
    );
  });

  it('property: output matches the slug pattern for names that fit in 80 code units (any Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        fc.pre(name.normalize('NFKD').length <= 80);
        expect(slugify(name)).toMatch(SLUG);
      }),
      { numRuns: 500 },
    );
  });

  it('property: names of ASCII letters, digits and spaces → lower-case words joined by "-"', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        return slugify(words.join('  ')) === words.join('-').toLowerCase();
      }),
    );
  });

  it('property: the year is the suffix when given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1870, max: 2100 }), (name, year) => {
        return slugify(name, year) === `${slugify(name)}-${year}`;
      }),
    );
  });
});

describe('slugCandidates', () => {
  const take = (n: number, it: Iterator<string>) => Array.from({ length: n }, () => it.next().value as string);

  it('yields base, base-2, base-3, …', () => {
    expect(take(4, slugCandidates('love-in-the-big-city-2024'))).toEqual([
      'love-in-the-big-city-2024',
      'love-in-the-big-city-2024-2',
      'love-in-the-big-city-2024-3',
      'love-in-the-big-city-2024-4',
    ]);
  });

  it('never ends and never repeats (first 1000)', () => {
    const got = take(1000, slugCandidates('x'));
    expect(new Set(got).size).toBe(1000);
    expect(got[999]).toBe('x-1000');
  });

  it('property: every candidate of a valid slug is a valid slug', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => take(5, slugCandidates(slugify(name))).every((c) => SLUG.test(c))),
    );
  });
});
