// Frozen once released: never edit a migration that has shipped; add a new one.
// A person's own data brought in from elsewhere: the dates they watched a title (Letterboxd diary).
import type { Kysely } from 'kysely';
import { clusteredOnPrimaryKey, engineOf } from '../dialect/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  // One row per person, title and day: watching a film twice on one day is one watch date.
  await clusteredOnPrimaryKey(
    engine,
    db.schema
      .createTable('watch_dates')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('title_id', 'integer', (c) => c.notNull().references('titles.id').onDelete('cascade'))
      /** A calendar day, YYYY-MM-DD (no time zone: the person's own day). */
      .addColumn('watched_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('watch_dates_pk', ['user_id', 'title_id', 'watched_on']),
  ).execute();
  await db.schema.createIndex('watch_dates_title').on('watch_dates').column('title_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Marquee migrations are forward-only; restore a backup to go back.');
}
