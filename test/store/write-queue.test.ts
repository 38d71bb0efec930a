// Group commit: writes arriving together commit together, each caller learns its own outcome, and one
// failing write never takes its neighbours down with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { AppError } from '../../src/domain/errors.js';
import { WriteQueue } from '../../src/store/write-queue.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

for (const engine of TEST_ENGINES) {
  describe(`write queue on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    const now = '2026-01-01T00:00:00.000Z';
    const person = (name: string) => (trx: Parameters<Parameters<WriteQueue['run']>[0]>[0]) =>
      trx.insertInto('people').values({ slug: name, name, original_name: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const count = async () => Number((await ctx.db.kysely.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
    });
    afterAll(async () => {
      await ctx?.close();
      await db?.drop();
    });

    it('commits concurrent writes in groups and answers each after its commit', async () => {
      const queue = new WriteQueue(ctx.db.kysely, { maxBatch: 50, concurrency: 1, isRetryable: () => false });
      const transactions = new Set<unknown>();
      const before = await count();
      const results = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          queue.run(async (trx) => {
            transactions.add(trx); // writes of one group share one transaction object
            return person(`group-${i}`)(trx);
          }),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(120);
      // 120 writes arriving together need far fewer commits than writes (groups of at most 50).
      expect(transactions.size).toBeGreaterThanOrEqual(3);
      expect(transactions.size).toBeLessThan(10);
      // Once answered, each write is visible to a fresh reader.
      expect(await count()).toBe(before + 120);
      await queue.close();
    });

    it('fails only the write that is refused or breaks, never its neighbours', async () => {
      const queue = new WriteQueue(ctx.db.kysely, { maxBatch: 50, concurrency: 1, isRetryable: () => false });
      const before = await count();
      const outcomes = await Promise.allSettled([
        queue.run(person('ok-1')),
        queue.run(async () => {
          throw new AppError('forbidden', 'refused before writing');
        }),
        queue.run(person('ok-2')),
        queue.run(person('ok-1')), // unique slug violation: a real database error mid-group
        queue.run(person('ok-3')),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(ctx.db.uniqueViolation((outcomes[3] as PromiseRejectedResult).reason)).toBe('people.slug');
      expect(await count()).toBe(before + 3);
      await queue.close();
    });

    it('finishes queued writes on close and refuses new ones after', async () => {
      const queue = new WriteQueue(ctx.db.kysely, { maxBatch: 5, concurrency: 1, isRetryable: () => false });
      const pending = Array.from({ length: 12 }, (_, i) => queue.run(person(`closing-${i}`)));
      await queue.close();
      await expect(Promise.all(pending)).resolves.toHaveLength(12);
      await expect(queue.run(person('late'))).rejects.toMatchObject({ code: 'unavailable' });
    });
  });
}
