// SQLite finds a page of review matches in one of three ways, chosen by how many matches there are
// (src/store/dialect/search.ts): they must give the same pages. Forced here on the demo reviews.
// PostgreSQL has two (read and sort every match, or the planner's own; 'collect' chooses by count)
// and must agree too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { seedDemo } from '../../src/services/seed/demo.js';
import { SearchStore, type ReviewHit } from '../../src/store/search.store.js';

const QUERIES = [['the'], ['and'], ['the', 'and'], ['series'], ['it'], ['zzqq']];

for (const engine of TEST_ENGINES) {
  describe(`review search plans on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      await seedDemo(ctx);
    });
    afterAll(async () => {
      await ctx?.close();
      await db?.drop();
    });

    it('sort, collect and probe give the same pages, for both tiers, page after page', async () => {
      const store = new SearchStore(ctx.db.kysely);
      let nonEmpty = 0;
      for (const words of QUERIES) {
        for (const tier of [0, 1] as const) {
          for (const publishedOnly of [true, false]) {
            const all = await store.reviewHits({ tier, words, publishedOnly, limit: 1000, plan: 'sort' });
            if (all.length) nonEmpty++;
            for (const plan of ['sort', 'collect', 'probe'] as const) {
              expect(await store.reviewHits({ tier, words, publishedOnly, limit: 1000, plan }), `${words} ${tier} ${plan}`).toEqual(all);
              const paged: ReviewHit[] = [];
              let after: [number, number, string, number] | undefined;
              for (;;) {
                const page = await store.reviewHits({ tier, words, publishedOnly, limit: 3, plan, after });
                paged.push(...page);
                if (page.length < 3) break;
                const last = page[page.length - 1]!;
                after = [last.helpful_score, last.helpful_total, last.created_at, last.id];
              }
              expect(paged, `${words} ${tier} ${plan} paged`).toEqual(all);
            }
          }
        }
      }
      expect(nonEmpty).toBeGreaterThan(8);
    });
  });
}
