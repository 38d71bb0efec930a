// A whole instance as JSON lines (`marquee export`) and back into an empty instance
// (`marquee import marquee`), on either engine, ids kept.
//
// Format, one JSON value per line:
//   {"format":"marquee-export","version":1,"exported_at":…,"engine":…,"migrations":[…]}
//   {"table":"users","columns":["id","handle",…],"rows":N}      then N lines, each an array of
//   [1,"ana",…]                                                 values in `columns` order
//   …                                                           (bytes as {"$bytes":"base64"})
//   {"end":true,"tables":T,"rows":R}
// Tables come parents first (foreign keys), rows in primary-key order, all read in one snapshot. The
// table list is the live schema's (store/dialect/tables.ts), so a table added by a later migration is
// exported without being listed anywhere; only the migrator's bookkeeping and tables the engine
// derives from others (SQLite FTS) are left out. Everything else is the instance's, secrets too
// (password hashes, session and token hashes): a restored instance signs in the same people.
import type { Db } from '../../store/db.js';
import { InstanceDumpStore, ROOT_TABLES, type LiveTable } from '../../store/instance-dump.store.js';
import type { Clock } from '../clock.js';

export const DUMP_FORMAT = 'marquee-export';
export const DUMP_VERSION = 1;

export type DumpProgress = (table: string, done: number, total: number) => void;

export interface DumpSummary {
  tables: number;
  rows: number;
}

/** Rows inserted per statement batch during an import. */
const INSERT_BATCH = 1000;

function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

function decode(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $bytes?: unknown }).$bytes === 'string') {
    return Buffer.from((value as { $bytes: string }).$bytes, 'base64');
  }
  return value;
}

const exportedColumns = (t: LiveTable) => t.columns.filter((c) => !c.generated).map((c) => c.name);

/** Writes every table; `write` is awaited for each chunk (back-pressure). */
export async function exportInstance(db: Db, clock: Clock, write: (chunk: string) => Promise<void>, onProgress?: DumpProgress): Promise<DumpSummary> {
  const store = new InstanceDumpStore(db.kysely);
  return store.inSnapshot(async (reader) => {
    const tables = await reader.tables();
    const migrations = await reader.appliedMigrations();
    await write(`${JSON.stringify({ format: DUMP_FORMAT, version: DUMP_VERSION, exported_at: clock.now().toISOString(), engine: db.engine, migrations })}\n`);
    let total = 0;
    for (const table of tables) {
      const columns = exportedColumns(table);
      const count = await reader.count(table.name);
      await write(`${JSON.stringify({ table: table.name, columns, rows: count })}\n`);
      let done = 0;
      onProgress?.(table.name, 0, count);
      for await (const page of reader.rows(table, columns)) {
        let chunk = '';
        for (const row of page) chunk += `${JSON.stringify(row.map(encode))}\n`;
        await write(chunk);
        done += page.length;
        onProgress?.(table.name, done, count);
      }
      if (done !== count) throw new Error(`${table.name}: read ${done} rows where the snapshot counted ${count}`);
      total += done;
    }
    await write(`${JSON.stringify({ end: true, tables: tables.length, rows: total })}\n`);
    return { tables: tables.length, rows: total };
  });
}

/**
 * Reads an export into this instance, which must be empty (no users, titles or people): all of it in
 * one transaction, so a bad line leaves nothing behind. Throws `FILE:LINE: reason` on the first
 * problem; nothing is skipped, since a restore that drops rows would lose data silently.
 */
