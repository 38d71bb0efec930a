// The catalog over real HTTP: titles, people, credits, slugs, listing and paging, ratings without a
// review and the title Score (CONTRACT.md, "Catalog").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.js';
import { Client, startServer, type Reply, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';
import { expectError, ISO_UTC, sortedKeys } from './contract-helpers.js';

const TITLE_KEYS = ['aliases', 'country', 'credits', 'episodes', 'id', 'kind', 'name', 'original_name', 'score', 'slug', 'synopsis', 'year'];
const HIST_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
let seq = 0;
const uniq = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}${(seq++).toString(36)}`;

function expectTitleShape(title: any) {
  // The contract's fields, all present (additions such as review_count are allowed).
  for (const k of TITLE_KEYS) expect(Object.keys(title), `Title lacks ${k}`).toContain(k);
  expect(Number.isInteger(title.id)).toBe(true);
  expect(title.slug).toMatch(/^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u);
  expect(['series', 'film']).toContain(title.kind);
  expect(Array.isArray(title.aliases)).toBe(true);
  expect(Array.isArray(title.credits)).toBe(true);
  for (const c of title.credits) {
    expect(sortedKeys(c)).toEqual(['character', 'person', 'role']);
    expect(sortedKeys(c.person)).toEqual(['id', 'name', 'slug']);
    expect(['director', 'writer', 'cast']).toContain(c.role);
  }
  expect(sortedKeys(title.score)).toEqual(['count', 'histogram', 'mean', 'weighted']);
  expect(Object.keys(title.score.histogram).sort()).toEqual([...HIST_KEYS].sort());
}

const emptyHistogram = () => Object.fromEntries(HIST_KEYS.map((k) => [k, 0]));

/** Every page of a list, following next_cursor. */
async function walk(client: Client, path: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: Reply = await client.get(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(sortedKeys(res.body)).toEqual(['items', 'next_cursor']);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor !== null);
  return { items, pages };
}

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let admin: TestUser;
    let moderator: TestUser;
    let member: TestUser;
    let anon: Client;

    beforeAll(async () => {
      server = await startServer(engine);
      admin = await newAdmin(server);
      moderator = await newUser(server, { role: 'moderator' });
      member = await newUser(server);
      anon = new Client(server.url);
    });
    afterAll(() => server.close());

    describe('titles and people', () => {
      it('an admin creates a title with credits by name: 201 {title} in the contract’s shape', async () => {
        const res = await admin.client.post('/api/v1/titles', {
          name: 'Love in the Big City',
          kind: 'series',
          year: 2024,
          original_name: '대도시의 사랑법',
          aliases: ['Love in the Big City (TV)'],
          country: 'KR',
          episodes: 8,
          synopsis: 'A writer and his loves in Seoul.',
          credits: [
            { person: 'Nam Yoon-su', role: 'cast', character: 'Go Young' },
            { person: 'Hur Jin-ho', role: 'director' },
          ],
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(sortedKeys(res.body)).toEqual(['title']);
        const t = res.body.title;
        expectTitleShape(t);
        expect(t.slug).toBe('love-in-the-big-city-2024');
        expect(t).toMatchObject({
          kind: 'series',
          name: 'Love in the Big City',
          original_name: '대도시의 사랑법',
          aliases: ['Love in the Big City (TV)'],
          year: 2024,
          country: 'KR',
          episodes: 8,
          synopsis: 'A writer and his loves in Seoul.',
        });
        expect(t.credits.map((c: any) => [c.person.name, c.role, c.character])).toEqual([
          ['Nam Yoon-su', 'cast', 'Go Young'],
          ['Hur Jin-ho', 'director', null],
        ]);
        expect(t.score).toEqual({ count: 0, mean: null, weighted: t.score.weighted, histogram: emptyHistogram() });

        const got = await anon.get(`/api/v1/titles/${t.slug}`);
        expect(got.status).toBe(200);
        expect(sortedKeys(got.body)).toEqual(['title']);
        expect(got.body.title).toEqual(t);
      });

      it('finds people by name: a second title naming the same person reuses that person', async () => {
        const name = uniq('Person ');
        const a = await newTitle(server, admin, { credits: [{ person: name, role: 'cast', character: 'One' }] });
        const b = await newTitle(server, admin, { kind: 'film', year: 2020, credits: [{ person: ` ${name} `, role: 'writer' }] });
        const ta = (await anon.get(`/api/v1/titles/${a.slug}`)).body.title;
        const tb = (await anon.get(`/api/v1/titles/${b.slug}`)).body.title;
        expect(ta.credits[0].person.id).toBe(tb.credits[0].person.id);
        expect(ta.credits[0].person.slug).toBe(tb.credits[0].person.slug);
        const people = await server.ctx.db.kysely.selectFrom('people').select('id').where('name', '=', name).execute();
        expect(people).toHaveLength(1);

        // …and by id.
        const c = await newTitle(server, admin, { credits: [{ person: ta.credits[0].person.id, role: 'director' }] });
        const tc = (await anon.get(`/api/v1/titles/${c.slug}`)).body.title;
        expect(tc.credits[0].person).toEqual(ta.credits[0].person);

        // The person page lists every credit.
        const res = await anon.get(`/api/v1/people/${ta.credits[0].person.slug}`);
        expect(res.status).toBe(200);
        expect(sortedKeys(res.body)).toEqual(['person']);
        const p = res.body.person;
        expect(sortedKeys(p)).toEqual(['credits', 'id', 'name', 'original_name', 'slug']);
        expect(p).toMatchObject({ id: ta.credits[0].person.id, slug: ta.credits[0].person.slug, name });
        expect(p.credits).toHaveLength(3);
        for (const cr of p.credits) {
          expect(sortedKeys(cr)).toEqual(['character', 'role', 'title']);
          expect(sortedKeys(cr.title)).toEqual(['name', 'slug', 'year']);
        }
        const bySlug = Object.fromEntries(p.credits.map((cr: any) => [cr.title.slug, cr]));
        expect(bySlug[a.slug]).toEqual({ title: { slug: a.slug, name: a.name, year: 2024 }, role: 'cast', character: 'One' });
        expect(bySlug[b.slug]).toEqual({ title: { slug: b.slug, name: b.name, year: 2020 }, role: 'writer', character: null });
        expect(bySlug[c.slug]).toMatchObject({ role: 'director' });
      });

      it('makes readable, unique slugs: the same name and year twice get different slugs', async () => {
        const name = `Same Name ${uniq('x')}`;
        const one = await newTitle(server, admin, { name, year: 2019 });
        const two = await newTitle(server, admin, { name, year: 2019 });
        const three = await newTitle(server, admin, { name, year: null });
        const base = name.toLowerCase().replace(/ /g, '-');
        expect(one.slug).toBe(`${base}-2019`);
        expect(two.slug).not.toBe(one.slug);
        expect(two.slug.startsWith(base)).toBe(true);
        expect(two.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(three.slug).toBe(base);
        for (const t of [one, two, three]) expect((await anon.get(`/api/v1/titles/${t.slug}`)).body.title.id).toBe(t.id);
      });

      it('a member may not add a title (403 forbidden)', async () => {
        const res = await member.client.post('/api/v1/titles', { name: uniq('Nope '), kind: 'film' });
        expectError(res, 403, 'forbidden');
      });

      it('an anonymous caller may not add a title (401 unauthenticated: sign in first)', async () => {
        const name = uniq('Anon ');
        const res = await anon.post('/api/v1/titles', { name, kind: 'film' });
        expectError(res, 401, 'unauthenticated');
        expect((await anon.get(`/api/v1/titles?q=${encodeURIComponent(name)}`)).body.items).toHaveLength(0);
      });

      it('a moderator edits a title (PATCH); the slug stays; aliases and credits replace the lists', async () => {
        const t = await newTitle(server, admin, { name: uniq('Before '), aliases: ['Old alias'], credits: [{ person: uniq('Someone '), role: 'cast' }] });
        const newName = uniq('After ');
        const res = await moderator.client.patch(`/api/v1/titles/${t.slug}`, {
          name: newName,
          synopsis: 'Now with a synopsis.',
          aliases: ['New alias'],
          credits: [{ person: 'Replacement Person', role: 'director' }],
          episodes: 12,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(sortedKeys(res.body)).toEqual(['title']);
        expectTitleShape(res.body.title);
        expect(res.body.title).toMatchObject({ id: t.id, slug: t.slug, name: newName, synopsis: 'Now with a synopsis.', aliases: ['New alias'], episodes: 12 });
        expect(res.body.title.credits.map((c: any) => [c.person.name, c.role])).toEqual([['Replacement Person', 'director']]);
        expect((await anon.get(`/api/v1/titles/${t.slug}`)).body.title).toEqual(res.body.title);
      });

      it('members and anonymous callers may not edit a title', async () => {
        const t = await newTitle(server, admin);
        expectError(await member.client.patch(`/api/v1/titles/${t.slug}`, { name: 'Hacked' }), 403, 'forbidden');
        expectError(await anon.patch(`/api/v1/titles/${t.slug}`, { name: 'Hacked' }), 401, 'unauthenticated');
        expect((await anon.get(`/api/v1/titles/${t.slug}`)).body.title.name).toBe(t.name);
      });

      it('an unknown slug is 404 not_found in the JSON envelope', async () => {
        expectError(await anon.get('/api/v1/titles/no-such-title-1999'), 404, 'not_found');
        expectError(await anon.get('/api/v1/people/no-such-person'), 404, 'not_found');
        expectError(await moderator.client.patch('/api/v1/titles/no-such-title-1999', { name: 'X' }), 404, 'not_found');
        expectError(await anon.get('/api/v1/titles/no-such-title-1999/reviews'), 404, 'not_found');
      });

      it('a refused title creation (unknown person id in credits) leaves no title behind', async () => {
        const name = uniq('Half Made ');
        const before = await server.ctx.db.kysely.selectFrom('titles').select('id').execute();
        const res = await admin.client.post('/api/v1/titles', { name, kind: 'film', year: 2001, credits: [{ person: 2_000_000_000, role: 'cast' }] });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        const after = await server.ctx.db.kysely.selectFrom('titles').select(['id', 'name']).execute();
        expect(after.filter((r) => r.name === name)).toEqual([]);
        expect(after.length).toBe(before.length);
        // …so the name's slug is still free for the corrected request.
        const ok = await admin.client.post('/api/v1/titles', { name, kind: 'film', year: 2001 });
        expect(ok.status).toBe(201);
        expect(ok.body.title.slug).toBe(`${name.toLowerCase().replace(/ /g, '-')}-2001`);
      });

      it('a refused title edit (unknown person id in credits) changes nothing', async () => {
        const t = await newTitle(server, admin, { synopsis: 'Original.' });
        const res = await moderator.client.patch(`/api/v1/titles/${t.slug}`, { name: 'Renamed', synopsis: 'Changed.', credits: [{ person: 2_000_000_000, role: 'cast' }] });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
        const now = (await anon.get(`/api/v1/titles/${t.slug}`)).body.title;
        expect(now.name).toBe(t.name);
        expect(now.synopsis).toBe('Original.');
      });
    });

    describe('listing titles', () => {
      const tag = uniq('zlist');
      const made: { slug: string; name: string; kind: string; year: number }[] = [];

      beforeAll(async () => {
        const specs = [
          { name: `${tag} Alpha`, kind: 'film', year: 2001 },
          { name: `${tag} Bravo`, kind: 'series', year: 2002 },
          { name: `${tag} Charlie`, kind: 'film', year: 2002 },
          { name: `${tag} Delta`, kind: 'series', year: 2003 },
          { name: `${tag} Echo`, kind: 'film', year: 2003 },
          { name: `${tag} Echo`, kind: 'series', year: 2003 },
          { name: `${tag} Foxtrot`, kind: 'film', year: 2004, aliases: ['Hidden Alias Name'] },
        ];
        for (const s of specs) made.push({ ...(await newTitle(server, admin, s)), kind: s.kind, year: s.year });
      });

      it('?q= finds titles by name, original name and alias, ignoring case', async () => {
        const res = await anon.get(`/api/v1/titles?q=${tag.toUpperCase()}`);
        expect(res.status).toBe(200);
        expect(res.body.items.map((t: any) => t.slug).sort()).toEqual(made.map((t) => t.slug).sort());
        for (const t of res.body.items) expectTitleShape(t);
        const byAlias = await anon.get('/api/v1/titles?q=hidden%20alias');
        expect(byAlias.body.items.map((t: any) => t.slug)).toEqual([made[6]!.slug]);
        const original = await anon.get(`/api/v1/titles?q=${encodeURIComponent('대도시')}`);
        expect(original.body.items.map((t: any) => t.slug)).toContain('love-in-the-big-city-2024');
        const none = await anon.get(`/api/v1/titles?q=${uniq('nothing')}`);
        expect(none.status).toBe(200);
        expect(none.body).toEqual({ items: [], next_cursor: null });
      });

      it('?kind= and ?year= filter', async () => {
        const films = await anon.get(`/api/v1/titles?q=${tag}&kind=film`);
        expect(films.body.items.map((t: any) => t.slug).sort()).toEqual(made.filter((t) => t.kind === 'film').map((t) => t.slug).sort());
        const y2003 = await anon.get(`/api/v1/titles?q=${tag}&year=2003`);
        expect(y2003.body.items.map((t: any) => t.slug).sort()).toEqual(made.filter((t) => t.year === 2003).map((t) => t.slug).sort());
        const both = await anon.get(`/api/v1/titles?q=${tag}&year=2003&kind=series`);
        expect(both.body.items.map((t: any) => t.slug).sort()).toEqual(made.filter((t) => t.year === 2003 && t.kind === 'series').map((t) => t.slug).sort());
      });

      it('limit=2 and next_cursor walk every title exactly once', async () => {
        const { items, pages } = await walk(anon, `/api/v1/titles?q=${tag}&limit=2`);
        expect(pages).toBe(4);
        const slugs = items.map((t) => t.slug);
        expect(new Set(slugs).size).toBe(slugs.length);
        expect([...slugs].sort()).toEqual(made.map((t) => t.slug).sort());
        // The whole catalog too.
        const all = await walk(anon, '/api/v1/titles?limit=2');
        const ids = all.items.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        const count = await server.ctx.db.kysely.selectFrom('titles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(ids.length).toBe(Number(count.n));
      });

      it('the default page is 20 and limit is at most 100', async () => {
        const res = await anon.get('/api/v1/titles');
        expect(res.body.items.length).toBeLessThanOrEqual(20);
        expectError(await anon.get('/api/v1/titles?limit=101'), 400, 'validation_failed', 'limit');
        expectError(await anon.get('/api/v1/titles?limit=0'), 400, 'validation_failed', 'limit');
        expect((await anon.get('/api/v1/titles?limit=100')).status).toBe(200);
      });
    });

    describe('my-rating', () => {
      it('PUT sets, GET reads, DELETE removes the caller’s rating', async () => {
        const t = await newTitle(server, admin, { episodes: 16 });
        const rater = await newUser(server);
        const put = await rater.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 7.5, watch_status: 'watching', episodes_seen: 4 });
        expect(put.status, JSON.stringify(put.body)).toBe(200);
        expect(sortedKeys(put.body)).toEqual(['rating']);
        expect(sortedKeys(put.body.rating)).toEqual(['episodes_seen', 'rating', 'updated_at', 'watch_status', 'watched_on']);
        expect(put.body.rating.watched_on).toEqual([]);
        expect(put.body.rating).toMatchObject({ rating: 7.5, watch_status: 'watching', episodes_seen: 4 });
        expect(put.body.rating.updated_at).toMatch(ISO_UTC);

        const got = await rater.client.get(`/api/v1/titles/${t.slug}/my-rating`);
        expect(got.status).toBe(200);
        expect(got.body).toEqual(put.body);

        const again = await rater.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 8 });
        expect(again.body.rating).toMatchObject({ rating: 8, watch_status: null, episodes_seen: null });
        const title = (await anon.get(`/api/v1/titles/${t.slug}`)).body.title;
        expect(title.score.count).toBe(1);
        expect(title.score.histogram['8']).toBe(1);
        expect(title.score.histogram['7']).toBe(0);

        const del = await rater.client.del(`/api/v1/titles/${t.slug}/my-rating`);
        expect(del.status).toBe(204);
        expectError(await rater.client.get(`/api/v1/titles/${t.slug}/my-rating`), 404, 'not_found');
        expect((await anon.get(`/api/v1/titles/${t.slug}`)).body.title.score.count).toBe(0);
      });

      it('anonymous callers are 401; unknown titles 404; bad ratings 400', async () => {
        const t = await newTitle(server, admin, { episodes: 10 });
        const rater = await newUser(server);
        expectError(await anon.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 5 }), 401, 'unauthenticated');
        expectError(await anon.get(`/api/v1/titles/${t.slug}/my-rating`), 401, 'unauthenticated');
        expectError(await rater.client.put('/api/v1/titles/no-such-title/my-rating', { rating: 5 }), 404, 'not_found');
        expectError(await rater.client.get(`/api/v1/titles/${t.slug}/my-rating`), 404, 'not_found');
        for (const rating of [0, 0.5, 10.5, 7.25, -1, 11]) {
          expectError(await rater.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating }), 400, 'validation_failed', 'rating');
        }
        expectError(await rater.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 5, episodes_seen: 11 }), 400, 'validation_failed', 'episodes_seen');
        expect((await rater.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 5, episodes_seen: 10 })).status).toBe(200);
      });
    });

    describe('title score', () => {
      // A fresh instance, so that C (the mean of every rating on the instance) is known exactly.
      let scoring: TestServer;
      beforeAll(async () => {
        scoring = await startServer(engine);
      });
      afterAll(() => scoring.close());

      it('counts every rating with or without a review; mean, histogram and the Bayesian weighted score (m = 10)', async () => {
        const boss = await newAdmin(scoring);
        const a = await newTitle(scoring, boss, { name: 'Score A', episodes: 16 });
        const b = await newTitle(scoring, boss, { name: 'Score B', episodes: 16 });
        const users = [] as TestUser[];
        for (let i = 0; i < 6; i++) users.push(await newUser(scoring));

        // Title A: 9.5 and 10 as plain ratings, 8 and 3.5 through reviews.
        await users[0]!.client.put(`/api/v1/titles/${a.slug}/my-rating`, { rating: 9.5 });
        await users[1]!.client.put(`/api/v1/titles/${a.slug}/my-rating`, { rating: 10 });
        await newReview(users[2]!, a.slug, { rating: 8 });
        const review = await newReview(users[3]!, a.slug, { rating: 3.5 });
        // Title B: 4 and 6.
        await users[4]!.client.put(`/api/v1/titles/${b.slug}/my-rating`, { rating: 4 });
        await newReview(users[5]!, b.slug, { rating: 6 });

        const ratingsA = [9.5, 10, 8, 3.5];
        const ratingsB = [4, 6];
        const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
        const expectScore = async (slug: string, ratings: number[], all: number[]) => {
          const res = await new Client(scoring.url).get(`/api/v1/titles/${slug}`);
          const score = res.body.title.score;
          const v = ratings.length;
          const R = mean(ratings);
          const C = mean(all);
          const m = 10;
          expect(score.count).toBe(v);
          expect(score.mean).toBeCloseTo(R, 3);
          expect(score.weighted).toBeCloseTo((v / (v + m)) * R + (m / (v + m)) * C, 3);
          const hist = emptyHistogram();
          for (const r of ratings) hist[String(Math.floor(r))]! += 1;
          expect(score.histogram).toEqual(hist);
          return score;
        };
        const scoreA = await expectScore(a.slug, ratingsA, [...ratingsA, ...ratingsB]);
        expect(scoreA.histogram['9']).toBe(1); // 9.5 counts in "9"
        expect(scoreA.histogram['10']).toBe(1); // 10 in "10"
        expect(scoreA.histogram['3']).toBe(1); // 3.5 in "3"
        await expectScore(b.slug, ratingsB, [...ratingsA, ...ratingsB]);

        // Deleting a review keeps its rating.
        expect((await users[3]!.client.del(`/api/v1/reviews/${review.id}`)).status).toBe(204);
        const kept = await users[3]!.client.get(`/api/v1/titles/${a.slug}/my-rating`);
        expect(kept.status).toBe(200);
        expect(kept.body.rating.rating).toBe(3.5);
        await expectScore(a.slug, ratingsA, [...ratingsA, ...ratingsB]);

        // Editing a review's rating moves the author's rating.
        const users2Review = (await new Client(scoring.url).get(`/api/v1/titles/${a.slug}/reviews`)).body.items.find((r: any) => r.author.handle === users[2]!.handle);
        expect((await users[2]!.client.patch(`/api/v1/reviews/${users2Review.id}`, { rating: 9 })).status).toBe(200);
        expect((await users[2]!.client.get(`/api/v1/titles/${a.slug}/my-rating`)).body.rating.rating).toBe(9);
        const ratingsA2 = [9.5, 10, 9, 3.5];
        await expectScore(a.slug, ratingsA2, [...ratingsA2, ...ratingsB]);

        // Removing a plain rating takes it out of both the title and the instance mean.
        expect((await users[4]!.client.del(`/api/v1/titles/${b.slug}/my-rating`)).status).toBe(204);
        await expectScore(b.slug, [6], [...ratingsA2, 6]);
        await expectScore(a.slug, ratingsA2, [...ratingsA2, 6]);

        // The rating set by a review is the author's my-rating.
        const viaReview = await users[5]!.client.get(`/api/v1/titles/${b.slug}/my-rating`);
        expect(viaReview.body.rating.rating).toBe(6);
      });

      it('a review on a title the author already rated replaces that rating (one per person per title)', async () => {
        const boss = await newAdmin(scoring);
        const t = await newTitle(scoring, boss);
        const u = await newUser(scoring);
        await u.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 2 });
        await newReview(u, t.slug, { rating: 9 });
        const score = (await new Client(scoring.url).get(`/api/v1/titles/${t.slug}`)).body.title.score;
        expect(score.count).toBe(1);
        expect(score.mean).toBe(9);
        expect(score.histogram['2']).toBe(0);
        expect(score.histogram['9']).toBe(1);
      });
    });
  });
}
