// Pure parts of a person's import: other sites' rating scales and dates, Letterboxd's HTML to plain
// text with a headline, and matching by folded name and year without guessing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromImdbRating, fromLetterboxdStars, parseDay, parseYear, toLetterboxdStars } from '../../src/domain/rating-scales.js';
import { headlineFor, plainTextOf } from '../../src/domain/imported-text.js';
import { TitleIndex, type Candidate } from '../../src/domain/title-match.js';
import { isValidRating } from '../../src/domain/rating.js';

describe('rating scales', () => {
  it('turns every Letterboxd half-star into one whole Marquee rating and back', () => {
    for (let half = 1; half <= 10; half++) {
      const stars = half / 2;
      const r = fromLetterboxdStars(String(stars));
      expect(r).toEqual({ ok: true, rating: half });
      expect(toLetterboxdStars(half)).toBe(stars);
    }
  });
  it('refuses what is not 0.5–5 stars in half steps, or not 1–10 for IMDb', () => {
    for (const bad of ['0', '5.5', '3.25', 'four', '', '-1']) expect(fromLetterboxdStars(bad).ok).toBe(false);
    for (const bad of ['0', '11', '7.5', 'x', '']) expect(fromImdbRating(bad).ok).toBe(false);
    expect(fromImdbRating('10')).toEqual({ ok: true, rating: 10 });
  });
  it('only ever yields valid ratings', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const a = fromLetterboxdStars(s);
      const b = fromImdbRating(s);
      return (!a.ok || isValidRating(a.rating)) && (!b.ok || isValidRating(b.rating));
    }));
  });
  it('reads both sites’ dates and refuses impossible ones', () => {
    expect(parseDay('2019-01-02')).toBe('2019-01-02');
    expect(parseDay('4/18/2026')).toBe('2026-04-18');
    expect(parseDay('2/30/2026')).toBeNull();
    expect(parseDay('2019-13-01')).toBeNull();
    expect(parseYear('')).toBeNull();
    expect(parseYear('19x9')).toBeUndefined();
  });
});

describe('Letterboxd review text', () => {
  it('drops tags, keeps link text and paragraphs, decodes entities', () => {
    expect(plainTextOf('<b>Bold</b> and <a href="https://x">a link</a> &amp; &#8220;quotes&#8221;<br/>next\r\n\r\n\r\nlast')).toBe('Bold and a link & \u201cquotes\u201d\nnext\n\nlast');
  });
  it('makes a headline of the first sentence, at most 120 characters', () => {
    expect(headlineFor('Loved it. The rest follows.', 'X')).toBe('Loved it.');
    expect(headlineFor('', 'The Film')).toBe('The Film');
    const long = headlineFor('word '.repeat(60), 'X');
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('…')).toBe(true);
    fc.assert(fc.property(fc.string(), (s) => [...headlineFor(s, 'T')].length <= 120));
  });
});

describe('title matching', () => {
  const t = (id: number, name: string, year: number | null, kind: 'film' | 'series' = 'film', extra: Partial<Candidate> = {}): Candidate => ({ id, slug: `t${id}`, kind, name, original_name: null, year, aliases: [], ...extra });
  const index = new TitleIndex([t(1, 'Amélie', 2001), t(2, 'Spider-Man', 2002), t(3, 'Twin', 2001), t(4, 'Twin', 2001, 'series'), t(5, '기생충', 2019, 'film', { aliases: ['Parasite'] })]);
  it('folds case, accents and punctuation, and reads aliases', () => {
    expect(index.find({ names: ['AMELIE'], year: 2001, kind: null })).toMatchObject({ kind: 'match', title: { id: 1 } });
    expect(index.find({ names: ['Spider Man'], year: 2002, kind: null })).toMatchObject({ kind: 'match', title: { id: 2 } });
    expect(index.find({ names: ['Parasite'], year: 2019, kind: null })).toMatchObject({ kind: 'match', title: { id: 5 } });
  });
  it('needs the year, and never picks one of two', () => {
    expect(index.find({ names: ['Amélie'], year: 2002, kind: null }).kind).toBe('none');
    expect(index.find({ names: ['Twin'], year: 2001, kind: null })).toMatchObject({ kind: 'ambiguous', titles: [{ id: 3 }, { id: 4 }] });
    expect(index.find({ names: ['Twin'], year: 2001, kind: 'series' })).toMatchObject({ kind: 'match', title: { id: 4 } });
  });
  it('forgets a removed title under every name it answered to, and leaves the others', () => {
    const own = new TitleIndex([t(5, '기생충', 2019, 'film', { aliases: ['Parasite'] }), t(6, 'Parasite', 2019, 'series'), t(7, 'Other', 2019)]);
    own.remove(t(5, '기생충', 2019, 'film', { aliases: ['Parasite'] }));
    expect(own.find({ names: ['기생충'], year: 2019, kind: null }).kind).toBe('none');
    expect(own.find({ names: ['Parasite'], year: 2019, kind: null })).toMatchObject({ kind: 'match', title: { id: 6 } });
    expect(own.empty).toBe(false);
    own.remove(t(6, 'Parasite', 2019, 'series'));
    own.remove(t(7, 'Other', 2019));
    expect(own.empty).toBe(true);
  });
});
