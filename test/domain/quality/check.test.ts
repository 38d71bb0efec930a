import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkQuality, type Warning } from '../../../src/domain/quality/index.js';
import { paragraphsOf } from '../../../src/domain/quality/fold.js';

const check = (body: string, headline = 'Headline') => checkQuality({ headline, body });
const repeats = (warnings: Warning[]) => warnings.filter((w) => w.code === 'repeated_paragraph');

describe('checkQuality: repeated paragraphs (contract "Reviews" → Quality)', () => {
  it('a clean body: no warnings, suggested_body null', () => {
    expect(check('A great film.\n\nThe acting is superb.')).toEqual({ warnings: [], suggested_body: null });
  });

  it('an empty body: no warnings, suggested_body null', () => {
    expect(check('')).toEqual({ warnings: [], suggested_body: null });
  });

  it('the warning object: {code: "repeated_paragraph", paragraph, same_as, message}', () => {
    const q = check('A great film.\n\nThe acting.\n\nA great film.');
    expect(q.warnings).toEqual([
      { code: 'repeated_paragraph', paragraph: 2, same_as: 0, message: expect.any(String) },
    ]);
    const w = q.warnings[0]!;
    expect(Object.keys(w).sort()).toEqual(['code', 'message', 'paragraph', 'same_as']);
    expect((w.message as string).trim().length).toBeGreaterThan(0);
    expect(w).not.toHaveProperty('sameAs');
    expect(q.suggested_body).toBe('A great film.\n\nThe acting.');
  });

  it('paragraphs are counted from 0 over non-blank lines only', () => {
    const q = check('\n\nFirst\n\n\n  \nSecond\n\t\nFirst\n');
    expect(repeats(q.warnings).map(({ paragraph, same_as }) => ({ paragraph, same_as }))).toEqual([{ paragraph: 2, same_as: 0 }]);
  });

  it('same_as is the first occurrence for every later copy', () => {
    const q = check('A\nB\nA\nB\nA');
    expect(repeats(q.warnings).map(({ paragraph, same_as }) => [paragraph, same_as])).toEqual([
      [2, 0],
      [3, 1],
      [4, 0],
    ]);
    expect(q.suggested_body).toBe('A\nB');
  });

  it('after case and white-space folding', () => {
    const q = check('Loved   it.\n\nloved it.\n\n  LOVED\tIT.  ');
    expect(repeats(q.warnings).map((w) => [w.paragraph, w.same_as])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(q.suggested_body).toBe('Loved   it.');
  });

  it('full-width characters (NFKC) count as the same', () => {
    const q = check('Best drama of 2024.\n\nＢｅｓｔ　ｄｒａｍａ　ｏｆ　２０２４．');
    expect(repeats(q.warnings).map((w) => [w.paragraph, w.same_as])).toEqual([[1, 0]]);
    expect(q.suggested_body).toBe('Best drama of 2024.');
  });

  it('Windows line endings: same indices, and the suggestion has each paragraph once', () => {
    const q = check('A great film.\r\n\r\nThe acting.\r\n\r\nA great film.\r\n\r\nThe end.\r\n');
    expect(repeats(q.warnings).map((w) => [w.paragraph, w.same_as])).toEqual([[2, 0]]);
    expect(q.suggested_body).not.toBeNull();
    expect(paragraphsOf(q.suggested_body!)).toEqual(['A great film.', 'The acting.', 'The end.']);
    expect(repeats(check(q.suggested_body!).warnings)).toEqual([]);
  });

  it('the headline is not a paragraph of the body', () => {
    expect(check('A great film.', 'A great film.')).toEqual({ warnings: [], suggested_body: null });
  });

  // Property: build bodies from a small pool of paragraphs (so duplicates are common), each copy
  // written in a random "same after folding" variant, joined by random line endings and blank lines.
  describe('property over random bodies with duplicates', () => {
    const toFullWidth = (s: string) =>
      s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
    const variant = fc.constantFrom<(s: string) => string>(
      (s) => s,
      (s) => s.toUpperCase(),
      (s) => s.toLowerCase(),
      (s) => `  ${s.replace(/ /g, ' \t ')}  `,
      (s) => s.replace(/ /g, '\u00a0'),
      toFullWidth,
    );
    const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    const base = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
    const separator = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n \n', '\n\t\n\n');

    const body = fc
      .uniqueArray(base, { minLength: 1, maxLength: 5 })
      .chain((pool) =>
        fc.array(fc.tuple(fc.nat({ max: pool.length - 1 }), variant, separator), { minLength: 1, maxLength: 15 }).map((items) => ({
          // Folded identity of each paragraph is its pool index (pool entries are distinct ASCII).
          ids: items.map(([i]) => i),
          text: items.map(([i, v, sep]) => v(pool[i]!) + sep).join(''),
          paragraphs: items.map(([i, v]) => v(pool[i]!)),
        })),
      );

    it('warnings name each repeat and its first occurrence; suggested_body is null iff nothing repeats', () => {
      fc.assert(
        fc.property(body, ({ ids, text }) => {
          const expected: Array<{ paragraph: number; same_as: number }> = [];
          ids.forEach((id, i) => {
            const first = ids.indexOf(id);
            if (first < i) expected.push({ paragraph: i, same_as: first });
          });
          const q = check(text);
          expect(repeats(q.warnings).map(({ paragraph, same_as }) => ({ paragraph, same_as }))).toEqual(expected);
          expect(q.suggested_body === null).toBe(expected.length === 0);
        }),
        { numRuns: 300 },
      );
    });

    it('suggested_body keeps each paragraph once, as first written, in order, and has no repeats itself', () => {
      fc.assert(
        fc.property(body, ({ ids, text, paragraphs }) => {
          const q = check(text);
          fc.pre(q.suggested_body !== null);
          const firsts = paragraphs.filter((_, i) => ids.indexOf(ids[i]!) === i);
          expect(paragraphsOf(q.suggested_body!)).toEqual(firsts);
          const again = check(q.suggested_body!);
          expect(repeats(again.warnings)).toEqual([]);
          expect(again.suggested_body).toBeNull();
        }),
        { numRuns: 300 },
      );
    });

    it('with arbitrary (non-ASCII) paragraph text too: the suggestion never repeats', () => {
      const line = fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
        .map((s) => s.replace(/[\r\n]/g, ' '))
        .filter((s) => s.trim() !== '');
      fc.assert(
        fc.property(
          fc.array(line, { minLength: 1, maxLength: 4 }).chain((pool) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 10 })),
          separator,
          (paras, sep) => {
            const q = check(paras.join(sep));
            if (q.suggested_body === null) {
              expect(repeats(q.warnings)).toEqual([]);
            } else {
              expect(repeats(q.warnings).length).toBeGreaterThan(0);
              expect(repeats(check(q.suggested_body).warnings)).toEqual([]);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
