// Frozen once released: never edit a migration that has shipped; add a new one.
// Search (issue 6): folded name keys of titles and people, and each engine's word and trigram indexes
// over them and over review texts (src/store/dialect/search.ts says which and why).
import type { Kysely } from 'kysely';
import { autoId, engineOf } from '../dialect/index.js';
import { searchDialect } from '../dialect/search.js';
import { searchKeys } from '../../domain/search.js';

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  const id = autoId(engine);
  // One row per distinct folded name of an entity (name, original name, each alias). Written by the
  // catalog store with every title and person change, and in bulk by `marquee search reindex`.
  for (const [table, ref, target] of [
    ['search_title_names', 'title_id', 'titles.id'],
    ['search_person_names', 'person_id', 'people.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'integer', id)
      .addColumn(ref, 'integer', (c) => c.notNull().references(target).onDelete('cascade'))
      .addColumn('compact', 'text', (c) => c.notNull())
      .addColumn('spaced', 'text', (c) => c.notNull())
      .addColumn('starts', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_${ref}`).on(table).column(ref).execute();
  }
  // Search results list reviews most helpful first; walking this index finds a page of a common
  // word's matches without sorting them all.
  await db.schema
    .createIndex('reviews_search_helpful')
    .on('reviews')
    .columns(['helpful_score desc', 'helpful_total desc', 'created_at desc', 'id desc'])
    .execute();
  // Keys of the titles and people already there (the FTS triggers index them as they are written).
  await searchDialect(engine).migrate(db);
  await keysOfExisting(db, 'titles', 'search_title_names', 'title_id');
  await keysOfExisting(db, 'people', 'search_person_names', 'person_id');
}

async function keysOfExisting(db: Kysely<any>, source: string, table: string, ref: string): Promise<void> {
  let last = 0;
  for (;;) {
    const rows: { id: number; name: string; original_name: string | null }[] = await db
      .selectFrom(source)
      .select(['id', 'name', 'original_name'])
      .where('id', '>', last)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (!rows.length) return;
    last = rows[rows.length - 1]!.id;
    const aliases = new Map<number, string[]>();
    if (source === 'titles') {
      const found: { title_id: number; alias: string }[] = await db
        .selectFrom('title_aliases')
        .select(['title_id', 'alias'])
        .where('title_id', '>=', rows[0]!.id)
        .where('title_id', '<=', last)
        .execute();
      for (const a of found) (aliases.get(a.title_id) ?? aliases.set(a.title_id, []).get(a.title_id)!).push(a.alias);
    }
    const values: Record<string, unknown>[] = [];
    for (const r of rows) {
      const seen = new Set<string>();
      for (const name of [r.name, r.original_name, ...(aliases.get(r.id) ?? []).sort()]) {
        const k = name ? searchKeys(name) : null;
        if (!k || k.compact === '' || seen.has(k.compact)) continue;
        seen.add(k.compact);
        values.push({ [ref]: r.id, compact: k.compact, spaced: k.spaced, starts: k.starts });
      }
    }
    for (let i = 0; i < values.length; i += 500) await db.insertInto(table).values(values.slice(i, i + 500)).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Marquee migrations are forward-only; restore a backup to go back.');
}
