// Reviews for feeds: the newest published reviews of the titles a person is credited on.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ReviewRecord } from './reviews.store.js';

export class FeedsStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first (created_at, then id), published only, of every title `personId` is credited on. */
  newestForPerson(personId: number, limit: number): Promise<ReviewRecord[]> {
    return this.db
      .selectFrom('reviews')
      .innerJoin('titles', 'titles.id', 'reviews.title_id')
      .innerJoin('users', 'users.id', 'reviews.author_id')
      .selectAll('reviews')
      .select([
        'titles.slug as title_slug',
        'titles.name as title_name',
        'titles.year as title_year',
        'users.handle as author_handle',
        'users.display_name as author_display_name',
      ])
      .where('reviews.title_id', 'in', (eb) => eb.selectFrom('credits').select('credits.title_id').where('credits.person_id', '=', personId))
      .where('reviews.status', '=', 'published')
      .orderBy('reviews.created_at', 'desc')
      .orderBy('reviews.id', 'desc')
      .limit(limit)
      .execute();
  }
}
