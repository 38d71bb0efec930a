// SQLite finds a page of review matches in one of three ways (sort every match, collect them and
// walk the helpful order, or walk the helpful order checking each review), chosen by how dense the
// query is (src/store/dialect/search.ts): they must give the same pages. Forced here on the demo
// reviews, and chosen with small thresholds so every path and fallback is taken.
// PostgreSQL has two (read and sort every match, or the planner's own; 'collect' chooses by count)
// and must agree too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'kysely';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { seedDemo } from '../../src/services/seed/demo.js';
import { SearchStore, reindexSearch, type ReviewHit } from '../../src/store/search.store.js';
import { SEARCH_INDEXED_FROM, type ReviewIdQuery } from '../../src/store/dialect/search.js';
import { parseNameQuery } from '../../src/domain/search.js';
import { mulberry32 } from '../../src/domain/random.js';

const QUERIES = [['the'], ['and'], ['the', 'and'], ['series'], ['it'], ['zzqq']];

/**
 * Forced plans, then SQLite's own choice with thresholds small enough for the demo data to take each
 * path: all matches within the sample (sorted); a walk long enough for a page; a walk too short that
 * falls back to reading the matches (sorted, or collected when there are more than sortBelow).
 */
const VARIANTS: [ReviewIdQuery['plan'], ReviewIdQuery['thresholds']][] = [
  ['sort', undefined],
  ['collect', undefined],
  ['walk', undefined],
  [undefined, undefined],
  [undefined, { densitySample: 2, sortBelow: 4, walkMax: 10_000 }],
  [undefined, { densitySample: 2, sortBelow: 4, walkMax: 10_000, walkMargin: 0.3 }],
  [undefined, { densitySample: 2, sortBelow: 10_000, walkMax: 10_000, walkMargin: 0.3 }],
  [undefined, { densitySample: 2, sortBelow: 10_000, walkMax: 3 }],
];

/** Negative when `a` comes first in search order (helpful_score, helpful_total, created_at, id, all descending). */
function compareOrder(a: ReviewHit, b: ReviewHit): number {
  const ka = [Number(a.helpful_score), Number(a.helpful_total), a.created_at, Number(a.id)] as const;
  const kb = [Number(b.helpful_score), Number(b.helpful_total), b.created_at, Number(b.id)] as const;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! > kb[i]! ? -1 : 1;
  return 0;
}

