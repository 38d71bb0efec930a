// Bad input everywhere: every endpoint answers the contract's error envelope with the right status,
// never a 5xx, and a refused request leaves the database as it was (CONTRACT.md, "General").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TEST_ENGINES } from '../support/databases.js';
import { Client, startServer, type Reply, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';
import { expectEnvelope, expectError, expectReviewShape, sortedKeys, wilson } from './contract-helpers.js';

type Title = Awaited<ReturnType<typeof newTitle>>;

const REVIEW = { headline: 'A fair headline', body: 'A fair body.', rating: 7 };
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

async function count(server: TestServer, table: 'reviews' | 'titles' | 'users' | 'tokens' | 'reports' | 'ratings' | 'votes' | 'people'): Promise<number> {
  const row = await server.ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Status below 500, and the envelope for every error. */
function expectHandled(res: Reply, what: string) {
  expect(res.status, `${what}: ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
  if (res.status >= 400) expectEnvelope(res);
}

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let admin: TestUser;
    let member: TestUser;
    let author: TestUser;
    let anon: Client;
    let title: Title;
    let reviewId: number;

    beforeAll(async () => {
      server = await startServer(engine);
      admin = await newAdmin(server);
      member = await newUser(server);
      author = await newUser(server);
      anon = new Client(server.url);
      title = await newTitle(server, admin, { episodes: 20 });
      reviewId = (await newReview(author, title.slug)).id;
    });
    afterAll(() => server.close());

    describe('bodies that fail validation: 400 validation_failed naming the field', () => {
      const long = (n: number) => 'x'.repeat(n);

      it('reviews: wrong types, missing and unknown fields, out-of-range numbers, over-long text', async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ ...REVIEW, rating: 0 }, 'rating'],
          [{ ...REVIEW, rating: 0.5 }, 'rating'],
          [{ ...REVIEW, rating: 10.5 }, 'rating'],
          [{ ...REVIEW, rating: 7.25 }, 'rating'],
          [{ ...REVIEW, rating: -3 }, 'rating'],
          [{ ...REVIEW, rating: 1e308 }, 'rating'],
          [{ ...REVIEW, rating: '8' }, 'rating'],
          [{ ...REVIEW, rating: null }, 'rating'],
          [{ ...REVIEW, rating: true }, 'rating'],
          [{ ...REVIEW, rating: [8] }, 'rating'],
          [{ headline: REVIEW.headline, body: REVIEW.body }, 'rating'],
          [{ body: REVIEW.body, rating: 5 }, 'headline'],
          [{ headline: REVIEW.headline, rating: 5 }, 'body'],
          [{ ...REVIEW, headline: '' }, 'headline'],
          [{ ...REVIEW, headline: '   ' }, 'headline'],
          [{ ...REVIEW, headline: long(121) }, 'headline'],
          [{ ...REVIEW, headline: 42 }, 'headline'],
          [{ ...REVIEW, body: long(20_001) }, 'body'],
          [{ ...REVIEW, body: { text: 'x' } }, 'body'],
          [{ ...REVIEW, scores: { story: 11 } }, 'scores.story'],
          [{ ...REVIEW, scores: { acting: 0 } }, 'scores.acting'],
          [{ ...REVIEW, scores: { music: 7.3 } }, 'scores.music'],
          [{ ...REVIEW, scores: { rewatch: 'high' } }, 'scores.rewatch'],
          [{ ...REVIEW, scores: { plot: 5 } }, 'scores.plot'],
          [{ ...REVIEW, scores: 8 }, 'scores'],
          [{ ...REVIEW, watch_status: 'binged' }, 'watch_status'],
          [{ ...REVIEW, episodes_seen: -1 }, 'episodes_seen'],
          [{ ...REVIEW, episodes_seen: 1.5 }, 'episodes_seen'],
          [{ ...REVIEW, episodes_seen: '3' }, 'episodes_seen'],
          [{ ...REVIEW, episodes_seen: 21 }, 'episodes_seen'],
          [{ ...REVIEW, contains_spoilers: 'yes' }, 'contains_spoilers'],
          [{ ...REVIEW, contains_spoilers: 1 }, 'contains_spoilers'],
          [{ ...REVIEW, status: 'published' }, 'status'],
          [{ ...REVIEW, author_id: 1 }, 'author_id'],
          [{ ...REVIEW, helpful: { yes: 100, no: 0 } }, 'helpful'],
        ];
        const writer = await newUser(server);
        const before = await count(server, 'reviews');
        for (const [body, field] of cases) {
          const res = await writer.client.post(`/api/v1/titles/${title.slug}/reviews`, body);
          expectError(res, 400, 'validation_failed', field);
        }
        expect(await count(server, 'reviews')).toBe(before);
        // The limits themselves are allowed.
        const edge = await writer.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: long(120), body: long(20_000), rating: 10, episodes_seen: 20, scores: { story: 1 } });
        expect(edge.status, JSON.stringify(edge.body)).toBe(201);
      });

      it('review edits, checks, votes, reports and ratings', async () => {
        const cases: [string, string, Record<string, unknown>, string | undefined][] = [
          ['PATCH', `/api/v1/reviews/${reviewId}`, { rating: 10.5 }, 'rating'],
          ['PATCH', `/api/v1/reviews/${reviewId}`, { rating: 7.25 }, 'rating'],
          ['PATCH', `/api/v1/reviews/${reviewId}`, { headline: long(121) }, 'headline'],
          ['PATCH', `/api/v1/reviews/${reviewId}`, { body: long(20_001) }, 'body'],
          ['PATCH', `/api/v1/reviews/${reviewId}`, { scores: { story: 11 } }, 'scores.story'],
          ['PATCH', `/api/v1/reviews/${reviewId}`, { status: 'deleted' }, 'status'],
          ['PATCH', `/api/v1/reviews/${reviewId}`, { id: 5 }, 'id'],
          ['POST', '/api/v1/reviews/check', { headline: 'x' }, 'body'],
          ['POST', '/api/v1/reviews/check', { body: 'x' }, 'headline'],
          ['POST', '/api/v1/reviews/check', { headline: long(121), body: 'x' }, 'headline'],
          ['POST', '/api/v1/reviews/check', { headline: 'x', body: long(20_001) }, 'body'],
          ['POST', '/api/v1/reviews/check', { headline: 'x', body: 'y', rating: 3 }, 'rating'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: 0 }, 'rating'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: 10.5 }, 'rating'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: 7.25 }, 'rating'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: '7' }, 'rating'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, {}, 'rating'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: 7, watch_status: 'soon' }, 'watch_status'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: 7, episodes_seen: 21 }, 'episodes_seen'],
          ['PUT', `/api/v1/titles/${title.slug}/my-rating`, { rating: 7, extra: true }, 'extra'],
          ['PUT', `/api/v1/reviews/${reviewId}/vote`, {}, 'helpful'],
          ['PUT', `/api/v1/reviews/${reviewId}/vote`, { helpful: 'true' }, 'helpful'],
          ['PUT', `/api/v1/reviews/${reviewId}/vote`, { helpful: 1 }, 'helpful'],
          ['PUT', `/api/v1/reviews/${reviewId}/vote`, { helpful: true, weight: 10 }, 'weight'],
          ['POST', `/api/v1/reviews/${reviewId}/reports`, {}, 'reason'],
          ['POST', `/api/v1/reviews/${reviewId}/reports`, { reason: 'meh' }, 'reason'],
          ['POST', `/api/v1/reviews/${reviewId}/reports`, { reason: 'spam', note: long(2001) }, 'note'],
          ['POST', `/api/v1/reviews/${reviewId}/reports`, { reason: 'spam', extra: 1 }, 'extra'],
        ];
        const editor = author.client;
        const votersClient = member.client;
        const before = { reviews: await count(server, 'reviews'), votes: await count(server, 'votes'), reports: await count(server, 'reports'), ratings: await count(server, 'ratings') };
        const original = (await anon.get(`/api/v1/reviews/${reviewId}`)).body.review;
        for (const [method, path, body, field] of cases) {
          const client = method === 'PATCH' ? editor : votersClient;
          const res = await client.request(method, path, body);
          expectError(res, 400, 'validation_failed', field);
        }
        expect({ reviews: await count(server, 'reviews'), votes: await count(server, 'votes'), reports: await count(server, 'reports'), ratings: await count(server, 'ratings') }).toEqual(before);
        expect((await anon.get(`/api/v1/reviews/${reviewId}`)).body.review).toEqual(original);
      });

      it('accounts and tokens', async () => {
        const ok = { handle: 'valid_handle', email: 'valid@example.test', password: 'long enough password' };
        const cases: [string, Record<string, unknown>, string][] = [
          ['/api/v1/auth/register', { ...ok, handle: 123 }, 'handle'],
          ['/api/v1/auth/register', { email: ok.email, password: ok.password }, 'handle'],
          ['/api/v1/auth/register', { handle: ok.handle, password: ok.password }, 'email'],
          ['/api/v1/auth/register', { handle: ok.handle, email: ok.email }, 'password'],
          ['/api/v1/auth/register', { ...ok, password: 12345678901 }, 'password'],
          ['/api/v1/auth/register', { ...ok, password: 'short' }, 'password'],
          ['/api/v1/auth/register', { ...ok, email: 'not-an-address' }, 'email'],
          ['/api/v1/auth/register', { ...ok, role: 'admin' }, 'role'],
          ['/api/v1/auth/login', { login: 1, password: 'x' }, 'login'],
          ['/api/v1/auth/login', { login: 'x' }, 'password'],
          ['/api/v1/auth/login', { login: 'x', password: 'y', remember: true }, 'remember'],
        ];
        const users = await count(server, 'users');
        for (const [path, body, field] of cases) expectError(await anon.post(path, body), 400, 'validation_failed', field);
        expect(await count(server, 'users')).toBe(users);

        const tokens = await count(server, 'tokens');
        expectError(await member.client.post('/api/v1/tokens', {}), 400, 'validation_failed', 'name');
        expectError(await member.client.post('/api/v1/tokens', { name: '' }), 400, 'validation_failed', 'name');
        expectError(await member.client.post('/api/v1/tokens', { name: 5 }), 400, 'validation_failed', 'name');
        expectError(await member.client.post('/api/v1/tokens', { name: 'x', scopes: ['all'] }), 400, 'validation_failed', 'scopes');
        expect(await count(server, 'tokens')).toBe(tokens);
      });

      it('titles', async () => {
        const cases: [string, string, Record<string, unknown>, string][] = [
          ['POST', '/api/v1/titles', { kind: 'film' }, 'name'],
          ['POST', '/api/v1/titles', { name: 'X' }, 'kind'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'movie' }, 'kind'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', year: 'two thousand' }, 'year'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', year: 1799 }, 'year'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', year: 2024.5 }, 'year'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', episodes: -1 }, 'episodes'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', country: 'kr' }, 'country'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', aliases: 'Y' }, 'aliases'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', credits: [{ person: 'A', role: 'actor' }] }, 'credits.0.role'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', credits: [{ role: 'cast' }] }, 'credits.0.person'],
          ['POST', '/api/v1/titles', { name: 'X', kind: 'film', rating: 9 }, 'rating'],
          ['POST', '/api/v1/titles', { name: '', kind: 'film' }, 'name'],
          ['PATCH', `/api/v1/titles/${title.slug}`, { year: 'x' }, 'year'],
          ['PATCH', `/api/v1/titles/${title.slug}`, { kind: 'movie' }, 'kind'],
          ['PATCH', `/api/v1/titles/${title.slug}`, { slug: 'new-slug' }, 'slug'],
          ['PATCH', `/api/v1/titles/${title.slug}`, { score: 10 }, 'score'],
        ];
        const titles = await count(server, 'titles');
        const original = (await anon.get(`/api/v1/titles/${title.slug}`)).body.title;
        for (const [method, path, body, field] of cases) expectError(await admin.client.request(method, path, body), 400, 'validation_failed', field);
        expectError(await admin.client.patch(`/api/v1/titles/${title.slug}`, {}), 400, 'validation_failed');
        expect(await count(server, 'titles')).toBe(titles);
        expect((await anon.get(`/api/v1/titles/${title.slug}`)).body.title).toEqual(original);
      });

      it('query strings: limits, sorts, filters', async () => {
        const base = `/api/v1/titles/${title.slug}/reviews`;
        const cases: [string, string][] = [
          [`${base}?sort=best`, 'sort'],
          [`${base}?spoilers=maybe`, 'spoilers'],
          [`${base}?rating_min=0`, 'rating_min'],
          [`${base}?rating_max=11`, 'rating_max'],
          [`${base}?rating_min=abc`, 'rating_min'],
          [`${base}?limit=0`, 'limit'],
          [`${base}?limit=101`, 'limit'],
          [`${base}?limit=abc`, 'limit'],
          [`${base}?limit=2.5`, 'limit'],
          [`${base}?cursor=%%%`, 'cursor'],
          ['/api/v1/titles?limit=-1', 'limit'],
          ['/api/v1/titles?kind=movie', 'kind'],
          ['/api/v1/titles?year=abc', 'year'],
          [`/api/v1/titles?q=${'q'.repeat(201)}`, 'q'],
          ['/api/v1/titles?cursor=garbage', 'cursor'],
          [`/api/v1/users/${author.handle}/reviews?limit=0`, 'limit'],
          [`/api/v1/users/${author.handle}/reviews?cursor=garbage`, 'cursor'],
        ];
        for (const [path, field] of cases) {
          for (const client of [anon, member.client]) expectError(await client.get(path), 400, 'validation_failed', field);
        }
      });
    });

    describe('unknown things are 404 not_found', () => {
      it('unknown slugs, handles and ids, and ids that are not whole positive numbers', async () => {
        const paths = [
          '/api/v1/titles/no-such-title',
          '/api/v1/titles/no-such-title/reviews',
          '/api/v1/people/no-such-person',
          '/api/v1/users/no_such_user',
          '/api/v1/users/no_such_user/reviews',
          '/api/v1/reviews/2000000000',
          '/api/v1/reviews/99999999999999999999',
          '/api/v1/reviews/abc',
          '/api/v1/reviews/1.5',
          '/api/v1/reviews/0',
          '/api/v1/reviews/-1',
          '/api/v1/reviews/1e3',
        ];
        for (const p of paths) {
          expectError(await anon.get(p), 404, 'not_found');
          expectError(await member.client.get(p), 404, 'not_found');
        }
        const writes: [string, string, unknown][] = [
          ['PATCH', '/api/v1/reviews/abc', { headline: 'x' }],
          ['DELETE', '/api/v1/reviews/abc', undefined],
          ['PUT', '/api/v1/reviews/abc/vote', { helpful: true }],
          ['DELETE', '/api/v1/reviews/abc/vote', undefined],
          ['POST', '/api/v1/reviews/abc/reports', { reason: 'spam' }],
          ['PATCH', '/api/v1/reviews/2000000000', { headline: 'x' }],
          ['DELETE', '/api/v1/reviews/2000000000', undefined],
          ['PUT', '/api/v1/reviews/2000000000/vote', { helpful: true }],
          ['DELETE', '/api/v1/reviews/2000000000/vote', undefined],
          ['POST', '/api/v1/reviews/2000000000/reports', { reason: 'spam' }],
          ['POST', '/api/v1/titles/no-such-title/reviews', REVIEW],
          ['PUT', '/api/v1/titles/no-such-title/my-rating', { rating: 5 }],
          ['GET', '/api/v1/titles/no-such-title/my-rating', undefined],
          ['DELETE', '/api/v1/titles/no-such-title/my-rating', undefined],
          ['DELETE', '/api/v1/tokens/abc', undefined],
          ['DELETE', '/api/v1/tokens/2000000000', undefined],
        ];
        for (const [method, path, body] of writes) expectError(await member.client.request(method, path, body), 404, 'not_found');
        expectError(await admin.client.patch('/api/v1/titles/no-such-title', { name: 'x' }), 404, 'not_found');
      });

      it('a slug longer than any slug can be answers the envelope (404, or 414), not Fastify’s own error body', async () => {
        for (const p of [`/api/v1/titles/${'x'.repeat(300)}`, `/api/v1/people/${'x'.repeat(300)}`, `/api/v1/titles/${'x'.repeat(300)}/reviews`]) {
          const res = await anon.get(p);
          expect([404, 414], p).toContain(res.status);
          expectEnvelope(res);
        }
      });

      it('a path with broken percent-encoding answers the envelope (400 or 404), not Fastify’s own error body', async () => {
        for (const p of ['/api/v1/titles/%zz', '/api/v1/titles/%E0%A4%A', '/api/v1/reviews/%zz', '/api/v1/users/%ff']) {
          const res = await anon.get(p);
          expect([400, 404], p).toContain(res.status);
          expectEnvelope(res);
        }
      });

      it('unknown API paths and methods answer the JSON envelope', async () => {
        for (const [method, path] of [
          ['GET', '/api/v1/nothing-here'],
          ['GET', '/api/v2/titles'],
          ['POST', '/api/v1/nothing-here'],
          ['DELETE', '/api/v1/titles'],
        ] as const) {
          const res = await member.client.request(method, path, method === 'POST' ? {} : undefined);
          expect(res.status).toBeGreaterThanOrEqual(404);
          expect(res.status).toBeLessThan(500);
          expectEnvelope(res);
        }
      });
    });

    describe('bodies that are not JSON', () => {
      const post = (path: string, body: string | Uint8Array, headers: Record<string, string>, client = member.client) => client.request('POST', path, body, headers);
      const JSON_CT = { 'content-type': 'application/json' };

      it('malformed JSON is 400 invalid_json', async () => {
        for (const text of ['{"headline": ', '{headline: "x"}', "{'a': 1}", '{"a":1}}', 'nul', '[1,]', '{"a":1,}']) {
          expectError(await post(`/api/v1/titles/${title.slug}/reviews`, text, JSON_CT), 400, 'invalid_json');
          expectError(await post('/api/v1/auth/login', text, JSON_CT, anon), 400, 'invalid_json');
        }
      });

      it('an empty JSON body is 400 invalid_json; JSON that is not an object is 400', async () => {
        expectError(await post(`/api/v1/titles/${title.slug}/reviews`, '', JSON_CT), 400, 'invalid_json');
        expectError(await post(`/api/v1/titles/${title.slug}/reviews`, '   ', JSON_CT), 400, 'invalid_json');
        for (const text of ['null', '[]', '"text"', '42', 'true']) {
          expectError(await post(`/api/v1/titles/${title.slug}/reviews`, text, JSON_CT), 400, 'validation_failed');
        }
      });

      it('invalid UTF-8 is 400 invalid_json', async () => {
        const bytes = new Uint8Array([...Buffer.from('{"headline":"'), 0xff, 0xfe, ...Buffer.from('","body":"x","rating":5}')]);
        expectError(await post(`/api/v1/titles/${title.slug}/reviews`, bytes, JSON_CT), 400, 'invalid_json');
        expectError(await post('/api/v1/reviews/check', new Uint8Array([0xff, 0xfe]), JSON_CT), 400, 'invalid_json');
        // An overlong encoding and a lone surrogate encoded as UTF-8 are not UTF-8 either.
        expectError(await post('/api/v1/reviews/check', new Uint8Array([...Buffer.from('{"headline":"'), 0xc0, 0xaf, ...Buffer.from('","body":""}')]), JSON_CT), 400, 'invalid_json');
        expectError(await post('/api/v1/reviews/check', new Uint8Array([...Buffer.from('{"headline":"'), 0xed, 0xa0, 0x80, ...Buffer.from('","body":""}')]), JSON_CT), 400, 'invalid_json');
      });

      it('prototype poisoning is refused with 400', async () => {
        for (const text of ['{"__proto__": {"admin": true}, "name": "x"}', '{"constructor": {"prototype": {"admin": true}}, "name": "x"}']) {
          const res = await post('/api/v1/tokens', text, JSON_CT);
          expect(res.status).toBe(400);
          expectEnvelope(res);
        }
      });

      it('a 1 MB body is 413 payload_too_large', async () => {
        const big = JSON.stringify({ ...REVIEW, body: 'a'.repeat(1_000_000) });
        const before = await count(server, 'reviews');
        const writer = await newUser(server);
        expectError(await post(`/api/v1/titles/${title.slug}/reviews`, big, JSON_CT, writer.client), 413, 'payload_too_large');
        expectError(await post('/api/v1/reviews/check', big, JSON_CT), 413, 'payload_too_large');
        expect(await count(server, 'reviews')).toBe(before);
      });

      it('a write that is not application/json is 415 and is not carried out', async () => {
        const writer = await newUser(server);
        const before = await count(server, 'reviews');
        const body = JSON.stringify(REVIEW);
        for (const ct of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
          const res = await post(`/api/v1/titles/${title.slug}/reviews`, body, { 'content-type': ct }, writer.client);
          expectError(res, 415, 'unsupported_media_type');
        }
        // No Content-Type at all, with a body.
        expectError(await post(`/api/v1/titles/${title.slug}/reviews`, new Uint8Array(Buffer.from(body)), {}, writer.client), 415, 'unsupported_media_type');
        expect(await count(server, 'reviews')).toBe(before);
        // The same request as JSON works.
        expect((await post(`/api/v1/titles/${title.slug}/reviews`, body, JSON_CT, writer.client)).status).toBe(201);
      });

      it('application/json with a charset parameter is accepted (many HTTP clients send one)', async () => {
        for (const ct of ['application/json; charset=utf-8', 'application/json;charset=UTF-8']) {
          const res = await post('/api/v1/reviews/check', JSON.stringify({ headline: 'x', body: 'y' }), { 'content-type': ct });
          expect(res.status, `${ct}: ${JSON.stringify(res.body)}`).toBe(200);
        }
      });

      it('+json media types are accepted', async () => {
        for (const ct of ['application/merge-patch+json', 'application/vnd.api+json']) {
          const res = await post('/api/v1/reviews/check', JSON.stringify({ headline: 'x', body: 'y' }), { 'content-type': ct });
          expect(res.status, ct).toBe(200);
        }
      });
    });

    describe('cross-site writes are 403 forbidden and not carried out', () => {
      it('Sec-Fetch-Site: cross-site or same-site, a foreign Origin, or Origin: null', async () => {
        const writer = await newUser(server);
        const before = { reviews: await count(server, 'reviews'), votes: await count(server, 'votes'), tokens: await count(server, 'tokens') };
        const hostile: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }, { origin: `${server.url}.evil.example` }];
        for (const headers of hostile) {
          expectError(await writer.client.request('POST', `/api/v1/titles/${title.slug}/reviews`, REVIEW, headers), 403, 'forbidden');
          expectError(await writer.client.request('PUT', `/api/v1/reviews/${reviewId}/vote`, { helpful: true }, headers), 403, 'forbidden');
          expectError(await writer.client.request('DELETE', `/api/v1/reviews/${reviewId}`, undefined, headers), 403, 'forbidden');
          expectError(await writer.client.request('POST', '/api/v1/tokens', { name: 'csrf' }, headers), 403, 'forbidden');
          expectError(await anon.request('POST', '/api/v1/auth/login', { login: writer.handle, password: writer.password }, headers), 403, 'forbidden');
          expectError(await author.client.request('DELETE', `/api/v1/reviews/${reviewId}`, undefined, headers), 403, 'forbidden');
        }
        expect({ reviews: await count(server, 'reviews'), votes: await count(server, 'votes'), tokens: await count(server, 'tokens') }).toEqual(before);
        expect((await anon.get(`/api/v1/reviews/${reviewId}`)).status).toBe(200);
      });

      it('same-origin requests, scripts without either header, and cross-site reads are allowed', async () => {
        const writer = await newUser(server);
        expect((await writer.client.request('POST', '/api/v1/tokens', { name: 'a' }, { 'sec-fetch-site': 'same-origin', origin: server.url })).status).toBe(201);
        expect((await writer.client.request('POST', '/api/v1/tokens', { name: 'b' }, { 'sec-fetch-site': 'none' })).status).toBe(201);
        expect((await writer.client.post('/api/v1/tokens', { name: 'c' })).status).toBe(201);
        expect((await anon.request('GET', `/api/v1/titles/${title.slug}`, undefined, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(200);
      });
    });

    describe('text the database might choke on is never a 5xx', () => {
      it('NUL characters in path parameters and query strings', async () => {
        const failures: string[] = [];
        for (const path of [
          '/api/v1/titles/%00',
          '/api/v1/titles/a%00b',
          '/api/v1/titles/%00/reviews',
          '/api/v1/people/%00',
          '/api/v1/users/%00',
          '/api/v1/users/abc%00/reviews',
        ]) {
          const res = await member.client.get(path);
          if (res.status >= 500) failures.push(`GET ${path} → ${res.status}`);
          else expectError(res, 404, 'not_found');
        }
        for (const path of ['/api/v1/titles?q=%00', '/api/v1/titles?q=a%00b']) {
          const res = await anon.get(path);
          if (res.status >= 500) failures.push(`GET ${path} → ${res.status}`);
          else expect([200, 400], path).toContain(res.status);
        }
        const put = await member.client.put('/api/v1/titles/%00/my-rating', { rating: 5 });
        if (put.status >= 500) failures.push(`PUT /api/v1/titles/%00/my-rating → ${put.status}`);
        else expectError(put, 404, 'not_found');
        expect(failures).toEqual([]);
      });

      it('NUL characters in JSON string fields', async () => {
        const writer = await newUser(server);
        const other = await newUser(server);
        const before = await count(server, 'reviews');
        const cases: [Client, string, string, Record<string, unknown>][] = [
          [writer.client, 'POST', `/api/v1/titles/${title.slug}/reviews`, { ...REVIEW, headline: 'nul\u0000here' }],
          [other.client, 'POST', `/api/v1/titles/${title.slug}/reviews`, { ...REVIEW, body: 'nul\u0000here' }],
          [member.client, 'POST', '/api/v1/reviews/check', { headline: 'a\u0000', body: 'b\u0000' }],
          [anon, 'POST', '/api/v1/auth/login', { login: 'who\u0000', password: 'whatever password' }],
          [anon, 'POST', '/api/v1/auth/register', { handle: 'nul_in_email', email: 'a\u0000@example.test', password: 'long enough password' }],
          [anon, 'POST', '/api/v1/auth/register', { handle: 'nul_in_name', email: 'nul_in_name@example.test', password: 'long enough password', display_name: 'x\u0000y' }],
          [member.client, 'POST', '/api/v1/tokens', { name: 'tok\u0000en' }],
          [member.client, 'POST', `/api/v1/reviews/${reviewId}/reports`, { reason: 'other', note: 'see\u0000this' }],
          [admin.client, 'POST', '/api/v1/titles', { name: 'Nul\u0000Title', kind: 'film' }],
          [admin.client, 'POST', '/api/v1/titles', { name: 'Nul Credit', kind: 'film', credits: [{ person: 'Per\u0000son', role: 'cast' }] }],
          [admin.client, 'PATCH', `/api/v1/titles/${title.slug}`, { synopsis: 'a\u0000b' }],
        ];
        const failures: string[] = [];
        for (const [client, method, path, body] of cases) {
          const res = await client.request(method, path, body);
          if (res.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body)} → ${res.status}`);
          else expectHandled(res, `${method} ${path}`);
        }
        expect(failures).toEqual([]);
        const created = (await count(server, 'reviews')) - before;
        expect(created).toBeLessThanOrEqual(2);
      });

      it('cursors that decode to numbers no row can hold', async () => {
        const slugBase = `/api/v1/titles/${title.slug}/reviews`;
        const cursors: [string, unknown][] = [
          [`${slugBase}?sort=recent`, ['2020-01-01T00:00:00.000Z', 1.5]],
          [`${slugBase}?sort=recent`, ['2020-01-01T00:00:00.000Z', 1e20]],
          [`${slugBase}?sort=recent`, ['2020-01-01T00:00:00.000Z', -1e300]],
          [`${slugBase}?sort=rating_high`, [1.5, '2020-01-01T00:00:00.000Z', 3]],
          [`${slugBase}?sort=rating_low`, [1e20, '2020-01-01T00:00:00.000Z', 3]],
          [`${slugBase}?sort=helpful`, [0.5, 1.5, '2020-01-01T00:00:00.000Z', 3]],
          [`${slugBase}?sort=helpful`, [1e300, 1e20, '2020-01-01T00:00:00.000Z', 3]],
          ['/api/v1/titles?x=1', ['a', 1e20]],
          [`/api/v1/users/${author.handle}/reviews?x=1`, ['2020-01-01T00:00:00.000Z', 2.5]],
        ];
        const failures: string[] = [];
        for (const [path, values] of cursors) {
          const url = `${path}&cursor=${cursorOf(values)}`;
          for (const client of [anon, member.client]) {
            const res = await client.get(url);
            if (res.status >= 500) {
              failures.push(`${path} cursor=${JSON.stringify(values)} (${client === anon ? 'anonymous' : 'signed in'}) → ${res.status}`);
              continue;
            }
            expectHandled(res, `${url} ${JSON.stringify(values)}`);
            expect([200, 400], `${url} ${JSON.stringify(values)}`).toContain(res.status);
            if (res.status === 400) expect(res.body.error.field).toBe('cursor');
          }
        }
        expect(failures).toEqual([]);
      });
    });

    describe('property: any review or vote body is answered well and leaves the database consistent', () => {
      const TITLES = 4;
      let titles: Title[];
      let authors: TestUser[];
      let voters: TestUser[];
      let targets: { id: number; authorIndex: number }[];

      beforeAll(async () => {
        titles = [];
        for (let i = 0; i < TITLES; i++) titles.push(await newTitle(server, admin, { episodes: 20 }));
        authors = [await newUser(server), await newUser(server), await newUser(server)];
        voters = [await newUser(server), await newUser(server), await newUser(server), await newUser(server)];
        const extraTitle = await newTitle(server, admin);
        targets = [];
        for (let i = 0; i < 3; i++) targets.push({ id: (await newReview(authors[i]!, extraTitle.slug)).id, authorIndex: i });
      });

      /** Sends any value as a JSON body (undefined → an empty body), always as application/json. */
      const sendJson = (client: Client, method: string, path: string, value: unknown) =>
        client.request(method, path, JSON.stringify(value) ?? '', { 'content-type': 'application/json' });

      const rating = fc.integer({ min: 2, max: 20 }).map((x) => x / 2);
      const validReview = fc.record(
        {
          headline: fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s.trim().length > 0),
          body: fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.array(fc.constantFrom('Same line.', 'Other line.', ''), { maxLength: 8 }).map((ls) => ls.join('\n'))),
          rating,
          scores: fc.record({ story: fc.option(rating), acting: fc.option(rating), music: fc.option(rating), rewatch: fc.option(rating) }, { requiredKeys: [] }),
          watch_status: fc.option(fc.constantFrom('completed', 'watching', 'dropped', 'plan_to_watch')),
          episodes_seen: fc.option(fc.integer({ min: 0, max: 20 })),
          contains_spoilers: fc.boolean(),
        },
        { requiredKeys: ['headline', 'body', 'rating'] },
      );
      // A valid review with exactly one thing wrong.
      const breakages: fc.Arbitrary<(r: Record<string, unknown>) => Record<string, unknown>>[] = [
        fc.constantFrom(0, 0.5, 10.5, 7.25, -2, 11, 1e9, '8', null, true, [], {}).map((v) => (r) => ({ ...r, rating: v })),
        fc.constantFrom('', '   ', 'x'.repeat(121), 7, null, false, ['h']).map((v) => (r) => ({ ...r, headline: v })),
        fc.constantFrom('x'.repeat(20_001), 7, null, { p: 'x' }).map((v) => (r) => ({ ...r, body: v })),
        fc.constantFrom('headline', 'body', 'rating').map((k) => (r) => {
          const { [k]: _drop, ...rest } = r;
          return rest;
        }),
        fc.tuple(fc.constantFrom('story', 'acting', 'music', 'rewatch', 'plot'), fc.constantFrom(11, 0, 7.3, 'x', true)).map(([k, v]) => (r) => ({ ...r, scores: { [k]: v } })),
        fc.constantFrom('binge', 1, true).map((v) => (r) => ({ ...r, watch_status: v })),
        fc.constantFrom(-1, 1.5, 21, 100, '3').map((v) => (r) => ({ ...r, episodes_seen: v })),
        fc.constantFrom('yes', 1, null).map((v) => (r) => ({ ...r, contains_spoilers: v })),
        fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['headline', 'body', 'rating', 'scores', 'watch_status', 'episodes_seen', 'contains_spoilers', '__proto__'].includes(k)), fc.anything()).map(
          ([k, v]) => (r) => ({ ...r, [k]: v === undefined ? null : v }),
        ),
      ];
      const invalidReview = fc.tuple(validReview, fc.oneof(...breakages)).map(([r, breakIt]) => breakIt(r as Record<string, unknown>));
      const garbage = fc.oneof(fc.anything(), fc.object(), fc.array(fc.anything()), fc.record({ headline: fc.anything(), body: fc.anything(), rating: fc.anything() }));

      it('POST /titles/{slug}/reviews: 201 with a well-formed review, or 400/409 in the envelope; never 5xx; refused requests write nothing', async () => {
        const reviewed = new Set<string>();
        // What is already there: none of these authors has reviewed these titles yet.
        const startCount = await count(server, 'reviews');
        let created = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.oneof({ arbitrary: validReview.map((b) => ({ kind: 'valid' as const, body: b as unknown })), weight: 2 }, { arbitrary: invalidReview.map((b) => ({ kind: 'invalid' as const, body: b as unknown })), weight: 3 }, { arbitrary: garbage.map((b) => ({ kind: 'garbage' as const, body: b })), weight: 1 }),
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: TITLES - 1 }),
            async (input, a, t) => {
              const before = await count(server, 'reviews');
              const slot = `${a}/${t}`;
              const res = await sendJson(authors[a]!.client, 'POST', `/api/v1/titles/${titles[t]!.slug}/reviews`, input.body);
              const after = await count(server, 'reviews');
              const detail = `${input.kind} ${JSON.stringify(input.body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
              expect(res.status, detail).toBeLessThan(500);
              if (res.status === 201) {
                expect(input.kind, detail).toBe('valid');
                expect(reviewed.has(slot), detail).toBe(false);
                reviewed.add(slot);
                created++;
                expect(sortedKeys(res.body)).toEqual(['quality', 'review']);
                expectReviewShape(res.body.review, { anonymous: false });
                const body = input.body as Record<string, any>;
                expect(res.body.review.rating).toBe(body.rating);
                expect(res.body.review.body).toBe(body.body);
                expect(res.body.review.headline).toBe(body.headline.trim());
                expect(res.body.review.contains_spoilers).toBe(body.contains_spoilers ?? false);
                expect(after, detail).toBe(before + 1);
              } else {
                expectEnvelope(res);
                expect(after, detail).toBe(before);
                if (res.status === 409) {
                  expect(res.body.error.code, detail).toBe('review_exists');
                  expect(reviewed.has(slot), detail).toBe(true);
                } else {
                  expect(res.status, detail).toBe(400);
                  expect(['validation_failed', 'invalid_json'], detail).toContain(res.body.error.code);
                  if (input.kind === 'valid') throw new Error(`a valid review was refused: ${detail}`);
                }
              }
            },
          ),
          { numRuns: 150 },
        );
        // Afterwards: one row per 201, one review per author per title.
        expect(await count(server, 'reviews')).toBe(startCount + created);
        const rows = await server.ctx.db.kysely.selectFrom('reviews').select(['author_id', 'title_id']).execute();
        expect(new Set(rows.map((r) => `${r.author_id}/${r.title_id}`)).size).toBe(rows.length);
        // Every review's author has exactly the review's rating.
        const mismatched = await server.ctx.db.kysely
          .selectFrom('reviews')
          .leftJoin('ratings', (j) => j.onRef('ratings.user_id', '=', 'reviews.author_id').onRef('ratings.title_id', '=', 'reviews.title_id'))
          .select(['reviews.id', 'reviews.rating_x2', 'ratings.rating_x2 as rated_x2'])
          .execute();
        for (const m of mismatched) expect(m.rated_x2).toBe(m.rating_x2);
      });

      it('PUT/DELETE /reviews/{id}/vote: 200 with exact counts, or 400/403 in the envelope; counts always equal the votes table', async () => {
        // Model: voter index → review index → vote.
        const model = new Map<string, boolean>();
        const tallyOf = (r: number) => {
          let yes = 0;
          let no = 0;
          for (const [k, v] of model) if (k.endsWith(`/${r}`)) v ? yes++ : no++;
          return { yes, no };
        };
        const voteBody = fc.oneof(
          { arbitrary: fc.boolean().map((h) => ({ kind: 'valid' as const, body: { helpful: h } as unknown })), weight: 4 },
          { arbitrary: fc.record({ helpful: fc.oneof(fc.constantFrom('true', 1, 0, null, [], {}), fc.string()) }).map((b) => ({ kind: 'invalid' as const, body: b as unknown })), weight: 1 },
          { arbitrary: fc.record({ helpful: fc.boolean(), extra: fc.anything().map((v) => (v === undefined ? null : v)) }).map((b) => ({ kind: 'invalid' as const, body: b as unknown })), weight: 1 },
          { arbitrary: garbage.map((b) => ({ kind: 'garbage' as const, body: b })), weight: 1 },
        );
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom('PUT', 'PUT', 'DELETE'),
            voteBody,
            fc.integer({ min: 0, max: voters.length + authors.length - 1 }),
            fc.integer({ min: 0, max: targets.length - 1 }),
            async (method, input, who, r) => {
              const isAuthor = who >= voters.length;
              const user = isAuthor ? authors[who - voters.length]! : voters[who]!;
              const own = isAuthor && targets[r]!.authorIndex === who - voters.length;
              const key = `${who}/${r}`;
              const path = `/api/v1/reviews/${targets[r]!.id}/vote`;
              const res = method === 'PUT' ? await sendJson(user.client, method, path, input.body) : await user.client.request(method, path);
              const detail = `${method} ${JSON.stringify(input.body)?.slice(0, 200)} by ${who} on ${r} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
              expect(res.status, detail).toBeLessThan(500);
              if (res.status === 200) {
                expect(own, detail).toBe(false);
                if (method === 'PUT') {
                  expect(input.kind, detail).toBe('valid');
                  model.set(key, (input.body as { helpful: boolean }).helpful);
                } else model.delete(key);
                const expected = tallyOf(r);
                expect(sortedKeys(res.body)).toEqual(['helpful', 'helpful_score', 'my_vote']);
                expect(res.body.helpful, detail).toEqual(expected);
                expect(res.body.my_vote, detail).toBe(model.has(key) ? model.get(key) : null);
                expect(res.body.helpful_score, detail).toBeCloseTo(wilson(expected.yes, expected.no), 9);
              } else {
                expectEnvelope(res);
                if (res.status === 403) {
                  expect(own, detail).toBe(true);
                  expect(res.body.error.code).toBe('own_review');
                } else {
                  expect(res.status, detail).toBe(400);
                  expect(method, detail).toBe('PUT');
                  if (input.kind === 'valid') throw new Error(`a valid vote was refused: ${detail}`);
                }
              }
            },
          ),
          { numRuns: 150 },
        );
        // The stored counts equal the votes table and the model.
        for (const [r, target] of targets.entries()) {
          const row = await server.ctx.db.kysely.selectFrom('reviews').select(['helpful_yes', 'helpful_no', 'helpful_total', 'helpful_score']).where('id', '=', target.id).executeTakeFirstOrThrow();
          const votes = await server.ctx.db.kysely.selectFrom('votes').select('helpful').where('review_id', '=', target.id).execute();
          const table = { yes: votes.filter((v) => v.helpful === 1).length, no: votes.filter((v) => v.helpful === 0).length };
          expect({ yes: row.helpful_yes, no: row.helpful_no }).toEqual(table);
          expect(table).toEqual(tallyOf(r));
          expect(row.helpful_total).toBe(table.yes + table.no);
          expect(row.helpful_score).toBeCloseTo(wilson(table.yes, table.no), 9);
          const shown = (await anon.get(`/api/v1/reviews/${target.id}`)).body.review;
          expect(shown.helpful).toEqual(table);
        }
      });
    });
  });
}
