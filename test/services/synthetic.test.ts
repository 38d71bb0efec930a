// `seed synthetic` on every engine: exact counts, stored aggregates that agree with the rows they
// summarise, the promised skew, and the same rows for the same seed (on either engine).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { seedSynthetic, apportion, type SyntheticOptions, type SyntheticSummary } from '../../src/services/seed/synthetic.js';
import { helpfulScore } from '../../src/domain/ranking.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const SMALL = { titles: 50, users: 300, reviews: 3000, votes: 20_000, seed: 7 } satisfies SyntheticOptions;

async function open(url: string): Promise<AppContext> {
  return openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', MARQUEE_RATE_LIMIT: 'off' }), { logger: pino({ level: 'silent' }) });
}

/** A fresh database seeded with `opts`; the caller closes and drops it. */
async function seeded(engine: (typeof TEST_ENGINES)[number], opts: SyntheticOptions) {
  const db = await createTestDatabase(engine);
  const ctx = await open(db.url);
  const summary = await seedSynthetic(ctx, opts);
  return { db, ctx, summary };
}

async function reviewsHash(ctx: AppContext): Promise<string> {
  const rows = await ctx.db.kysely.selectFrom('reviews').select(['id', 'title_id', 'author_id', 'rating_x2', 'body']).orderBy('id').execute();
  const h = createHash('sha256');
  for (const r of rows) h.update(`${Number(r.id)}|${Number(r.title_id)}|${Number(r.author_id)}|${Number(r.rating_x2)}|${r.body}\n`);
  return h.digest('hex');
}

async function votesHash(ctx: AppContext): Promise<string> {
  const rows = await ctx.db.kysely.selectFrom('votes').select(['review_id', 'user_id', 'helpful', 'created_at']).orderBy('review_id').orderBy('user_id').execute();
  const h = createHash('sha256');
  for (const r of rows) h.update(`${Number(r.review_id)}|${Number(r.user_id)}|${Number(r.helpful)}|${r.created_at}\n`);
  return h.digest('hex');
}

/** Per engine, for the cross-engine comparison at the end. */
const hashes = new Map<string, { reviews: string; votes: string }>();

