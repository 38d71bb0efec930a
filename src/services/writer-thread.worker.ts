// The writer thread (src/services/writer-thread.ts): its own connection to the SQLite file and its own
// group-commit queue, running the named writes it is sent and answering each once its group committed.
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/db.js';
import { WriteQueue } from '../store/write-queue.js';
import { SharedWriteLock } from '../store/write-lock.js';
import { autocheckpointFramesFor } from '../store/dialect/sqlite-checkpointer.js';
import { InlineWrites } from './named-writes.js';
import { SMALL_YOUNG_GENERATION, startWorker } from './worker-threads.js';
import type { CheckpointerThreadData } from './checkpointer-thread.worker.js';
import { errorToFailure, type FromWriter, type ToWriter, type WriteReply, type WriterThreadData } from './writer-thread.js';

const data = (workerData as { data: WriterThreadData }).data;
// A small page cache: votes touch pages all over the file, so its size hardly matters (8 MiB: the same
// votes/s as 32 MiB and 15–20 MB less resident memory; 128 MiB: +2.5 % for 100 MB more); the kernel's
// page cache holds the pages anyway.
const db = openDb(data.databaseUrl, {
  cacheKiB: 8192,
  autocheckpointFrames: autocheckpointFramesFor(data.checkpointer, data.checkpointFrames),
});
const queue = new WriteQueue(db.kysely, {
  maxBatch: data.maxBatch,
  concurrency: 1,
  isRetryable: db.parts.isRetryable,
  lock: new SharedWriteLock(data.lock),
});
const writes = new InlineWrites(queue);
// Checkpoints on a thread of their own (src/store/dialect/sqlite-checkpointer.ts): a vote's commit then
// never waits for the log to be copied into the database file. Its failure is this thread's failure,
// which stops the server (src/context.ts), as the writer thread's own would.
const checkpointer = data.checkpointer
  ? startWorker('checkpointer-thread', import.meta.url, { file: db.parts.file!, lock: data.lock, intervalMs: 100, frames: data.checkpointFrames } satisfies CheckpointerThreadData, SMALL_YOUNG_GENERATION)
  : null;
checkpointer?.on('error', (err) => {
  throw err;
});
function stopCheckpointer(): Promise<void> {
  if (!checkpointer) return Promise.resolve();
  // It finishes its round and says so; under tsx its loader would keep it alive, so it is then ended.
  return new Promise((resolve) => {
    checkpointer.once('message', () => void checkpointer.terminate().then(() => resolve()));
    checkpointer.postMessage({ type: 'close' });
  });
}

let replies: WriteReply[] = [];
function flush(): void {
  if (replies.length === 0) return;
  const batch = replies;
  replies = [];
  parentPort!.postMessage({ type: 'replies', replies: batch } satisfies FromWriter);
}
function reply(r: WriteReply): void {
  // The answers of one group go back in one message.
  if (replies.push(r) === 1) setImmediate(flush);
}

parentPort!.on('message', (message: ToWriter) => {
  if (message.type === 'close') {
    void (async () => {
      await queue.close();
      flush();
      await stopCheckpointer();
      await db.close();
      process.exit(0);
    })();
    return;
  }
  for (const r of message.requests) {
    writes.run(r.name, r.input as never, r.order).then(
      (value) => reply({ id: r.id, ok: true, value }),
      (err: unknown) => reply({ id: r.id, ok: false, error: errorToFailure(err) }),
    );
  }
});
