// Listing a title's reviews reads one index in the requested order: the first page of a title with
// many reviews costs about as much as one with few, because no sort step ever sees all of them.
// Checked through the engines' own query plans, for every sort and with the common filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql, type Compilable } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { ReviewsStore, REVIEW_SORTS, cursorValuesOf, type TitleListing } from '../../src/store/reviews.store.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const BIG = 20_000;

async function insertChunked<T>(ctx: AppContext, table: 'users' | 'titles' | 'reviews', rows: T[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await ctx.db.kysely.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
  }
}

for (const engine of TEST_ENGINES) {
  describe(`review listings on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    const now = '2026-01-01T00:00:00.000Z';

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      await insertChunked(ctx, 'users', Array.from({ length: BIG }, (_, i) => ({
        handle: `u${i}`, handle_key: `u${i}`, email: `u${i}@x.test`, email_key: `u${i}@x.test`, display_name: `U ${i}`, password_hash: '!', role: 'member', created_at: now,
      })));
      await insertChunked(ctx, 'titles', [1, 2].map((n) => ({ slug: `t${n}`, kind: 'film', name: `T${n}`, created_at: now, updated_at: now })));
      const review = (i: number, titleId: number) => {
        const yes = (i * 7919) % 50;
        const no = (i * 104729) % 20;
        return {
          title_id: titleId, author_id: i + 1, headline: 'h', body: 'b', rating_x2: 2 + (i % 19), contains_spoilers: i % 9 === 0 ? 1 : 0,
          status: i % 50 === 0 ? 'hidden' : 'published', helpful_yes: yes, helpful_no: no, helpful_total: yes + no, helpful_score: yes / (yes + no + 1),
          quality_json: '[]', created_at: new Date(Date.parse(now) + (i % 997) * 60_000).toISOString(), updated_at: now,
        };
      };
      await insertChunked(ctx, 'reviews', [
        ...Array.from({ length: BIG }, (_, i) => review(i, 1)),
        ...Array.from({ length: 10 }, (_, i) => review(i, 2)),
      ]);
      if (engine === 'postgres') await sql`analyze`.execute(ctx.db.kysely);
      else await sql`analyze`.execute(ctx.db.kysely);
    }, 120_000);

    afterAll(async () => {
      await ctx?.close();
      await db?.drop();
    });

    const plan = async (query: Compilable): Promise<string> => {
      const compiled = query.compile();
      if (engine === 'sqlite') {
        const rows = await ctx.db.kysely.executeQuery<{ detail: string }>({ ...compiled, sql: `explain query plan ${compiled.sql}` });
        return rows.rows.map((r) => r.detail).join('\n');
      }
      const rows = await ctx.db.kysely.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `explain ${compiled.sql}` });
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    };

    for (const sort of REVIEW_SORTS) {
      for (const filters of [{}, { excludeSpoilers: true }, { ratingMinX2: 10 }] as Partial<TitleListing>[]) {
        it(`reads the ${sort} index in order ${JSON.stringify(filters)}`, async () => {
          const store = new ReviewsStore(ctx.db.kysely);
          const q: TitleListing = { titleId: 1, sort, publishedOnly: true, excludeSpoilers: false, limit: 21, ...filters };
          const first = await plan(store.titleListingQuery(q));
          if (process.env.SHOW_PLANS) console.log(engine, sort, JSON.stringify(filters), first);
          expect(first).toMatch(new RegExp(`reviews_by_${sort}`));
          expect(first).not.toMatch(/TEMP B-TREE|Sort/i);
          // A later page (keyset cursor) uses the same index, starting at the cursor.
          const page = await store.listForTitle(q);
          const next = await plan(store.titleListingQuery({ ...q, after: cursorValuesOf(sort, page[page.length - 1]!) }));
          expect(next).toMatch(new RegExp(`reviews_by_${sort}`));
          expect(next).not.toMatch(/TEMP B-TREE|Sort/i);
        });
      }
    }

    it('returns pages in the order the sort promises', async () => {
      const store = new ReviewsStore(ctx.db.kysely);
      const rows = await store.listForTitle({ titleId: 1, sort: 'helpful', publishedOnly: true, excludeSpoilers: false, limit: 200 });
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1]!;
        const b = rows[i]!;
        const cmp = a.helpful_score - b.helpful_score || a.helpful_total - b.helpful_total || a.created_at.localeCompare(b.created_at) || a.id - b.id;
        expect(cmp).toBeGreaterThan(0);
      }
      expect(rows.every((r) => r.status === 'published')).toBe(true);
    });
  });
}
