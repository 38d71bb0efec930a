// Helpfulness votes. Exactness is the database's job: the primary key (review_id, user_id) allows one
// vote per person per review, and the review's counts change in the same transaction as the vote,
// after its row is locked (PostgreSQL FOR UPDATE; SQLite's BEGIN IMMEDIATE holds the write lock).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { engineOf, forUpdate } from './dialect/index.js';
import { PreparedQuery } from './prepared.js';

export interface VoteTarget {
  id: number;
  title_id: number;
  author_id: number;
  status: string;
  helpful_yes: number;
  helpful_no: number;
}

// The vote's statements, compiled once (src/store/prepared.ts): a vote runs all four.
const LOCK_REVIEW = new PreparedQuery(1, (db, reviewId: number) =>
  forUpdate(
    engineOf(db),
    db.selectFrom('reviews').select(['id', 'title_id', 'author_id', 'status', 'helpful_yes', 'helpful_no']).where('id', '=', reviewId),
  ),
);
const CURRENT = new PreparedQuery(2, (db, reviewId: number, userId: number) =>
  db.selectFrom('votes').select('helpful').where('review_id', '=', reviewId).where('user_id', '=', userId),
);
const PUT = new PreparedQuery(4, (db, reviewId: number, userId: number, helpful: number, now: string) =>
  db
    .insertInto('votes')
    .values({ review_id: reviewId, user_id: userId, helpful, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['review_id', 'user_id']).doUpdateSet({ helpful: (eb) => eb.ref('excluded.helpful'), updated_at: (eb) => eb.ref('excluded.updated_at') })),
);
const REMOVE = new PreparedQuery(2, (db, reviewId: number, userId: number) =>
  db.deleteFrom('votes').where('review_id', '=', reviewId).where('user_id', '=', userId),
);
const SET_COUNTS = new PreparedQuery(5, (db, reviewId: number, yes: number, no: number, total: number, score: number) =>
  db.updateTable('reviews').set({ helpful_yes: yes, helpful_no: no, helpful_total: total, helpful_score: score }).where('id', '=', reviewId),
);

export class VotesStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Reads the review and locks its row until the transaction ends. */
  lockReview(reviewId: number): Promise<VoteTarget | undefined> {
    return LOCK_REVIEW.first(this.db, reviewId);
  }

  async current(reviewId: number, userId: number): Promise<boolean | null> {
    const row = await CURRENT.first(this.db, reviewId, userId);
    return row ? row.helpful === 1 : null;
  }

  async put(reviewId: number, userId: number, helpful: boolean, now: string): Promise<void> {
    await PUT.execute(this.db, reviewId, userId, helpful ? 1 : 0, now);
  }

  async remove(reviewId: number, userId: number): Promise<void> {
    await REMOVE.execute(this.db, reviewId, userId);
  }

  async setCounts(reviewId: number, yes: number, no: number, score: number): Promise<void> {
    await SET_COUNTS.execute(this.db, reviewId, yes, no, yes + no, score);
  }

  /** Counts straight from the votes table (for checks and repairs). */
  async tally(reviewId: number): Promise<{ yes: number; no: number }> {
    const rows = await this.db
      .selectFrom('votes')
      .select(['helpful', (eb) => eb.fn.countAll<number>().as('n')])
      .where('review_id', '=', reviewId)
      .groupBy('helpful')
      .execute();
    const n = (h: number) => Number(rows.find((r) => r.helpful === h)?.n ?? 0);
    return { yes: n(1), no: n(0) };
  }
}
