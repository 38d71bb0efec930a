// Counts are exact under any concurrency: 200 concurrent votes from 50 accounts (including changes
// and withdrawals) at one review, then yes/no must equal the stored votes exactly. On SQLite through
// one server; on PostgreSQL through two server processes sharing one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { helpfulScore } from '../../src/domain/ranking.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { spawnServer, type ServerProcess } from '../support/process.js';

type Op = { voter: number; action: 'yes' | 'no' | 'delete' };

for (const engine of TEST_ENGINES) {
  describe(`concurrent votes on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    let servers: ServerProcess[] = [];
    const tokens: string[] = [];
    let reviewId: number;

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      const { accounts, catalog, reviews } = ctx.services;
      const admin = await accounts.register({ handle: 'admin_1', email: 'admin@example.test', password: 'long enough password' });
      const title = await catalog.createTitle({ id: admin.id, role: 'admin' }, { name: 'Where Your Eyes Linger', kind: 'series', year: 2020, episodes: 8 });
      const { review } = await reviews.create({ id: admin.id, role: 'admin' }, title.slug, { headline: 'Quietly devastating', body: 'A short body.', rating: 9 });
      reviewId = review.id;
      for (let i = 0; i < 50; i++) {
        const u = await accounts.register({ handle: `voter_${i}`, email: `v${i}@example.test`, password: 'long enough password', role: 'member' });
        tokens.push((await accounts.createToken(u.id, 'test')).token);
      }
      // The test's own context writes nothing more; the servers do.
      const processes = engine === 'postgres' ? 2 : 1;
      servers = await Promise.all(Array.from({ length: processes }, () => spawnServer(db.url)));
    });

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await ctx?.close();
      await db?.drop();
    });

    it('keeps yes/no equal to the stored votes after 200 concurrent votes', async () => {
      const ops = fc.sample(
        fc.record({ voter: fc.integer({ min: 0, max: 49 }), action: fc.constantFrom<Op['action']>('yes', 'yes', 'no', 'delete') }),
        { numRuns: 200, seed: 42 },
      );
      const results = await Promise.all(
        ops.map(async (op, i) => {
          const server = servers[i % servers.length]!;
          const res = await fetch(`${server.url}/api/v1/reviews/${reviewId}/vote`, {
            method: op.action === 'delete' ? 'DELETE' : 'PUT',
            headers: { authorization: `Bearer ${tokens[op.voter]}`, ...(op.action === 'delete' ? {} : { 'content-type': 'application/json' }) },
            body: op.action === 'delete' ? undefined : JSON.stringify({ helpful: op.action === 'yes' }),
          });
          return { status: res.status, body: (await res.json()) as { helpful: { yes: number; no: number } } };
        }),
      );
      expect(results.map((r) => r.status)).toEqual(ops.map(() => 200));

      const stored = await ctx.db.kysely.selectFrom('votes').select(['user_id', 'helpful']).where('review_id', '=', reviewId).execute();
      const yes = stored.filter((v) => v.helpful === 1).length;
      const no = stored.filter((v) => v.helpful === 0).length;
      const review = await ctx.db.kysely.selectFrom('reviews').selectAll().where('id', '=', reviewId).executeTakeFirstOrThrow();
      expect({ yes: review.helpful_yes, no: review.helpful_no }).toEqual({ yes, no });
      expect(review.helpful_total).toBe(yes + no);
      expect(review.helpful_score).toBeCloseTo(helpfulScore(yes, no), 12);
      // At most one stored vote per person, and only from the people who voted.
      expect(new Set(stored.map((v) => v.user_id)).size).toBe(stored.length);
      // Every answer showed counts that were true at some moment: never negative, never above 50.
      for (const r of results) {
        expect(r.body.helpful.yes).toBeGreaterThanOrEqual(0);
        expect(r.body.helpful.yes + r.body.helpful.no).toBeLessThanOrEqual(50);
      }
      // Through the API as well.
      const api = (await (await fetch(`${servers[0]!.url}/api/v1/reviews/${reviewId}`)).json()) as { review: { helpful: { yes: number; no: number } } };
      expect(api.review.helpful).toEqual({ yes, no });
    });
  });
}
