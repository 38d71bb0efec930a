// Mention links over real HTTP (issue 6): names of catalog titles and people in a review body are
// stored as spans and returned on the Review object; the matcher follows catalog changes (also made
// by another instance), and `marquee mentions relink` recomputes old reviews.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { TEST_ENGINES } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newTitle, newUser, type TestUser } from '../support/factories.js';
import { expectReviewShape } from './contract-helpers.js';
import { render } from 'preact-render-to-string';
import { h } from 'preact';
import { excerpt, paragraphsOf, ReviewBody } from '../../src/http/web/components/review-body.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/marquee.js');

interface Mention {
  start: number;
  end: number;
  type: 'title' | 'person';
  slug: string;
  name: string;
}

/** [text as written, type, slug] of each mention: what a reader sees linked, and where it goes. */
const linked = (review: { body: string; mentions: Mention[] }) => review.mentions.map((m) => [review.body.slice(m.start, m.end), m.type, m.slug]);

describe('the review body component', () => {
  const body = '  First Parasite line.\r\n\nSecond: Bong Joon-ho & <i>co</i> ' + 'word '.repeat(200) + 'Mother at the end.';
  const at = (name: string, type: 'title' | 'person', slug: string) => ({ start: body.indexOf(name), end: body.indexOf(name) + name.length, type, slug, name });
  const mentions = [at('Parasite', 'title', 'parasite-2019'), at('Bong Joon-ho', 'person', 'bong-joon-ho'), at('Mother', 'title', 'mother-2009')];

  it('links mentions in full and in cut paragraphs, escaping the rest', () => {
    const full = render(h(ReviewBody, { paragraphs: paragraphsOf(body), body, mentions }));
    expect(full).toContain('<p>First <a class="mention" href="/titles/parasite-2019">Parasite</a> line.</p>');
    expect(full).toContain('Second: <a class="mention" href="/people/bong-joon-ho">Bong Joon-ho</a> &amp; &lt;i>co&lt;/i>');
    expect(full).toContain('<a class="mention" href="/titles/mother-2009">Mother</a> at the end.</p>');
    // Cut before "Mother": the links that fit stay, the cut one is gone, the ellipsis is kept.
    const { shown, cut } = excerpt(paragraphsOf(body), 300);
    expect(cut).toBe(true);
    const short = render(h(ReviewBody, { paragraphs: shown, body, mentions }));
    expect(short).toContain('href="/people/bong-joon-ho"');
    expect(short).not.toContain('mother-2009');
    expect(short).toMatch(/word…<\/p>/);
    // Without mentions: plain text, as before.
    expect(render(h(ReviewBody, { paragraphs: shown }))).not.toContain('<a');
  });
});

