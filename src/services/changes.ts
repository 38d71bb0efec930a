// Tells whoever keeps derived copies (the first-page caches, the credential cache) that data changed. Within a process it is
// a plain listener list; on PostgreSQL every change is also sent with NOTIFY so other app instances
// on the same database drop their copies too.
import type { Db } from '../store/db.js';

export type Change =
  /** A title's reviews, scores or facts changed: its cached pages are stale. */
  | { kind: 'title'; titleId: number }
  /** A session or token ended, or an account's role or suspension changed: remembered credentials are stale. */
  | { kind: 'accounts' };

const CHANNEL = 'marquee_changes';

export class ChangeFeed {
  readonly #listeners = new Set<(change: Change) => void>();
  #stop: (() => Promise<void>) | null = null;
  readonly #instance = Math.random().toString(36).slice(2);

  constructor(private readonly db: Db) {}

  subscribe(listener: (change: Change) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Call after the change has committed. */
  publish(change: Change): void {
    this.#deliver(change);
    const notify = this.db.parts.notify;
    if (notify) {
      void notify(this.db.kysely, CHANNEL, JSON.stringify({ from: this.#instance, ...change })).catch(() => {
        // A lost notification only leaves another instance's cache stale until its next local write.
      });
    }
  }

  /** Starts receiving other instances' changes (PostgreSQL only; a no-op on SQLite). */
  async listen(onError: (err: Error) => void): Promise<void> {
    const listen = this.db.parts.listen;
    if (!listen) return;
    const handle = await listen(
      CHANNEL,
      (payload) => {
        try {
          const { from, ...change } = JSON.parse(payload) as Change & { from: string };
          if (from !== this.#instance) this.#deliver(change as Change);
        } catch {
          /* not ours */
        }
      },
      onError,
    );
    this.#stop = () => handle.close();
  }

  async close(): Promise<void> {
    await this.#stop?.();
  }

  #deliver(change: Change): void {
    for (const l of this.#listeners) l(change);
  }
}
