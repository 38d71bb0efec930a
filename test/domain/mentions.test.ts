import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildMatcher, paragraphsWithMentions, splitMentions, type CatalogEntry, type MentionSpan } from '../../src/domain/mentions.js';
import { nameKeys } from '../../src/domain/names.js';

// Real titles and people. "Love in the Big City" (대도시의 사랑법) is both a 2024 series and a 2024
// film: the year cannot tell them apart. "The Host" is Bong Joon-ho's 2006 film and a 2013 film.
const CATALOG: CatalogEntry[] = [
  { kind: 'title', id: 1, names: ['Parasite', '기생충', 'パラサイト 半地下の家族'], year: 2019 },
  { kind: 'title', id: 2, names: ['Love in the Big City', '대도시의 사랑법'], year: 2024 }, // series
  { kind: 'title', id: 3, names: ['Love in the Big City', '대도시의 사랑법'], year: 2024 }, // film
  { kind: 'title', id: 4, names: ['The Host', '괴물'], year: 2006 },
  { kind: 'title', id: 5, names: ['The Host'], year: 2013 },
  { kind: 'title', id: 6, names: ['Up'], year: 2009 },
  { kind: 'title', id: 7, names: ['Amélie', 'Le Fabuleux Destin d’Amélie Poulain'], year: 2001 },
  { kind: 'title', id: 8, names: ['Mother', '마더'], year: 2009 },
  { kind: 'title', id: 9, names: ['1917'], year: 2019 },
  { kind: 'title', id: 10, names: ['Love'], year: 2015 },
  { kind: 'title', id: 11, names: ['Memories of Murder', '살인의 추억'], year: 2003 },
  { kind: 'title', id: 12, names: ['Murder'], year: 1930 },
  { kind: 'person', id: 1, names: ['Hwang Da-seul', '황다슬'] },
  { kind: 'person', id: 2, names: ['Bong Joon-ho', '봉준호', 'ポン・ジュノ'] },
  { kind: 'person', id: 3, names: ['Nam Yoon-su', '남윤수'] },
  { kind: 'person', id: 4, names: ['Mother'] }, // a person sharing a title's name
];

const matcher = buildMatcher(CATALOG);

/** The spans as [surface text, kind, id] for readable expectations. */
const linked = (text: string, m = matcher): [string, string, number][] => m.link(text).map((s) => [text.slice(s.start, s.end), s.kind, s.id]);

