// RSS 2.0 and Atom feeds over real HTTP (issue 6): a title's newest reviews, the reviews of the
// titles a catalog person is credited on, and a user's reviews. Checked by parsing the XML.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TEST_ENGINES } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';

const BASE = 'https://reviews.example.org';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name) });
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SECRET = 'The ending reveals the basement.';

async function get(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, text: await res.text() };
}

for (const engine of TEST_ENGINES) {
  describe(`feeds on ${engine}`, () => {
    let server: TestServer;
    let admin: TestUser;
    let title: { slug: string; name: string };
    let otherTitle: { slug: string };
    let personSlug: string;
    let critic: TestUser;
    const ids: number[] = []; // in the order written (oldest first)
    let spoilerId = 0;
    let hiddenId = 0;

    beforeAll(async () => {
      server = await startServer(engine, { BASE_URL: BASE });
      admin = await newAdmin(server);
      title = await newTitle(server, admin, { name: 'Mother & Son <"2009">', kind: 'film', year: 2009, episodes: null, credits: [{ person: 'Kim Hye-ja', role: 'cast' }] });
      otherTitle = await newTitle(server, admin, { name: 'Another', kind: 'film', year: 2010, episodes: null, credits: [{ person: 'Kim Hye-ja', role: 'cast' }] });
      personSlug = (await admin.client.get(`/api/v1/titles/${title.slug}`)).body.title.credits[0].person.slug;
      critic = await newUser(server);
      // 22 published reviews of the title (the feed shows 20), one of them with spoilers, and one hidden.
      for (let i = 0; i < 22; i++) {
        const author = i === 0 ? critic : await newUser(server);
        const spoiler = i === 20;
        const r = await newReview(author, title.slug, { headline: `Take ${i} & <more>`, body: spoiler ? SECRET : `Body ${i}: Bong's "best" & <i>tender</i>.`, contains_spoilers: spoiler });
        ids.push(r.id);
        if (spoiler) spoilerId = r.id;
      }
      const hidden = await newReview(await newUser(server), title.slug, { headline: 'Hidden one', body: 'HIDDEN TEXT' });
      hiddenId = hidden.id;
      expect((await admin.client.patch(`/api/v1/reviews/${hiddenId}`, { status: 'hidden' })).status).toBe(200);
      await newReview(critic, otherTitle.slug, { headline: 'On the other one', body: 'Fine.' });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('RSS 2.0: valid, newest 20 published, absolute URLs, RFC 822 dates, spoilers marked and withheld', async () => {
      const res = await get(server, `/titles/${title.slug}/feed.rss`);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/rss+xml; charset=utf-8');
      expect(XMLValidator.validate(res.text)).toBe(true);
      const ch = parser.parse(res.text).rss.channel;
      expect(ch.title).toBe('Mother & Son <"2009"> (2009) — reviews on Marquee');
      expect(ch.link).toEqual([`${BASE}/titles/${title.slug}`]);
      expect(ch['atom:link']['@href']).toBe(`${BASE}/titles/${title.slug}/feed.rss`);
      expect(ch.lastBuildDate).toMatch(RFC822);
      expect(ch.item).toHaveLength(20);
      // Newest first: the last 20 published, without the hidden one.
      const expected = ids.slice(-20).reverse();
      expect(ch.item.map((i: any) => i.guid['#text'])).toEqual(expected.map((id) => `${BASE}/reviews/${id}`));
      for (const item of ch.item) {
        expect(item.link).toEqual([item.guid['#text']]);
        expect(item.pubDate).toMatch(RFC822);
      }
      const spoiler = ch.item.find((i: any) => i.guid['#text'].endsWith(`/${spoilerId}`));
      expect(spoiler.title).toMatch(/^\[Spoilers\] Take 20 & <more>/);
      expect(spoiler.category).toEqual(['spoilers']);
      expect(spoiler.description).not.toContain('basement');
      expect(res.text).not.toContain('basement');
      expect(res.text).not.toContain('HIDDEN');
      const plain = ch.item.find((i: any) => i.guid['#text'].endsWith(`/${ids[21]}`));
      expect(plain.title).toBe('Take 21 & <more> — 8/10');
      expect(plain.description).toBe('Body 21: Bong\'s "best" & <i>tender</i>.');
    });

    it('Atom: valid, ids stable, RFC 3339 dates, spoilers marked and withheld', async () => {
      const res = await get(server, `/titles/${title.slug}/feed.atom`);
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/atom+xml; charset=utf-8');
      expect(XMLValidator.validate(res.text)).toBe(true);
      const feed = parser.parse(res.text).feed;
      expect(feed.id).toBe(`${BASE}/titles/${title.slug}/feed.atom`);
      expect(feed.updated).toMatch(RFC3339);
      expect(feed.link.find((l: any) => l['@rel'] === 'alternate')['@href']).toBe(`${BASE}/titles/${title.slug}`);
      expect(feed.entry).toHaveLength(20);
      for (const e of feed.entry) {
        expect(e.published).toMatch(RFC3339);
        expect(e.updated).toMatch(RFC3339);
        expect(e.author.uri).toMatch(new RegExp(`^${BASE}/users/`));
      }
      const spoiler = feed.entry.find((e: any) => e.id === `${BASE}/reviews/${spoilerId}`);
      expect(spoiler.title['#text']).toMatch(/^\[Spoilers\] /);
      expect(spoiler.category[0]['@term']).toBe('spoilers');
      expect(res.text).not.toContain('basement');
      // The same ids on the next fetch.
      const again = parser.parse((await get(server, `/titles/${title.slug}/feed.atom`)).text).feed;
      expect(again.entry.map((e: any) => e.id)).toEqual(feed.entry.map((e: any) => e.id));
    });

    it('a person’s feed has the reviews of every title they are credited on; a user’s feed their reviews', async () => {
      const person = parser.parse((await get(server, `/people/${personSlug}/feed.rss`)).text).rss.channel;
      expect(person.title).toBe('Kim Hye-ja — reviews on Marquee');
      expect(person.item).toHaveLength(20);
      expect(person.item[0].title).toBe('Another (2010): On the other one — 8/10');
      const user = await get(server, `/users/${critic.handle}/feed.atom`);
      expect(user.status).toBe(200);
      const entries = parser.parse(user.text).feed.entry;
      expect(entries.map((e: any) => e.title['#text'])).toEqual(['Another (2010): On the other one — 8/10', `Mother & Son <"2009"> (2009): Take 0 & <more> — 8/10`]);
    });

    it('unknown slugs and handles answer 404', async () => {
      for (const path of ['/titles/no-such-title/feed.rss', '/titles/no-such-title/feed.atom', '/people/nobody-here/feed.rss', '/users/nobody_here/feed.atom']) {
        expect((await get(server, path)).status, path).toBe(404);
      }
    });

    it('answers conditional requests with 304 (ETag, Last-Modified); a new review changes the ETag', async () => {
      const first = await get(server, `/titles/${title.slug}/feed.rss`);
      const etag = first.headers.get('etag')!;
      const modified = first.headers.get('last-modified')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
      expect((await get(server, `/titles/${title.slug}/feed.rss`, { 'if-none-match': etag })).status).toBe(304);
      expect((await get(server, `/titles/${title.slug}/feed.rss`, { 'if-modified-since': modified })).status).toBe(304);
      await newReview(await newUser(server), title.slug, { headline: 'Newest', body: 'Fresh.' });
      const changed = await get(server, `/titles/${title.slug}/feed.rss`, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect(parser.parse(changed.text).rss.channel.item[0].title).toBe('Newest — 8/10');
    });
  });
}
