// What tables the live schema has, read from the engine's own catalogue, for the whole-instance export
// (`marquee export` / `marquee import marquee`): so a table added by any later migration is exported
// without anyone listing it. The engine-specific catalogue queries live here.
import { sql, type Kysely } from 'kysely';
import { engineOf } from './index.js';

export interface LiveColumn {
  name: string;
  /** Computed by the database (GENERATED … AS): never exported or inserted. */
  generated: boolean;
  /** An identity / autoincrement id whose counter must follow the imported ids. */
  identity: boolean;
}

export interface LiveTable {
  name: string;
  columns: LiveColumn[];
  /** Primary-key columns in key order ([] when the table has none). */
  primaryKey: string[];
  /** Tables this one has foreign keys to (itself excluded). */
  references: string[];
  /**
   * Kept by the engine from other tables (SQLite FTS virtual tables and their shadow tables,
   * PostgreSQL tables of tsvector columns): not data of their own; triggers rebuild them from their
   * source rows as those are inserted.
   */
  derived: boolean;
}

/** Bookkeeping tables of the migrator: the importing instance has its own. */
const BOOKKEEPING = new Set(['marquee_migrations', 'marquee_migrations_lock']);

export async function liveTables(db: Kysely<any>): Promise<LiveTable[]> {
  return engineOf(db) === 'postgres' ? pgTables(db) : sqliteTables(db);
}

async function sqliteTables(db: Kysely<any>): Promise<LiveTable[]> {
  const list = await sql<{ name: string; type: string }>`select name, type from pragma_table_list where schema = 'main'`.execute(db);
  const out: LiveTable[] = [];
  for (const t of list.rows) {
    if (t.name.startsWith('sqlite_') || BOOKKEEPING.has(t.name) || t.type === 'view') continue;
    const derived = t.type === 'virtual' || t.type === 'shadow';
    const cols = await sql<{ name: string; hidden: number; pk: number; type: string }>`select name, hidden, pk, type from pragma_table_xinfo(${t.name})`.execute(db);
    const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t.name})`.execute(db);
    const pk = cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const create = await sql<{ sql: string | null }>`select sql from sqlite_schema where type = 'table' and name = ${t.name}`.execute(db);
    const autoinc = /autoincrement/i.test(create.rows[0]?.sql ?? '');
    out.push({
      name: t.name,
      columns: cols.rows
        .filter((c) => c.hidden !== 1)
        .map((c) => ({ name: c.name, generated: c.hidden === 2 || c.hidden === 3, identity: autoinc && pk.length === 1 && pk[0]!.name === c.name })),
      primaryKey: pk.map((c) => c.name),
      references: [...new Set(fks.rows.map((f) => f.table))].filter((r) => r !== t.name),
      derived,
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

async function pgTables(db: Kysely<any>): Promise<LiveTable[]> {
  const list = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: LiveTable[] = [];
  for (const { name } of list.rows) {
    if (BOOKKEEPING.has(name)) continue;
    const cols = await sql<{ name: string; is_generated: string; is_identity: string; data_type: string }>`select column_name as name, is_generated, is_identity, data_type
      from information_schema.columns where table_schema = current_schema() and table_name = ${name} order by ordinal_position`.execute(db);
    const pk = await sql<{ name: string }>`select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${sql.lit(name)}::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
    const fks = await sql<{ name: string }>`select c2.relname as name from pg_constraint c
      join pg_class c2 on c2.oid = c.confrelid where c.conrelid = ${sql.lit(name)}::regclass and c.contype = 'f'`.execute(db);
    out.push({
      name,
      columns: cols.rows.map((c) => ({ name: c.name, generated: c.is_generated === 'ALWAYS', identity: c.is_identity === 'YES' })),
      primaryKey: pk.rows.map((r) => r.name),
      references: [...new Set(fks.rows.map((f) => f.name))].filter((r) => r !== name),
      // A table of text-search vectors (review_search, kept by triggers on reviews: dialect/search.ts)
      // is an index in table form: the rows come back when their source rows are inserted.
      derived: cols.rows.some((c) => c.data_type === 'tsvector'),
    });
  }
  return out;
}

/** Starts a read-only snapshot on `conn`: every later read sees one moment, writers go on. */
export async function beginSnapshot(conn: Kysely<any>): Promise<void> {
  // SQLite: a deferred transaction takes its snapshot at the first read (WAL lets writers go on).
  await sql.raw(engineOf(conn) === 'postgres' ? 'begin isolation level repeatable read read only' : 'begin').execute(conn);
}

export async function endSnapshot(conn: Kysely<any>): Promise<void> {
  await sql.raw('commit').execute(conn);
}

/** After ids were inserted explicitly: move each identity counter past the largest id (PostgreSQL). */
export async function resetIdentity(db: Kysely<any>, table: string, column: string): Promise<void> {
  if (engineOf(db) !== 'postgres') return; // SQLite's AUTOINCREMENT follows the largest inserted id itself.
  await sql`select setval(pg_get_serial_sequence(${sql.lit(`"${table}"`)}, ${sql.lit(column)}), coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(table)}`.execute(db);
}