describe('mention linking', () => {
  it('links titles and people by name, original name and alias', () => {
    expect(linked('Parasite by Bong Joon-ho. 봉준호 감독의 기생충.')).toEqual([
      ['Parasite', 'title', 1],
      ['Bong Joon-ho', 'person', 2],
      ['봉준호', 'person', 2],
      ['기생충', 'title', 1],
    ]);
  });

  it('ambiguous name without a year links nothing', () => {
    expect(linked('I watched The Host last night.')).toEqual([]);
  });

  it('"Name (YEAR)" picks the title of that year; the span is the name only', () => {
    expect(linked('The Host (2006) beats The Host(2013).')).toEqual([
      ['The Host', 'title', 4],
      ['The Host', 'title', 5],
    ]);
    expect(linked('The Host （2006）')).toEqual([['The Host', 'title', 4]]); // full-width parentheses
  });

  it('a year matching none or several of the titles links nothing', () => {
    expect(linked('The Host (1999)')).toEqual([]);
    // Series and film are both 2024.
    expect(linked('Love in the Big City (2024) and 대도시의 사랑법 (2024) and Love in the Big City')).toEqual([]);
  });

  it('an ambiguous longest match still covers its text: no shorter name links inside it', () => {
    // "Love" (2015) is unambiguous, but here it is part of "Love in the Big City".
    expect(linked('Love in the Big City, unlike Love, is a series.')).toEqual([['Love', 'title', 10]]);
  });

  it('a single title followed by another year is another work', () => {
    expect(linked('Parasite (1982) is a 3D horror film.')).toEqual([]);
    expect(linked('Parasite (2019) won.')).toEqual([['Parasite', 'title', 1]]);
  });

  it('a name shared by a title and a person is ambiguous; a year picks the title', () => {
    expect(linked('Mother was moving.')).toEqual([]);
    expect(linked('Mother (2009) was moving.')).toEqual([['Mother', 'title', 8]]);
    expect(linked('마더 was moving.')).toEqual([['마더', 'title', 8]]); // only the title has this name
  });

  it('never starts or ends inside a word (Latin)', () => {
    expect(linked('Parasites are not Parasite.')).toEqual([['Parasite', 'title', 1]]);
    expect(linked('Upstream, Up, Backup and Up.')).toEqual([
      ['Up', 'title', 6],
      ['Up', 'title', 6],
    ]);
    expect(linked('AntiParasite')).toEqual([]);
  });

  it('one-word names link only where written with a capital; years and numbers never link', () => {
    expect(linked('look up, then Up')).toEqual([['Up', 'title', 6]]);
    expect(linked('parasite or PARASITE')).toEqual([['PARASITE', 'title', 1]]);
    expect(linked('In 1917 Mendes made 1917.')).toEqual([]);
    // Multi-word names are case-insensitive.
    expect(linked('memories of murder is great')).toEqual([['memories of murder', 'title', 11]]);
  });

  it('leftmost-longest among overlapping names', () => {
    expect(linked('Memories of Murder, then Murder.')).toEqual([
      ['Memories of Murder', 'title', 11],
      ['Murder', 'title', 12],
    ]);
  });

  it('romanisation spacing: hyphens optional, spaces must stay spaces', () => {
    expect(linked('Hwang Da-seul, HWANG Daseul, hwang da seul, Hwang Da–seul.').map((s) => s[0])).toEqual([
      'Hwang Da-seul',
      'HWANG Daseul',
      'hwang da seul',
      'Hwang Da–seul',
    ]);
    // Spaces where the name has none: another phrase ("he at" is not "Heat").
    expect(linked('hwangda seul')).toEqual([]);
    // A name never runs across a line break.
    expect(linked('Hwang\nDa-seul')).toEqual([]);
  });

  it('Korean: particles after a name still link it; a longer word does not', () => {
    expect(linked('기생충은 2019년 영화이고, 기생충을 두 번 봤다. 황다슬의 연기와 남윤수가 좋았다.')).toEqual([
      ['기생충', 'title', 1],
      ['기생충', 'title', 1],
      ['황다슬', 'person', 1],
      ['남윤수', 'person', 3],
    ]);
    expect(linked('Parasite는 최고')).toEqual([['Parasite', 'title', 1]]);
    expect(linked('기생충학 교수')).toEqual([]); // "parasitology": not a particle
    expect(linked('반기생충')).toEqual([]); // a Hangul name does not start inside a Hangul word
    expect(linked('대도시의사랑법')).toEqual([]); // still ambiguous when written without the space
  });

  it('Korean spacing inside a name is optional between Hangul syllables', () => {
    const m = buildMatcher([{ kind: 'title', id: 1, names: ['살인의 추억'], year: 2003 }]);
    expect(linked('살인의추억은 명작', m)).toEqual([['살인의추억', 'title', 1]]);
  });

  it('Japanese: no word boundaries; the longest catalog match wins', () => {
    expect(linked('映画パラサイト半地下の家族を見た')).toEqual([['パラサイト半地下の家族', 'title', 1]]);
    expect(linked('ポン・ジュノ監督')).toEqual([['ポン・ジュノ', 'person', 2]]);
    expect(linked('ポンジュノ監督')).toEqual([['ポンジュノ', 'person', 2]]);
  });

  it('offsets map back to the original text through accents, NFKC and full-width forms', () => {
    const text = 'Ａｍｅ\u0301lie — ＰＡＲＡＳＩＴＥ, then ＬＥ ＦＡＢＵＬＥＵＸ destin d’AMÉLIE POULAIN; ﬁne. 😀 Bong Joon-ho';
    expect(linked(text)).toEqual([
      ['Ａｍｅ\u0301lie', 'title', 7],
      ['ＰＡＲＡＳＩＴＥ', 'title', 1],
      ['ＬＥ ＦＡＢＵＬＥＵＸ destin d’AMÉLIE POULAIN', 'title', 7],
      ['Bong Joon-ho', 'person', 2],
    ]);
  });

  it('compatibility jamo and decomposed Hangul find Hangul names', () => {
    const jamo = '\u1100\u1175\u1109\u1162\u11bc\u110e\u116e\u11bc'; // 기생충 as conjoining jamo
    const spans = matcher.link(`${jamo}은 좋다`);
    expect(spans).toEqual([{ start: 0, end: jamo.length, kind: 'title', id: 1 }]);
  });

  it('an empty catalog or text links nothing', () => {
    expect(buildMatcher([]).link('Parasite')).toEqual([]);
    expect(matcher.link('')).toEqual([]);
  });

  it('ids are passed through as given (large ids, duplicates of a name within one entry)', () => {
    const m = buildMatcher([{ kind: 'title', id: 2 ** 40, names: ['Parasite', 'PARASITE', 'Parasite'], year: 2019 }]);
    expect(m.link('Parasite')).toEqual([{ start: 0, end: 8, kind: 'title', id: 2 ** 40 }]);
  });
});

