// Votes from 1,000 accounts on random reviews through HTTP; afterwards every touched review's counts
// must equal its stored votes exactly. Also the server's peak memory under that load.
import { sql } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { hashSecret, newSecret } from '../src/services/accounts.service.js';
import { UsersStore } from '../src/store/users.store.js';
import { load, portBase, startMarquee, type LoadResult } from './lib.js';
import { mulberry32 } from '../src/domain/random.js';

/**
 * Which reviews get the votes:
 * - uniform: any of all reviews, equally likely (the worst case: nearly every vote touches pages no
 *   other vote in its group touches, and that nothing has cached);
 * - readers: where readers vote — a title picked in proportion to its reviews, then one of the 60
 *   reviews on its first three `sort=helpful` pages.
 */
export type VoteTargets = 'uniform' | 'readers';

export interface VotesResult {
  targets: VoteTargets;
  accounts: number;
  load: LoadResult;
  votes_per_second: number;
  reviews_touched: number;
  counts_exact: boolean;
  mismatches: number;
  peak_rss_mb: number;
}

export async function votesBenchmark(databaseUrl: string, duration: number, targets: VoteTargets = 'uniform'): Promise<VotesResult> {
  const ctx = await openContext(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  const tokens: string[] = [];
  const now = new Date().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const users = new UsersStore(trx);
    for (let i = 0; i < 1000; i++) {
      const u = await users.create({ handle: `bench_voter_${i}`, email: `bench${i}@bench.invalid`, displayName: `Bench ${i}`, passwordHash: '!', role: 'member', now });
      const token = newSecret('mq_');
      await users.createToken(u.id, 'bench', hashSecret(token), now);
      tokens.push(token);
    }
  });
  const maxId = Number((await sql<{ n: number }>`select max(id) as n from reviews`.execute(ctx.db.kysely)).rows[0]!.n);
  const readerTargets = targets === 'readers' ? await readerWeightedReviews(ctx, 50_000) : [];
  await ctx.close();

  const server = await startMarquee(databaseUrl, portBase + 3);
  const touched = new Set<number>();
  const rand = mulberry32(12345); // fixed seed, so runs are comparable
  let result: LoadResult;
  let peak: number;
  try {
    result = await load({
      url: server.url,
      duration,
      requests: [
        {
          method: 'PUT',
          setupRequest: (req) => {
            const review = targets === 'uniform' ? 1 + Math.floor(rand() * maxId) : readerTargets[Math.floor(rand() * readerTargets.length)]!;
            touched.add(review);
            return {
              ...req,
              path: `/api/v1/reviews/${review}/vote`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[Math.floor(rand() * tokens.length)]}` },
              body: rand() < 0.7 ? '{"helpful":true}' : '{"helpful":false}',
            };
          },
        },
      ],
    });
    peak = server.peakRssMb();
  } finally {
    await server.stop();
  }

  // Exactness: stored counts against a fresh tally of the votes table, for every touched review.
  const check = await openContext(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }), migrate: false });
  let mismatches = 0;
  const ids = [...touched];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await sql<{ id: number }>`
      select r.id from reviews r
      left join (select review_id, sum(helpful) as yes, count(*) - sum(helpful) as no from votes where review_id in (${sql.join(chunk)}) group by review_id) t
        on t.review_id = r.id
      where r.id in (${sql.join(chunk)}) and (r.helpful_yes <> coalesce(t.yes, 0) or r.helpful_no <> coalesce(t.no, 0))`.execute(check.db.kysely);
    mismatches += rows.rows.length;
  }
  await check.close();
  return {
    targets,
    accounts: tokens.length,
    load: result,
    votes_per_second: result.rps,
    reviews_touched: touched.size,
    counts_exact: mismatches === 0,
    mismatches,
    peak_rss_mb: peak,
  };
}

/** `n` review ids drawn as readers vote: titles by share of reviews, then the first three pages. */
async function readerWeightedReviews(ctx: Awaited<ReturnType<typeof openContext>>, n: number): Promise<number[]> {
  const titles = await ctx.db.kysely.selectFrom('titles').select(['id', 'review_count']).where('review_count', '>', 0).execute();
  const cumulative: number[] = [];
  let total = 0;
  for (const t of titles) cumulative.push((total += Number(t.review_count)));
  const rand = mulberry32(99);
  const pages = new Map<number, number[]>();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rand() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const titleId = titles[lo]!.id;
    let ids = pages.get(titleId);
    if (!ids) {
      const rows = await ctx.db.kysely
        .selectFrom('reviews')
        .select('id')
        .where('title_id', '=', titleId)
        .where('status', '=', 'published')
        .orderBy('helpful_score', 'desc')
        .orderBy('helpful_total', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(60)
        .execute();
      ids = rows.map((r) => r.id);
      pages.set(titleId, ids);
    }
    out.push(ids[Math.floor(rand() * ids.length)]!);
  }
  return out;
}
