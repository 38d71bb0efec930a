// The seam between engine-agnostic store code and the two engines. Only this folder names one.
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { openSqliteFile, sqliteDialect, sqlitePathOf, sqliteUniqueViolation } from './sqlite.js';
import { openPgPool, pgIsRetryable, pgUniqueViolation, PgListener, postgresDialect } from './postgres.js';
import type { Dialect } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export interface EngineParts {
  engine: Engine;
  dialect: Dialect;
  uniqueViolation(err: unknown): string | null;
  isRetryable(err: unknown): boolean;
  /** Tells other app instances on the same database about a change (PostgreSQL NOTIFY). */
  notify?(db: Kysely<any>, channel: string, payload: string): Promise<void>;
  /** Listens for other instances' notifications. */
  listen?(channel: string, onMessage: (payload: string) => void, onError: (err: Error) => void): Promise<{ close(): Promise<void> }>;
  /** A short text naming where the data lives, for logs (never the password). */
  describe: string;
  /** SQLite: the database file (':memory:' for a private in-memory database). */
  file?: string;
}

export interface EngineOptions {
  poolSize?: number;
  /** A pooled connection failed while idle (the pool replaces it); for the log. */
  onConnectionError?(err: Error): void;
  /** SQLite: the page cache in KiB (default 32 MiB). */
  cacheKiB?: number;
  /** SQLite: the log's length in frames at which a commit checkpoints (default AUTOCHECKPOINT_FRAMES). */
  autocheckpointFrames?: number;
}

export function engineParts(url: string, options: EngineOptions = {}): EngineParts {
  if (url.startsWith('sqlite:')) {
    const file = sqlitePathOf(url);
    const raw = openSqliteFile(file, { cacheKiB: options.cacheKiB, autocheckpointFrames: options.autocheckpointFrames });
    return {
      engine: 'sqlite',
      dialect: sqliteDialect(raw),
      uniqueViolation: sqliteUniqueViolation,
      // Another process holding the write lock past busy_timeout.
      isRetryable: (err) => (err as { code?: string })?.code === 'SQLITE_BUSY',
      describe: `sqlite:${file}`,
      file,
    };
  }
  const pool = openPgPool(url, options.poolSize, options.onConnectionError);
  return {
    engine: 'postgres',
    dialect: postgresDialect(pool),
    uniqueViolation: pgUniqueViolation,
    isRetryable: pgIsRetryable,
    notify: async (db, channel, payload) => {
      await sql`select pg_notify(${channel}, ${payload})`.execute(db);
    },
    listen: async (channel, onMessage, onError) => {
      const listener = new PgListener(url, channel, onMessage, onError);
      await listener.start();
      return listener;
    },
    describe: url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1@'),
  };
}

/** Which engine a Kysely instance talks to (migrations use it for the few DDL differences). */
export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** An auto-incrementing integer primary key. */
export function autoId(engine: Engine) {
  return (col: ColumnDefinitionBuilder) =>
    engine === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

/** SQLite stores a table with a composite primary key more compactly WITHOUT ROWID. */
export function clusteredOnPrimaryKey<T extends string, C extends string>(engine: Engine, table: CreateTableBuilder<T, C>) {
  return engine === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;
}

/** A row lock for read-then-write (PostgreSQL); SQLite's BEGIN IMMEDIATE already holds the write lock. */
export function forUpdate<Q extends { forUpdate(): Q }>(engine: Engine, query: Q): Q {
  return engine === 'postgres' ? query.forUpdate() : query;
}
