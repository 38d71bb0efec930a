// Reports of reviews by readers (the moderation queue reads them in a later feature).
import type { Kysely } from 'kysely';
import type { Database, ReportsTable } from './schema.js';

export class ReportsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(values: { reviewId: number; reporterId: number; reason: ReportsTable['reason']; note: string | null; now: string }) {
    return this.db
      .insertInto('reports')
      .values({ review_id: values.reviewId, reporter_id: values.reporterId, reason: values.reason, note: values.note, created_at: values.now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async countForReview(reviewId: number): Promise<number> {
    const row = await this.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('review_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
