// The stored LSH index of near-duplicate detection (lsh_bands) and the progress of
// `marquee quality scan` (quality_scan). Buckets come from src/domain/quality/lsh-keys.ts.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Candidate {
  id: number;
  author_id: number;
  body: string;
  status: 'published' | 'pending' | 'hidden' | 'removed';
  /** Bands shared with the looked-up text. */
  shared: number;
}

/** Rows per INSERT statement (2 parameters each: far below both engines' parameter limits). */
const INSERT_CHUNK = 2000;
/**
 * A candidate must share at least this many of the 32 bands. A pair of similarity s shares each band
 * with probability s⁴ (0.41 at s = 0.8), so the number shared is Binomial(32, s⁴): a pair at 0.8
 * shares fewer than 4 with probability 9.1·10⁻⁵ (3.9·10⁻⁷ at 0.85, 5·10⁻¹¹ at 0.9), while a pair at
 * 0.3 shares 4 or more with probability 1.3·10⁻⁴ instead of sharing 1 or more with 0.23. On text made
 * of common material (reviews sharing stock sentences) this removes almost every false candidate,
 * and with it the body each would cost to read and shingle, for a negligible loss of recall.
 */
export const MIN_SHARED_BANDS = 4;
/** Values per IN list. */
const LOOKUP_CHUNK = 5000;

export class LshStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Indexes reviews under their buckets; rows already there are kept. Sorted by bucket first, so each statement walks the index in order. */
  async add(entries: { reviewId: number; buckets: readonly number[] }[]): Promise<void> {
    const rows: { bucket: number; review_id: number }[] = [];
    for (const e of entries) for (const bucket of e.buckets) rows.push({ bucket, review_id: e.reviewId });
    rows.sort((a, b) => a.bucket - b.bucket || a.review_id - b.review_id);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.db
        .insertInto('lsh_bands')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) => oc.columns(['bucket', 'review_id']).doNothing())
        .execute();
    }
  }

  /** Takes a review out of the index (its buckets as computed from the text it was indexed under). */
  async remove(reviewId: number, buckets: readonly number[]): Promise<void> {
    if (buckets.length === 0) return;
    await this.db.deleteFrom('lsh_bands').where('bucket', 'in', [...buckets]).where('review_id', '=', reviewId).execute();
  }

  /**
   * Published or pending reviews sharing at least one bucket, most shared bands first (a true
   * near-duplicate at 0.8 shares about 13 of 32), at most `limit` of them: a bucket crowded by many
   * copies of one short text cannot make a lookup read thousands of bodies.
   */
  async candidates(buckets: readonly number[], options: { excludeId?: number; belowId?: number; limit?: number; minShared?: number } = {}): Promise<Candidate[]> {
    if (buckets.length === 0) return [];
    let inner = this.db
      .selectFrom('lsh_bands')
      .select(['review_id', (eb) => eb.fn.countAll<number>().as('shared')])
      .where('bucket', 'in', [...buckets]);
    if (options.belowId !== undefined) inner = inner.where('review_id', '<', options.belowId);
    if (options.excludeId !== undefined) inner = inner.where('review_id', '<>', options.excludeId);
    const rows = await this.db
      .selectFrom(
        inner
          .groupBy('review_id')
          .having((eb) => eb.fn.countAll(), '>=', options.minShared ?? MIN_SHARED_BANDS)
          .as('c'),
      )
      .innerJoin('reviews as r', 'r.id', 'c.review_id')
      .select(['r.id', 'r.author_id', 'r.body', 'r.status', 'c.shared'])
      .where('r.status', 'in', ['published', 'pending'])
      .orderBy('c.shared', 'desc')
      .orderBy('r.id')
      .limit(options.limit ?? 50)
      .execute();
    return rows.map((r) => ({ ...r, shared: Number(r.shared) }));
  }

  /** Every (bucket, review) row of these buckets (the scan looks a whole batch up at once). */
  async rowsOf(buckets: readonly number[]): Promise<{ bucket: number; review_id: number }[]> {
    const out: { bucket: number; review_id: number }[] = [];
    const unique = [...new Set(buckets)];
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const rows = await this.db.selectFrom('lsh_bands').select(['bucket', 'review_id']).where('bucket', 'in', unique.slice(i, i + LOOKUP_CHUNK)).execute();
      for (const r of rows) out.push({ bucket: Number(r.bucket), review_id: r.review_id });
    }
    return out;
  }

  /** Author, body and status of these reviews. */
  async texts(ids: readonly number[]): Promise<Map<number, { author_id: number; body: string; status: string }>> {
    const out = new Map<number, { author_id: number; body: string; status: string }>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
      const rows = await this.db.selectFrom('reviews').select(['id', 'author_id', 'body', 'status']).where('id', 'in', unique.slice(i, i + LOOKUP_CHUNK)).execute();
      for (const r of rows) out.set(r.id, r);
    }
    return out;
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('lsh_bands').execute();
  }

  async size(): Promise<number> {
    const row = await this.db.selectFrom('lsh_bands').select(sql<number>`count(distinct review_id)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // Scan progress -------------------------------------------------------------------------------

  async scanState() {
    return this.db.selectFrom('quality_scan').selectAll().where('id', '=', 1).executeTakeFirst();
  }

  async startScan(now: string): Promise<void> {
    await this.db.deleteFrom('quality_scan').execute();
    await this.db.insertInto('quality_scan').values({ id: 1, after_id: 0, scanned: 0, started_at: now, updated_at: now, finished_at: null }).execute();
  }

  async advanceScan(afterId: number, scanned: number, now: string): Promise<void> {
    await this.db.updateTable('quality_scan').set({ after_id: afterId, scanned, updated_at: now }).where('id', '=', 1).execute();
  }

  async finishScan(now: string): Promise<void> {
    await this.db.updateTable('quality_scan').set({ finished_at: now, updated_at: now }).where('id', '=', 1).execute();
  }
}
