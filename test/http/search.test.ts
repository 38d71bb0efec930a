// Search over real HTTP (CONTRACT.md "Search"; issue 6): one suite run on every engine, and at the end
// a check that both engines gave the same answers to the same queries on the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_ENGINES } from '../support/databases.js';
import { Client, startServer, type Reply, type TestServer } from '../support/server.js';
import { newAdmin, newUser, type TestUser } from '../support/factories.js';
import { expectError, expectReviewShape, sortedKeys } from './contract-helpers.js';
import { seedDemo } from '../../src/services/seed/demo.js';
import { nameMatchesQuery, parseNameQuery } from '../../src/domain/search.js';

/** What each engine answered, by query, for the comparison at the end. */
const answers = new Map<string, Map<string, string[]>>();

const NAME_QUERIES = [
  'Hwang Da Seul',
  'Hwang Da-seul',
  'HWANG Daseul',
  'hwangdaseul',
  'daseul',
  '황다슬',
  '사랑법',
  '대도시의 사랑법',
  'love city',
  'amelie',
  'AMÉLIE',
  'Hitoto Yo',
  '神隠し',
  '千尋',
  'chihiro',
  '别姬',
  'da',
  'bong',
  'ㄱ',
];
const REVIEW_QUERIES = ['lighthouse', 'Lighthouse keeper', 'cafe', 'CAFÉ', '영화', 'tide lighthouse', 'nothingmatcheszzz'];

async function all(client: Client, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: Reply = await client.get(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(sortedKeys(res.body)).toEqual(['items', 'next_cursor']);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    expect(++pages).toBeLessThan(200);
  } while (cursor !== null);
  return items;
}

