// Reviews, their revisions, and the ordered listings (one index per sort order, keyset pagination).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database, NewReview, ReviewRow, ReviewUpdate } from './schema.js';
import { engineOf, forUpdate } from './dialect/index.js';

export interface ReviewRecord extends ReviewRow {
  title_slug: string;
  title_name: string;
  title_year: number | null;
  author_handle: string;
  author_display_name: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const REVIEW_SORTS = ['helpful', 'recent', 'rating_high', 'rating_low'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

type SortColumn = 'helpful_score' | 'helpful_total' | 'created_at' | 'id' | 'rating_x2';
type SortKey = readonly (readonly [SortColumn, 'asc' | 'desc'])[];

/** Each order matches one index of migration 0001 column for column, so no sort step is needed. */
const SORT_KEYS: Record<ReviewSort, SortKey> = {
  helpful: [['helpful_score', 'desc'], ['helpful_total', 'desc'], ['created_at', 'desc'], ['id', 'desc']],
  recent: [['created_at', 'desc'], ['id', 'desc']],
  rating_high: [['rating_x2', 'desc'], ['created_at', 'desc'], ['id', 'desc']],
  rating_low: [['rating_x2', 'asc'], ['created_at', 'desc'], ['id', 'desc']],
};

/** The values of a row's sort key: what a cursor carries. */
export type CursorValues = (string | number)[];

export function cursorValuesOf(sort: ReviewSort, row: ReviewRow): CursorValues {
  return SORT_KEYS[sort].map(([col]) => row[col]);
}

/** Validates decoded cursor values against the sort's key (types and count). */
export function isCursorFor(sort: ReviewSort, values: unknown): values is CursorValues {
  const key = SORT_KEYS[sort];
  return (
    Array.isArray(values) &&
    values.length === key.length &&
    key.every(([col], i) => {
      const v: unknown = values[i];
      if (col === 'created_at') return typeof v === 'string' && ISO_TIME.test(v);
      if (col === 'helpful_score') return typeof v === 'number' && v >= 0 && v <= 1;
      return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 2_147_483_647;
    })
  );
}

/**
 * Rows strictly after `values` in the order `key`. When every column runs the same way this is one
 * row-value comparison, `(a, b, c) < (x, y, z)`, which both engines read as a range of the index;
 * otherwise it is expanded, (a > x) OR (a = x AND b < y) …, with a plain bound on the first column
 * so the index range still starts at the cursor.
 */
function after(eb: ExpressionBuilder<Database, 'reviews'>, key: SortKey, values: CursorValues): Expression<SqlBool> {
  const col = (c: SortColumn) => eb.ref(`reviews.${c}`);
  const direction = key[0]![1];
  if (key.every(([, dir]) => dir === direction)) {
    return eb(eb.refTuple(...(key.map(([c]) => `reviews.${c}`) as [never, never])), direction === 'desc' ? '<' : '>', eb.tuple(...(values as [never, never])));
  }
  const ors: Expression<SqlBool>[] = [];
  for (let i = 0; i < key.length; i++) {
    const ands: Expression<SqlBool>[] = [];
    for (let j = 0; j < i; j++) ands.push(eb(col(key[j]![0]), '=', values[j]!));
    ands.push(eb(col(key[i]![0]), key[i]![1] === 'desc' ? '<' : '>', values[i]!));
    ors.push(eb.and(ands));
  }
  const [firstCol, firstDir] = key[0]!;
  return eb.and([eb(col(firstCol), firstDir === 'desc' ? '<=' : '>=', values[0]!), eb.or(ors)]);
}

export interface TitleListing {
  titleId: number;
  sort: ReviewSort;
  /** Only published reviews unless false (moderators see every status). */
  publishedOnly: boolean;
  excludeSpoilers: boolean;
  ratingMinX2?: number;
  ratingMaxX2?: number;
  after?: CursorValues;
  limit: number;
}

/** Reviews joined with what a Review object shows of their title and author (one query shape for every store). */
export function reviewRecordsQuery(db: Kysely<Database>) {
  return db      .selectFrom('reviews')
    .innerJoin('titles', 'titles.id', 'reviews.title_id')
    .innerJoin('users', 'users.id', 'reviews.author_id')
    .selectAll('reviews')
    .select([
      'titles.slug as title_slug',
      'titles.name as title_name',
      'titles.year as title_year',
      'users.handle as author_handle',
      'users.display_name as author_display_name',
    ]);
}

export class ReviewsStore {
  constructor(private readonly db: Kysely<Database>) {}

  #records() {
    return reviewRecordsQuery(this.db);
  }

  byId(id: number): Promise<ReviewRecord | undefined> {
    return this.#records().where('reviews.id', '=', id).executeTakeFirst();
  }

  /** Reviews with their title and author, in the order of `ids` (ids with no review left out): one query. */
  async byIds(ids: readonly number[]): Promise<ReviewRecord[]> {
    if (!ids.length) return [];
    const rows = await this.#records().where('reviews.id', 'in', [...ids]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is ReviewRecord => r !== undefined);
  }

  byAuthorAndTitle(authorId: number, titleId: number): Promise<ReviewRow | undefined> {
    return this.db.selectFrom('reviews').selectAll().where('author_id', '=', authorId).where('title_id', '=', titleId).executeTakeFirst();
  }

  listForTitle(q: TitleListing): Promise<ReviewRecord[]> {
    return this.titleListingQuery(q).execute();
  }

  /** The listing as a query (tests read its plan: it must walk one index, with no sort step). */
  titleListingQuery(q: TitleListing) {
    const key = SORT_KEYS[q.sort];
    let query = this.#records().where('reviews.title_id', '=', q.titleId);
    if (q.publishedOnly) query = query.where('reviews.status', '=', 'published');
    if (q.excludeSpoilers) query = query.where('reviews.contains_spoilers', '=', 0);
    if (q.ratingMinX2 !== undefined) query = query.where('reviews.rating_x2', '>=', q.ratingMinX2);
    if (q.ratingMaxX2 !== undefined) query = query.where('reviews.rating_x2', '<=', q.ratingMaxX2);
    if (q.after) {
      const values = q.after;
      query = query.where((eb) => after(eb, key, values));
    }
    for (const [col, dir] of key) query = query.orderBy(`reviews.${col}`, dir);
    return query.limit(q.limit);
  }

  /** The newest reviews across all titles (the reviews_newest index; web home page). */
  listNewest(q: { publishedOnly: boolean; limit: number }): Promise<ReviewRecord[]> {
    let query = this.#records();
    if (q.publishedOnly) query = query.where('reviews.status', '=', 'published');
    return query.orderBy('reviews.created_at', 'desc').orderBy('reviews.id', 'desc').limit(q.limit).execute();
  }

  listForAuthor(q: { authorId: number; publishedOnly: boolean; after?: CursorValues; limit: number }): Promise<ReviewRecord[]> {
    const key = SORT_KEYS.recent;
    let query = this.#records().where('reviews.author_id', '=', q.authorId);
    if (q.publishedOnly) query = query.where('reviews.status', '=', 'published');
    if (q.after) {
      const values = q.after;
      query = query.where((eb) => after(eb, key, values));
    }
    for (const [col, dir] of key) query = query.orderBy(`reviews.${col}`, dir);
    return query.limit(q.limit).execute();
  }

  async insert(values: NewReview): Promise<number> {
    const row = await this.db.insertInto('reviews').values(values).returning('id').executeTakeFirstOrThrow();
    await sql`update titles set review_count = review_count + 1 where id = ${values.title_id}`.execute(this.db);
    return row.id;
  }

  /**
   * Status and time of last change of these reviews, locked until the transaction ends (PostgreSQL;
   * SQLite's write transaction already excludes other writers): whether a row read earlier is current.
   */
  async versions(ids: readonly number[]): Promise<Map<number, { status: string; updated_at: string }>> {
    const out = new Map<number, { status: string; updated_at: string }>();
    if (!ids.length) return out;
    const rows = await forUpdate(engineOf(this.db), this.db.selectFrom('reviews').select(['id', 'status', 'updated_at']).where('id', 'in', [...ids])).execute();
    for (const r of rows) out.set(r.id, { status: r.status, updated_at: r.updated_at });
    return out;
  }

  async update(id: number, patch: ReviewUpdate): Promise<void> {
    await this.db.updateTable('reviews').set(patch).where('id', '=', id).execute();
  }

  /** Keeps the text being replaced as a revision. */
  async saveRevision(review: ReviewRow, replacedAt: string): Promise<void> {
    await this.db
      .insertInto('review_revisions')
      .values({
        review_id: review.id,
        headline: review.headline,
        body: review.body,
        rating_x2: review.rating_x2,
        contains_spoilers: review.contains_spoilers,
        replaced_at: replacedAt,
      })
      .execute();
  }

  revisionsOf(reviewId: number) {
    return this.db.selectFrom('review_revisions').selectAll().where('review_id', '=', reviewId).orderBy('id').execute();
  }

  async delete(review: Pick<ReviewRow, 'id' | 'title_id'>): Promise<void> {
    await this.db.deleteFrom('reviews').where('id', '=', review.id).execute();
    await sql`update titles set review_count = review_count - 1 where id = ${review.title_id}`.execute(this.db);
  }

  /** The caller's votes on the given reviews: review id → helpful. */
  async votesBy(userId: number, reviewIds: number[]): Promise<Map<number, boolean>> {
    const out = new Map<number, boolean>();
    if (!reviewIds.length) return out;
    const rows = await this.db
      .selectFrom('votes')
      .select(['review_id', 'helpful'])
      .where('user_id', '=', userId)
      .where('review_id', 'in', reviewIds)
      .execute();
    for (const r of rows) out.set(r.review_id, r.helpful === 1);
    return out;
  }
}
