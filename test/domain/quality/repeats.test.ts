import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findRepeatedParagraphs, withoutRepeatedParagraphs } from '../../../src/domain/quality/repeats.js';
import { paragraphsOf } from '../../../src/domain/quality/fold.js';

describe('findRepeatedParagraphs', () => {
  it('nothing repeats → []', () => {
    expect(findRepeatedParagraphs('')).toEqual([]);
    expect(findRepeatedParagraphs('One.\n\nTwo.\n\nThree.')).toEqual([]);
  });

  it('a verbatim repeat points at the first occurrence', () => {
    expect(findRepeatedParagraphs('A great film.\n\nThe acting.\n\nA great film.')).toEqual([{ paragraph: 2, sameAs: 0 }]);
  });

  it('counts only non-blank lines as paragraphs (blank and white-space-only lines skipped)', () => {
    expect(findRepeatedParagraphs('A\n\n\n \n\t\nB\n\n\nA')).toEqual([{ paragraph: 2, sameAs: 0 }]);
  });

  it('every later copy points at the first occurrence, not the previous copy', () => {
    expect(findRepeatedParagraphs('A\nB\nA\nC\nA\nB')).toEqual([
      { paragraph: 2, sameAs: 0 },
      { paragraph: 4, sameAs: 0 },
      { paragraph: 5, sameAs: 1 },
    ]);
  });

  it('consecutive duplicates', () => {
    expect(findRepeatedParagraphs('A\nA\nA')).toEqual([
      { paragraph: 1, sameAs: 0 },
      { paragraph: 2, sameAs: 0 },
    ]);
  });

  it('folds case', () => {
    expect(findRepeatedParagraphs('Great film.\nGREAT FILM.')).toEqual([{ paragraph: 1, sameAs: 0 }]);
  });

  it('folds white space (runs, tabs, NBSP, leading/trailing)', () => {
    expect(findRepeatedParagraphs('great  film\n\t great\u00a0film  ')).toEqual([{ paragraph: 1, sameAs: 0 }]);
  });

  it('folds with NFKC: full-width characters count as the same', () => {
    expect(findRepeatedParagraphs('Great film 2024!\n\nＧｒｅａｔ　ｆｉｌｍ　２０２４！')).toEqual([{ paragraph: 1, sameAs: 0 }]);
  });

  it('folds with NFKC: composed and decomposed accents count as the same', () => {
    expect(findRepeatedParagraphs('Amélie is lovely.\nAme\u0301lie is lovely.')).toEqual([{ paragraph: 1, sameAs: 0 }]);
  });

  it('Korean paragraphs repeat like any other', () => {
    expect(findRepeatedParagraphs('정말 좋은 영화입니다.\n\n연기가 훌륭해요.\n\n정말  좋은 영화입니다.')).toEqual([{ paragraph: 2, sameAs: 0 }]);
  });

  it('Windows line endings', () => {
    expect(findRepeatedParagraphs('A great film.\r\n\r\nThe acting.\r\n\r\nA great film.\r\n')).toEqual([{ paragraph: 2, sameAs: 0 }]);
  });

  it('mixed and old-Mac line endings', () => {
    expect(findRepeatedParagraphs('A\r\nB\nA\rB')).toEqual([
      { paragraph: 2, sameAs: 0 },
      { paragraph: 3, sameAs: 1 },
    ]);
  });

  it('differences that are not folded (punctuation, spelling) are not repeats', () => {
    expect(findRepeatedParagraphs('Great film.\nGreat film!\nGreat films.')).toEqual([]);
  });
});

describe('withoutRepeatedParagraphs', () => {
  it('null when nothing repeats', () => {
    expect(withoutRepeatedParagraphs('')).toBeNull();
    expect(withoutRepeatedParagraphs('One.\n\nTwo.')).toBeNull();
  });

  it('drops the repeat and the blank lines before it', () => {
    expect(withoutRepeatedParagraphs('A\n\nB\n\nA\n\nC')).toBe('A\n\nB\n\nC');
    expect(withoutRepeatedParagraphs('A\n\nB\n\nA')).toBe('A\n\nB');
  });

  it('keeps the first occurrence as written (its case and spacing)', () => {
    expect(withoutRepeatedParagraphs('Great Film.\n\nOther.\n\ngreat   FILM.')).toBe('Great Film.\n\nOther.');
  });

  it('keeps a trailing newline', () => {
    expect(withoutRepeatedParagraphs('A\nA\n')).toBe('A\n');
  });

  it('Windows line endings: the paragraphs left are each first occurrence, in order', () => {
    const s = withoutRepeatedParagraphs('A great film.\r\n\r\nThe acting.\r\n\r\nA great film.\r\n\r\nThe end.');
    expect(s).not.toBeNull();
    expect(paragraphsOf(s!)).toEqual(['A great film.', 'The acting.', 'The end.']);
    expect(findRepeatedParagraphs(s!)).toEqual([]);
  });
});