const q = (s: string) => encodeURIComponent(s);

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let admin: TestUser;
    let moderator: TestUser;
    let member: TestUser;
    let anon: Client;
    const seen = new Map<string, string[]>();
    answers.set(engine, seen);

    const names = async (type: 'titles' | 'people', query: string, client: Client = anon) =>
      (await all(client, `/api/v1/search?type=${type}&q=${q(query)}&limit=100`)).map((i) => i.slug as string);
    const headlines = async (query: string, client: Client = anon) =>
      (await all(client, `/api/v1/search?type=reviews&q=${q(query)}&limit=100`)).map((i) => i.headline as string);

    beforeAll(async () => {
      server = await startServer(engine);
      await seedDemo(server.ctx);
      admin = await newAdmin(server);
      moderator = await newUser(server, { role: 'moderator' });
      member = await newUser(server);
      anon = new Client(server.url);
      const title = async (fields: Record<string, unknown>) => {
        const res = await admin.client.post('/api/v1/titles', fields);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.title;
      };
      await title({
        name: 'Spirited Away', original_name: '千と千尋の神隠し', aliases: ['Sen to Chihiro no Kamikakushi'], kind: 'film', year: 2001, country: 'JP',
        credits: [{ person: 'Miyazaki Hayao', role: 'director' }],
      });
      await title({ name: 'Farewell My Concubine', original_name: '霸王别姬', kind: 'film', year: 1993, country: 'CN', credits: [{ person: 'Chen Kaige', role: 'director' }] });
      await title({ name: 'Amélie', original_name: "Le Fabuleux Destin d'Amélie Poulain", kind: 'film', year: 2001, country: 'FR' });
      await title({
        name: 'Café Lumière', original_name: '珈琲時光', kind: 'film', year: 2003, country: 'JP',
        credits: [{ person: 'Hou Hsiao-hsien', role: 'director' }, { person: 'Hitoto Yō', role: 'cast' }],
      });
      for (let i = 1; i <= 7; i++) await title({ name: `Pagination Probe ${i}`, kind: 'film', year: 2000 + i });
    });
    afterAll(() => server.close());

    describe('titles and people by name', () => {
      it('romanisation spacing, case and hyphens do not matter: the three spellings find the same person', async () => {
        const results = await Promise.all(['Hwang Da Seul', 'Hwang Da-seul', 'HWANG Daseul', 'hwangdaseul'].map((s) => names('people', s)));
        expect(results[0]).toContain('hwang-da-seul');
        for (const r of results) expect(r).toEqual(results[0]);
        expect(await names('people', 'daseul')).toContain('hwang-da-seul');
        expect(await names('people', '황다슬')).toEqual(['hwang-da-seul']);
      });

      it('"사랑법" finds 대도시의 사랑법 (part of a word in a script without spaces), both titles of that name', async () => {
        const found = await names('titles', '사랑법');
        expect(found.length).toBe(2);
        expect(found.every((s) => s.startsWith('love-in-the-big-city'))).toBe(true);
        expect(await names('titles', '대도시의 사랑법')).toEqual(found);
        expect(await names('titles', '대도시의사랑법')).toEqual(found);
      });

      it('every word of the query must match, in any order', async () => {
        const found = await names('titles', 'city love');
        expect(found.length).toBe(2);
        expect(await names('titles', 'city love parasite')).toEqual([]);
      });

      it('accents and case are ignored, in the name and the query', async () => {
        for (const s of ['amelie', 'AMÉLIE', 'Amélie', 'poulain']) expect(await names('titles', s), s).toEqual(['amelie-2001']);
        expect(await names('people', 'Hitoto Yo')).toEqual(['hitoto-yo']);
        expect(await names('titles', 'cafe lumiere')).toEqual(['cafe-lumiere-2003']);
      });

      it('aliases and original names are searched; Japanese and Chinese substrings, short ones too', async () => {
        expect(await names('titles', 'chihiro')).toEqual(['spirited-away-2001']);
        expect(await names('titles', '神隠し')).toEqual(['spirited-away-2001']);
        expect(await names('titles', '千尋')).toEqual(['spirited-away-2001']); // two characters inside a word
        expect(await names('titles', '别姬')).toEqual(['farewell-my-concubine-1993']);
        expect(await names('titles', '珈琲')).toEqual(['cafe-lumiere-2003']);
      });

      it('short Latin words match the start of a word only', async () => {
        const found = await names('people', 'bo');
        expect(found).toContain('bong-joon-ho');
        const res = await anon.get(`/api/v1/search?type=people&q=${q('ong')}&limit=100`);
        expect(res.body.items.map((i: any) => i.slug)).toContain('bong-joon-ho'); // three letters: anywhere
      });

      it('the whole name first, then names that begin with the query, then the rest', async () => {
        const res = await anon.get(`/api/v1/search?type=titles&q=${q('pagination probe 1')}`);
        expect(res.body.items[0].slug).toBe('pagination-probe-1-2001');
      });

      it('a title item is {type: "title", …Title}; a person item is {type: "person", id, slug, name, original_name}', async () => {
        const t = (await anon.get(`/api/v1/search?q=${q('spirited')}`)).body.items[0];
        expect(t.type).toBe('title');
        expect(sortedKeys(t)).toEqual(['aliases', 'country', 'credits', 'episodes', 'id', 'kind', 'name', 'original_name', 'review_count', 'score', 'slug', 'synopsis', 'type', 'year']);
        expect(t.aliases).toEqual(['Sen to Chihiro no Kamikakushi']);
        expect(t.credits[0].person.name).toBe('Miyazaki Hayao');
        const p = (await anon.get(`/api/v1/search?type=people&q=${q('miyazaki')}`)).body.items[0];
        expect(p).toEqual({ type: 'person', id: expect.any(Number), slug: 'miyazaki-hayao', name: 'Miyazaki Hayao', original_name: null });
      });

      it('results equal the reference rules (src/domain/search.ts) applied to every title', async () => {
        const everything = await all(anon, '/api/v1/titles?limit=100');
        for (const query of NAME_QUERIES) {
          const parsed = parseNameQuery(query)!;
          const expected = everything
            .filter((t) => [t.name, t.original_name, ...t.aliases].some((n: string | null) => n && nameMatchesQuery(parsed, n)))
            .map((t) => t.slug)
            .sort();
          const got = await names('titles', query);
          expect([...got].sort(), query).toEqual(expected);
          seen.set(`titles:${query}`, got);
          seen.set(`people:${query}`, await names('people', query));
        }
      });

      it('pages with a cursor: every match once, in the same order as one long page', async () => {
        const one = await names('titles', 'pagination probe');
        expect(one.length).toBe(7);
        const paged = (await all(anon, `/api/v1/search?type=titles&q=${q('pagination probe')}&limit=3`)).map((i) => i.slug);
        expect(paged).toEqual(one);
        const first = await anon.get(`/api/v1/search?q=${q('pagination probe')}&limit=3`);
        expect(first.body.items.length).toBe(3);
        expect(typeof first.body.next_cursor).toBe('string');
        const people = await all(anon, `/api/v1/search?type=people&q=${q('kim')}&limit=2`);
        expect(people.map((p) => p.slug)).toEqual(await names('people', 'kim'));
        expect(people.length).toBeGreaterThan(2);
      });

      it('renaming a title or changing its aliases changes what finds it', async () => {
        const res = await admin.client.post('/api/v1/titles', { name: 'Working Title Zebra', kind: 'film', year: 2020 });
        const slug = res.body.title.slug;
        expect(await names('titles', 'zebra')).toEqual([slug]);
        await admin.client.patch(`/api/v1/titles/${slug}`, { name: 'Final Name Okapi', aliases: ['Giraffe Alias'] });
        expect(await names('titles', 'zebra')).toEqual([]);
        expect(await names('titles', 'okapi')).toEqual([slug]);
        expect(await names('titles', 'giraffe')).toEqual([slug]);
        await admin.client.patch(`/api/v1/titles/${slug}`, { aliases: [] });
        expect(await names('titles', 'giraffe')).toEqual([]);
      });
    });

    describe('reviews by words', () => {
      const reviewers: TestUser[] = [];
      const ids: Record<string, number> = {};
      beforeAll(async () => {
        const res = await admin.client.post('/api/v1/titles', { name: 'The Keeper of the Light', kind: 'film', year: 2019 });
        const slug = res.body.title.slug;
        for (let i = 0; i < 10; i++) reviewers.push(await newUser(server));
        const write = async (who: TestUser, headline: string, body: string) => {
          const r = await who.client.post(`/api/v1/titles/${slug}/reviews`, { headline, body, rating: 8 });
          expect(r.status, JSON.stringify(r.body)).toBe(201);
          ids[headline] = r.body.review.id;
        };
        await write(reviewers[0]!, 'A lighthouse keeper alone', 'Slow, quiet and kind.');
        await write(reviewers[1]!, 'Best of the year', 'The lighthouse scenes at low tide are the best thing in it.');
        await write(reviewers[2]!, 'Too long', 'The lighthouse keeper story drags, and the tide never turns.');
        await write(reviewers[3]!, 'Coffee', 'The café scenes in Lisbon are lovely.');
        await write(reviewers[4]!, '좋은 영화', '정말 좋은 영화 였어요. 등대지기 이야기.');
        await write(reviewers[5]!, 'Hidden lighthouse', 'A lighthouse review a moderator hides.');
        // Helpfulness: "Best of the year" 3 yes, "Too long" 1 yes 1 no.
        for (const v of reviewers.slice(6, 9)) expect((await v.client.put(`/api/v1/reviews/${ids['Best of the year']}/vote`, { helpful: true })).status).toBe(200);
        await reviewers[6]!.client.put(`/api/v1/reviews/${ids['Too long']}/vote`, { helpful: true });
        await reviewers[7]!.client.put(`/api/v1/reviews/${ids['Too long']}/vote`, { helpful: false });
        expect((await moderator.client.patch(`/api/v1/reviews/${ids['Hidden lighthouse']}`, { status: 'hidden' })).status).toBe(200);
      });

      it('finds reviews by words of headline and body: headline matches first, then the most helpful', async () => {
        expect(await headlines('lighthouse')).toEqual(['A lighthouse keeper alone', 'Best of the year', 'Too long']);
        expect(await headlines('Lighthouse keeper')).toEqual(['A lighthouse keeper alone', 'Too long']);
        expect(await headlines('tide lighthouse')).toEqual(['Best of the year', 'Too long']);
      });

      it('accents and case do not matter; Korean words are found', async () => {
        expect(await headlines('cafe')).toEqual(['Coffee']);
        expect(await headlines('CAFÉ')).toEqual(['Coffee']);
        expect(await headlines('영화')).toEqual(['좋은 영화']);
      });

      it('only published reviews, except for moderators', async () => {
        expect(await headlines('hides')).toEqual([]);
        expect(await headlines('hides', member.client)).toEqual([]);
        expect(await headlines('hides', moderator.client)).toEqual(['Hidden lighthouse']);
        expect(await headlines('lighthouse', moderator.client)).toEqual(['Hidden lighthouse', 'A lighthouse keeper alone', 'Best of the year', 'Too long']);
      });

      it('a review item is {type: "review", …Review}, with my_vote for a signed-in caller', async () => {
        const anonItem = (await anon.get(`/api/v1/search?type=reviews&q=${q('lighthouse')}`)).body.items[1];
        expect(anonItem.type).toBe('review');
        const { type: _t, ...review } = anonItem;
        expectReviewShape(review, { anonymous: true });
        expect(review.helpful).toEqual({ yes: 3, no: 0 });
        const mine = (await reviewers[6]!.client.get(`/api/v1/search?type=reviews&q=${q('lighthouse')}`)).body.items[1];
        expect(mine.my_vote).toBe(true);
      });

      it('pages through both tiers with a cursor', async () => {
        const paged = (await all(moderator.client, `/api/v1/search?type=reviews&q=${q('lighthouse')}&limit=1`)).map((i) => i.headline);
        expect(paged).toEqual(await headlines('lighthouse', moderator.client));
      });

      it('edits and deletions are searchable at once; rows written by plain SQL are indexed by triggers', async () => {
        await reviewers[3]!.client.patch(`/api/v1/reviews/${ids.Coffee}`, { body: 'The tea house scenes in Porto are lovely.' });
        expect(await headlines('cafe')).toEqual([]);
        expect(await headlines('porto')).toEqual(['Coffee']);
        await reviewers[3]!.client.del(`/api/v1/reviews/${ids.Coffee}`);
        expect(await headlines('porto')).toEqual([]);
        const db = server.ctx.db.kysely;
        const title = await db.selectFrom('titles').select('id').where('name', '=', 'The Keeper of the Light').executeTakeFirstOrThrow();
        await sql`insert into reviews (title_id, author_id, headline, body, rating_x2, contains_spoilers, status, quality_json, created_at, updated_at)
                  values (${title.id}, ${reviewers[9]!.id}, 'Imported', 'An albatross flies over the lighthouse.', 16, 0, 'published', '[]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(db);
        expect(await headlines('albatross')).toEqual(['Imported']);
        for (const query of REVIEW_QUERIES) seen.set(`reviews:${query}`, await headlines(query));
      });
    });

    describe('catalog rows written without the catalog store', () => {
      it('are found after indexMissing (importers) and after a full reindex', async () => {
        const db = server.ctx.db.kysely;
        const now = '2026-01-01T00:00:00.000Z';
        await db.insertInto('titles').values({ slug: 'bulk-loaded-marmoset-1999', kind: 'film', name: 'Bulk Loaded Marmoset', original_name: null, year: 1999, country: null, episodes: null, synopsis: null, created_at: now, updated_at: now }).execute();
        await db.insertInto('people').values({ slug: 'bulk-person-quokka', name: 'Bulk Person Quokka', original_name: null, created_at: now }).execute();
        expect(await names('titles', 'marmoset')).toEqual([]);
        expect(await server.ctx.services.search.indexMissing()).toEqual({ titles: 1, people: 1 });
        expect(await names('titles', 'marmoset')).toEqual(['bulk-loaded-marmoset-1999']);
        expect(await names('people', 'quokka')).toEqual(['bulk-person-quokka']);
        const before = await Promise.all(NAME_QUERIES.map((s) => names('titles', s)));
        const summary = await server.ctx.services.search.reindex({ reviews: true });
        expect(summary.titles).toBeGreaterThan(20);
        expect(await Promise.all(NAME_QUERIES.map((s) => names('titles', s)))).toEqual(before);
        expect(await headlines('lighthouse')).toEqual(['A lighthouse keeper alone', 'Best of the year', 'Too long', 'Imported']);
      });
    });

    describe('validation and empty results', () => {
      it('q missing, empty, blank or over 200 characters: 400 validation_failed', async () => {
        expectError(await anon.get('/api/v1/search'), 400, 'validation_failed', 'q');
        expectError(await anon.get('/api/v1/search?q='), 400, 'validation_failed', 'q');
        expectError(await anon.get(`/api/v1/search?q=${q('   ')}`), 400, 'validation_failed', 'q');
        expectError(await anon.get(`/api/v1/search?q=${'a'.repeat(201)}`), 400, 'validation_failed', 'q');
        expectError(await anon.get(`/api/v1/search?type=reviews&q=${'가'.repeat(201)}`), 400, 'validation_failed', 'q');
        expect((await anon.get(`/api/v1/search?q=${'가'.repeat(200)}`)).status).toBe(200);
      });

      it('a bad type, limit or cursor: 400 validation_failed', async () => {
        expectError(await anon.get('/api/v1/search?q=love&type=films'), 400, 'validation_failed');
        expectError(await anon.get('/api/v1/search?q=love&limit=0'), 400, 'validation_failed');
        expectError(await anon.get('/api/v1/search?q=love&limit=101'), 400, 'validation_failed');
        expectError(await anon.get('/api/v1/search?q=love&cursor=nonsense'), 400, 'validation_failed', 'cursor');
        const titleCursor = (await anon.get(`/api/v1/search?q=${q('pagination')}&limit=1`)).body.next_cursor;
        expectError(await anon.get(`/api/v1/search?type=reviews&q=love&cursor=${titleCursor}`), 400, 'validation_failed', 'cursor');
      });

      it('no match, or nothing searchable in q: 200 with no items', async () => {
        for (const type of ['titles', 'people', 'reviews']) {
          for (const s of ['zzqqxxnothing', '!!!', '—']) {
            const res = await anon.get(`/api/v1/search?type=${type}&q=${q(s)}`);
            expect(res.status).toBe(200);
            expect(res.body).toEqual({ items: [], next_cursor: null });
          }
        }
      });
    });

    describe('suggestions', () => {
      it('a few titles and people for a partial name', async () => {
        const res = await anon.get(`/api/v1/search/suggest?q=${q('hwang')}`);
        expect(res.status).toBe(200);
        expect(sortedKeys(res.body)).toEqual(['people', 'titles']);
        expect(res.body.people.map((p: any) => p.slug)).toContain('hwang-da-seul');
        const love = await anon.get(`/api/v1/search/suggest?q=${q('사랑')}&limit=1`);
        expect(love.body.titles.length).toBe(1);
        expect(sortedKeys(love.body.titles[0])).toEqual(['kind', 'name', 'original_name', 'slug', 'year']);
        expectError(await anon.get('/api/v1/search/suggest?q='), 400, 'validation_failed', 'q');
      });
    });
  });
}

describe.runIf(TEST_ENGINES.length > 1)('both engines', () => {
  it('give the same results, in the same order, for the same data and queries', () => {
    const [a, b] = [...answers.values()];
    expect(a!.size).toBeGreaterThan(NAME_QUERIES.length);
    expect(Object.fromEntries(b!)).toEqual(Object.fromEntries(a!));
  });
});
