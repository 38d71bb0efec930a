// An acknowledged vote is durable: the server is killed with SIGKILL in the middle of a stream of
// votes, and every vote it answered with 200 must be there after a restart, with exact counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { spawnServer } from '../support/process.js';

const open = (url: string) => openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });

for (const engine of TEST_ENGINES) {
  describe(`durability on ${engine}`, () => {
    let db: TestDatabase;
    const tokens: string[] = [];
    const reviewIds: number[] = [];

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      const ctx = await open(db.url);
      const { accounts, catalog, reviews } = ctx.services;
      const admin = await accounts.register({ handle: 'admin_1', email: 'admin@example.test', password: 'long enough password' });
      const adminActor = { id: admin.id, role: 'admin' as const };
      for (let t = 0; t < 20; t++) {
        const title = await catalog.createTitle(adminActor, { name: `Title ${t}`, kind: 'film', year: 2000 + t });
        const author = await accounts.register({ handle: `author_${t}`, email: `a${t}@example.test`, password: 'long enough password', role: 'member' });
        // Distinct texts: the default policy holds a near-copy of another account's review.
        const body = `Review ${t} of the durability set: ${'abcdefghijklmnopqrst'[t]} ${t * 7919} notes on pacing ${t * t} and cast ${t + 101}.`;
        const { review } = await reviews.create({ id: author.id, role: 'member' }, title.slug, { headline: 'Fine', body, rating: 7 });
        expect(review.status).toBe('published');
        reviewIds.push(review.id);
      }
      for (let i = 0; i < 40; i++) {
        const u = await accounts.register({ handle: `voter_${i}`, email: `v${i}@example.test`, password: 'long enough password', role: 'member' });
        tokens.push((await accounts.createToken(u.id, 'test')).token);
      }
      await ctx.close();
    });

    afterAll(async () => {
      await db?.drop();
    });

    if (engine === 'sqlite') {
      it('runs SQLite in WAL mode with synchronous=FULL', async () => {
        const ctx = await open(db.url);
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(ctx.db.kysely);
        const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(ctx.db.kysely);
        await ctx.close();
        expect(mode.rows[0]!.journal_mode).toBe('wal');
        expect(sync.rows[0]!.synchronous).toBe(2); // 2 = FULL
      });
    }

    it('keeps every acknowledged vote after kill -9', async () => {
      const server = await spawnServer(db.url);
      // Each (voter, review) pair is voted at most once, so an acknowledged vote's value is final.
      const pairs: { voter: number; review: number; helpful: boolean }[] = [];
      for (let v = 0; v < tokens.length; v++) for (let r = 0; r < reviewIds.length; r++) pairs.push({ voter: v, review: reviewIds[r]!, helpful: (v * 7 + r) % 3 !== 0 });
      const acknowledged: typeof pairs = [];
      let next = 0;
      let killed = false;
      const worker = async () => {
        while (!killed && next < pairs.length) {
          const p = pairs[next++]!;
          try {
            const res = await fetch(`${server.url}/api/v1/reviews/${p.review}/vote`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${tokens[p.voter]}`, 'content-type': 'application/json' },
              body: JSON.stringify({ helpful: p.helpful }),
            });
            if (res.status === 200) acknowledged.push(p);
          } catch {
            /* connection cut by the kill: not acknowledged */
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      // Kill once a good share of votes went through, while the rest are in flight.
      while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(workers);
      await server.stop();
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);
      expect(acknowledged.length).toBeLessThan(pairs.length);

      const ctx = await open(db.url);
      try {
        const stored = await ctx.db.kysely.selectFrom('votes').select(['review_id', 'user_id', 'helpful']).execute();
        const users = await ctx.db.kysely.selectFrom('users').select(['id', 'handle']).execute();
        const idOf = new Map(users.map((u) => [u.handle, u.id]));
        const key = (review: number, user: number) => `${review}:${user}`;
        const storedMap = new Map(stored.map((s) => [key(s.review_id, s.user_id), s.helpful === 1]));
        const missing = acknowledged.filter((a) => storedMap.get(key(a.review, idOf.get(`voter_${a.voter}`)!)) !== a.helpful);
        expect(missing).toEqual([]);
        // Counts equal the stored votes for every review.
        for (const id of reviewIds) {
          const r = await ctx.db.kysely.selectFrom('reviews').select(['helpful_yes', 'helpful_no']).where('id', '=', id).executeTakeFirstOrThrow();
          const votes = stored.filter((s) => s.review_id === id);
          expect({ yes: r.helpful_yes, no: r.helpful_no }).toEqual({ yes: votes.filter((s) => s.helpful === 1).length, no: votes.filter((s) => s.helpful === 0).length });
        }
      } finally {
        await ctx.close();
      }
    });
  });
}
