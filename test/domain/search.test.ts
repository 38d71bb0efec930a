import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameMatchClass, nameMatchesQuery, parseNameQuery, queryProblem, reviewQueryWords, searchKeys } from '../../src/domain/search.js';
import { nameKeys } from '../../src/domain/names.js';

const matches = (query: string, name: string) => nameMatchesQuery(parseNameQuery(query)!, name);

describe('parseNameQuery', () => {
  it('folds like names and sorts words by length: 3+ characters anywhere, shorter at a word start', () => {
    expect(parseNameQuery('HWANG Da-seul')).toEqual({ compact: 'hwangdaseul', anywhere: ['hwang', 'seul'], wordStart: ['da'] });
    expect(parseNameQuery('대도시의 사랑법')).toEqual({ compact: '대도시의사랑법', anywhere: ['대도시의', '사랑법'], wordStart: [] });
    expect(parseNameQuery('!!!')).toBeNull();
  });
  it('uses at most 8 distinct words', () => {
    expect(parseNameQuery('a b c d e f g h i j a')!.wordStart).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});

describe('searchKeys', () => {
  it('starts lists the words, then inner suffixes that begin at a CJK character', () => {
    expect(searchKeys('Hwang Da-seul').starts).toBe('hwang da seul');
    expect(searchKeys('千と千尋の神隠し').starts).toBe('千と千尋の神隠し と千尋の神隠し 千尋の神隠し 尋の神隠し の神隠し 神隠し 隠し し');
    expect(searchKeys('大city').starts).toBe('大city'); // Latin letters never start an inner suffix
  });
});

describe('nameMatchesQuery', () => {
  it('issue examples: romanisation spacing, 사랑법', () => {
    for (const q of ['Hwang Da Seul', 'Hwang Da-seul', 'HWANG Daseul', 'hwangdaseul', 'daseul']) {
      for (const name of ['Hwang Da-seul', 'HWANG Daseul', 'Hwang Da Seul']) expect(matches(q, name), `${q} / ${name}`).toBe(true);
    }
    expect(matches('사랑법', '대도시의 사랑법')).toBe(true);
    expect(matches('hwang dasol', 'Hwang Da-seul')).toBe(false);
  });
  it('short words: a word start, or anywhere inside a CJK word', () => {
    expect(matches('da', 'Hwang Da-seul')).toBe(true);
    expect(matches('wa', 'Hwang Da-seul')).toBe(false);
    expect(matches('千尋', '千と千尋の神隠し')).toBe(true);
    expect(matches('도시', '대도시의 사랑법')).toBe(true);
  });
  it('every word must match one name', () => {
    expect(matches('city love', 'Love in the Big City')).toBe(true);
    expect(matches('city hate', 'Love in the Big City')).toBe(false);
  });
  it('property: a name finds itself and every word of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (name) => {
        fc.pre(nameKeys(name).compact !== '');
        expect(matches(name, name)).toBe(true);
        expect(nameMatchClass(parseNameQuery(name)!, name)).toBe(0);
        for (const w of nameKeys(name).spaced.split(' ')) expect(matches(w, name)).toBe(true);
      }),
    );
  });
});

describe('reviewQueryWords and queryProblem', () => {
  it('splits at anything but letters, digits and marks; drops repeats', () => {
    expect(reviewQueryWords('Lighthouse, keeper! lighthouse')).toEqual(['Lighthouse', 'keeper']);
    expect(reviewQueryWords("don't 3.5")).toEqual(['don', 't', '3', '5']);
    expect(reviewQueryWords('—!?')).toEqual([]);
  });
  it('refuses empty, blank and over-200-character queries', () => {
    expect(queryProblem('')).not.toBeNull();
    expect(queryProblem('  \t')).not.toBeNull();
    expect(queryProblem('가'.repeat(200))).toBeNull();
    expect(queryProblem('가'.repeat(201))).not.toBeNull();
    expect(queryProblem('😀'.repeat(200))).toBeNull(); // characters, not UTF-16 units
  });
});
