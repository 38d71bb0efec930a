import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  LshIndex,
  bandKey,
  candidateProbability,
  estimateJaccard,
  exactJaccard,
  findNearDuplicate,
  foldForSimilarity,
  shingles,
  signature,
  stripMarkup,
  wordsOf,
} from '../../../src/domain/quality/minhash.js';
import { nearDuplicateWarnings } from '../../../src/domain/quality/near-duplicate.js';

const same = (a: Uint32Array, b: Uint32Array) => expect(Array.from(a)).toEqual(Array.from(b));
const LONG =
  'The film opens on a long shot of the harbour at dawn and never quite lets go of that quiet mood. ' +
  'Every actor seems to know exactly how little to do, and the score stays out of the way until the last reel.';

describe('words and shingles', () => {
  it('words come from Intl.Segmenter: punctuation and spaces are not words', () => {
    expect(wordsOf('Hello, world!  It’s 2024...')).toEqual(['hello', 'world', 'it’s', '2024']);
  });

  it('Korean, Japanese and Chinese text is split into words too', () => {
    expect(wordsOf('정말 재미있는 영화였다 ㅋㅋ').length).toBe(4);
    expect(wordsOf('この映画はとても面白かった').length).toBeGreaterThan(2);
    expect(wordsOf('我非常喜欢这部电影').length).toBeGreaterThan(2);
    expect(shingles('この映画はとても面白かった。音楽も素晴らしい。').length).toBeGreaterThan(1);
  });

  it('markup is removed: tags, comments and common entities', () => {
    expect(stripMarkup('<p>Tom &amp; Jerry</p><!-- x --><br/>end')).toBe(' Tom & Jerry   end');
    expect(stripMarkup('un<i>believ</i>able')).toBe('unbelievable');
    expect(stripMarkup('a < b and c > d')).toBe('a < b and c > d');
    expect(foldForSimilarity('<b>ＢＥＳＴ</b> Film')).toBe('best film');
  });

  it('a text of n ≥ 5 words has at most n − 4 shingles, sorted and distinct', () => {
    const s = shingles(LONG);
    expect(s.length).toBe(wordsOf(LONG).length - 4);
    for (let i = 1; i < s.length; i++) expect(s[i - 1]!).toBeLessThan(s[i]!);
    expect(shingles('a b c d e a b c d e a b c d e').length).toBe(5);
  });

  it('texts of fewer than five words are one shingle of all their words; no words, no shingles', () => {
    expect(shingles('Loved it').length).toBe(1);
    same(shingles('Loved it!'), shingles('LOVED   it.'));
    expect(Array.from(shingles('Loved it'))).not.toEqual(Array.from(shingles('Loved')));
    expect(shingles('').length).toBe(0);
    expect(shingles('!!! ... ???').length).toBe(0);
  });

  it('word order matters inside a shingle', () => {
    expect(exactJaccard(shingles('one two three four five'), shingles('five four three two one'))).toBe(0);
  });
});