for (const engine of TEST_ENGINES) {
  describe(`review search plans on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      await seedDemo(ctx);
      // Scores spread on both sides of the indexed part of the order (SEARCH_INDEXED_FROM), with ties.
      await sql`update reviews set helpful_score = ((id * 37) % 20) / 20.0`.execute(ctx.db.kysely);
      // Statistics, so PostgreSQL chooses its plan from the words' frequencies (pg_stats).
      await sql`analyze`.execute(ctx.db.kysely);
    });
    afterAll(async () => {
      await ctx?.close();
      await db?.drop();
    });

    it('sort, collect, walk and the chosen plans give the same pages, for both tiers, page after page', async () => {
      const store = new SearchStore(ctx.db.kysely);
      let nonEmpty = 0;
      let bothParts = 0;
      for (const words of QUERIES) {
        for (const tier of [0, 1] as const) {
          for (const publishedOnly of [true, false]) {
            const all = await store.reviewHits({ tier, words, publishedOnly, limit: 1000, plan: 'sort' });
            if (all.length) nonEmpty++;
            // The reference is in search order (checked here, not trusted from the engine's sort).
            for (let i = 1; i < all.length; i++) expect(compareOrder(all[i - 1]!, all[i]!), `${words} order at ${i}`).toBeLessThan(0);
            if (all.some((h) => h.helpful_score >= SEARCH_INDEXED_FROM) && all.some((h) => h.helpful_score < SEARCH_INDEXED_FROM)) bothParts++;
            for (const [plan, thresholds] of VARIANTS) {
              const name = `${words} ${tier} ${plan ?? 'auto'} ${JSON.stringify(thresholds)}`;
              expect(await store.reviewHits({ tier, words, publishedOnly, limit: 1000, plan, thresholds }), name).toEqual(all);
              const paged: ReviewHit[] = [];
              let after: [number, number, string, number] | undefined;
              for (;;) {
                const page = await store.reviewHits({ tier, words, publishedOnly, limit: 3, plan, thresholds, after });
                paged.push(...page);
                if (page.length < 3) break;
                const last = page[page.length - 1]!;
                after = [last.helpful_score, last.helpful_total, last.created_at, last.id];
              }
              expect(paged, `${name} paged`).toEqual(all);
            }
          }
        }
      }
      expect(nonEmpty).toBeGreaterThan(8);
      expect(bothParts).toBeGreaterThan(4);
    });
  });
}

// Names: the general plan (read every match, group, sort) and the dense plan (classes by equality,
// prefix range and walks in result order) must give the same pages. Names built so that every class
// is populated, review counts tie, and keys differ from names (aliases, run-together spellings).
const NAME_QUERIES = ['th', 'the', 'The Harbor', 'harbor', 'h', 'lo', 'love', 'kim', 'ki', 'min ji', 'minji', '사랑', '사', 'zz', 't h'];

function plannedTitles(): { name: string; alias: string | null; reviews: number }[] {
  const rng = mulberry32(11);
  const words = ['The', 'Th', 'Harbor', 'Love', 'Lost', 'Kim', 'Kingdom', 'Min', 'Ji', 'Minji', 'T', 'H', 'Lo', 'Ki'];
  // Titles that match one query in two classes (whole name by one name, name start by the other).
  const out: { name: string; alias: string | null; reviews: number }[] = [
    { name: 'The', alias: 'The Harbor', reviews: 3 },
    { name: 'Th', alias: 'The', reviews: 0 },
    { name: 'Kim', alias: 'Kim Minji', reviews: 5 },
    { name: 'Love Harbor', alias: 'Lo', reviews: 2 },
  ];
  for (let i = 0; i < 160; i++) {
    const n = 1 + Math.floor(rng() * 3);
    const name = Array.from({ length: n }, () => words[Math.floor(rng() * words.length)]!).join(' ');
    // Aliases in Hangul, and Latin ones so that one title can match in two classes ("The" and "The Harbor").
    const roll = rng();
    const alias =
      roll < 0.3 ? ['사랑', '사랑법', '도시의 사랑', '사'][Math.floor(rng() * 4)]!
      : roll < 0.6 ? Array.from({ length: 1 + Math.floor(rng() * 2) }, () => words[Math.floor(rng() * words.length)]!).join(' ')
      : null;
    out.push({ name, alias, reviews: Math.floor(rng() * 6) });
  }
  return out;
}

for (const engine of TEST_ENGINES) {
  describe(`name search plans on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      const k = ctx.db.kysely;
      const now = '2026-01-01T00:00:00.000Z';
      let i = 0;
      for (const t of plannedTitles()) {
        i++;
        const row = await k.insertInto('titles').values({ slug: `t-${i}`, kind: 'film', name: t.name, created_at: now, updated_at: now, review_count: t.reviews }).returning('id').executeTakeFirstOrThrow();
        if (t.alias) await k.insertInto('title_aliases').values({ title_id: row.id, alias: t.alias }).execute();
        await k.insertInto('people').values({ slug: `p-${i}`, name: t.name, created_at: now }).execute();
      }
      await reindexSearch(k);
    });
    afterAll(async () => {
      await ctx?.close();
      await db?.drop();
    });

    it('general, dense and walking plans give the same titles and people, page after page', async () => {
      const store = new SearchStore(ctx.db.kysely);
      const classes = new Set<number>();
      for (const text of NAME_QUERIES) {
        const q = parseNameQuery(text)!;
        const allTitles = await store.titles(q, undefined, 1000, 'general');
        const allPeople = await store.people(q, undefined, 1000, 'general');
        for (const r of [...allTitles, ...allPeople]) classes.add(r.search_class);
        for (const plan of ['general', 'dense', 'walk'] as const) {
          expect((await store.titles(q, undefined, 1000, plan)).map((r) => r.id), `${text} ${plan}`).toEqual(allTitles.map((r) => r.id));
          expect((await store.people(q, undefined, 1000, plan)).map((r) => r.id), `${text} ${plan}`).toEqual(allPeople.map((r) => r.id));
          const titles: number[] = [];
          for (let after: [number, number, number] | undefined; ; ) {
            const page = await store.titles(q, after, 4, plan);
            titles.push(...page.map((r) => r.id));
            if (page.length < 4) break;
            const last = page[page.length - 1]!;
            after = [last.search_class, Number(last.review_count), last.id];
          }
          expect(titles, `${text} ${plan} paged`).toEqual(allTitles.map((r) => r.id));
          const people: number[] = [];
          for (let after: [number, number] | undefined; ; ) {
            const page = await store.people(q, after, 4, plan);
            people.push(...page.map((r) => r.id));
            if (page.length < 4) break;
            const last = page[page.length - 1]!;
            after = [last.search_class, last.id];
          }
          expect(people, `${text} ${plan} paged`).toEqual(allPeople.map((r) => r.id));
        }
      }
      expect([...classes].sort()).toEqual([0, 1, 2]); // every class is exercised
    });
  });
}