for (const engine of TEST_ENGINES) {
  describe(`seed synthetic on ${engine}`, () => {
    let db: TestDatabase;
    let ctx: AppContext;
    let summary: SyntheticSummary;
    const progress: Record<string, number> = {};

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      ctx = await open(db.url);
      summary = await seedSynthetic(ctx, {
        ...SMALL,
        onProgress: (phase, done, total) => {
          expect(done).toBeLessThanOrEqual(total);
          progress[phase] = done;
        },
      });
    }, 120_000);

    afterAll(async () => {
      await ctx?.close();
      await db?.drop();
    });

    const count = async (table: 'users' | 'titles' | 'reviews' | 'votes' | 'ratings') =>
      Number((await ctx.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('writes exactly the rows asked for and says so', async () => {
      expect(summary).toMatchObject({ seed: 7, titles: 50, users: 300, reviews: 3000, votes: 20_000, ratings: 3000 });
      expect(summary.seconds).toBeGreaterThan(0);
      expect(Object.keys(summary.phase_seconds)).toEqual(['plan', 'users', 'titles', 'reviews_and_votes', 'review_indexes', 'ratings', 'analyze']);
      expect(await count('titles')).toBe(50);
      expect(await count('users')).toBe(300);
      expect(await count('reviews')).toBe(3000);
      expect(await count('votes')).toBe(20_000);
      expect(await count('ratings')).toBe(3000);
      expect(progress).toEqual({ users: 300, titles: 50, reviews: 3000, votes: 20_000, ratings: 3000 });
      const ids = await ctx.db.kysely
        .selectFrom('reviews')
        .select((eb) => [eb.fn.min('id').as('min'), eb.fn.max('id').as('max')])
        .executeTakeFirstOrThrow();
      expect([Number(ids.min), Number(ids.max)]).toEqual([1, 3000]);
    });

    it('leaves every seeded review findable by search, and search upkeep on for later writes', async () => {
      // The load suspends the review word index's per-row upkeep and rebuilds it once at the end.
      const review = await ctx.db.kysely.selectFrom('reviews').select(['id', 'headline']).where('id', '=', 1234).executeTakeFirstOrThrow();
      const word = review.headline.split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 4)!;
      const found = async (q: string) => {
        const ids: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await ctx.services.search.search(null, { q, type: 'reviews', limit: 100, cursor });
          ids.push(...page.items.map((i) => Number((i as { id: number }).id)));
          cursor = page.next_cursor ?? undefined;
        } while (cursor && !ids.includes(1234));
        return ids;
      };
      expect(await found(word)).toContain(1234);
      await ctx.db.kysely.updateTable('reviews').set({ headline: 'Zyxwvut quizzical headline' }).where('id', '=', 1234).execute();
      expect(await found('zyxwvut')).toEqual([1234]);
    });

    it('makes accounts that cannot sign in, with the promised names', async () => {
      const users = await ctx.db.kysely.selectFrom('users').selectAll().orderBy('id').limit(2).execute();
      expect(users[0]).toMatchObject({ id: 1, handle: 'user000001', handle_key: 'user000001', email: 'user1@synthetic.invalid', password_hash: '!', role: 'member' });
      expect(users[1]!.display_name).toMatch(/^\p{Lu}/u);
      const slugs = await ctx.db.kysely.selectFrom('titles').select(['slug', 'kind', 'episodes', 'year']).execute();
      expect(new Set(slugs.map((s) => s.slug)).size).toBe(50);
      for (const t of slugs) {
        expect(t.slug).toMatch(/^[a-z0-9-]+$/);
        expect(t.year).toBeGreaterThanOrEqual(1990);
        expect(t.year).toBeLessThanOrEqual(2025);
        if (t.kind === 'film') expect(t.episodes).toBeNull();
        else expect(Number(t.episodes)).toBeGreaterThanOrEqual(8);
      }
    });

    it('stores on each review the tally of its votes, and the Wilson score of that tally', async () => {
      const mismatched = await sql<{ id: number }>`
        select r.id from reviews r
        left join (select review_id, sum(helpful) as yes, count(*) - sum(helpful) as no from votes group by review_id) v on v.review_id = r.id
        where coalesce(v.yes, 0) <> r.helpful_yes or coalesce(v.no, 0) <> r.helpful_no or r.helpful_total <> r.helpful_yes + r.helpful_no`.execute(ctx.db.kysely);
      expect(mismatched.rows).toEqual([]);
      const rows = await ctx.db.kysely.selectFrom('reviews').select(['id', 'helpful_yes', 'helpful_no', 'helpful_score']).execute();
      for (const r of rows) expect(Number(r.helpful_score)).toBeCloseTo(helpfulScore(Number(r.helpful_yes), Number(r.helpful_no)), 12);
    });

    it('never lets anyone vote on their own review, and dates votes after the review', async () => {
      const own = await sql<{ n: number }>`select count(*) as n from votes v join reviews r on r.id = v.review_id where v.user_id = r.author_id`.execute(ctx.db.kysely);
      expect(Number(own.rows[0]!.n)).toBe(0);
      const early = await sql<{ n: number }>`select count(*) as n from votes v join reviews r on r.id = v.review_id where v.created_at < r.created_at`.execute(ctx.db.kysely);
      expect(Number(early.rows[0]!.n)).toBe(0);
    });

    it('dates reviews after their author joined, in id order, and keeps episodes within the title', async () => {
      const early = await sql<{ n: number }>`select count(*) as n from reviews r join users u on u.id = r.author_id where r.created_at < u.created_at`.execute(ctx.db.kysely);
      expect(Number(early.rows[0]!.n)).toBe(0);
      const times = await ctx.db.kysely.selectFrom('reviews').select(['created_at', 'updated_at']).orderBy('id').execute();
      for (let i = 1; i < times.length; i++) expect(times[i]!.created_at >= times[i - 1]!.created_at).toBe(true);
      expect(times.every((t) => t.created_at === t.updated_at)).toBe(true);
      const over = await sql<{ n: number }>`select count(*) as n from reviews r join titles t on t.id = r.title_id
        where (t.episodes is null and r.episodes_seen is not null) or r.episodes_seen > t.episodes`.execute(ctx.db.kysely);
      expect(Number(over.rows[0]!.n)).toBe(0);
    });

    it('keeps every title aggregate and the instance aggregate equal to the ratings', async () => {
      const titles = await ctx.db.kysely.selectFrom('titles').selectAll().orderBy('id').execute();
      const ratings = await ctx.db.kysely.selectFrom('ratings').select(['title_id', 'rating_x2']).execute();
      const reviews = await ctx.db.kysely.selectFrom('reviews').select(['title_id']).execute();
      const expected = new Map<number, { count: number; sum: number; hist: number[]; reviews: number }>();
      for (const t of titles) expected.set(Number(t.id), { count: 0, sum: 0, hist: Array(10).fill(0), reviews: 0 });
      for (const r of ratings) {
        const e = expected.get(Number(r.title_id))!;
        e.count++;
        e.sum += Number(r.rating_x2);
        e.hist[Math.floor(Number(r.rating_x2) / 2) - 1]!++;
      }
      for (const r of reviews) expected.get(Number(r.title_id))!.reviews++;
      for (const t of titles) {
        const e = expected.get(Number(t.id))!;
        const hist = [t.hist_1, t.hist_2, t.hist_3, t.hist_4, t.hist_5, t.hist_6, t.hist_7, t.hist_8, t.hist_9, t.hist_10].map(Number);
        expect({ id: t.id, count: Number(t.rating_count), sum: Number(t.rating_sum_x2), hist, reviews: Number(t.review_count) }).toEqual({ id: t.id, ...e });
      }
      const stats = await ctx.db.kysely.selectFrom('instance_stats').selectAll().executeTakeFirstOrThrow();
      expect([Number(stats.rating_count), Number(stats.rating_sum_x2)]).toEqual([ratings.length, ratings.reduce((s, r) => s + Number(r.rating_x2), 0)]);
      // Each review's rating is its author's rating of the title.
      const apart = await sql<{ n: number }>`select count(*) as n from reviews r left join ratings g on g.user_id = r.author_id and g.title_id = r.title_id
        where g.rating_x2 is null or g.rating_x2 <> r.rating_x2 or g.created_at <> r.created_at`.execute(ctx.db.kysely);
      expect(Number(apart.rows[0]!.n)).toBe(0);
    });

    it('skews like a real site: a few titles and reviews get most of the attention', async () => {
      const counts = (await ctx.db.kysely.selectFrom('titles').select(['id', 'review_count']).orderBy('id').execute()).map((t) => Number(t.review_count));
      const sorted = [...counts].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      expect(counts[0]).toBe(Math.max(...counts));
      expect(counts[0]!).toBeGreaterThan(5 * median);
      expect(counts[0]!).toBeLessThanOrEqual(SMALL.users);

      const totals = (await ctx.db.kysely.selectFrom('reviews').select('helpful_total').execute()).map((r) => Number(r.helpful_total));
      totals.sort((a, b) => a - b);
      expect(totals[Math.floor(totals.length / 2)]!).toBeLessThanOrEqual(5);
      expect(totals.at(-1)!).toBeGreaterThan(100);
      expect(totals.at(-1)!).toBeLessThanOrEqual(SMALL.users - 1);

      const ratings = (await ctx.db.kysely.selectFrom('reviews').select('rating_x2').execute()).map((r) => Number(r.rating_x2));
      const share = (lo: number, hi: number) => ratings.filter((x) => x >= lo * 2 && x <= hi * 2).length / ratings.length;
      expect(share(6, 9)).toBeGreaterThan(0.5);
      expect(share(1, 1)).toBeGreaterThan(0.01);

      const bodies = (await ctx.db.kysely.selectFrom('reviews').select(['body', 'story_x2', 'contains_spoilers']).execute());
      const lengths = bodies.map((b) => b.body.length).sort((a, b) => a - b);
      expect(lengths[0]!).toBeGreaterThanOrEqual(60);
      expect(lengths.at(-1)!).toBeLessThanOrEqual(20_000);
      expect(lengths[Math.floor(lengths.length / 2)]!).toBeGreaterThan(400);
      expect(lengths[Math.floor(lengths.length / 2)]!).toBeLessThan(900);
      expect(lengths.at(-1)! / lengths[Math.floor(lengths.length / 2)]!).toBeGreaterThan(5);
      expect(bodies.some((b) => b.body.includes('\n\n'))).toBe(true);
      const scored = bodies.filter((b) => b.story_x2 !== null).length / bodies.length;
      expect(scored).toBeGreaterThan(0.3);
      expect(scored).toBeLessThan(0.5);
      const spoilers = bodies.filter((b) => Number(b.contains_spoilers) === 1).length / bodies.length;
      expect(spoilers).toBeGreaterThan(0.04);
      expect(spoilers).toBeLessThan(0.12);
    });

    it('lets votes lean by review quality: long reviews with sub-scores are found more helpful', async () => {
      const rows = await ctx.db.kysely.selectFrom('reviews').select(['body', 'story_x2', 'helpful_yes', 'helpful_no']).execute();
      const lengths = rows.map((r) => r.body.length).sort((a, b) => a - b);
      const median = lengths[Math.floor(lengths.length / 2)]!;
      const yesShare = (keep: (r: (typeof rows)[number]) => boolean) => {
        let yes = 0;
        let all = 0;
        for (const r of rows.filter(keep)) {
          yes += Number(r.helpful_yes);
          all += Number(r.helpful_yes) + Number(r.helpful_no);
        }
        return yes / all;
      };
      const good = yesShare((r) => r.body.length > median && r.story_x2 !== null);
      const poor = yesShare((r) => r.body.length <= median && r.story_x2 === null);
      expect(good).toBeGreaterThan(poor + 0.15);
    });

    it('gives the same rows for the same seed and different ones for another seed', async () => {
      const mine = { reviews: await reviewsHash(ctx), votes: await votesHash(ctx) };
      hashes.set(engine, mine);
      const again = await seeded(engine, SMALL);
      const other = await seeded(engine, { ...SMALL, seed: 8 });
      try {
        expect(await reviewsHash(again.ctx)).toBe(mine.reviews);
        expect(await votesHash(again.ctx)).toBe(mine.votes);
        expect(await reviewsHash(other.ctx)).not.toBe(mine.reviews);
        expect(await votesHash(other.ctx)).not.toBe(mine.votes);
      } finally {
        for (const s of [again, other]) {
          await s.ctx.close();
          await s.db.drop();
        }
      }
    }, 120_000);

    it('refuses a database that already has data, and impossible requests', async () => {
      await expect(seedSynthetic(ctx, SMALL)).rejects.toThrow(/seed synthetic needs an empty database/);
      await expect(seedSynthetic(ctx, { ...SMALL, titles: 2, users: 3, reviews: 7 })).rejects.toThrow(/titles × users/);
      await expect(seedSynthetic(ctx, { ...SMALL, users: 2, reviews: 10, votes: 11 })).rejects.toThrow(/reviews × \(users − 1\)/);
      expect(await count('reviews')).toBe(3000);
    });
  });
}

describe('seed synthetic across engines', () => {
  it.runIf(TEST_ENGINES.length > 1)('writes the same reviews and votes on every engine', () => {
    const all = [...hashes.values()];
    expect(all.length).toBe(TEST_ENGINES.length);
    for (const h of all) expect(h).toEqual(all[0]);
  });
});

describe('apportion', () => {
  it('sums exactly to the total and respects the cap', () => {
    const weights = Float64Array.from({ length: 1000 }, (_, i) => 1 / (i + 1) ** 1.5);
    const out = apportion(weights, 20_000, 300);
    expect(out.reduce((s, x) => s + x, 0)).toBe(20_000);
    expect(Math.max(...out)).toBe(300);
    for (let i = 1; i < out.length; i++) expect(out[i]!).toBeLessThanOrEqual(Math.max(300, out[i - 1]! + 1));
    expect([...apportion(new Float64Array([1, 1, 1]), 9, 3)]).toEqual([3, 3, 3]);
    expect([...apportion(new Float64Array([0, 0]), 0, 3)]).toEqual([0, 0]);
  });
});
