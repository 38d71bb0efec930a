import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkQuality, type QualityInput, type Warning } from '../../../src/domain/quality/index.js';
import { stripMarkup } from '../../../src/domain/quality/minhash.js';
import { DEFAULT_QUALITY_OPTIONS, caseCounts, countLinks, resolveOptions, visibleLength } from '../../../src/domain/quality/signals.js';

const codes = (input: Partial<QualityInput> & { body: string }, code: string): Warning[] =>
  checkQuality({ headline: 'H', ...input }).warnings.filter((w) => w.code === code);
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('options', () => {
  it('defaults: minLength 200, maxLinks 2, shouting at ≥ 70 % capitals of ≥ 20 cased letters, near-duplicate 0.8', () => {
    expect(DEFAULT_QUALITY_OPTIONS).toEqual({ minLength: 200, maxLinks: 2, shoutingRatio: 0.7, shoutingMinLetters: 20, nearDuplicateThreshold: 0.8 });
    expect(resolveOptions({ maxLinks: 5, minLength: undefined })).toEqual({ ...DEFAULT_QUALITY_OPTIONS, maxLinks: 5 });
  });
});

describe('too_short', () => {
  it('runs when options are given: under 200 characters by default', () => {
    const short = 'Too short to help anyone.';
    expect(codes({ body: short, options: {} }, 'too_short')).toEqual([
      { code: 'too_short', length: short.length, min_length: 200, message: expect.any(String) },
    ]);
    expect(codes({ body: 'x'.repeat(199), options: {} }, 'too_short')).toHaveLength(1);
    expect(codes({ body: 'x'.repeat(200), options: {} }, 'too_short')).toEqual([]);
    expect(codes({ body: '', options: {} }, 'too_short')).toHaveLength(1);
  });

  it('configurable', () => {
    expect(codes({ body: 'Short.', options: { minLength: 5 } }, 'too_short')).toEqual([]);
    expect(codes({ body: words(30), options: { minLength: 1000 } }, 'too_short')[0]).toMatchObject({ min_length: 1000 });
  });

  it('counts characters without markup, with white space collapsed, in code points', () => {
    expect(visibleLength('<p>ab</p>   <b>c</b>')).toBe(4);
    expect(visibleLength('😀😀')).toBe(2);
    expect(visibleLength('  a \n\n b  ')).toBe(3);
  });

  it('is off when no options are given (existing callers keep their behaviour)', () => {
    expect(codes({ body: 'Short.' }, 'too_short')).toEqual([]);
  });
});

describe('shouting', () => {
  const loud = 'THIS IS THE BEST FILM OF THE YEAR, GO AND SEE IT NOW';
  it('mostly capitals', () => {
    expect(codes({ body: loud }, 'shouting')).toEqual([{ code: 'shouting', ratio: 1, message: expect.any(String) }]);
    expect(codes({ body: `${loud} but then a long quiet ending in lower case letters` }, 'shouting')).toEqual([]);
  });

  it('needs at least 20 cased letters', () => {
    expect(codes({ body: 'WOW. GREAT FILM!' }, 'shouting')).toEqual([]);
    expect(codes({ body: 'WOW. GREAT FILM!', options: { shoutingMinLetters: 5 } }, 'shouting')).toHaveLength(1);
  });

  it('the ratio is configurable', () => {
    const mixed = 'ABCDEFGHIJKLMNOP abcdefghij'; // 16 of 26
    expect(codes({ body: mixed }, 'shouting')).toEqual([]);
    expect(codes({ body: mixed, options: { shoutingRatio: 0.6 } }, 'shouting')).toHaveLength(1);
  });

  it('only letters with case count: Hangul, digits and markup do not', () => {
    expect(caseCounts('한국어 123 ABC def <B>x</B>')).toEqual({ upper: 3, lower: 4 });
    expect(codes({ body: `${'정말 최고의 영화 '.repeat(20)} OK` }, 'shouting')).toEqual([]);
    expect(codes({ body: 'ЭТО ЛУЧШИЙ ФИЛЬМ ГОДА, СМОТРИТЕ ВСЕ' }, 'shouting')).toHaveLength(1);
  });

  it('property: counts match the per-character Unicode definition, ASCII fast path included', () => {
    const reference = (text: string) => {
      let upper = 0;
      let lower = 0;
      for (const ch of stripMarkup(text)) {
        if (/\p{Lu}|\p{Lt}/u.test(ch)) upper++;
        else if (/\p{Ll}/u.test(ch) && ch.toUpperCase() !== ch) lower++;
      }
      return { upper, lower };
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('A', 'z', 'É', 'ß', 'ǅ', 'Ж', 'ж', '𝐀', '𐐨', '한', '1', ' '), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 200 }), (s) => {
        expect(caseCounts(s)).toEqual(reference(s));
      }),
    );
  });

  it('property: lower-cased text never shouts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(codes({ body: s.toLowerCase() }, 'shouting')).toEqual([]);
      }),
    );
  });
});

describe('link_spam', () => {
  it('more than 2 links by default', () => {
    expect(codes({ body: 'See https://a.test and www.b.test' }, 'link_spam')).toEqual([]);
    expect(codes({ body: 'See https://a.test, http://b.test/x?y=1 and www.c.test' }, 'link_spam')).toEqual([
      { code: 'link_spam', links: 3, max_links: 2, message: expect.any(String) },
    ]);
  });

  it('an anchor counts once even when its text is the address', () => {
    expect(countLinks('<a href="https://a.test">https://a.test</a> <a href=\'x\'>x</a> https://b.test')).toBe(3);
    expect(countLinks('no links here, just example.com text')).toBe(0);
  });

  it('configurable', () => {
    expect(codes({ body: 'https://a.test https://b.test https://c.test', options: { maxLinks: 3 } }, 'link_spam')).toEqual([]);
    expect(codes({ body: 'https://a.test', options: { maxLinks: 0 } }, 'link_spam')).toHaveLength(1);
  });
});

describe('checkQuality keeps its contract for clean text', () => {
  it('a clean, long enough review has no warnings and suggested_body null', () => {
    const body = `This is a calm and well written review of a film that I enjoyed a lot, mostly for its patient pacing.\n\nThe second paragraph talks about the music, which was memorable, and the photography, which was even better than I hoped.`;
    expect(checkQuality({ headline: 'Fine', body, options: {} })).toEqual({ warnings: [], suggested_body: null });
  });
});
