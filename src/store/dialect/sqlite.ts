// Everything SQLite-specific: opening the file, pragmas, and a Kysely driver tuned for it.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Durability first: WAL with synchronous=FULL makes every commit durable across a machine crash
 * (the WAL is fsynced at each commit). Group commit (src/store/write-queue.ts) keeps that affordable.
 */
const PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 10000',
  // A bounded page cache and no memory map: the OS page cache holds hot pages without counting them
  // in the process's memory, which keeps a server on a large database far below 300 MB.
  'cache_size = -32768', // 32 MiB
  'temp_store = MEMORY',
  'mmap_size = 0',
];

/**
 * Checkpoint (copy the log back into the database) every 64 MiB of log rather than every 4 MiB:
 * under a stream of writes the copy is the costliest step of a commit, and fewer, larger copies
 * write each hot page back fewer times. Votes commit on the writer thread (src/services/
 * writer-thread.ts), so the longer checkpoints delay the votes queued behind them, not page
 * requests (docs/PERFORMANCE.md has the measurements: +20 % votes/s against 16 MiB, p99 up).
 * Where a checkpointer thread copies the log (src/store/dialect/sqlite-checkpointer.ts) this is only
 * its fallback, and the connections of that process set it past the log's length under its rounds.
 */
export const AUTOCHECKPOINT_FRAMES = 16_384;

export interface SqliteFileOptions {
  /** Replaces the page cache's 32 MiB (the writer thread's connection takes less). */
  cacheKiB?: number;
  /** Replaces AUTOCHECKPOINT_FRAMES: the log's length, in frames, at which a commit checkpoints. */
  autocheckpointFrames?: number;
}

export function openSqliteFile(file: string, options: SqliteFileOptions = {}): BetterSqlite3.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file);
  for (const pragma of PRAGMAS) db.pragma(pragma);
  db.pragma(`wal_autocheckpoint = ${Math.max(1, Math.floor(options.autocheckpointFrames ?? AUTOCHECKPOINT_FRAMES))}`);
  if (options.cacheKiB !== undefined) db.pragma(`cache_size = -${Math.max(1, Math.floor(options.cacheKiB))}`);
  return db;
}

/** Path of a `sqlite:PATH` URL. */
export function sqlitePathOf(url: string): string {
  const p = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  if (p === '') throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/marquee.db');
  return p;
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

/** One connection with a cache of prepared statements (Kysely's own driver prepares every time). */
class SqliteConnection implements DatabaseConnection {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  constructor(readonly db: BetterSqlite3.Database) {}

  #prepare(sql: string): BetterSqlite3.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.#statements.size >= 1000) this.#statements.clear();
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(compiled.sql);
    const params = compiled.parameters as unknown[];
    if (stmt.reader) return Promise.resolve({ rows: stmt.all(params) as R[] });
    const { changes, lastInsertRowid } = stmt.run(params);
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    });
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.db.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

class SqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  #release: (() => void) | null = null;
  readonly #connection: SqliteConnection;
  constructor(db: BetterSqlite3.Database) {
    this.#connection = new SqliteConnection(db);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
  // BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads then writes never
  // fails with SQLITE_BUSY when another process (a CLI command) writes at the same time.
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async destroy(): Promise<void> {
    this.#connection.db.close();
  }
}

export function sqliteDialect(db: BetterSqlite3.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SqliteDriver(db),
    createIntrospector: (k: Kysely<any>) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/** Names the table and columns of a unique-constraint violation ("users.handle_key"), or null. */
export function sqliteUniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; message?: string };
  if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  const m = /constraint failed: (.+)$/.exec(e.message ?? '');
  return m ? m[1]!.split(', ').map((c) => c.trim()).join(',') : 'unknown';
}
