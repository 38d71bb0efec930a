// Frozen once released: never edit a migration that has shipped; add a new one.
// `marquee quality scan` keeps its near-duplicate index in memory while it runs and writes lsh_bands
// anew, in key order, when it finishes (docs/DECISIONS.md, "Quality scan"). So that an interrupted
// scan can resume, each scanned review's 32 band keys are kept here until the scan finishes: one
// row per review, appended in id order. The keys are the 128 bytes of a Uint32Array in base64 (text,
// so both engines and the instance export treat it alike).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('quality_scan_keys')
    .addColumn('review_id', 'integer', (c) => c.primaryKey())
    .addColumn('band_keys', 'text', (c) => c.notNull())
    .execute();
  // Where the revision and moderation logs stood when the scan started: the reviews edited or
  // re-statused while it ran are re-indexed from their current text when it finishes.
  await db.schema.alterTable('quality_scan').addColumn('revisions_after', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('quality_scan').addColumn('log_after', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('quality_scan').dropColumn('log_after').execute();
  await db.schema.alterTable('quality_scan').dropColumn('revisions_after').execute();
  await db.schema.dropTable('quality_scan_keys').execute();
}
