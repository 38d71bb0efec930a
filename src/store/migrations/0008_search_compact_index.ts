// Frozen once released: never edit a migration that has shipped; add a new one.
// A B-tree on the compact name keys: whole-name and name-start matches (search classes 0 and 1) are
// found by equality and prefix range, so a short query that matches a third of the catalog pages
// through titles by popularity instead of sorting every match (docs/DECISIONS.md, "Search").
import type { Kysely } from 'kysely';
import { searchDialect } from '../dialect/search.js';

export async function up(db: Kysely<any>): Promise<void> {
  await searchDialect(db).createCompactIndexes(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_title_names_compact').ifExists().execute();
  await db.schema.dropIndex('search_person_names_compact').ifExists().execute();
}
