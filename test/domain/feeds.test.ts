import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { newest, renderAtom, renderRss, reviewEntry, rfc3339, rfc822, summaryOf, SUMMARY_CHARS, xmlText, type Feed, type FeedReview } from '../../src/domain/feeds.js';
import { strings } from '../../src/http/web/strings.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category' });

const review = (over: Partial<FeedReview> = {}): FeedReview => ({
  id: 7,
  headline: 'Quietly devastating',
  body: 'The first paragraph.\n\nThe second one, with <b>tags</b> & "quotes".',
  rating: 8.5,
  contains_spoilers: false,
  created_at: '2026-11-20T10:00:00.000Z',
  updated_at: '2026-11-21T11:30:05.123Z',
  author: { handle: 'mina', display_name: 'Mina' },
  title: { slug: 'parasite-2019', name: 'Parasite', year: 2019 },
  ...over,
});

const feedOf = (reviews: FeedReview[], showTitle = false): Feed => {
  const entries = reviews.map((r) => reviewEntry(r, 'https://marquee.example/', showTitle, strings.feeds));
  return {
    title: 'Parasite (2019) — reviews & more',
    description: 'The newest reviews of Parasite (2019).',
    pageUrl: 'https://marquee.example/titles/parasite-2019',
    selfUrl: { rss: 'https://marquee.example/titles/parasite-2019/feed.rss', atom: 'https://marquee.example/titles/parasite-2019/feed.atom' },
    updated: newest(entries, '2026-01-01T00:00:00.000Z'),
    entries,
  };
};

describe('dates', () => {
  it('RFC 822 in GMT with a four-digit year; RFC 3339 in UTC', () => {
    expect(rfc822('2026-11-21T11:30:05.123Z')).toBe('Sat, 21 Nov 2026 11:30:05 GMT');
    expect(rfc822('2026-03-01T00:00:00.000Z')).toBe(new Date('2026-03-01T00:00:00Z').toUTCString());
    expect(rfc3339('2026-11-21T11:30:05.123Z')).toBe('2026-11-21T11:30:05Z');
  });
});

describe('summaries and escaping', () => {
  it('a summary is the body on one line, cut between words with an ellipsis', () => {
    expect(summaryOf('a\n\nb  c')).toBe('a b c');
    const long = 'word '.repeat(300);
    const s = summaryOf(long);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_CHARS + 1);
    expect(s.endsWith('word…')).toBe(true);
    // No spaces (Korean without spaces, one long token): cut inside, never splitting a surrogate pair.
    const emoji = '😀'.repeat(400);
    const e = summaryOf(emoji);
    expect(e.endsWith('…')).toBe(true);
    expect(e.slice(0, -1)).toBe('😀'.repeat(e.slice(0, -1).length / 2));
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlText(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(xmlText('a\u0000b\u000bc\ud800d\uffffe\tf')).toBe('abcde\tf');
    expect(xmlText('😀 한국어')).toBe('😀 한국어');
  });
});

describe('entries', () => {
  it('a review becomes an entry with its permalink as id, author and rating', () => {
    const e = reviewEntry(review(), 'https://marquee.example/', false, strings.feeds);
    expect(e).toMatchObject({
      id: 'https://marquee.example/reviews/7',
      url: 'https://marquee.example/reviews/7',
      title: 'Quietly devastating — 8.5/10',
      author: { name: 'Mina', url: 'https://marquee.example/users/mina' },
      spoilers: false,
    });
    expect(e.summary).toContain('The first paragraph. The second one');
    expect(reviewEntry(review(), 'https://m.example', true, strings.feeds).title).toBe('Parasite (2019): Quietly devastating — 8.5/10');
  });

  it('a spoiler review is marked and its body withheld', () => {
    const e = reviewEntry(review({ contains_spoilers: true, body: 'The father did it in the basement.' }), 'https://m.example', false, strings.feeds);
    expect(e.title.startsWith('[Spoilers] ')).toBe(true);
    expect(e.summary).not.toContain('basement');
    expect(e.spoilers).toBe(true);
  });
});

describe('documents', () => {
  const reviews = [review(), review({ id: 8, contains_spoilers: true, body: 'SECRET ENDING', updated_at: '2026-11-22T00:00:00.000Z' })];

  it('RSS 2.0 is well-formed and carries every field', () => {
    const xml = renderRss(feedOf(reviews));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.rss['@version']).toBe('2.0');
    const ch = doc.rss.channel;
    expect(ch.title).toBe('Parasite (2019) — reviews & more');
    expect(ch.link).toEqual(['https://marquee.example/titles/parasite-2019']);
    expect(ch['atom:link']['@rel']).toBe('self');
    expect(ch['atom:link']['@href']).toBe('https://marquee.example/titles/parasite-2019/feed.rss');
    expect(ch.lastBuildDate).toBe('Sun, 22 Nov 2026 00:00:00 GMT');
    expect(ch.item).toHaveLength(2);
    expect(ch.item[0].guid['#text']).toBe('https://marquee.example/reviews/7');
    expect(ch.item[0].guid['@isPermaLink']).toBe('true');
    expect(ch.item[0].pubDate).toBe('Fri, 20 Nov 2026 10:00:00 GMT');
    expect(ch.item[0].description).toContain('<b>tags</b> & "quotes"'); // escaped in the XML, plain after parsing
    expect(ch.item[0]['dc:creator']).toBe('Mina');
    expect(ch.item[1].title).toMatch(/^\[Spoilers\] /);
    expect(ch.item[1].category).toEqual(['spoilers']);
    expect(xml).not.toContain('SECRET ENDING');
  });

  it('Atom is well-formed and carries every field', () => {
    const xml = renderAtom(feedOf(reviews, true));
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://marquee.example/titles/parasite-2019/feed.atom');
    expect(feed.updated).toBe('2026-11-22T00:00:00Z');
    expect(feed.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['self', 'alternate']);
    const [a, b] = feed.entry;
    expect(a.id).toBe('https://marquee.example/reviews/7');
    expect(a.published).toBe('2026-11-20T10:00:00Z');
    expect(a.updated).toBe('2026-11-21T11:30:05Z');
    expect(a.author.name).toBe('Mina');
    expect(a.summary['#text']).toContain('The first paragraph.');
    expect(b.title['#text']).toBe('[Spoilers] Parasite (2019): Quietly devastating — 8.5/10');
    expect(b.category[0]['@term']).toBe('spoilers');
    expect(b.category[0]['@label']).toBe('Contains spoilers');
    expect(xml).not.toContain('SECRET ENDING');
  });

  it('an empty feed is valid and dated by its fallback', () => {
    const empty = feedOf([]);
    expect(XMLValidator.validate(renderRss(empty))).toBe(true);
    expect(parser.parse(renderAtom(empty)).feed.updated).toBe('2026-01-01T00:00:00Z');
  });

  it('any text makes a well-formed document that gives the text back (minus what XML cannot carry)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 200 }), (headline, body) => {
        const feed = feedOf([review({ headline, body, author: { handle: 'h', display_name: headline } })]);
        for (const xml of [renderRss(feed), renderAtom(feed)]) expect(XMLValidator.validate(xml)).toBe(true);
        const item = parser.parse(renderRss(feed)).rss.channel.item[0];
        const expected = xmlText(summaryOf(body)).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
        expect(String(item.description ?? '')).toBe(expected.trim());
      }),
      { numRuns: 150 },
    );
  });
});
