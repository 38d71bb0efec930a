// Every row of every table, read in primary-key order in pages (for `marquee export`), and written
// back with the ids it had (for `marquee import marquee`). The table list is the live schema's own
// (dialect/tables.ts), ordered so that a table comes after every table it references.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';
import { beginSnapshot, endSnapshot, liveTables, resetIdentity, type LiveTable } from './dialect/tables.js';
import { MAX_PARAMS_PER_STATEMENT } from './bulk.store.js';
import { isScanScratchTable } from './lsh.store.js';

export type { LiveTable } from './dialect/tables.js';

/** Tables whose rows make an instance "not empty" for an import: everything else hangs off them. */
export const ROOT_TABLES = ['users', 'titles', 'people'] as const;

const PAGE = 2000;

export class InstanceDumpStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The live tables that hold data of their own, parents before children. */
  async tables(): Promise<LiveTable[]> {
    return inDependencyOrder((await liveTables(this.db)).filter((t) => !t.derived && !isScanScratchTable(t.name)));
  }

  /** The tables kept by the engine from others (not exported). */
  async derivedTables(): Promise<string[]> {
    return (await liveTables(this.db)).filter((t) => t.derived).map((t) => t.name);
  }

  async count(table: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(this.db);
    return Number(r.rows[0]!.n);
  }

  /** Runs `fn` on one connection inside a read snapshot, so every table is read at one moment. */
  async inSnapshot<T>(fn: (reader: InstanceDumpStore) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await beginSnapshot(conn);
      try {
        return await fn(new InstanceDumpStore(conn));
      } finally {
        await endSnapshot(conn);
      }
    });
  }

  /** The rows of `table` as arrays in `columns` order, page by page in primary-key order. */
  async *rows(table: LiveTable, columns: string[]): AsyncGenerator<unknown[][]> {
    const key = table.primaryKey.length ? table.primaryKey : columns;
    const keyAt = key.map((k) => columns.indexOf(k));
    const selectList = sql.join(columns.map((c) => sql.ref(c)));
    const orderBy = sql.join(key.map((c) => sql`${sql.ref(c)}`));
    let after: unknown[] | null = null;
    let offset = 0;
    for (;;) {
      let q: RawBuilder<Record<string, unknown>>;
      if (!table.primaryKey.length) {
        // No key to page by: order by every column and page by offset (only small tables are keyless).
        q = sql<Record<string, unknown>>`select ${selectList} from ${sql.table(table.name)} order by ${orderBy} limit ${PAGE} offset ${offset}`;
      } else if (after === null) {
        q = sql<Record<string, unknown>>`select ${selectList} from ${sql.table(table.name)} order by ${orderBy} limit ${PAGE}`;
      } else {
        const tuple: RawBuilder<unknown> = sql.join(after.map((v) => sql`${v}`));
        q = sql<Record<string, unknown>>`select ${selectList} from ${sql.table(table.name)} where (${orderBy}) > (${tuple}) order by ${orderBy} limit ${PAGE}`;
      }
      const rows: Record<string, unknown>[] = (await q.execute(this.db)).rows;
      if (rows.length === 0) return;
      const arrays: unknown[][] = rows.map((r) => columns.map((c) => r[c]));
      yield arrays;
      if (rows.length < PAGE) return;
      const last: unknown[] = arrays[arrays.length - 1]!;
      after = keyAt.map((i) => last[i]);
      offset += rows.length;
    }
  }

  /** The migrations this database has run, in order. */
  async appliedMigrations(): Promise<string[]> {
    const r = await sql<{ name: string }>`select name from marquee_migrations order by name`.execute(this.db);
    return r.rows.map((m) => m.name);
  }

  async rootRowCount(): Promise<number> {
    let n = 0;
    for (const t of ROOT_TABLES) n += await this.count(t);
    return n;
  }

  /** Deletes every row of `table` (the rows its migration put there; the instance is otherwise empty). */
  async clear(table: string): Promise<void> {
    await sql`delete from ${sql.table(table)}`.execute(this.db);
  }

  /** Inserts rows (arrays in `columns` order) with many rows per statement. */
  async insert(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    const per = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    for (let i = 0; i < rows.length; i += per) {
      const values = sql.join(rows.slice(i, i + per).map((r) => sql`(${sql.join(r.map((v) => sql`${v}`))})`));
      await sql`insert into ${sql.table(table)} (${cols}) values ${values}`.execute(this.db);
    }
  }

  async resetIdentity(table: string, column: string): Promise<void> {
    await resetIdentity(this.db, table, column);
  }
}

/** Parents before children (Kahn's algorithm, ties by name); a cycle keeps the remaining order by name. */
export function inDependencyOrder(tables: LiveTable[]): LiveTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: LiveTable[] = [];
  const remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (remaining.length) {
    const i = remaining.findIndex((t) => t.references.every((r) => done.has(r) || !byName.has(r)));
    const next = remaining.splice(i === -1 ? 0 : i, 1)[0]!;
    done.add(next.name);
    out.push(next);
  }
  return out;
}
