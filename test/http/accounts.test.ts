// Accounts over real HTTP: registration, sign-in, sessions, personal access tokens, profiles and the
// sign-in / write rate limits (CONTRACT.md, "Accounts" and "General").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.js';
import { Client, startServer, type Reply, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser } from '../support/factories.js';
import { expectError, expectReviewShape, ISO_UTC, sortedKeys, USER_KEYS } from './contract-helpers.js';

const PASSWORD = 'correct horse battery';
let seq = 0;
const uniq = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}${(seq++).toString(36)}`;

const register = (server: TestServer, body: Record<string, unknown>, client = new Client(server.url)) =>
  client.post('/api/v1/auth/register', body);

const cookieValue = (c: Client) => c.cookie!.slice(c.cookie!.indexOf('=') + 1);

function expectUser(user: any, handle: string, role: string) {
  expect(sortedKeys(user)).toEqual(USER_KEYS);
  expect(Number.isInteger(user.id)).toBe(true);
  expect(user.handle).toBe(handle);
  expect(typeof user.display_name).toBe('string');
  expect(user.role).toBe(role);
  expect(user.created_at).toMatch(ISO_UTC);
}

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let first: { handle: string; client: Client; res: Reply };

    beforeAll(async () => {
      server = await startServer(engine);
      // The very first account of this fresh instance.
      const handle = uniq('first_');
      const client = new Client(server.url);
      first = { handle, client, res: await register(server, { handle, email: `${handle}@example.test`, password: PASSWORD }, client) };
    });
    afterAll(() => server.close());

    describe('register', () => {
      it('answers 201 {user} with exactly the User fields, and the first account is admin', () => {
        expect(first.res.status).toBe(201);
        expect(sortedKeys(first.res.body)).toEqual(['user']);
        expectUser(first.res.body.user, first.handle, 'admin');
      });

      it('sets an HttpOnly, SameSite=Lax session cookie that signs the caller in', async () => {
        const setCookie = first.res.headers.get('set-cookie') ?? '';
        expect(setCookie).toMatch(/^marquee_session=[^;]+;/);
        expect(setCookie).toMatch(/;\s*HttpOnly/i);
        expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
        expect(setCookie).toMatch(/;\s*Path=\//i);
        const me = await first.client.get('/api/v1/me');
        expect(me.status).toBe(200);
        expect(sortedKeys(me.body)).toEqual(['user']);
        expect(me.body.user).toEqual(first.res.body.user);
      });

      it('makes every later account a member', async () => {
        for (let i = 0; i < 2; i++) {
          const handle = uniq('later_');
          const res = await register(server, { handle, email: `${handle}@example.test`, password: PASSWORD });
          expect(res.status).toBe(201);
          expectUser(res.body.user, handle, 'member');
        }
      });

      it('accepts handles of 3 and of 30 letters, digits and underscores', async () => {
        const three = `a${(seq++ % 36).toString(36)}_`;
        const thirty = uniq('H_9').padEnd(30, 'x');
        for (const handle of [three, thirty]) {
          const res = await register(server, { handle, email: `${handle}@example.test`, password: PASSWORD });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          expect(res.body.user.handle).toBe(handle);
        }
      });

      it.each([
        ['too short', 'ab'],
        ['too long', 'a'.repeat(31)],
        ['a hyphen', 'bad-handle'],
        ['a space', 'bad handle'],
        ['a dot', 'bad.handle'],
        ['non-ASCII letters', 'ünïcode'],
        ['empty', ''],
      ])('refuses a handle with %s (400 validation_failed, field handle)', async (_what, handle) => {
        const res = await register(server, { handle, email: `${uniq('e')}@example.test`, password: PASSWORD });
        expectError(res, 400, 'validation_failed', 'handle');
      });

      it('keeps handles unique ignoring case (409 handle_taken)', async () => {
        const handle = uniq('CaseUser_');
        expect((await register(server, { handle, email: `${uniq('a')}@example.test`, password: PASSWORD })).status).toBe(201);
        for (const variant of [handle, handle.toLowerCase(), handle.toUpperCase()]) {
          const res = await register(server, { handle: variant, email: `${uniq('b')}@example.test`, password: PASSWORD });
          expectError(res, 409, 'handle_taken');
        }
      });

      it('keeps e-mail addresses unique (409 email_taken), ignoring case', async () => {
        const email = `${uniq('Mail_')}@Example.test`;
        expect((await register(server, { handle: uniq('m1_'), email, password: PASSWORD })).status).toBe(201);
        expectError(await register(server, { handle: uniq('m2_'), email, password: PASSWORD }), 409, 'email_taken');
        expectError(await register(server, { handle: uniq('m3_'), email: email.toLowerCase(), password: PASSWORD }), 409, 'email_taken');
      });

      it('needs a password of at least 10 characters', async () => {
        const res = await register(server, { handle: uniq('pw_'), email: `${uniq('p')}@example.test`, password: '123456789' });
        expectError(res, 400, 'validation_failed', 'password');
        const ok = await register(server, { handle: uniq('pw_'), email: `${uniq('p')}@example.test`, password: '1234567890' });
        expect(ok.status).toBe(201);
      });

      it('creates no account and sets no cookie when refused', async () => {
        const handle = uniq('nope_');
        const client = new Client(server.url);
        const res = await register(server, { handle, email: `${handle}@example.test`, password: 'short' }, client);
        expect(res.status).toBe(400);
        expect(client.cookie).toBeNull();
        expectError(await client.get(`/api/v1/users/${handle}`), 404, 'not_found');
      });
    });

    describe('login and logout', () => {
      let handle: string;
      let email: string;
      beforeAll(async () => {
        handle = uniq('login_');
        email = `${handle}@example.test`;
        expect((await register(server, { handle, email, password: PASSWORD })).status).toBe(201);
      });

      it('signs in by handle', async () => {
        const client = new Client(server.url);
        const res = await client.post('/api/v1/auth/login', { login: handle, password: PASSWORD });
        expect(res.status).toBe(200);
        expect(sortedKeys(res.body)).toEqual(['user']);
        expectUser(res.body.user, handle, 'member');
        const setCookie = res.headers.get('set-cookie') ?? '';
        expect(setCookie).toMatch(/^marquee_session=[^;]+;/);
        expect(setCookie).toMatch(/HttpOnly/i);
        expect(setCookie).toMatch(/SameSite=Lax/i);
        expect((await client.get('/api/v1/me')).body.user.handle).toBe(handle);
      });

      it('signs in by e-mail', async () => {
        const client = new Client(server.url);
        const res = await client.post('/api/v1/auth/login', { login: email, password: PASSWORD });
        expect(res.status).toBe(200);
        expect(res.body.user.handle).toBe(handle);
        expect((await client.get('/api/v1/me')).status).toBe(200);
      });

      it('answers a wrong password and an unknown login with the same 401 body', async () => {
        const client = new Client(server.url);
        const wrongPassword = await client.post('/api/v1/auth/login', { login: handle, password: 'not the password' });
        const wrongEmailPassword = await client.post('/api/v1/auth/login', { login: email, password: 'not the password' });
        const unknown = await client.post('/api/v1/auth/login', { login: uniq('ghost_'), password: PASSWORD });
        const unknownEmail = await client.post('/api/v1/auth/login', { login: `${uniq('ghost_')}@example.test`, password: PASSWORD });
        for (const res of [wrongPassword, wrongEmailPassword, unknown, unknownEmail]) {
          expect(res.status).toBe(401);
          expect(sortedKeys(res.body)).toEqual(['error']);
          expect(typeof res.body.error.code).toBe('string');
          expect(typeof res.body.error.message).toBe('string');
          expect(res.body).toEqual(wrongPassword.body);
          expect(res.headers.get('set-cookie')).toBeNull();
        }
        expect(client.cookie).toBeNull();
      });

      it('logout answers 204, /me is then 401, and the old cookie no longer works', async () => {
        const client = new Client(server.url);
        await client.post('/api/v1/auth/login', { login: handle, password: PASSWORD });
        const oldCookie = client.cookie!;
        expect(oldCookie).toMatch(/^marquee_session=/);
        const out = await client.post('/api/v1/auth/logout');
        expect(out.status).toBe(204);
        expect(out.body).toBe('');
        expectError(await client.get('/api/v1/me'), 401, 'unauthenticated');
        // The session is ended on the server, not only forgotten by the browser.
        const replay = new Client(server.url);
        replay.cookie = oldCookie;
        expectError(await replay.get('/api/v1/me'), 401, 'unauthenticated');
      });

      it('/me is 401 unauthenticated for anonymous callers', async () => {
        expectError(await new Client(server.url).get('/api/v1/me'), 401, 'unauthenticated');
      });

      it('stores only a hash of the session secret', async () => {
        const client = new Client(server.url);
        const res = await client.post('/api/v1/auth/login', { login: handle, password: PASSWORD });
        const secret = cookieValue(client);
        expect(secret.length).toBeGreaterThanOrEqual(20);
        const rows = await server.ctx.db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', res.body.user.id).execute();
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          expect(row.token_hash).not.toBe(secret);
          expect(row.token_hash).not.toContain(secret);
          expect(JSON.stringify(row)).not.toContain(secret);
        }
      });
    });

    describe('personal access tokens', () => {
      it('creates a token (201 {id, name, token}) that works as a Bearer, and deleting it (204) revokes it', async () => {
        const user = await newUser(server);
        const created = await user.client.post('/api/v1/tokens', { name: 'my script' });
        expect(created.status).toBe(201);
        expect(sortedKeys(created.body)).toEqual(['id', 'name', 'token']);
        expect(Number.isInteger(created.body.id)).toBe(true);
        expect(created.body.name).toBe('my script');
        expect(typeof created.body.token).toBe('string');
        expect(created.body.token.length).toBeGreaterThanOrEqual(20);

        const bearer = new Client(server.url, created.body.token);
        const me = await bearer.get('/api/v1/me');
        expect(me.status).toBe(200);
        expect(me.body.user.handle).toBe(user.handle);
        expect(me.body.user.id).toBe(user.id);

        const del = await user.client.del(`/api/v1/tokens/${created.body.id}`);
        expect(del.status).toBe(204);
        expectError(await bearer.get('/api/v1/me'), 401, 'unauthenticated');
        // Deleting it again: it is gone.
        expectError(await user.client.del(`/api/v1/tokens/${created.body.id}`), 404, 'not_found');
      });

      it('a Bearer token can write (no cookie, no Origin: a script)', async () => {
        const user = await newUser(server);
        const { body } = await user.client.post('/api/v1/tokens', { name: 'writer' });
        const bearer = new Client(server.url, body.token);
        const second = await bearer.post('/api/v1/tokens', { name: 'made by token' });
        expect(second.status).toBe(201);
      });

      it('stores only a hash of the token secret', async () => {
        const user = await newUser(server);
        const { body } = await user.client.post('/api/v1/tokens', { name: 'hashed' });
        const row = await server.ctx.db.kysely.selectFrom('tokens').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
        expect(row.user_id).toBe(user.id);
        expect(row.token_hash).not.toBe(body.token);
        expect(row.token_hash).not.toContain(body.token);
        const all = await server.ctx.db.kysely.selectFrom('tokens').selectAll().execute();
        for (const r of all) expect(JSON.stringify(r)).not.toContain(body.token);
      });

      it('one person cannot delete another person’s token', async () => {
        const owner = await newUser(server);
        const other = await newUser(server);
        const { body } = await owner.client.post('/api/v1/tokens', { name: 'mine' });
        const res = await other.client.del(`/api/v1/tokens/${body.id}`);
        expect([403, 404]).toContain(res.status);
        expect(sortedKeys(res.body)).toEqual(['error']);
        expect((await new Client(server.url, body.token).get('/api/v1/me')).status).toBe(200);
      });

      it('anonymous callers cannot create or delete tokens (401)', async () => {
        const anon = new Client(server.url);
        expectError(await anon.post('/api/v1/tokens', { name: 'x' }), 401, 'unauthenticated');
        expectError(await anon.del('/api/v1/tokens/1'), 401, 'unauthenticated');
      });

      it('an unknown or malformed Bearer token is 401', async () => {
        expectError(await new Client(server.url, 'mq_not-a-real-token').get('/api/v1/me'), 401, 'unauthenticated');
        const res = await new Client(server.url).request('GET', '/api/v1/me', undefined, { authorization: 'Bearer' });
        expectError(res, 401, 'unauthenticated');
      });

      it('a token name is required', async () => {
        const user = await newUser(server);
        expectError(await user.client.post('/api/v1/tokens', {}), 400, 'validation_failed', 'name');
      });
    });

    describe('profiles', () => {
      it('GET /users/{handle} answers {user, stats} counting published reviews and helpful yes votes received', async () => {
        const admin = await newAdmin(server);
        const author = await newUser(server);
        const voters = [await newUser(server), await newUser(server), await newUser(server)];
        const t1 = await newTitle(server, admin);
        const t2 = await newTitle(server, admin);

        const empty = await new Client(server.url).get(`/api/v1/users/${author.handle}`);
        expect(empty.status).toBe(200);
        expect(sortedKeys(empty.body)).toEqual(['stats', 'user']);
        expectUser(empty.body.user, author.handle, 'member');
        expect(empty.body.stats).toEqual({ reviews: 0, helpful_yes_received: 0 });

        const r1 = await newReview(author, t1.slug);
        const r2 = await newReview(author, t2.slug, { rating: 5 });
        await voters[0]!.client.put(`/api/v1/reviews/${r1.id}/vote`, { helpful: true });
        await voters[1]!.client.put(`/api/v1/reviews/${r1.id}/vote`, { helpful: true });
        await voters[2]!.client.put(`/api/v1/reviews/${r1.id}/vote`, { helpful: false });
        await voters[0]!.client.put(`/api/v1/reviews/${r2.id}/vote`, { helpful: true });

        const res = await new Client(server.url).get(`/api/v1/users/${author.handle}`);
        expect(res.body.stats).toEqual({ reviews: 2, helpful_yes_received: 3 });
        expect(sortedKeys(res.body.stats)).toEqual(['helpful_yes_received', 'reviews']);
      });

      it('GET /users/{handle}/reviews lists their reviews as Review objects, paged', async () => {
        const admin = await newAdmin(server);
        const author = await newUser(server);
        const titles = [await newTitle(server, admin), await newTitle(server, admin), await newTitle(server, admin)];
        const ids: number[] = [];
        for (const t of titles) ids.push((await newReview(author, t.slug)).id);

        const anon = new Client(server.url);
        const all = await anon.get(`/api/v1/users/${author.handle}/reviews`);
        expect(all.status).toBe(200);
        expect(sortedKeys(all.body)).toEqual(['items', 'next_cursor']);
        expect(all.body.next_cursor).toBeNull();
        expect(all.body.items.map((r: any) => r.id).sort()).toEqual([...ids].sort());
        for (const r of all.body.items) {
          expectReviewShape(r, { anonymous: true });
          expect(r.author.handle).toBe(author.handle);
        }

        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const page: Reply = await anon.get(`/api/v1/users/${author.handle}/reviews?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(page.status).toBe(200);
          expect(page.body.items.length).toBeLessThanOrEqual(1);
          seen.push(...page.body.items.map((r: any) => r.id));
          cursor = page.body.next_cursor;
        } while (cursor);
        expect(seen.sort()).toEqual([...ids].sort());

        const signedIn = await author.client.get(`/api/v1/users/${author.handle}/reviews`);
        for (const r of signedIn.body.items) expectReviewShape(r, { anonymous: false });
      });

      it('an unknown handle is 404 not_found', async () => {
        const anon = new Client(server.url);
        expectError(await anon.get(`/api/v1/users/${uniq('nobody_')}`), 404, 'not_found');
        expectError(await anon.get(`/api/v1/users/${uniq('nobody_')}/reviews`), 404, 'not_found');
      });
    });

    describe('rate limits', () => {
      it('answers the 4th sign-in attempt in the window with 429 rate_limited and Retry-After', async () => {
        const limited = await startServer(engine, { MARQUEE_RATE_LIMIT: 'on', MARQUEE_RATE_LIMIT_AUTH_MAX: '3' });
        try {
          const client = new Client(limited.url);
          for (let i = 0; i < 3; i++) {
            const res = await client.post('/api/v1/auth/login', { login: 'nobody_here', password: 'whatever password' });
            expect(res.status).toBe(401);
          }
          const res = await client.post('/api/v1/auth/login', { login: 'nobody_here', password: 'whatever password' });
          expectError(res, 429, 'rate_limited');
          const retryAfter = Number(res.headers.get('retry-after'));
          expect(Number.isFinite(retryAfter)).toBe(true);
          expect(retryAfter).toBeGreaterThan(0);
          expect(retryAfter).toBeLessThanOrEqual(60);
        } finally {
          await limited.close();
        }
      });

      it('limits writes per account (MARQUEE_RATE_LIMIT_WRITES_MAX), not across accounts', async () => {
        const limited = await startServer(engine, { MARQUEE_RATE_LIMIT: 'on', MARQUEE_RATE_LIMIT_WRITES_MAX: '3' });
        try {
          const a = await newUser(limited);
          const b = await newUser(limited);
          for (let i = 0; i < 3; i++) expect((await a.client.post('/api/v1/tokens', { name: `t${i}` })).status).toBe(201);
          const res = await a.client.post('/api/v1/tokens', { name: 'one too many' });
          expectError(res, 429, 'rate_limited');
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          // The refused write was not carried out.
          const rows = await limited.ctx.db.kysely.selectFrom('tokens').select('name').where('user_id', '=', a.id).execute();
          expect(rows.map((r) => r.name).sort()).toEqual(['t0', 't1', 't2']);
          // Another account has its own budget; reads are not limited.
          expect((await b.client.post('/api/v1/tokens', { name: 'b' })).status).toBe(201);
          expect((await a.client.get('/api/v1/me')).status).toBe(200);
        } finally {
          await limited.close();
        }
      });

      it('one write budget per account covers every kind of write (README: "writes per account")', async () => {
        const limited = await startServer(engine, { MARQUEE_RATE_LIMIT: 'on', MARQUEE_RATE_LIMIT_WRITES_MAX: '3' });
        try {
          const admin = await newAdmin(limited); // 1 write by the admin (the title)
          const title = await newTitle(limited, admin);
          const a = await newUser(limited);
          expect((await a.client.post('/api/v1/tokens', { name: 't1' })).status).toBe(201);
          expect((await a.client.post('/api/v1/tokens', { name: 't2' })).status).toBe(201);
          expect((await a.client.put(`/api/v1/titles/${title.slug}/my-rating`, { rating: 7 })).status).toBe(200);
          // Three writes used: the fourth, whatever its route, is over the budget.
          const res = await a.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'Over budget', body: 'Text.', rating: 6 });
          expectError(res, 429, 'rate_limited');
        } finally {
          await limited.close();
        }
      });

      it('MARQUEE_RATE_LIMIT=off turns the limits off', async () => {
        const client = new Client(server.url);
        for (let i = 0; i < 12; i++) {
          expect((await client.post('/api/v1/auth/login', { login: 'nobody_here', password: 'whatever password' })).status).toBe(401);
        }
      });
    });
  });
}

describe('session cookie behind https', () => {
  it('is Secure when BASE_URL is https', async () => {
    const server = await startServer(TEST_ENGINES[0]!, { BASE_URL: 'https://reviews.example' });
    try {
      const res = await new Client(server.url).post('/api/v1/auth/register', { handle: 'secure_one', email: 's@example.test', password: 'long enough password' });
      expect(res.status).toBe(201);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    } finally {
      await server.close();
    }
  });
});
