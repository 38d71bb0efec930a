// textFacts (src/domain/quality/text-facts.ts) for many texts at once, spread over worker threads.
// With `threads: 0` it runs on the calling thread; the answers are the same either way.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-threads.js';
import { textFacts, type TextFacts } from '../domain/quality/text-facts.js';
import type { QualityOptions } from '../domain/quality/signals.js';

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
    for (let i = 0; i < threads; i++) {
      const worker = startWorker('quality-scan', import.meta.url);
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
