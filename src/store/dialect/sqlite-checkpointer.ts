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
// 3. when the log has grown past `restartFrames` (by default at once): the same again, then under the
//    write lock one more PASSIVE checkpoint, which copies the little committed since and reaches
//    the end of the log. SQLite then flushes the file (little left to write: step 2 did it) and the
//    next write starts the log again from its beginning instead of growing it.
// 4. whatever the log holds, once it has not grown for `idleMs` (a second): so the database file of
//    a quiet site never lags its log for long, and the next write starts the log from its beginning.
// Copying only every `copyFrames` frames keeps what SQLite's own checkpoints had: a page changed by
// many commits is copied once per batch (every 100 ms, the pages of the most-read titles were copied
// ten times a second and votes/s fell by up to 18 %; docs/PERFORMANCE.md). The batches are large
// (65,536 frames, 256 MiB of log): the flush of step 2 is a burst of random writes that the commits'
// own flushes of the log wait behind, and the larger the batch, the fewer pages a vote leaves to
// copy (docs/PERFORMANCE.md, votes: +17–19 % votes/s against 6,144 frames, p99 halved). Under a
// steady stream of writes the log file then reaches about 360 MB; SQLite reuses it from its start
// rather than growing it further, and removes it when the last connection closes.
// Durability is unchanged: every commit still flushes the log (synchronous=FULL), and the database
// file is flushed before the log is reused, as SQLite's own checkpoints do. The connections keep
// their `wal_autocheckpoint` as a fallback (`fallbackFrames`): should this fall far behind, a commit
// checkpoints as before.
import fs from 'node:fs';
import os from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteFile } from './sqlite.js';

export interface CheckpointerOptions {
  /** Frames not yet in the database file that start a round. */
  copyFrames: number;
  /** Frames in the log past which a round restarts it; below the connections' fallback (`fallbackFrames`). */
  restartFrames: number;
  /** A log that has not grown for this long is copied whatever its length (default 1,000 ms). */
  idleMs?: number;
}

// 65,536 both (a round about every 1.6 s under a stream of 9,000 votes/s): against 6,144, alternating
// runs gave +17–19 % votes/s and half the p99; 16,384 and 32,768 lay between, 131,072 no better
// (docs/PERFORMANCE.md).
export const CHECKPOINTER_DEFAULTS: CheckpointerOptions = { copyFrames: 65_536, restartFrames: 65_536 };
const IDLE_MS = 1000;

/**
 * `wal_autocheckpoint` for the connections of a process whose checkpointer thread copies the log: past
 * what the log reaches while a round runs (up to about 1.6 × restartFrames seen), so commits
 * checkpoint themselves only should the thread fall far behind.
 */
export function fallbackFrames(options: CheckpointerOptions = CHECKPOINTER_DEFAULTS): number {
  return 4 * options.restartFrames;
}

/** The same for a process that may or may not run the checkpointer (undefined: SQLite's default here). */
export function autocheckpointFramesFor(checkpointer: boolean, options: CheckpointerOptions | undefined): number | undefined {
  return checkpointer ? fallbackFrames(options) : undefined;
}

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
  /** The log's length when last seen to change, and when (for the idle copy). */
  #seen = { frames: -1, at: 0 };

  constructor(
    file: string,
    private readonly lock: { with<T>(fn: () => Promise<T>): Promise<T> },
    private readonly options: CheckpointerOptions = CHECKPOINTER_DEFAULTS,
  ) {
    // Reads only log frames and writes pages it does not keep: a small page cache will do.
    this.#db = openSqliteFile(file, { cacheKiB: 1024, autocheckpointFrames: fallbackFrames(options) });
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
    const now = performance.now();
    if (mxFrame !== this.#seen.frames) this.#seen = { frames: mxFrame, at: now };
    if (mxFrame - nBackfill < this.options.copyFrames && mxFrame < this.options.restartFrames) {
      const idle = now - this.#seen.at >= (this.options.idleMs ?? IDLE_MS);
      if (!idle || mxFrame <= nBackfill) return { logFrames: mxFrame, restarted: false, lockedMs: 0 };
      // Step 4: nothing is being written, so this copy reaches the end of the log, and the next
      // write starts the log again.
      const idleCopy = this.#passive();
      fs.fdatasyncSync(this.#fd);
      return { logFrames: idleCopy.log, restarted: false, lockedMs: 0 };
    }
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
