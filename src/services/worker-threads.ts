// Starting one of our worker threads. Under the TypeScript sources (tests, `tsx`) the worker is the
// .ts file, loaded through tsx; from the build it is the compiled .js beside the caller.
import { Worker } from 'node:worker_threads';

const TSX_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { const { workerData } = require('node:worker_threads'); tsx.register(); return import(workerData.entry); });`;

/** Starts `./NAME.worker.(ts|js)` beside the module at `callerUrl`; it reads `data` from workerData.data. */
export function startWorker(name: string, callerUrl: string, data?: unknown): Worker {
  const source = callerUrl.endsWith('.ts');
  const entry = new URL(`./${name}.worker.${source ? 'ts' : 'js'}`, callerUrl).href;
  const workerData = { entry, data };
  // From the sources, the worker registers tsx's loader before importing the .ts entry.
  return source ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData }) : new Worker(new URL(entry), { workerData });
}
