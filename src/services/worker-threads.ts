// Starting one of our worker threads. Under the TypeScript sources (tests, `tsx`) the worker is the
// .ts file, loaded through tsx; from the build it is the compiled .js beside the caller.
import { Worker, type ResourceLimits } from 'node:worker_threads';

const TSX_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { const { workerData } = require('node:worker_threads'); tsx.register(); return import(workerData.entry); });`;

/**
 * For the threads that keep little alive (the writer, the checkpointer): a young generation of 8 MB
 * instead of V8's default, which under votes grows to 32 MB per thread. Same votes per second, 17 MB
 * less peak memory on average (docs/PERFORMANCE.md, section 2026-11-27 07:40–08:25; decision 37).
 */
export const SMALL_YOUNG_GENERATION: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

/**
 * Starts `./NAME.worker.(ts|js)` beside the module at `callerUrl`; it reads `data` from workerData.data.
 * `resourceLimits` bound the thread's V8 heap.
 */
export function startWorker(name: string, callerUrl: string, data?: unknown, resourceLimits?: ResourceLimits): Worker {
  const source = callerUrl.endsWith('.ts');
  const entry = new URL(`./${name}.worker.${source ? 'ts' : 'js'}`, callerUrl).href;
  const workerData = { entry, data };
  // From the sources, the worker registers tsx's loader before importing the .ts entry.
  return source ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData, resourceLimits }) : new Worker(new URL(entry), { workerData, resourceLimits });
}