export async function importInstance(
  db: Db,
  file: string,
  lines: AsyncIterable<string>,
  onProgress?: (bytesRead: number) => void,
): Promise<DumpSummary> {
  const store = new InstanceDumpStore(db.kysely);
  if ((await store.rootRowCount()) > 0) {
    throw new Error(`this instance is not empty (it has ${ROOT_TABLES.join(', ')} rows); import a Marquee export only into a new, empty database`);
  }
  const live = new Map((await store.tables()).map((t) => [t.name, t]));
  const applied = new Set(await store.appliedMigrations());
  return db.kysely.transaction().execute(async (trx) => {
    const writer = new InstanceDumpStore(trx);
    if ((await writer.rootRowCount()) > 0) throw new Error('this instance is not empty; import a Marquee export only into a new, empty database');
    let lineNo = 0;
    let bytes = 0;
    let headerSeen = false;
    let ended: { tables: number; rows: number } | null = null;
    let current: { table: LiveTable; columns: string[]; expected: number; got: number; buffer: unknown[][] } | null = null;
    const seen = new Set<string>();
    let totalRows = 0;
    const fail = (reason: string): never => {
      throw new Error(`${file}:${lineNo}: ${reason}`);
    };
    const flush = async () => {
      if (current && current.buffer.length) {
        await writer.insert(current.table.name, current.columns, current.buffer);
        current.buffer = [];
      }
    };
    const closeTable = async () => {
      if (!current) return;
      await flush();
      if (current.got !== current.expected) fail(`table ${current.table.name} has ${current.got} rows where its header says ${current.expected}`);
      for (const c of current.table.columns) if (c.identity && current.columns.includes(c.name)) await writer.resetIdentity(current.table.name, c.name);
      current = null;
    };
    for await (const text of lines) {
      lineNo++;
      bytes += Buffer.byteLength(text) + 1;
      if (lineNo % 5000 === 0) onProgress?.(bytes);
      if (text.trim() === '') continue;
      if (ended) fail('there is more after the end line');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        fail('not valid JSON');
      }
      if (!headerSeen) {
        const h = value as { format?: unknown; version?: unknown; migrations?: unknown };
        if (h?.format !== DUMP_FORMAT) fail('not a Marquee export (the first line must name the format "marquee-export")');
        if (h.version !== DUMP_VERSION) fail(`export format version ${String(h.version)} is not one this Marquee reads (${DUMP_VERSION})`);
        const newer = Array.isArray(h.migrations) ? h.migrations.filter((m) => typeof m !== 'string' || !applied.has(m)) : ['?'];
        if (newer.length) fail(`the export was made by a newer Marquee (migrations ${newer.join(', ')} are unknown here); upgrade first`);
        headerSeen = true;
        continue;
      }
      if (Array.isArray(value)) {
        if (!current) fail('a row before any table line');
        const cur = current!;
        if (value.length !== cur.columns.length) fail(`a ${cur.table.name} row has ${value.length} values where the table line names ${cur.columns.length} columns`);
        cur.buffer.push(value.map(decode));
        cur.got++;
        totalRows++;
        if (cur.buffer.length >= INSERT_BATCH) await flush().catch((err: Error) => fail(`${cur.table.name}: ${err.message}`));
        continue;
      }
      const obj = value as { table?: unknown; columns?: unknown; rows?: unknown; end?: unknown };
      if (typeof obj?.table === 'string') {
        await closeTable().catch((err: Error) => fail(err.message));
        const table = live.get(obj.table) ?? fail(`table "${obj.table}" does not exist here`);
        if (seen.has(table.name)) fail(`table ${table.name} appears twice`);
        seen.add(table.name);
        const cols = Array.isArray(obj.columns) ? (obj.columns as unknown[]) : fail('a table line needs its columns');
        const known = new Set(exportedColumns(table));
        for (const c of cols) if (typeof c !== 'string' || !known.has(c)) fail(`table ${table.name} has no column "${String(c)}" here`);
        if (typeof obj.rows !== 'number') fail('a table line needs its row count');
        // Rows a migration put into an otherwise empty instance (singletons such as instance_stats)
        // give way to the exported ones.
        await writer.clear(table.name);
        current = { table, columns: cols as string[], expected: obj.rows as number, got: 0, buffer: [] };
        continue;
      }
      if (obj?.end === true) {
        await closeTable().catch((err: Error) => fail(err.message));
        if (obj && (obj as { rows?: unknown }).rows !== totalRows) fail(`the end line counts ${String((obj as { rows?: unknown }).rows)} rows; the file has ${totalRows}`);
        ended = { tables: seen.size, rows: totalRows };
        continue;
      }
      fail('not a row, a table line or the end line');
    }
    if (!headerSeen) throw new Error(`${file}: the file is empty`);
    if (!ended) throw new Error(`${file}:${lineNo}: the file ends before its end line (cut short?)`);
    onProgress?.(bytes);
    return ended;
  });
}
