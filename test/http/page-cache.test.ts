// Anonymous first pages come from a byte cache; a write must never leave a reader with a stale page —
// in the same process, and on PostgreSQL across server processes sharing one database (NOTIFY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openContext } from '../../src/context.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { spawnServer, type ServerProcess } from '../support/process.js';

type Page = { items: { id: number; helpful: { yes: number; no: number } }[] };

for (const engine of TEST_ENGINES) {
  describe(`first-page cache on ${engine}`, () => {
    let db: TestDatabase;
    let servers: ServerProcess[] = [];
    let slug: string;
    let reviewId: number;
    const tokens: string[] = [];

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      const ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      const { accounts, catalog, reviews } = ctx.services;
      const admin = await accounts.register({ handle: 'admin_1', email: 'admin@example.test', password: 'long enough password' });
      const title = await catalog.createTitle({ id: admin.id, role: 'admin' }, { name: 'My Mister', kind: 'series', year: 2018, episodes: 16 });
      slug = title.slug;
      reviewId = (await reviews.create({ id: admin.id, role: 'admin' }, slug, { headline: 'Tender', body: 'A quiet show.', rating: 10 })).review.id;
      for (let i = 0; i < 3; i++) {
        const u = await accounts.register({ handle: `reader_${i}`, email: `r${i}@example.test`, password: 'long enough password', role: 'member' });
        tokens.push((await accounts.createToken(u.id, 'test')).token);
      }
      await ctx.close();
      servers = await Promise.all(Array.from({ length: engine === 'postgres' ? 2 : 1 }, () => spawnServer(db.url)));
    });

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await db?.drop();
    });

    const page = async (server: ServerProcess): Promise<Page> => (await fetch(`${server.url}/api/v1/titles/${slug}/reviews?sort=helpful`)).json() as Promise<Page>;
    const vote = async (server: ServerProcess, token: string, helpful: boolean) => {
      const res = await fetch(`${server.url}/api/v1/reviews/${reviewId}/vote`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ helpful }),
      });
      expect(res.status).toBe(200);
    };

    it('shows a vote on the next anonymous read of the same server', async () => {
      const server = servers[0]!;
      expect((await page(server)).items[0]!.helpful).toEqual({ yes: 0, no: 0 });
      expect((await page(server)).items[0]!.helpful).toEqual({ yes: 0, no: 0 }); // now cached
      await vote(server, tokens[0]!, true);
      expect((await page(server)).items[0]!.helpful).toEqual({ yes: 1, no: 0 });
    });

    if (engine === 'postgres') {
      it('drops the cached page on the other server processes too', async () => {
        const [a, b] = servers as [ServerProcess, ServerProcess];
        const before = (await page(b)).items[0]!.helpful; // cached on b
        await vote(a, tokens[1]!, false);
        const expected = { yes: before.yes, no: before.no + 1 };
        // The notification travels through PostgreSQL: allow it a moment, but not forever.
        let seen = (await page(b)).items[0]!.helpful;
        for (let i = 0; i < 40 && JSON.stringify(seen) !== JSON.stringify(expected); i++) {
          await new Promise((r) => setTimeout(r, 50));
          seen = (await page(b)).items[0]!.helpful;
        }
        expect(seen).toEqual(expected);
      });
    }
  });
}
