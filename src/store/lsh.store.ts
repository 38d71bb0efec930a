// The stored LSH index of near-duplicate detection (lsh_bands) and the progress of
// `marquee quality scan` (quality_scan). Buckets come from src/domain/quality/lsh-keys.ts.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { BulkInsert } from './bulk.store.js';
import { clusteredOnPrimaryKey, engineOf } from './dialect/index.js';

/** Statuses whose reviews are not in the index (published and pending ones are). */
const UNINDEXED = ['hidden', 'removed'] as const;

/** Prefix of the table a finishing quality scan writes the new index into before it replaces lsh_bands. */
const NEXT_TABLE_PREFIX = 'lsh_bands_next_';

/** A half-built index a killed scan may leave (the next scan drops it): not part of the instance's data. */
export function isScanScratchTable(name: string): boolean {
  return name.startsWith(NEXT_TABLE_PREFIX);
}

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

  // A scan's index, written anew ------------------------------------------------------------------
  //
  // A full scan keeps its index in memory and, when it finishes, writes every (bucket, review) row in
  // key order into a fresh table (appending to a B-tree, never inserting at random places), then
  // swaps that table in for lsh_bands in one short transaction. Until then the live path keeps using
  // the old lsh_bands.

  /** Creates an empty table shaped like lsh_bands (dropping any a killed scan left) and returns its name. */
  async createNextIndexTable(stamp: number): Promise<string> {
    for (const leftover of await this.nextIndexTables()) await this.db.schema.dropTable(leftover).execute();
    const name = `${NEXT_TABLE_PREFIX}${stamp}`;
    await clusteredOnPrimaryKey(
      engineOf(this.db),
      this.db.schema
        .createTable(name)
        .addColumn('bucket', 'bigint', (c) => c.notNull())
        .addColumn('review_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${name}_pk`, ['bucket', 'review_id']),
    ).execute();
    return name;
  }

  async nextIndexTables(): Promise<string[]> {
    const tables = await this.db.introspection.getTables();
    return tables.map((t) => t.name).filter(isScanScratchTable);
  }

  /** Appends rows (bucket, review_id pairs, flat) to the next index table; they must come in key order. */
  async appendToNextIndex(table: string, flatRows: readonly number[]): Promise<void> {
    const insert = new BulkInsert(this.db, table as 'lsh_bands', ['bucket', 'review_id']);
    for (let i = 0; i < flatRows.length; i += 2) insert.add(flatRows[i], flatRows[i + 1]);
    await insert.flush();
  }

  /** Re-indexes reviews in the next index table: removes the given old buckets, adds the new ones. */
  async amendNextIndex(table: string, reviewId: number, oldBuckets: readonly number[], newBuckets: readonly number[]): Promise<void> {
    const t = table as 'lsh_bands';
    if (oldBuckets.length) await this.db.deleteFrom(t).where('bucket', 'in', [...oldBuckets]).where('review_id', '=', reviewId).execute();
    if (newBuckets.length) {
      await this.db
        .insertInto(t)
        .values(newBuckets.map((bucket) => ({ bucket, review_id: reviewId })))
        .onConflict((oc) => oc.columns(['bucket', 'review_id']).doNothing())
        .execute();
    }
  }

  /** The next index table becomes lsh_bands (run it in the transaction that finishes the scan). */
  async replaceIndexWith(table: string): Promise<void> {
    await this.db.schema.dropTable('lsh_bands').execute();
    await this.db.schema.alterTable(table).renameTo('lsh_bands').execute();
  }

  // Band keys of an unfinished scan (quality_scan_keys) ----------------------------------------------

  /** The staged keys, page by page in review order. */
  async *stagedKeys(pageSize = 20_000): AsyncGenerator<{ reviewId: number; bandKeys: Uint32Array }[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db.selectFrom('quality_scan_keys').select(['review_id', 'band_keys']).where('review_id', '>', after).orderBy('review_id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows.map((r) => ({ reviewId: r.review_id, bandKeys: decodeBandKeys(r.band_keys) }));
      after = rows[rows.length - 1]!.review_id;
    }
  }

  async clearStagedKeys(): Promise<void> {
    await this.db.deleteFrom('quality_scan_keys').execute();
  }

  /**
   * Reviews whose text or status changed after the scan started (a revision or a moderation-log
   * entry past its marks) and every review past `throughId`: what a finishing scan re-indexes.
   */
  async reviewsChangedDuringScan(marks: { revisions_after: number; log_after: number }, throughId: number): Promise<{ id: number; body: string; status: string }[]> {
    return this.db
      .selectFrom('reviews')
      .select(['id', 'body', 'status'])
      .where((eb) =>
        eb.or([
          eb('id', '>', throughId),
          eb('id', 'in', eb.selectFrom('review_revisions').select('review_id').where('id', '>', marks.revisions_after)),
          // Only status changes into or out of the index (a hold or a release keeps a review indexed).
          eb(
            'id',
            'in',
            eb
              .selectFrom('moderation_log')
              .select('review_id')
              .where('id', '>', marks.log_after)
              .where('review_id', 'is not', null)
              .where((l) =>
                l.or([
                  l.and([l('from_status', 'in', UNINDEXED), l('to_status', 'not in', UNINDEXED)]),
                  l.and([l('from_status', 'not in', UNINDEXED), l('to_status', 'in', UNINDEXED)]),
                ]),
              ) as never,
          ),
        ]),
      )
      .orderBy('id')
      .execute();
  }

  // Scan progress -------------------------------------------------------------------------------

  async scanState() {
    return this.db.selectFrom('quality_scan').selectAll().where('id', '=', 1).executeTakeFirst();
  }

  async startScan(now: string): Promise<void> {
    const last = async (table: 'review_revisions' | 'moderation_log') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.coalesce(eb.fn.max('id'), sql<number>`0`).as('n')).executeTakeFirstOrThrow()).n);
    const marks = { revisions_after: await last('review_revisions'), log_after: await last('moderation_log') };
    await this.db.deleteFrom('quality_scan').execute();
    await this.db.insertInto('quality_scan').values({ id: 1, after_id: 0, scanned: 0, started_at: now, updated_at: now, finished_at: null, ...marks }).execute();
  }

  async advanceScan(afterId: number, scanned: number, now: string): Promise<void> {
    await this.db.updateTable('quality_scan').set({ after_id: afterId, scanned, updated_at: now }).where('id', '=', 1).execute();
  }

  async finishScan(now: string): Promise<void> {
    await this.db.updateTable('quality_scan').set({ finished_at: now, updated_at: now }).where('id', '=', 1).execute();
  }
}

/**
 * Writes a batch's band keys to quality_scan_keys in the batch's transaction, reusing one compiled
 * statement across batches. Safe to run again after a rollback: each write starts from its entries.
 */
export class StagedKeysWriter {
  readonly #insert: BulkInsert<'quality_scan_keys'>;

  constructor(db: Kysely<Database>) {
    this.#insert = new BulkInsert(db, 'quality_scan_keys', ['review_id', 'band_keys']);
  }

  async write(trx: Kysely<Database>, entries: readonly { reviewId: number; bandKeys: Uint32Array }[]): Promise<void> {
    this.#insert.discard();
    for (const e of entries) this.#insert.add(e.reviewId, encodeBandKeys(e.bandKeys));
    await this.#insert.flush(trx);
  }
}

function encodeBandKeys(keys: Uint32Array): string {
  return Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength).toString('base64');
}

function decodeBandKeys(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const keys = new Uint32Array(bytes.length / 4);
  new Uint8Array(keys.buffer).set(bytes);
  return keys;
}
