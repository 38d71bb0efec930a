// Helpfulness votes. Exactness is the database's job: the primary key (review_id, user_id) allows one
// vote per person per review, and the review's counts change in the same transaction as the vote,
// after its row is locked (PostgreSQL FOR UPDATE; SQLite's BEGIN IMMEDIATE holds the write lock).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { forUpdate, type Engine } from './dialect/index.js';

export interface VoteTarget {
  id: number;
  title_id: number;
  author_id: number;
  status: string;
  helpful_yes: number;
  helpful_no: number;
}

export class VotesStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  /** Reads the review and locks its row until the transaction ends. */
  lockReview(reviewId: number): Promise<VoteTarget | undefined> {
    return forUpdate(
      this.engine,
      this.db
        .selectFrom('reviews')
        .select(['id', 'title_id', 'author_id', 'status', 'helpful_yes', 'helpful_no'])
        .where('id', '=', reviewId),
    ).executeTakeFirst();
  }

  async current(reviewId: number, userId: number): Promise<boolean | null> {
    const row = await this.db
      .selectFrom('votes')
      .select('helpful')
      .where('review_id', '=', reviewId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? row.helpful === 1 : null;
  }

  async put(reviewId: number, userId: number, helpful: boolean, now: string): Promise<void> {
    await this.db
      .insertInto('votes')
      .values({ review_id: reviewId, user_id: userId, helpful: helpful ? 1 : 0, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['review_id', 'user_id']).doUpdateSet({ helpful: helpful ? 1 : 0, updated_at: now }))
      .execute();
  }

  async remove(reviewId: number, userId: number): Promise<void> {
    await this.db.deleteFrom('votes').where('review_id', '=', reviewId).where('user_id', '=', userId).execute();
  }

  async setCounts(reviewId: number, yes: number, no: number, score: number): Promise<void> {
    await this.db
      .updateTable('reviews')
      .set({ helpful_yes: yes, helpful_no: no, helpful_total: yes + no, helpful_score: score })
      .where('id', '=', reviewId)
      .execute();
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
