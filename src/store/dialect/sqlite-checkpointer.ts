// Copying the write-ahead log back into the database file (a checkpoint) away from the writers.
//
// Left to SQLite, the connection whose commit takes the log past `wal_autocheckpoint` does the whole
// checkpoint inside that commit, holding the write lock: it copies every page the log holds into the
// database file, then flushes the file. Under a stream of votes that is 64 MiB of random writes and
// one long flush, during which no vote commits (100–250 ms each time, about once a second).
//
// A checkpointer on a thread of its own (src/services/checkpointer-thread.worker.ts) does the same
// work in steps, so the writers wait only for the last, short one. Once the log holds `copyFrames`
// frames not yet in the database file (it reads the count from the log's index, without a lock):
// 1. a PASSIVE checkpoint: copies what is committed, without the write lock (SQLite lets one
//    checkpoint run beside the writer);
// 2. a flush of the database file (fdatasync), still without the lock, so the pages just copied are
//    on the disk before step 3;
// 3. when the log has grown past `restartFrames` (by default at once): the same again, then under the write lock one
//    more PASSIVE checkpoint, which copies the little committed since and reaches the end of the log.
//    SQLite then flushes the file (little left to write: step 2 did it) and the next write starts
//    the log again from its beginning instead of growing it.
// Copying only every `copyFrames` frames keeps what SQLite's own checkpoints had: a page changed by
// many commits is copied once per batch (every 100 ms, the pages of the most-read titles were copied
// ten times a second and votes/s fell by up to 18 %; docs/PERFORMANCE.md).
// Durability is unchanged: every commit still flushes the log (synchronous=FULL), and the database
// file is flushed before the log is reused, as SQLite's own checkpoints do. The connections keep
// their `wal_autocheckpoint` as a fallback: should this fall behind, a commit checkpoints as before.
import fs from 'node:fs';
import os from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteFile } from './sqlite.js';

export interface CheckpointerOptions {
  /** Frames not yet in the database file that start a round. */
  copyFrames: number;
  /** Frames in the log past which a round restarts it; below the connections' fallback of 16,384. */
  restartFrames: number;
}

// 6,144 both: the log then peaks near 12,000 frames (what commits while a round runs), below the
// fallback; with 8,192 / 12,288 it reached the fallback now and then (votes p99 82–111 ms against
// 41–43; docs/PERFORMANCE.md).
export const CHECKPOINTER_DEFAULTS: CheckpointerOptions = { copyFrames: 6144, restartFrames: 6144 };

export interface CheckpointRound {
  /** Frames in the log when the round began. */
  logFrames: number;
  /** Whether the round took the write lock to let the log start again. */
  restarted: boolean;
  /** How long the writers waited on this round (the locked step), in ms. */
  lockedMs: number;
}

export interface WalIndex {
  /** Frames in the log. */
  mxFrame: number;
  /** Frames of it already copied into the database file. */
  nBackfill: number;
}

/** The bytes of the -shm file that `walIndexOf` reads. */
export const WAL_INDEX_BYTES = 100;
const LITTLE_ENDIAN = os.endianness() === 'LE';

/**
 * The log's index as SQLite keeps it at the start of the -shm file
 * (https://www.sqlite.org/walformat.html): `mxFrame` at offset 16 of the header, `nBackfill` at 96,
 * in the machine's byte order. Read without a lock, it is an estimate: enough to decide on a round,
 * and the checkpoint itself reads it properly.
 */
export function walIndexOf(shm: Buffer): WalIndex {
  const u32 = (at: number) => (LITTLE_ENDIAN ? shm.readUInt32LE(at) : shm.readUInt32BE(at));
  return { mxFrame: u32(16), nBackfill: u32(96) };
}

interface WalCheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

export class SqliteCheckpointer {
  readonly #db: BetterSqlite3.Database;
  readonly #fd: number;
  readonly #shm: number;
  readonly #header = Buffer.alloc(WAL_INDEX_BYTES);

  constructor(
    file: string,
    private readonly lock: { with<T>(fn: () => Promise<T>): Promise<T> },
    private readonly options: CheckpointerOptions = CHECKPOINTER_DEFAULTS,
  ) {
    // Reads only log frames and writes pages it does not keep: a small page cache will do.
    this.#db = openSqliteFile(file, 1024);
    this.#fd = fs.openSync(file, 'r+');
    this.#shm = fs.openSync(`${file}-shm`, 'r'); // the connection just opened made sure it exists
  }

  #index(): WalIndex {
    fs.readSync(this.#shm, this.#header, 0, this.#header.length, 0);
    return walIndexOf(this.#header);
  }

  #passive(): WalCheckpointRow {
    return (this.#db.pragma('wal_checkpoint(PASSIVE)') as WalCheckpointRow[])[0]!;
  }

  /** One round: copy and flush without the lock; restart the log under it once it is long. */
  async round(): Promise<CheckpointRound> {
    const { mxFrame, nBackfill } = this.#index();
    if (mxFrame - nBackfill < this.options.copyFrames && mxFrame < this.options.restartFrames) return { logFrames: mxFrame, restarted: false, lockedMs: 0 };
    const first = this.#passive();
    fs.fdatasyncSync(this.#fd);
    if (first.log < this.options.restartFrames) return { logFrames: first.log, restarted: false, lockedMs: 0 };
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
    fs.closeSync(this.#shm);
    fs.closeSync(this.#fd);
    this.#db.close();
  }
}
