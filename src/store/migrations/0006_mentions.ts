// Frozen once released: never edit a migration that has shipped; add a new one.
// Mention links (issue 6): each review keeps the spans of catalog names found in its body, and the
// catalog carries a version number that every title, alias or person write bumps, so each app
// instance knows when its in-memory matcher is out of date (docs/DECISIONS.md, "Mention links").
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // JSON array of {start, end, type, id, slug, name}; start/end are UTF-16 offsets into body.
  await db.schema
    .alterTable('reviews')
    .addColumn('mentions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  // One row (id = 1). Bumped in the transaction of every catalog write; read before each linking.
  await db.schema
    .createTable('catalog_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('catalog_version').values({ id: 1, version: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_version').execute();
  await db.schema.alterTable('reviews').dropColumn('mentions_json').execute();
}
