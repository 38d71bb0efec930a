// The checkpointer thread: copies the write-ahead log back into the database file in the background,
// so commits on the writer thread and the server thread rarely do it themselves (src/store/dialect/
// sqlite-checkpointer.ts says how, and why it is safe). Started and stopped by the writer thread.
import { parentPort, workerData } from 'node:worker_threads';
import { CHECKPOINTER_DEFAULTS, SqliteCheckpointer, type CheckpointerOptions } from '../store/dialect/sqlite-checkpointer.js';
import { SharedWriteLock } from '../store/write-lock.js';

export interface CheckpointerThreadData {
  file: string;
  lock: SharedArrayBuffer;
  /** Pause between rounds, in ms. */
  intervalMs: number;
  /** Thresholds (default: CHECKPOINTER_DEFAULTS). */
  frames: CheckpointerOptions | undefined;
}

/** Its one message: the round in progress finished and the connection is closed. */
export type FromCheckpointer = { type: 'stopped' };

const data = (workerData as { data: CheckpointerThreadData }).data;
const checkpointer = new SqliteCheckpointer(data.file, new SharedWriteLock(data.lock), data.frames ?? CHECKPOINTER_DEFAULTS);
let stopping = false;
// The listener also keeps this thread's event loop alive while it waits for the write lock
// (Atomics.waitAsync alone does not).
parentPort!.on('message', (message: { type: 'close' }) => {
  if (message.type === 'close') stopping = true;
});

while (!stopping) {
  await checkpointer.round();
  if (!stopping) await new Promise((resolve) => setTimeout(resolve, data.intervalMs));
}
checkpointer.close();
parentPort!.postMessage({ type: 'stopped' } satisfies FromCheckpointer);