describe('mention linking properties', () => {
  const WORDS = ['Parasite', 'parasite', '기생충', '기생충은', 'The Host', 'Host', '(2006)', '(2013)', 'Love', 'in the Big City', 'Up', 'Upstream', 'Hwang', 'Da-seul', 'Daseul', '황다슬', 'Ａｍéｌｉｅ', 'Amélie', '—', ',', '\n', 'Mother', '1917', 'パラサイト', '半地下の家族', 'ポン・ジュノ', 'Murder', 'Memories of'];
  const textArb = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 25 }).chain((ws) =>
    fc.array(fc.constantFrom(' ', '', '  ', '-'), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')),
  );
  const keys = new Set(CATALOG.flatMap((e) => e.names.map((n) => nameKeys(n).compact)));
  const check = (text: string, spans: MentionSpan[]) => {
    let last = 0;
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(last); // sorted, non-overlapping
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(text.length);
      last = s.end;
      // The linked text folds to the key of one of the catalog's names.
      expect(keys.has(nameKeys(text.slice(s.start, s.end)).compact)).toBe(true);
      const entry = CATALOG.find((e) => e.kind === s.kind && e.id === s.id)!;
      expect(entry.names.map((n) => nameKeys(n).compact)).toContain(nameKeys(text.slice(s.start, s.end)).compact);
    }
  };

  it('spans are sorted, non-overlapping, in bounds, and each is a catalog name of its entry', () => {
    fc.assert(fc.property(textArb, (text) => check(text, matcher.link(text))), { numRuns: 500 });
  });

  it('the same holds on arbitrary Unicode text and random catalogs', () => {
    const nameArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 });
    const catArb = fc.array(fc.record({ kind: fc.constantFrom('title' as const, 'person' as const), names: fc.array(nameArb, { minLength: 1, maxLength: 3 }), year: fc.option(fc.integer({ min: 1990, max: 1995 })) }), { maxLength: 12 });
    fc.assert(
      fc.property(catArb, fc.array(fc.nat(), { maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 60 }), (raw, picks, filler) => {
        const entries = raw.map((e, i) => ({ ...e, id: i + 1 }));
        // Text made of catalog names mixed with arbitrary text, so that matches actually happen.
        const text = picks.map((p) => (entries.length ? entries[p % entries.length]!.names[p % entries[p % entries.length]!.names.length]! : '')).join(' ') + filler;
        const m = buildMatcher(entries);
        const spans = m.link(text);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
          const entry = entries.find((e) => e.kind === s.kind && e.id === s.id)!;
          expect(entry.names.map((n) => nameKeys(n).compact)).toContain(nameKeys(text.slice(s.start, s.end)).compact);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('linking is deterministic and independent of what follows a paragraph break', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const alone = matcher.link(a);
        expect(matcher.link(a)).toEqual(alone);
        // A name never crosses a line break, so a second paragraph cannot change the first one's spans —
        // except a "(YEAR)" or a particle, which never start with a line break either.
        const both = matcher.link(`${a}\n${b}`).filter((s) => s.end <= a.length);
        expect(both).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitting text into link segments for rendering', () => {
  const m = (start: number, end: number, slug = 'x') => ({ start, end, slug });

  it('splits each paragraph (non-blank line, trimmed) at its mentions, offsets relative to the body', () => {
    const body = 'Intro.\r\n\n   I saw Parasite and Mother.  ';
    const spans = [m(18, 26, 'parasite-2019'), m(31, 37, 'mother-2009')];
    const paras = paragraphsWithMentions(body, spans);
    expect(paras.map((p) => [p.start, p.text])).toEqual([
      [0, 'Intro.'],
      [12, 'I saw Parasite and Mother.'],
    ]);
    expect(paras[0]!.segments).toEqual([{ text: 'Intro.' }]);
    expect(paras[1]!.segments).toEqual([
      { text: 'I saw ' },
      { text: 'Parasite', mention: spans[0] },
      { text: ' and ' },
      { text: 'Mother', mention: spans[1] },
      { text: '.' },
    ]);
  });

  it('paragraphs are the non-blank lines, as the review card counts them', () => {
    const body = 'a\nb\r\n \r\n\n\nc\n\n   \n\n';
    expect(paragraphsWithMentions(body, []).map((p) => p.text)).toEqual(['a', 'b', 'c']);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', 'é') , maxLength: 40 }), (text) => {
        const ours = paragraphsWithMentions(text, []);
        expect(ours.map((p) => p.text)).toEqual(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''));
        for (const p of ours) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
      }),
    );
  });

  it('ignores spans outside, across the edge, overlapping or empty; never loses a character', () => {
    const text = 'abcdefghij';
    const segs = splitMentions(text, [m(2, 4), m(3, 6), m(8, 12), m(5, 5), m(-1, 1), m(6, 8)], 0);
    expect(segs.map((s) => [s.text, s.mention ? 'link' : 'text'])).toEqual([
      ['ab', 'text'],
      ['cd', 'link'],
      ['ef', 'text'],
      ['gh', 'link'],
      ['ij', 'text'],
    ]);
    expect(splitMentions('', [])).toEqual([{ text: '' }]);
  });

  it('joining the segments always gives the paragraph back (any spans)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 })), { maxLength: 8 }), fc.nat(10), (text, raw, offset) => {
        const segs = splitMentions(text, raw.map(([a, b]) => m(a, b)), offset);
        expect(segs.map((s) => s.text).join('')).toBe(text);
        for (const s of segs) if (s.mention) expect(text.slice(s.mention.start - offset, s.mention.end - offset)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('works with the matcher’s own spans on a real body', () => {
    const body = 'Parasite (2019) first.\n\n기생충은 좋다. Bong Joon-ho!';
    const paras = paragraphsWithMentions(body, matcher.link(body));
    expect(paras.flatMap((p) => p.segments.filter((s) => s.mention).map((s) => s.text))).toEqual(['Parasite', '기생충', 'Bong Joon-ho']);
  });
});
