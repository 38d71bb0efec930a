import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compactKey, foldIndexed, foldName, nameKeys, nameMatches } from '../../src/domain/names.js';

describe('nameKeys / foldName', () => {
  it('issue example: "Hwang Da Seul", "Hwang Da-seul" and "HWANG Daseul" share the compact key', () => {
    const keys = ['Hwang Da Seul', 'Hwang Da-seul', 'HWANG Daseul'].map(nameKeys);
    expect(keys.map((k) => k.compact)).toEqual(['hwangdaseul', 'hwangdaseul', 'hwangdaseul']);
    expect(keys.map((k) => k.spaced)).toEqual(['hwang da seul', 'hwang da seul', 'hwang daseul']);
  });

  it('ignores case and Latin accents; ß → ss', () => {
    expect(foldName('Le Fabuleux Destin d’Amélie Poulain')).toBe('le fabuleux destin d amelie poulain');
    expect(nameKeys('Amélie').compact).toBe(nameKeys('AMELIE').compact);
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('Łódź Ørsted')).toBe('lodz orsted');
    expect(foldName('İstanbul')).toBe('istanbul');
  });

  it('decomposed accents fold like precomposed ones', () => {
    expect(foldName('Ame\u0301lie')).toBe('amelie');
  });

  it('NFKC: full-width letters, ligatures', () => {
    expect(foldName('ＰＡＲＡＳＩＴＥ')).toBe('parasite');
    expect(foldName('ﬁlm')).toBe('film');
  });

  it('keeps Hangul composed and keeps marks of other scripts', () => {
    expect(foldName('대도시의 사랑법')).toBe('대도시의 사랑법');
    expect(foldName('황다슬').normalize('NFC')).toBe('황다슬');
    expect(foldName('황다슬')).toBe('황다슬'); // not decomposed into jamo
    expect(foldName('Ёлки')).toBe('ёлки'); // Cyrillic ё keeps its diaeresis
    expect(foldName('ガ')).toBe('ガ');
  });

  it('Hangul compatibility jamo and half-width katakana fold like their composed forms', () => {
    expect(foldName('ㄱㅏ')).toBe('가');
    expect(foldName('ｶﾞ')).toBe('ガ');
    expect(foldName('\u1100\u1161')).toBe('가'); // conjoining jamo
  });

  it('punctuation-only names have empty keys', () => {
    expect(nameKeys('—!?')).toEqual({ spaced: '', compact: '' });
  });

  it('property: compactKey equals nameKeys(…).compact, through its ASCII shortcut and without it', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 80 });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (name) => {
      expect(compactKey(name)).toBe(nameKeys(name).compact);
    }), { numRuns: 5000 });
    expect(compactKey("Spider-Man: Into the Spider-Verse (2018)")).toBe('spidermanintothespiderverse2018');
    expect(compactKey('Amélie')).toBe('amelie');
  });

  it('property: folding is idempotent on the spaced form and compact is spaced without spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const { spaced, compact } = nameKeys(s);
        expect(compact).toBe(spaced.replace(/ /g, ''));
        expect(foldName(spaced)).toBe(spaced);
        expect(spaced).not.toMatch(/^ | $|  /);
      }),
    );
  });

  it('property: the index map points at whole, in-bounds, non-decreasing original ranges', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const f = foldIndexed(s);
        for (let j = 0; j < f.compact.length; j++) {
          expect(f.from[j]!).toBeGreaterThanOrEqual(0);
          expect(f.from[j]!).toBeLessThan(f.to[j]!);
          expect(f.to[j]!).toBeLessThanOrEqual(s.length);
          if (j > 0) expect(f.from[j]!).toBeGreaterThanOrEqual(f.from[j - 1]!);
        }
      }),
    );
  });
});

describe('nameMatches', () => {
  it('romanisation spacing does not matter', () => {
    expect(nameMatches('hwang daseul', 'Hwang Da-seul')).toBe(true);
    expect(nameMatches('Da Seul', 'HWANG Daseul')).toBe(true);
    expect(nameMatches('hwang dasol', 'Hwang Da-seul')).toBe(false);
  });

  it('substring match in scripts without spaces: "사랑법" finds "대도시의 사랑법"', () => {
    expect(nameMatches('사랑법', '대도시의 사랑법')).toBe(true);
    expect(nameMatches('대도시의사랑법', '대도시의 사랑법')).toBe(true);
    expect(nameMatches('기생충', '대도시의 사랑법')).toBe(false);
  });

  it('accents and case', () => {
    expect(nameMatches('amelie', 'Amélie')).toBe(true);
    expect(nameMatches('AMÉLIE', 'amelie')).toBe(true);
  });

  it('an empty or punctuation-only query finds nothing', () => {
    expect(nameMatches('', 'Parasite')).toBe(false);
    expect(nameMatches(' - ', 'Parasite')).toBe(false);
  });

  it('property: a name always finds itself, and any folded word of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (name) => {
        const { spaced, compact } = nameKeys(name);
        fc.pre(compact !== '');
        expect(nameMatches(name, name)).toBe(true);
        for (const w of spaced.split(' ')) expect(nameMatches(w, name)).toBe(true);
      }),
    );
  });
});
