import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkQuality, type Warning } from '../../../src/domain/quality/index.js';
import { findRepeatedSentences, findRepeatedSentencesBySegmenter, maySentencesRepeat, sentenceKey, sentencesOf } from '../../../src/domain/quality/sentences.js';

const sentenceWarnings = (body: string): Warning[] => checkQuality({ headline: 'H', body }).warnings.filter((w) => w.code === 'repeated_sentence');

describe('repeated_sentence', () => {
  it('a sentence repeated later in the same paragraph', () => {
    const body = 'What a film. The cast is great. What a film!';
    const warnings = sentenceWarnings(body);
    expect(warnings).toEqual([
      { code: 'repeated_sentence', sentence: 2, same_as: 0, start: 32, end: 44, same_as_start: 0, same_as_end: 12, message: expect.any(String) },
    ]);
    const w = warnings[0]!;
    expect(body.slice(w.start as number, w.end as number)).toBe('What a film!');
    expect(body.slice(w.same_as_start as number, w.same_as_end as number)).toBe('What a film.');
    expect(w.message).toMatch(/Sentence 3 .*sentence 1/);
  });

  it('folding: NFKC, case, white space and punctuation at the ends', () => {
    expect(sentenceKey('  ＬＯＶＥＤ   it!!! ')).toBe('loved it');
    expect(sentenceKey('"Loved it."')).toBe('loved it');
    expect(sentenceKey('Loved, it')).toBe('loved, it'); // inner punctuation stays
    const warnings = sentenceWarnings('Loved it. The score! ＬＯＶＥＤ   IT!!! "loved it?"');
    expect(warnings.map((w) => [w.sentence, w.same_as])).toEqual([
      [2, 0],
      [3, 0],
    ]);
  });

  it('across paragraphs, but not inside a paragraph that repeats a whole earlier one', () => {
    expect(sentenceWarnings('Good start. Weak ending.\n\nThe middle drags. Weak ending.').map((w) => [w.sentence, w.same_as])).toEqual([[3, 1]]);
    // The whole paragraph repeats: repeated_paragraph reports it, not each of its sentences.
    const q = checkQuality({ headline: 'H', body: 'A great film.\n\nThe acting.\n\nA great film.' });
    expect(q.warnings.map((w) => w.code)).toEqual(['repeated_paragraph']);
  });

  it('line breaks end sentences; sentences without letters or digits are skipped', () => {
    expect(sentencesOf('First line\nsecond line\n\n...\n').map((s) => s.text)).toEqual(['First line', 'second line']);
    expect(sentenceWarnings('Wow. Nice.\nwow\n!!!\n!!!')).toHaveLength(1);
  });

  it('Korean and Japanese sentences', () => {
    expect(sentenceWarnings('정말 재밌다. 배우 연기 최고. 정말 재밌다!').map((w) => [w.sentence, w.same_as])).toEqual([[2, 0]]);
    expect(sentenceWarnings('面白かった。音楽も良い。面白かった。').map((w) => [w.sentence, w.same_as])).toEqual([[2, 0]]);
  });

  it('no repeats, no warnings', () => {
    expect(sentenceWarnings('One. Two. Three.')).toEqual([]);
    expect(sentenceWarnings('')).toEqual([]);
  });

  it('property: spans point at the sentences, each repeat names its first occurrence', () => {
    const sentence = fc
      .array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 4 })
      .map((ws) => ws.join(' '))
      .map((s) => s[0]!.toUpperCase() + s.slice(1) + '.');
    fc.assert(
      fc.property(
        fc.uniqueArray(sentence, { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() }).chain((pool) =>
          fc.array(fc.nat({ max: pool.length - 1 }), { minLength: 1, maxLength: 10 }).map((ids) => ({ pool, ids })),
        ),
        ({ pool, ids }) => {
          const body = ids.map((i) => pool[i]!).join(' ');
          const found = findRepeatedSentences(body);
          const expected = ids.flatMap((id, i) => (ids.indexOf(id) < i ? [{ sentence: i, sameAs: ids.indexOf(id) }] : []));
          expect(found.map(({ sentence, sameAs }) => ({ sentence, sameAs }))).toEqual(expected);
          for (const r of found) {
            expect(sentenceKey(body.slice(r.span.start, r.span.end))).toBe(sentenceKey(body.slice(r.sameAsSpan.start, r.sameAsSpan.end)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: the quick test never hides a repeated sentence the segmenter finds (ASCII text)', () => {
    // Few words and many terminators, closers, spaces and line breaks, so repeats are common.
    const token = fc.constantFrom('Wow', 'wow', 'great', 'Film', 'film', 'etc', 'Mr', 'A', 'b', '42', '3.5', 'e.g', '. ', '.', '!', '?', '...', '?!', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '"', "'", ')', '(', ']', ',', ';', '-', '$', '+');
    let withRepeats = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const body = tokens.join(' ').replace(/ {3,}/g, ' ') + (tokens.length % 2 ? '' : tokens.join(''));
        const slow = findRepeatedSentencesBySegmenter(body);
        if (slow.length) withRepeats++;
        if (!maySentencesRepeat(body)) {
          skipped++;
          expect(slow).toEqual([]);
        }
        expect(findRepeatedSentences(body)).toEqual(slow);
      }),
      { numRuns: 3000 },
    );
    // The generator exercises both sides.
    expect(withRepeats).toBeGreaterThan(100);
    expect(skipped).toBeGreaterThan(100);
  });

  it('the quick test lets plain text without repeats skip the segmenter, and sends other scripts to it', () => {
    expect(maySentencesRepeat('First thing. Second thing! A third?')).toBe(false);
    expect(maySentencesRepeat('Loved it. The score! LOVED   IT!!!')).toBe(true);
    expect(maySentencesRepeat('정말 좋았다. 다른 문장.')).toBe(true);
  });
});
