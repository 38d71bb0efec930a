// One rating per person per title, with the title's aggregates (count, sum, histogram) and the
// instance-wide aggregate kept in the same transaction as every change.
import { sql, type Kysely } from 'kysely';
import type { Database, RatingRow } from './schema.js';
import { histogramBucket } from '../domain/ranking.js';
import { fromHalfPoints } from '../domain/rating.js';

const bucketColumn = (x2: number) => sql.ref(`hist_${histogramBucket(fromHalfPoints(x2))}`);

export class RatingsStore {
  constructor(private readonly db: Kysely<Database>) {}

  get(userId: number, titleId: number): Promise<RatingRow | undefined> {
    return this.db.selectFrom('ratings').selectAll().where('user_id', '=', userId).where('title_id', '=', titleId).executeTakeFirst();
  }

  /** Inserts or replaces the rating; must run inside a transaction. */
  async put(input: { userId: number; titleId: number; ratingX2: number; watchStatus: string | null; episodesSeen: number | null; now: string }): Promise<RatingRow> {
    const before = await this.get(input.userId, input.titleId);
    if (before) {
      await this.db
        .updateTable('ratings')
        .set({ rating_x2: input.ratingX2, watch_status: input.watchStatus, episodes_seen: input.episodesSeen, updated_at: input.now })
        .where('user_id', '=', input.userId)
        .where('title_id', '=', input.titleId)
        .execute();
      if (before.rating_x2 !== input.ratingX2) {
        await this.#adjust(input.titleId, before.rating_x2, -1);
        await this.#adjust(input.titleId, input.ratingX2, +1);
      }
      return { ...before, rating_x2: input.ratingX2, watch_status: input.watchStatus, episodes_seen: input.episodesSeen, updated_at: input.now };
    }
    const row: RatingRow = {
      user_id: input.userId,
      title_id: input.titleId,
      rating_x2: input.ratingX2,
      watch_status: input.watchStatus,
      episodes_seen: input.episodesSeen,
      created_at: input.now,
      updated_at: input.now,
    };
    await this.db.insertInto('ratings').values(row).execute();
    await this.#adjust(input.titleId, input.ratingX2, +1);
    return row;
  }

  /** Deletes the rating; returns whether there was one. Must run inside a transaction. */
  async delete(userId: number, titleId: number): Promise<boolean> {
    const before = await this.get(userId, titleId);
    if (!before) return false;
    await this.db.deleteFrom('ratings').where('user_id', '=', userId).where('title_id', '=', titleId).execute();
    await this.#adjust(titleId, before.rating_x2, -1);
    return true;
  }

  async #adjust(titleId: number, x2: number, sign: 1 | -1): Promise<void> {
    const col = bucketColumn(x2);
    await sql`update titles set rating_count = rating_count + ${sign}, rating_sum_x2 = rating_sum_x2 + ${sign * x2},
      ${col} = ${col} + ${sign} where id = ${titleId}`.execute(this.db);
    await sql`update instance_stats set rating_count = rating_count + ${sign}, rating_sum_x2 = rating_sum_x2 + ${sign * x2} where id = 1`.execute(this.db);
  }

  /** Mean of every rating on the instance (the Bayesian prior C), or null with none. */
  async instanceMean(): Promise<number | null> {
    const row = await this.db.selectFrom('instance_stats').select(['rating_count', 'rating_sum_x2']).where('id', '=', 1).executeTakeFirst();
    if (!row || Number(row.rating_count) === 0) return null;
    return Number(row.rating_sum_x2) / 2 / Number(row.rating_count);
  }
}
