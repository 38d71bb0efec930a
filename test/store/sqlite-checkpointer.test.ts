// The background checkpointer (src/store/dialect/sqlite-checkpointer.ts): it copies the log into the
// database file without the write lock, takes the lock only to let a long log start again, and loses
// nothing on the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqliteFile } from '../../src/store/dialect/sqlite.js';
import { SqliteCheckpointer } from '../../src/store/dialect/sqlite-checkpointer.js';
import { SharedWriteLock } from '../../src/store/write-lock.js';
import { walIndex } from '../support/sqlite-wal.js';


describe('SqliteCheckpointer', () => {
  let dir: string;
  let file: string;
  let writer: BetterSqlite3.Database;
  let lock: SharedWriteLock;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-ckpt-'));
    file = path.join(dir, 'db.sqlite');
    writer = openSqliteFile(file);
    writer.pragma('wal_autocheckpoint = 0'); // only the checkpointer copies, so the test sees its work
    writer.exec('create table t (id integer primary key, body text not null)');
    lock = new SharedWriteLock();
  });
  afterEach(() => {
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let next = 0;
  /** `n` commits of a few pages each, as the writers would make them. */
  function commits(n: number): void {
    const insert = writer.prepare('insert into t (id, body) values (?, ?)');
    for (let i = 0; i < n; i++) writer.transaction(() => insert.run(++next, 'x'.repeat(3000)))();
  }

  it('copies the log into the database file without the write lock while the log is short', async () => {
    const checkpointer = new SqliteCheckpointer(file, lock, { copyFrames: 1, restartFrames: 1000 });
    try {
      commits(20);
      const before = walIndex(file);
      expect(before.nBackfill).toBe(0);
      await lock.acquire(); // a writer holds the lock: a round that needed it would not finish
      const round = await checkpointer.round();
      lock.release();
      expect(round).toMatchObject({ restarted: false, lockedMs: 0 });
      expect(round.logFrames).toBe(before.mxFrame);
      expect(walIndex(file)).toEqual({ mxFrame: before.mxFrame, nBackfill: before.mxFrame });
    } finally {
      checkpointer.close();
    }
  });

  it('leaves a log alone until it holds copyFrames frames not yet copied, so a page changed often is copied once', async () => {
    const checkpointer = new SqliteCheckpointer(file, lock, { copyFrames: 40, restartFrames: 1000 });
    try {
      commits(5);
      const few = walIndex(file);
      expect(few.mxFrame).toBeLessThan(40);
      await checkpointer.round();
      expect(walIndex(file).nBackfill).toBe(0);
      commits(40);
      await checkpointer.round();
      expect(walIndex(file).nBackfill).toBe(walIndex(file).mxFrame);
    } finally {
      checkpointer.close();
    }
  });

  it('copies a log that has stopped growing for idleMs, however short it is', async () => {
    const checkpointer = new SqliteCheckpointer(file, lock, { copyFrames: 1000, restartFrames: 1000, idleMs: 150 });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      commits(5);
      await checkpointer.round(); // first sight of this length
      await sleep(100);
      commits(1); // still growing: not idle
      await checkpointer.round();
      await sleep(100);
      await checkpointer.round();
      expect(walIndex(file).nBackfill).toBe(0);
      await sleep(100); // 200 ms without a commit
      const round = await checkpointer.round();
      expect(round).toMatchObject({ restarted: false, lockedMs: 0 });
      const after = walIndex(file);
      expect(after.mxFrame).toBeLessThan(1000);
      expect(after.nBackfill).toBe(after.mxFrame);
    } finally {
      checkpointer.close();
    }
  });

  it('restarts a long log under the write lock, and the next commit writes from its start', async () => {
    const checkpointer = new SqliteCheckpointer(file, lock, { copyFrames: 1, restartFrames: 50 });
    try {
      commits(40);
      const long = walIndex(file).mxFrame;
      expect(long).toBeGreaterThanOrEqual(50);
      await lock.acquire();
      let done = false;
      const round = checkpointer.round().then((r) => ((done = true), r));
      await new Promise((r) => setTimeout(r, 50));
      expect(done).toBe(false); // it waits for the lock, without blocking this thread
      lock.release();
      const result = await round;
      expect(result.restarted).toBe(true);
      expect(walIndex(file).nBackfill).toBe(walIndex(file).mxFrame);
      commits(1);
      expect(walIndex(file).mxFrame).toBeLessThan(long); // the log started again
    } finally {
      checkpointer.close();
    }
  });

  it('keeps every committed row through rounds run between commits', async () => {
    const checkpointer = new SqliteCheckpointer(file, lock, { copyFrames: 1, restartFrames: 30 });
    const copy = path.join(dir, 'copy.sqlite');
    try {
      for (let i = 0; i < 10; i++) {
        commits(15);
        await checkpointer.round();
      }
      // The database file alone, taken while the connections are open (closing the last one would
      // checkpoint by itself): had a page been lost on the way, a row or the tree would be missing.
      fs.copyFileSync(file, copy);
    } finally {
      checkpointer.close();
    }
    const alone = openSqliteFile(copy);
    try {
      expect(alone.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(alone.prepare('select count(*) as n from t').get()).toEqual({ n: 150 });
    } finally {
      alone.close();
    }
  });
});
