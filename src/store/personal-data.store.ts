// A person's own data read in bulk (their reviews, ratings, votes and watch dates, for imports and the
// export), the watch dates themselves, and the catalog lookups an import matches rows against.
import type { Kysely } from 'kysely';
import type { Database, RatingRow, ReviewRow } from './schema.js';
import { searchDialect } from './dialect/search.js';

/** A title as an import matches it: names, year, kind. */
export interface MatchTitle {
  id: number;
  slug: string;
  kind: 'series' | 'film';
  name: string;
  original_name: string | null;
  year: number | null;
  aliases: string[];
}

const CHUNK = 500;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

export class PersonalDataStore {
  constructor(private readonly db: Kysely<Database>) {}

  // Matching ----------------------------------------------------------------------------------

  /**
   * Titles one of whose names (name, original name, alias) folds to one of these keys
   * (title-match.ts matchKey, the same folding as the search keys, whose index answers it).
   */
  async titlesWithKeys(keys: string[]): Promise<MatchTitle[]> {
    const ids = new Set<number>();
    for (const part of chunks([...new Set(keys)].filter((k) => k !== ''))) {
      const rows = await this.db.selectFrom('search_title_names as k').select('k.title_id').where(searchDialect(this.db).compactIn(part)).execute();
      for (const r of rows) ids.add(r.title_id);
    }
    return this.titlesByIds([...ids]);
  }

  async titlesByIds(ids: number[]): Promise<MatchTitle[]> {
    const out: MatchTitle[] = [];
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('titles').select(['id', 'slug', 'kind', 'name', 'original_name', 'year']).where('id', 'in', part).execute();
      out.push(...(await this.#withAliases(rows)));
    }
    return out;
  }

  async #withAliases(rows: Omit<MatchTitle, 'aliases'>[]): Promise<MatchTitle[]> {
    const aliases = new Map<number, string[]>();
    for (const part of chunks(rows.map((r) => r.id))) {
      const found = await this.db.selectFrom('title_aliases').select(['title_id', 'alias']).where('title_id', 'in', part).execute();
      for (const a of found) (aliases.get(a.title_id) ?? aliases.set(a.title_id, []).get(a.title_id)!).push(a.alias);
    }
    return rows.map((r) => ({ ...r, aliases: aliases.get(r.id) ?? [] }));
  }

  // A person's rows ---------------------------------------------------------------------------

  async ratingsOf(userId: number, titleIds: number[]): Promise<Map<number, RatingRow>> {
    const out = new Map<number, RatingRow>();
    for (const part of chunks(titleIds)) {
      const rows = await this.db.selectFrom('ratings').selectAll().where('user_id', '=', userId).where('title_id', 'in', part).execute();
      for (const r of rows) out.set(r.title_id, r);
    }
    return out;
  }

  async reviewsOf(userId: number, titleIds: number[]): Promise<Map<number, ReviewRow>> {
    const out = new Map<number, ReviewRow>();
    for (const part of chunks(titleIds)) {
      const rows = await this.db.selectFrom('reviews').selectAll().where('author_id', '=', userId).where('title_id', 'in', part).execute();
      for (const r of rows) out.set(r.title_id, r);
    }
    return out;
  }

  // Watch dates -------------------------------------------------------------------------------

  /** The days `userId` watched `titleId`, oldest first. */
  async watchDates(userId: number, titleId: number): Promise<string[]> {
    const rows = await this.db.selectFrom('watch_dates').select('watched_on').where('user_id', '=', userId).where('title_id', '=', titleId).orderBy('watched_on').execute();
    return rows.map((r) => r.watched_on);
  }

  /** Adds the watch dates that are not stored yet; returns how many were new. In a transaction. */
  async addWatchDates(rows: { userId: number; titleId: number; day: string }[], now: string): Promise<number> {
    let added = 0;
    for (const part of chunks(rows)) {
      const result = await this.db
        .insertInto('watch_dates')
        .values(part.map((r) => ({ user_id: r.userId, title_id: r.titleId, watched_on: r.day, created_at: now })))
        .onConflict((oc) => oc.columns(['user_id', 'title_id', 'watched_on']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  // The export --------------------------------------------------------------------------------

  reviewsByAuthor(userId: number) {
    return this.db
      .selectFrom('reviews')
      .innerJoin('titles', 'titles.id', 'reviews.title_id')
      .selectAll('reviews')
      .select(['titles.slug as title_slug', 'titles.name as title_name', 'titles.year as title_year'])
      .where('reviews.author_id', '=', userId)
      .orderBy('reviews.created_at')
      .orderBy('reviews.id')
      .execute();
  }

  ratingsByUser(userId: number) {
    return this.db
      .selectFrom('ratings')
      .innerJoin('titles', 'titles.id', 'ratings.title_id')
      .selectAll('ratings')
      .select(['titles.slug as title_slug', 'titles.name as title_name', 'titles.year as title_year'])
      .where('ratings.user_id', '=', userId)
      .orderBy('titles.slug')
      .execute();
  }

  votesByUser(userId: number) {
    return this.db
      .selectFrom('votes')
      .innerJoin('reviews', 'reviews.id', 'votes.review_id')
      .innerJoin('titles', 'titles.id', 'reviews.title_id')
      .innerJoin('users', 'users.id', 'reviews.author_id')
      .select([
        'votes.review_id',
        'votes.helpful',
        'votes.created_at',
        'votes.updated_at',
        'titles.slug as title_slug',
        'titles.name as title_name',
        'titles.year as title_year',
        'users.handle as author_handle',
      ])
      .where('votes.user_id', '=', userId)
      .orderBy('votes.created_at')
      .orderBy('votes.review_id')
      .execute();
  }

  watchDatesByUser(userId: number) {
    return this.db
      .selectFrom('watch_dates')
      .innerJoin('titles', 'titles.id', 'watch_dates.title_id')
      .select(['watch_dates.watched_on', 'titles.slug as title_slug', 'titles.name as title_name', 'titles.year as title_year'])
      .where('watch_dates.user_id', '=', userId)
      .orderBy('watch_dates.watched_on')
      .orderBy('titles.slug')
      .execute();
  }
}

/** Lower-casing as the database does it for `lower()` on ASCII and most Latin text. */
export const lowerForLookup = (name: string): string => name.toLowerCase();
