// Copying the write-ahead log back into the database file (a checkpoint) away from the writers.
//
// Left to SQLite, the connection whose commit takes the log past `wal_autocheckpoint` does the whole
// checkpoint inside that commit, holding the write lock: it copies every page the log holds into the
// database file, then flushes the file. Under a stream of votes that is 64 MiB of random writes and
// one long flush, during which no vote commits (100–250 ms each time, about once a second).
//
// A checkpointer on a thread of its own (src/services/checkpointer-thread.worker.ts) does the same
// work in three steps, so the writers wait only for the last, short one:
// 1. a PASSIVE checkpoint: copies what is committed, without the write lock (SQLite lets one
//    checkpoint run beside the writer);
// 2. a flush of the database file (fdatasync), still without the lock, so the pages just copied are
//    on the disk before step 3;
// 3. only when the log has grown past `restartFrames`: under the write lock, another PASSIVE
//    checkpoint, which copies the little committed since and reaches the end of the log. SQLite then
//    flushes the file (little left to write: step 2 did it) and the next write starts the log again
//    from its beginning instead of growing it.
// Durability is unchanged: every commit still flushes the log (synchronous=FULL), and the database
// file is flushed before the log is reused, as SQLite's own checkpoints do. The connections keep
// their `wal_autocheckpoint` as a fallback: should this fall behind, a commit checkpoints as before.
import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteFile } from './sqlite.js';

/** Frames (pages) in the log past which a round restarts it; below the connections' fallback of 16,384. */
export const RESTART_FRAMES = 8192;

export interface CheckpointRound {
  /** Frames in the log when the round began. */
  logFrames: number;
  /** Whether the round took the write lock to let the log start again. */
  restarted: boolean;
  /** How long the writers waited on this round (the locked step), in ms. */
  lockedMs: number;
}

interface WalCheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

export class SqliteCheckpointer {
  readonly #db: BetterSqlite3.Database;
  readonly #fd: number;

  constructor(
    file: string,
    private readonly lock: { with<T>(fn: () => Promise<T>): Promise<T> },
    private readonly restartFrames = RESTART_FRAMES,
  ) {
    // Reads only log frames and writes pages it does not keep: a small page cache will do.
    this.#db = openSqliteFile(file, 1024);
    this.#fd = fs.openSync(file, 'r+');
  }

  #passive(): WalCheckpointRow {
    return (this.#db.pragma('wal_checkpoint(PASSIVE)') as WalCheckpointRow[])[0]!;
  }

  /** One round: copy and flush without the lock; restart the log under it once it is long. */
  async round(): Promise<CheckpointRound> {
    const first = this.#passive();
    if (first.log === 0) return { logFrames: 0, restarted: false, lockedMs: 0 };
    fs.fdatasyncSync(this.#fd);
    if (first.log < this.restartFrames) return { logFrames: first.log, restarted: false, lockedMs: 0 };
    // Copy what was committed during the flush, and flush again, before taking the lock: what is
    // left for the locked step is what commits in the next few milliseconds.
    this.#passive();
    fs.fdatasyncSync(this.#fd);
    const lockedMs = await this.lock.with(async () => {
      const started = performance.now();
      this.#passive();
      return performance.now() - started;
    });
    return { logFrames: first.log, restarted: true, lockedMs };
  }

  close(): void {
    fs.closeSync(this.#fd);
    this.#db.close();
  }
}