for (const engine of TEST_ENGINES) {
  describe(`mention links on ${engine}`, () => {
    let server: TestServer;
    let admin: TestUser;
    const slug: Record<string, string> = {};
    let personSlug = '';
    let songSlug = '';

    beforeAll(async () => {
      server = await startServer(engine);
      admin = await newAdmin(server);
      const t = async (key: string, fields: Record<string, unknown>) => (slug[key] = (await newTitle(server, admin, { kind: 'film', episodes: null, ...fields })).slug);
      await t('host2006', { name: 'The Host', year: 2006, original_name: '괴물', credits: [{ person: 'Bong Joon-ho', role: 'director' }] });
      await t('host2013', { name: 'The Host', year: 2013 });
      await t('parasite', { name: 'Parasite', year: 2019, original_name: '기생충', aliases: ['パラサイト 半地下の家族'] });
      await t('parasite1982', { name: 'パラサイト', year: 1982 });
      await t('memories', { name: 'Memories of Murder', year: 2003, original_name: '살인의 추억' });
      const person = await admin.client.get(`/api/v1/titles/${slug.host2006}`);
      personSlug = person.body.title.credits[0].person.slug;
      const songId = await server.ctx.services.catalog.ensurePerson('Song Kang-ho', '송강호');
      songSlug = (await server.ctx.db.kysely.selectFrom('people').select('slug').where('id', '=', songId).executeTakeFirstOrThrow()).slug;
    });
    afterAll(async () => {
      await server?.close();
    });

    const post = async (author: TestUser, titleSlug: string, body: string) => {
      const res = await author.client.post(`/api/v1/titles/${titleSlug}/reviews`, { headline: 'Notes', body, rating: 8 });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.review as { id: number; body: string; mentions: Mention[] };
    };

    it('links titles by name, original name and alias, and people; the API returns the spans', async () => {
      const author = await newUser(server);
      const body = 'The Host (2006) is not The Host (2013), and plain The Host links nowhere.\n\n기생충은 Song Kang-ho (송강호) at his best; Bong Joon-ho directed. Parasites are no Parasite.\nMemories of Murder!';
      const review = await post(author, slug.memories!, body);
      expect(linked(review)).toEqual([
        ['The Host', 'title', slug.host2006],
        ['The Host', 'title', slug.host2013],
        ['기생충', 'title', slug.parasite],
        ['Song Kang-ho', 'person', songSlug],
        ['송강호', 'person', songSlug],
        ['Bong Joon-ho', 'person', personSlug],
        ['Parasite', 'title', slug.parasite],
        ['Memories of Murder', 'title', slug.memories],
      ]);
      // name is the catalog name, offsets are UTF-16 indices into body.
      expect(review.mentions[2]).toEqual({ start: body.indexOf('기생충'), end: body.indexOf('기생충') + 3, type: 'title', slug: slug.parasite, name: 'Parasite' });

      // The same spans on every read: one review, the title's list (anonymous and signed in).
      const one = await author.client.get(`/api/v1/reviews/${review.id}`);
      expectReviewShape(one.body.review, { anonymous: false });
      expect(one.body.review.mentions).toEqual(review.mentions);
      const list = await fetch(`${server.url}/api/v1/titles/${slug.memories}/reviews?sort=recent`).then((r) => r.json());
      expectReviewShape(list.items[0], { anonymous: true });
      expect(list.items[0].mentions).toEqual(review.mentions);
    });

    it('"Name (YEAR)" picks that year; ambiguous without a year or with an unknown year links nothing', async () => {
      const author = await newUser(server);
      const review = await post(author, slug.host2006!, 'The Host (2013) then The Host then The Host (1999).');
      expect(linked(review)).toEqual([['The Host', 'title', slug.host2013]]);
    });

    it('never starts or ends inside a word; in Japanese the longest catalog match wins', async () => {
      const author = await newUser(server);
      const review = await post(author, slug.parasite!, 'AntiParasite, Parasites, Hosting. 映画パラサイト半地下の家族を見た。パラサイトも。');
      expect(linked(review)).toEqual([
        ['パラサイト半地下の家族', 'title', slug.parasite],
        ['パラサイト', 'title', slug.parasite1982],
      ]);
    });

    it('an edit recomputes the spans', async () => {
      const author = await newUser(server);
      const review = await post(author, slug.host2013!, 'Nothing to link here.');
      expect(review.mentions).toEqual([]);
      const edited = await author.client.patch(`/api/v1/reviews/${review.id}`, { body: 'Now it names Memories of Murder.' });
      expect(edited.status).toBe(200);
      expect(linked(edited.body.review)).toEqual([['Memories of Murder', 'title', slug.memories]]);
      // An edit that leaves the body alone keeps them.
      const rated = await author.client.patch(`/api/v1/reviews/${review.id}`, { rating: 9 });
      expect(linked(rated.body.review)).toEqual([['Memories of Murder', 'title', slug.memories]]);
    });

    it('a catalog change reaches new reviews at once, and old ones after `marquee mentions relink`', async () => {
      const author = await newUser(server);
      const before = await post(author, slug.parasite!, 'Okja is the one with the pig. 옥자 too.');
      expect(before.mentions).toEqual([]);
      const okja = await newTitle(server, admin, { name: 'Okja', kind: 'film', year: 2017, episodes: null });
      const other = await newUser(server);
      const after = await post(other, slug.parasite!, 'Okja is the one with the pig. 옥자 too.');
      expect(linked(after)).toEqual([['Okja', 'title', okja.slug]]);
      // An alias added later (a title edit) counts as well.
      const patched = await admin.client.patch(`/api/v1/titles/${okja.slug}`, { aliases: ['옥자'] });
      expect(patched.status).toBe(200);
      const third = await post(await newUser(server), slug.parasite!, '옥자 again.');
      expect(linked(third)).toEqual([['옥자', 'title', okja.slug]]);

      // The old review still has its save-time links until relinked, by the CLI as a user runs it.
      const stale = (await author.client.get(`/api/v1/reviews/${before.id}`)).body.review;
      expect(stale.mentions).toEqual([]);
      const { BASE_URL: _vite, ...env } = process.env;
      const { stdout } = await run(process.execPath, [BIN, 'mentions', 'relink'], { env: { ...env, DATABASE_URL: server.db.url } });
      const summary = JSON.parse(stdout);
      expect(summary.reviews).toBeGreaterThanOrEqual(6);
      expect(summary.changed).toBeGreaterThanOrEqual(1);
      const relinked = (await author.client.get(`/api/v1/reviews/${before.id}`)).body.review;
      expect(linked(relinked)).toEqual([
        ['Okja', 'title', okja.slug],
        ['옥자', 'title', okja.slug],
      ]);
      // Relinking again changes nothing.
      const again = JSON.parse((await run(process.execPath, [BIN, 'mentions', 'relink'], { env: { ...env, DATABASE_URL: server.db.url } })).stdout);
      expect(again.changed).toBe(0);
      expect(relinked.updated_at).toBe(stale.updated_at); // relinking is not an edit
    });

    it('the pages render mentions as links, text still escaped, and link their feeds', async () => {
      const author = await newUser(server);
      const review = await post(author, slug.host2013!, '<b>Bold</b> & The Host (2006) <script>x</script>\nThen Bong Joon-ho.');
      expect(review.mentions).toHaveLength(2);
      const res = await fetch(`${server.url}/titles/${slug.host2013}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`&lt;b>Bold&lt;/b> &amp; <a class="mention" href="/titles/${slug.host2006}">The Host</a> (2006) &lt;script>x&lt;/script>`);
      expect(html).toContain(`Then <a class="mention" href="/people/${personSlug}">Bong Joon-ho</a>.`);
      expect(html).not.toContain('<script>x');
      const base = server.ctx.config.baseUrl.replace(/\/$/, '');
      expect(html).toContain(`<link rel="alternate" type="application/rss+xml" title="The Host (2013) (RSS)" href="${base}/titles/${slug.host2013}/feed.rss"/>`);
      expect(html).toContain(`<link rel="alternate" type="application/atom+xml" title="The Host (2013) (Atom)" href="${base}/titles/${slug.host2013}/feed.atom"/>`);
      const person = await (await fetch(`${server.url}/people/${personSlug}`, { headers: { accept: 'text/html' } })).text();
      expect(person).toContain(`href="${base}/people/${personSlug}/feed.atom"`);
      const profile = await (await fetch(`${server.url}/users/${author.handle}`, { headers: { accept: 'text/html' } })).text();
      expect(profile).toContain(`href="${base}/users/${author.handle}/feed.rss"`);
    });

    it('another instance on the same database notices a catalog change made elsewhere', async () => {
      const config = loadConfig({ LOG_LEVEL: 'silent', MARQUEE_RATE_LIMIT: 'off', DATABASE_URL: server.db.url });
      const other: AppContext = await openContext(config, { logger: pino({ level: 'silent' }), migrate: false });
      try {
        expect(await other.services.mentions.mentionsOf('Mother was great.')).toEqual([]);
        const builds = other.services.mentions.builds;
        // Unchanged catalog: no rebuild, however many calls.
        await Promise.all([1, 2, 3].map(() => other.services.mentions.mentionsOf('x')));
        expect(other.services.mentions.builds).toBe(builds);
        const mother = await newTitle(server, admin, { name: 'Mother', kind: 'film', year: 2009, episodes: null });
        // Several callers at once after the change: one rebuild, all see the new title.
        const results = await Promise.all([1, 2, 3].map(() => other.services.mentions.mentionsOf('Mother was great.')));
        for (const r of results) expect(r).toEqual([{ start: 0, end: 6, type: 'title', slug: mother.slug, name: 'Mother' }]);
        expect(other.services.mentions.builds).toBe(builds + 1);
      } finally {
        await other.close();
      }
    });
  });
}
