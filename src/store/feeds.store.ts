// Reviews for feeds: the newest published reviews of the titles a person is credited on.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { reviewRecordsQuery, type ReviewRecord } from './reviews.store.js';

export class FeedsStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first (created_at, then id), published only, of every title `personId` is credited on. */
  newestForPerson(personId: number, limit: number): Promise<ReviewRecord[]> {
    return reviewRecordsQuery(this.db)
      .where('reviews.title_id', 'in', (eb) => eb.selectFrom('credits').select('credits.title_id').where('credits.person_id', '=', personId))
      .where('reviews.status', '=', 'published')
      .orderBy('reviews.created_at', 'desc')
      .orderBy('reviews.id', 'desc')
      .limit(limit)
      .execute();
  }
}
