// Sessions and tokens are looked up once and remembered for MARQUEE_AUTH_CACHE_SECONDS (decision 36):
// every way an account's rights change takes effect at once on the instance that made the change and,
// on PostgreSQL, on the other instances through the change feed; what no instance is told of (a row
// changed by another process) lasts at most the time limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import Database from 'better-sqlite3';
import { TEST_ENGINES, type TestEngine } from '../support/databases.js';
import { Client, startServer, type TestServer } from '../support/server.js';
import { newAdmin, newTitle, newUser, type TestUser } from '../support/factories.js';
import { spawnServer, type ServerProcess } from '../support/process.js';
import { expectError } from './contract-helpers.js';

/** Runs one statement on the test database over a connection of its own, as another process would. */
async function behindTheServersBack(server: TestServer, statement: string): Promise<void> {
  if (server.engine === 'sqlite') {
    const db = new Database(server.db.url.slice('sqlite:'.length));
    try {
      db.prepare(statement).run();
    } finally {
      db.close();
    }
    return;
  }
  const c = new pg.Client({ connectionString: server.db.url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

async function tokenClient(server: TestServer, user: TestUser): Promise<{ client: Client; id: number }> {
  const res = await user.client.post('/api/v1/tokens', { name: 'script' });
  expect(res.status).toBe(201);
  return { client: new Client(server.url, res.body.token), id: res.body.id };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server for the enclosing describe block, remembering credentials for `seconds`. */
function serverRemembering(engine: TestEngine, seconds: string): () => TestServer {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(engine, { MARQUEE_AUTH_CACHE_SECONDS: seconds });
  });
  afterAll(() => server?.close());
  return () => server;
}

for (const engine of TEST_ENGINES) {
  describe(`remembered credentials on ${engine}`, () => {
    describe('with a two-second time limit', () => {
      const server = serverRemembering(engine, '2');

      it('answers from memory within the limit, and looks the token up again after it', async () => {
        const user = await newUser(server());
        const { client, id } = await tokenClient(server(), user);
        expect((await client.get('/api/v1/me')).status).toBe(200); // looked up, remembered
        await behindTheServersBack(server(), `delete from tokens where id = ${id}`);
        expect((await client.get('/api/v1/me')).body.user.handle).toBe(user.handle); // remembered
        await sleep(2_100);
        expectError(await client.get('/api/v1/me'), 401, 'unauthenticated'); // looked up again: gone
      });
    });

    describe('with the cache off (MARQUEE_AUTH_CACHE_SECONDS=0)', () => {
      const server = serverRemembering(engine, '0');

      it('looks every credential up on every request', async () => {
        const user = await newUser(server());
        const { client, id } = await tokenClient(server(), user);
        expect((await client.get('/api/v1/me')).status).toBe(200);
        await behindTheServersBack(server(), `delete from tokens where id = ${id}`);
        expectError(await client.get('/api/v1/me'), 401, 'unauthenticated');
      });
    });

    describe('with a long time limit, changes made through the server take effect at once', () => {
      let server: TestServer;
      let admin: TestUser;
      beforeAll(async () => {
        server = await startServer(engine, { MARQUEE_AUTH_CACHE_SECONDS: '60' });
        admin = await newAdmin(server);
      });
      afterAll(() => server?.close());

      it('a session that ends by logout', async () => {
        const user = await newUser(server);
        const cookie = user.client.cookie;
        expect((await user.client.get('/api/v1/me')).status).toBe(200);
        expect((await user.client.post('/api/v1/auth/logout')).status).toBe(204);
        const old = new Client(server.url);
        old.cookie = cookie;
        expectError(await old.get('/api/v1/me'), 401, 'unauthenticated');
      });

      it('a token that is deleted', async () => {
        const user = await newUser(server);
        const { client, id } = await tokenClient(server, user);
        expect((await client.get('/api/v1/me')).status).toBe(200);
        expect((await user.client.del(`/api/v1/tokens/${id}`)).status).toBe(204);
        expectError(await client.get('/api/v1/me'), 401, 'unauthenticated');
      });

      it('an account that is suspended, then reinstated', async () => {
        const member = await newUser(server);
        const { client } = await tokenClient(server, member);
        const title = await newTitle(server, admin);
        const review = { headline: 'h', body: 'A body long enough.', rating: 7 };
        expect((await client.get('/api/v1/me')).status).toBe(200);
        const path = `/api/v1/moderation/users/${member.handle}/actions`;
        expect((await admin.client.post(path, { action: 'suspend', reason: 'Spam.' })).status).toBe(200);
        expectError(await client.post(`/api/v1/titles/${title.slug}/reviews`, review), 403, 'account_suspended');
        expect((await admin.client.post(path, { action: 'reinstate', reason: 'Appeal upheld.' })).status).toBe(200);
        expect((await client.post(`/api/v1/titles/${title.slug}/reviews`, review)).status).toBe(201);
      });

      it('never uses a session past its end, however long the limit', async () => {
        const user = await newUser(server);
        const end = new Date(Date.now() + 1_500).toISOString();
        await behindTheServersBack(server, `update sessions set expires_at = '${end}' where user_id = ${user.id}`);
        expect((await user.client.get('/api/v1/me')).status).toBe(200); // remembered until the session's end
        await sleep(Date.parse(end) - Date.now() + 100);
        expectError(await user.client.get('/api/v1/me'), 401, 'unauthenticated');
      });

      it('a role that changes', async () => {
        const member = await newUser(server);
        const { client } = await tokenClient(server, member);
        expect((await client.get('/api/v1/me')).body.user.role).toBe('member');
        expectError(await client.post('/api/v1/titles', { name: 'Not Yours', kind: 'film', year: 2020 }), 403, 'forbidden');
        await server.ctx.services.accounts.setRole(member.handle, 'moderator'); // as `marquee user role` does
        expect((await client.get('/api/v1/me')).body.user.role).toBe('moderator');
        expect((await client.post('/api/v1/titles', { name: 'Now Allowed', kind: 'film', year: 2020 })).status).toBe(201);
      });
    });

    if (engine === 'postgres') {
      describe('on two server processes sharing one database', () => {
        let server: TestServer;
        let other: ServerProcess;
        beforeAll(async () => {
          server = await startServer(engine, { MARQUEE_AUTH_CACHE_SECONDS: '60' });
          other = await spawnServer(server.db.url, { MARQUEE_AUTH_CACHE_SECONDS: '60' });
        });
        afterAll(async () => {
          await other?.stop();
          await server?.close();
        });

        it('a token deleted on one is refused by the other within moments, long before the time limit', async () => {
          const user = await newUser(server);
          const { client, id } = await tokenClient(server, user);
          const there = new Client(other.url, client.token);
          expect((await there.get('/api/v1/me')).status).toBe(200); // remembered there for 60 s
          expect((await user.client.del(`/api/v1/tokens/${id}`)).status).toBe(204);
          const deadline = Date.now() + 5_000;
          let status = 200;
          while (status === 200 && Date.now() < deadline) {
            await sleep(25);
            status = (await there.get('/api/v1/me')).status;
          }
          expect(status).toBe(401);
        });
      });
    }
  });
}
