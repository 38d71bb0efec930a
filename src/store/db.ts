// Opens the database named by DATABASE_URL and bundles what the rest of the store needs.
import { Kysely, sql } from 'kysely';
import type { Database } from './schema.js';
import { engineParts, type Engine, type EngineOptions, type EngineParts } from './dialect/index.js';
import { AppError } from '../domain/errors.js';

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  parts: EngineParts;
  /** The columns of a unique violation ("users.handle_key"), or null when `err` is something else. */
  uniqueViolation(err: unknown): string | null;
  close(): Promise<void>;
}

export function openDb(url: string, options: EngineOptions = {}): Db {
  const parts = engineParts(url, options);
  const kysely = new Kysely<Database>({ dialect: parts.dialect });
  let closed = false;
  return {
    engine: parts.engine,
    kysely,
    parts,
    uniqueViolation: parts.uniqueViolation,
    close: async () => {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
}

/**
 * Runs `fn`, translating a unique violation on one of `map`'s keys into its AppError. The one place
 * where a constraint violation becomes the contract's 409.
 */
export async function translatingUnique<T>(db: Db, map: Record<string, () => AppError>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const violated = db.uniqueViolation(err);
    if (violated !== null) {
      for (const [key, make] of Object.entries(map)) {
        if (violated.split(',').some((c) => c === key)) throw make();
      }
    }
    throw err;
  }
}

/** Whether the database answers (readiness). */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
