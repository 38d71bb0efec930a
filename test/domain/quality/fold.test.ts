import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foldText, paragraphsOf } from '../../../src/domain/quality/fold.js';

describe('foldText', () => {
  it('folds case', () => {
    expect(foldText('GREAT Film')).toBe('great film');
  });

  it('collapses runs of white space (tabs, NBSP, ideographic space) and trims', () => {
    expect(foldText('  great \t\u00a0 film\u3000 ')).toBe('great film');
  });

  it('applies NFKC: full-width letters, ligatures and composed vs decomposed accents compare equal', () => {
    expect(foldText('ＧＲＥＡＴ　ＦＩＬＭ')).toBe('great film');
    expect(foldText('ﬁne')).toBe('fine');
    expect(foldText('Ame\u0301lie')).toBe(foldText('Amélie'));
  });

  it('keeps punctuation (it is not a "sameness" difference the contract folds)', () => {
    expect(foldText('great film.')).not.toBe(foldText('great film'));
  });

  it('property: idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => foldText(foldText(s)) === foldText(s)));
  });
});

describe('paragraphsOf', () => {
  it('is the non-blank lines, in order', () => {
    expect(paragraphsOf('one\n\n  \n\ttwo\n\t\nthree\n')).toEqual(['one', '\ttwo', 'three']);
  });

  it('splits on \\n, \\r\\n and a lone \\r, leaving no \\r behind', () => {
    expect(paragraphsOf('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(paragraphsOf('a\r\n\r\nb\r\n')).toEqual(['a', 'b']);
  });

  it('an empty or blank body has no paragraphs', () => {
    expect(paragraphsOf('')).toEqual([]);
    expect(paragraphsOf(' \n\r\n\t \n')).toEqual([]);
  });

  it('property: joining non-blank single-line paragraphs with any blank separators gives them back', () => {
    const line = fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/[\r\n]/g, ' '))
      .filter((s) => s.trim() !== '');
    const sep = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n  \n', '\n\t\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, sep), { maxLength: 15 }), (parts) => {
        const body = parts.map(([l, s]) => l + s).join('');
        expect(paragraphsOf(body)).toEqual(parts.map(([l]) => l));
      }),
    );
  });
});
