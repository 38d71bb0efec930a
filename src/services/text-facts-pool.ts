// textFacts (src/domain/quality/text-facts.ts) for many texts at once, spread over worker threads.
// With `threads: 0` it runs on the calling thread; the answers are the same either way.
//
// Under the TypeScript sources (tests, `tsx`) the worker is the .ts file, loaded through tsx; from
// the build it is the compiled .js beside this file.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { textFacts, type TextFacts } from '../domain/quality/text-facts.js';
import type { QualityOptions } from '../domain/quality/signals.js';

const TSX_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(require('node:worker_threads').workerData); });`;

export interface TextFactsRequest {
  seq: number;
  texts: { headline: string; body: string }[];
  options: Partial<QualityOptions>;
}

export interface TextFactsReply {
  seq: number;
  facts: TextFacts[];
}

/** Worker threads by default: one per core. */
export function defaultThreads(): number {
  return availableParallelism();
}

export class TextFactsPool {
  readonly #workers: Worker[] = [];
  readonly #waiting = new Map<number, { resolve(facts: TextFacts[]): void; reject(err: unknown): void }>();
  #seq = 0;
  #failed: unknown = null;
  #closing = false;

  constructor(
    readonly threads: number,
    private readonly options: Partial<QualityOptions>,
  ) {
    const source = import.meta.url.endsWith('.ts');
    const url = new URL(source ? './quality-scan.worker.ts' : './quality-scan.worker.js', import.meta.url);
    for (let i = 0; i < threads; i++) {
      // From the sources, the worker registers tsx's loader before importing the .ts entry.
      const worker = source ? new Worker(TSX_BOOTSTRAP, { eval: true, workerData: url.href }) : new Worker(url);
      worker.on('message', (reply: TextFactsReply) => {
        const waiting = this.#waiting.get(reply.seq);
        this.#waiting.delete(reply.seq);
        waiting?.resolve(reply.facts);
      });
      worker.on('error', (err) => this.#fail(err));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.#closing) this.#fail(new Error(`a quality scan worker thread stopped with exit code ${code}`));
      });
      this.#workers.push(worker);
    }
  }

  /** The facts of each text, in order. */
  async facts(texts: { headline: string; body: string }[]): Promise<TextFacts[]> {
    if (this.#failed) throw this.#failed;
    if (this.#workers.length === 0 || texts.length === 0) return texts.map((t) => textFacts({ ...t, options: this.options }));
    const share = Math.ceil(texts.length / this.#workers.length);
    const parts = await Promise.all(
      this.#workers.map((worker, i) => {
        const slice = texts.slice(i * share, (i + 1) * share);
        if (slice.length === 0) return Promise.resolve([]);
        const seq = ++this.#seq;
        const request: TextFactsRequest = { seq, texts: slice, options: this.options };
        return new Promise<TextFacts[]>((resolve, reject) => {
          this.#waiting.set(seq, { resolve, reject });
          worker.postMessage(request);
        });
      }),
    );
    return parts.flat();
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
    this.#workers.length = 0;
  }

  #fail(err: unknown): void {
    this.#failed ??= err;
    for (const waiting of this.#waiting.values()) waiting.reject(err);
    this.#waiting.clear();
  }
}