describe('Jaccard: exact and estimated', () => {
  it('exactJaccard by hand', () => {
    const a = Uint32Array.of(1, 2, 3, 4);
    const b = Uint32Array.of(3, 4, 5, 6);
    expect(exactJaccard(a, b)).toBeCloseTo(2 / 6);
    expect(exactJaccard(a, a)).toBe(1);
    expect(exactJaccard(a, new Uint32Array(0))).toBe(0);
    expect(exactJaccard(new Uint32Array(0), new Uint32Array(0))).toBe(0);
    // Unsorted input with repeats is treated as a set.
    expect(exactJaccard(Uint32Array.of(4, 3, 3, 1, 2), Uint32Array.of(6, 5, 4, 3))).toBeCloseTo(2 / 6);
  });

  it('signatures are deterministic and k long; the empty set is all ones', () => {
    const s = shingles(LONG);
    same(signature(s), signature(s));
    expect(signature(s).length).toBe(128);
    expect(signature(s, 64).length).toBe(64);
    expect(Array.from(signature(new Uint32Array(0), 4))).toEqual([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff]);
  });

  it('identical texts have estimated and exact similarity 1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (text) => {
        const s = shingles(text);
        fc.pre(s.length > 0);
        expect(exactJaccard(s, shingles(text))).toBe(1);
        expect(estimateJaccard(signature(s), signature(shingles(text)))).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  // Texts from a small vocabulary, the second a random mix of keeping, replacing and inserting words,
  // so the pairs' exact Jaccard covers 0–1.
  const vocabulary = Array.from({ length: 40 }, (_, i) => `w${i}`);
  const pair = fc
    .array(fc.constantFrom(...vocabulary), { minLength: 20, maxLength: 150 })
    .chain((a) =>
      fc
        .array(fc.tuple(fc.nat({ max: 9 }), fc.constantFrom(...vocabulary)), { minLength: a.length, maxLength: a.length })
        .chain((ops) => fc.nat({ max: 9 }).map((rate) => ({ a, ops, rate }))),
    )
    .map(({ a, ops, rate }) => {
      const b: string[] = [];
      a.forEach((w, i) => {
        const [roll, other] = ops[i]!;
        if (roll >= rate) b.push(w);
        else if (roll % 2 === 0) b.push(other);
        else b.push(w, other);
      });
      return { a: a.join(' '), b: b.join(' ') };
    });

  it('with k = 128 the estimate is within ±0.1 of the exact Jaccard for at least 90 % of random pairs', () => {
    let within = 0;
    let runs = 0;
    fc.assert(
      fc.property(pair, ({ a, b }) => {
        const sa = shingles(a);
        const sb = shingles(b);
        const exact = exactJaccard(sa, sb);
        const estimate = estimateJaccard(signature(sa), signature(sb));
        runs++;
        if (Math.abs(estimate - exact) <= 0.1) within++;
        expect(estimate).toBeGreaterThanOrEqual(0);
        expect(estimate).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 1729 },
    );
    expect(within / runs).toBeGreaterThanOrEqual(0.9);
  });

  it('exactJaccard is symmetric, within [0, 1], and 1 only for equal sets', () => {
    fc.assert(
      fc.property(pair, ({ a, b }) => {
        const sa = shingles(a);
        const sb = shingles(b);
        const j = exactJaccard(sa, sb);
        expect(j).toBe(exactJaccard(sb, sa));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        expect(j === 1).toBe(Array.from(sa).join() === Array.from(sb).join());
      }),
      { numRuns: 200 },
    );
  });
});

describe('folding invariance: case, NFKC, white space and markup do not change shingles', () => {
  const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const word = fc.stringMatching(/^[a-z0-9가-힣]{1,8}$/);
  const variant = fc.constantFrom<(words: string[]) => string>(
    (ws) => ws.join(' ').toUpperCase(),
    (ws) => ws.map(toFullWidth).join('\u3000'),
    (ws) => `  ${ws.join(' \t\n ')}\r\n`,
    (ws) => ws.join('\u00a0'),
    (ws) => `<p>${ws.join(' ')}</p>`,
    (ws) => ws.map((w, i) => (i % 3 === 0 ? `<b>${w}</b>` : i % 3 === 1 ? `<a href="https://x.test/${i}">${w}</a>` : w)).join(' '),
    (ws) => ws.join('<br>'),
    (ws) => ws.join('</p>\n<p class="x">'),
    (ws) => ws.join(' &nbsp; '),
    (ws) => ws.map((w) => `${w},`).join(' '),
  );

  it('every variant has the same shingle set as the plain text', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), variant, (words, v) => {
        same(shingles(v(words)), shingles(words.join(' ')));
      }),
      { numRuns: 500 },
    );
  });
});

