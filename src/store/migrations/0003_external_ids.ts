// Frozen once released: never edit a migration that has shipped; add a new one.
// 0003: ids that other catalogues give our titles and people (IMDb's tt…/nm…), so an import run twice
// updates the rows it made the first time instead of adding them again; and the region and language
// of an alias (IMDb's "akas").
import { sql, type Kysely } from 'kysely';
import { clusteredOnPrimaryKey, engineOf } from '../dialect/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  // One row per (source, entity, external id): the primary key is the lookup an import makes for
  // every line. entity_id is not a foreign key (it points at titles or people); an importer that
  // finds an id whose row is gone treats it as new and repoints it. No index on entity_id yet: every
  // index is paid for on each imported row, and nothing looks ids up from our side so far.
  await clusteredOnPrimaryKey(
    engine,
    db.schema
      .createTable('external_ids')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('title', 'person')`))
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('external_ids_pk', ['source', 'entity', 'external_id']),
  ).execute();

  // ISO 3166 region (IMDb also uses XWW "worldwide", XEU, SUHH…) and ISO 639 language; both optional.
  await db.schema.alterTable('title_aliases').addColumn('region', 'text').execute();
  await db.schema.alterTable('title_aliases').addColumn('language', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Marquee migrations are forward-only; restore a backup to go back.');
}
