// Frozen once released: never edit a migration that has shipped; add a new one.
// Review integrity (issue 5): why a review has its status, the public moderation log, the stored
// LSH index of near-duplicate detection, and the progress of `marquee quality scan`.
import { sql, type Kysely } from 'kysely';
import { autoId, clusteredOnPrimaryKey, engineOf } from '../dialect/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);

  // The reason shown to the author and moderators, what caused the status (the quality policy,
  // readers' reports or a moderator), and the last report id a moderator has dealt with (reports
  // after it are "open" and count toward holding the review again).
  await db.schema.alterTable('reviews').addColumn('status_reason', 'text').execute();
  await db.schema
    .alterTable('reviews')
    .addColumn('status_cause', 'text', (c) => c.check(sql`status_cause is null or status_cause in ('quality', 'reports', 'moderator')`))
    .execute();
  await db.schema.alterTable('reviews').addColumn('reports_closed_through', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The moderation queue reads pending reviews in id order.
  await db.schema.createIndex('reviews_by_status').on('reviews').columns(['status', 'id']).execute();
  await db.schema.createIndex('reports_by_review').on('reports').columns(['review_id', 'id']).execute();

  // Append-only, public (GET /api/v1/moderation/log). Targets are kept as ids plus a text snapshot,
  // without foreign keys, so an entry outlives the review or account it is about.
  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'integer', autoId(engine))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // null: the system (quality policy, readers' reports).
    .addColumn('moderator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('publish', 'hide', 'remove', 'restore', 'hold', 'suspend', 'reinstate')`),
    )
    .addColumn('review_id', 'integer')
    .addColumn('user_id', 'integer')
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_log_review').on('moderation_log').columns(['review_id', 'id']).execute();

  // LSH buckets: bucket = band × 2³² + the band's 32-bit key (src/domain/quality/lsh-keys.ts), one
  // row per band of each published or pending review. Looking a text up is 32 point reads of this
  // primary key. No foreign key: a stale row (its review gone) is skipped by the lookup's join.
  await clusteredOnPrimaryKey(
    engine,
    db.schema
      .createTable('lsh_bands')
      .addColumn('bucket', 'bigint', (c) => c.notNull())
      .addColumn('review_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('lsh_bands_pk', ['bucket', 'review_id']),
  ).execute();

  // One row (id = 1): how far `marquee quality scan` got, so an interrupted scan resumes.
  await db.schema
    .createTable('quality_scan')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('after_id', 'integer', (c) => c.notNull())
    .addColumn('scanned', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Marquee migrations are forward-only; restore a backup to go back.');
}