describe('LshIndex', () => {
  it('the default banding is 32 × 4 and its S-curve keeps 0.8-similar pairs', () => {
    const index = new LshIndex();
    expect([index.bands, index.rows, index.signatureSize]).toEqual([32, 4, 128]);
    expect(candidateProbability(0.8, 32, 4)).toBeGreaterThan(0.9999999);
    expect(candidateProbability(0.1, 32, 4)).toBeLessThan(0.005);
  });

  it('rejects signatures of the wrong length', () => {
    expect(() => new LshIndex().add('a', new Uint32Array(64))).toThrow(RangeError);
    expect(() => new LshIndex({ bands: 0 })).toThrow(RangeError);
  });

  it('add, candidates, remove, re-add', () => {
    const index = new LshIndex<string>();
    const a = signature(shingles(LONG));
    const b = signature(shingles(LONG.replace('harbour', 'harbor')));
    const c = signature(shingles('Something else entirely, about a different film and a different night out.'));
    index.add('a', a);
    index.add('c', c);
    expect(index.size).toBe(2);
    expect(index.candidates(b)).toEqual(['a']);
    expect(index.candidates(a)).toEqual(['a']);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.candidates(b)).toEqual([]);
    index.add('a', a);
    index.add('a', a); // re-adding replaces
    expect(index.size).toBe(2);
    expect(index.candidates(a)).toEqual(['a']);
  });

  it('matches a naive model under random adds and removes (and table growth)', () => {
    // Signatures from few distinct values per row so bands collide often.
    const sig = fc.array(fc.nat({ max: 2 }), { minLength: 8, maxLength: 8 }).map((xs) => Uint32Array.from(xs));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), id: fc.nat({ max: 60 }), sig }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.nat({ max: 60 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.array(sig, { minLength: 1, maxLength: 5 }), (ops, queries) => {
        const index = new LshIndex<number>({ bands: 4, rows: 2 });
        const model = new Map<number, Uint32Array>();
        for (const o of ops) {
          if (o.kind === 'add') {
            index.add(o.id, o.sig);
            model.set(o.id, o.sig);
          } else {
            expect(index.remove(o.id)).toBe(model.delete(o.id));
          }
        }
        expect(index.size).toBe(model.size);
        for (const q of queries) {
          const expected = [...model.entries()]
            .filter(([, s]) => [0, 1, 2, 3].some((b) => bandKey(s, b, 2) === bandKey(q, b, 2)))
            .map(([id]) => id)
            .sort((x, y) => x - y);
          expect(index.candidates(q).sort((x, y) => x - y)).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('numeric and string ids both work, and thousands of entries grow the tables', () => {
    const index = new LshIndex<number>();
    const store = new Map<number, Uint32Array>();
    for (let i = 0; i < 3000; i++) {
      const s = shingles(`review number ${i} of the synthetic corpus with words ${i * 7} and ${i * 13} here`);
      store.set(i, s);
      index.add(i, signature(s));
    }
    const probe = 'review number 1234 of the synthetic corpus with words 8638 and 16042 here';
    expect(findNearDuplicate(probe, index, (id) => store.get(id))).toEqual({ reviewId: 1234, similarity: 1 });
    expect(index.byteLength).toBeGreaterThan(0);
  });
});

describe('findNearDuplicate and the near_duplicate warning', () => {
  const corpus = new Map<string, string>([
    ['r1', LONG],
    ['r2', 'A slow, patient thriller that rewards attention. The ending is ambiguous in the best way, and I keep thinking about it.'],
    ['r3', '정말 재미있게 본 영화입니다. 배우들의 연기가 훌륭했고 음악도 좋았어요. 다시 보고 싶은 영화입니다.'],
  ]);
  const store = new Map([...corpus].map(([id, text]) => [id, shingles(text)]));
  const index = new LshIndex<string>();
  for (const [id, s] of store) index.add(id, signature(s));
  const lookup = (id: string) => store.get(id);

  it('an exact copy (even re-marked-up and shouted) is found with similarity 1', () => {
    expect(findNearDuplicate(`<p>${LONG.toUpperCase()}</p>`, index, lookup)).toEqual({ reviewId: 'r1', similarity: 1 });
    expect(findNearDuplicate(corpus.get('r3')!, index, lookup)).toEqual({ reviewId: 'r3', similarity: 1 });
  });

  it('a light edit is found with its exact similarity; an unrelated text is not', () => {
    const edited = LONG.replace('the last reel', 'the final reel');
    const found = findNearDuplicate(edited, index, lookup);
    expect(found?.reviewId).toBe('r1');
    expect(found?.similarity).toBeCloseTo(exactJaccard(shingles(edited), store.get('r1')!), 12);
    expect(findNearDuplicate('Nothing like any of those, a review about cooking shows instead of films.', index, lookup)).toBeNull();
  });

  it('below the threshold is null; threshold and exclude are options', () => {
    const half = LONG.slice(0, LONG.length / 2);
    const j = exactJaccard(shingles(half), store.get('r1')!);
    expect(j).toBeLessThan(0.8);
    expect(findNearDuplicate(half, index, lookup)).toBeNull();
    expect(findNearDuplicate(half, index, lookup, j - 0.01)?.reviewId).toBe('r1');
    expect(findNearDuplicate(LONG, index, lookup, { exclude: 'r1' })).toBeNull();
    expect(findNearDuplicate(LONG, index, () => undefined)).toBeNull();
    expect(findNearDuplicate('', index, lookup)).toBeNull();
  });

  it('the warning has the contract shape {code, review_id, similarity, message}', () => {
    const warnings = nearDuplicateWarnings(`${LONG} Recommended.`, { index, lookupShingles: lookup });
    expect(warnings).toEqual([{ code: 'near_duplicate', review_id: 'r1', similarity: expect.any(Number), message: expect.any(String) }]);
    const w = warnings[0]!;
    expect(w.similarity as number).toBeGreaterThanOrEqual(0.8);
    expect(w.similarity as number).toBeLessThanOrEqual(1);
    expect(w.message).toContain('r1');
    expect(nearDuplicateWarnings(LONG, { index, lookupShingles: lookup, selfId: 'r1' })).toEqual([]);
    expect(nearDuplicateWarnings('short and new', { index, lookupShingles: lookup })).toEqual([]);
  });
});
