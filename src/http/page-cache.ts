// Serialised first pages of review lists, for anonymous readers: the hottest read (a title's most
// helpful reviews) is sent as ready bytes instead of being queried and serialised per request.
//
// Entries are grouped by title and dropped by any change to that title (a vote, a new or edited
// review, a rating), whether made by this process or, on PostgreSQL, by another instance (see
// src/services/changes.ts). A per-title generation number stops a slow read that began before a
// change from storing its stale page after it. Readers who miss together — right after a change, when
// every reader of a hot title misses at once — share one build of the page (`fill`).

// The value type is the API's serialised JSON by default; the web pages keep prepared (compressed)
// HTML in an instance of their own.
export class PageCache<V = Buffer> {
  readonly #pages = new Map<string, V>();
  readonly #keysByTitle = new Map<number, Set<string>>();
  readonly #generation = new Map<number, number>();
  /** Pages being built, by key, with the title's generation when the build began. */
  readonly #building = new Map<string, { generation: number; page: Promise<V> }>();

  constructor(private readonly maxEntries = 20_000) {}

  get(key: string): V | undefined {
    return this.#pages.get(key);
  }

  #generationOf(titleId: number): number {
    return this.#generation.get(titleId) ?? 0;
  }

  /** Stores the page unless the title changed since `generation` was read. */
  #store(titleId: number, key: string, page: V, generation: number): void {
    if (this.#generationOf(titleId) !== generation) return;
    if (this.#pages.size >= this.maxEntries) this.clear();
    this.#pages.set(key, page);
    let keys = this.#keysByTitle.get(titleId);
    if (!keys) this.#keysByTitle.set(titleId, (keys = new Set()));
    keys.add(key);
  }

  /**
   * The page under `key` (one of title `titleId`'s pages): from the cache, or else from `build`, run
   * once for every reader who asks while it runs, and stored when it is done. A build that began
   * before a change to the title is not stored, and readers who come after the change start a new one.
   */
  fill(titleId: number, key: string, build: () => Promise<V>): Promise<V> {
    const hit = this.#pages.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const generation = this.#generationOf(titleId);
    const running = this.#building.get(key);
    if (running && running.generation === generation) return running.page;
    const page = build().then((value) => {
      this.#store(titleId, key, value, generation);
      return value;
    });
    const entry = { generation, page };
    this.#building.set(key, entry);
    const done = () => {
      if (this.#building.get(key) === entry) this.#building.delete(key);
    };
    page.then(done, done);
    return page;
  }

  invalidate(titleId: number): void {
    this.#generation.set(titleId, this.#generationOf(titleId) + 1);
    const keys = this.#keysByTitle.get(titleId);
    if (!keys) return;
    for (const k of keys) this.#pages.delete(k);
    this.#keysByTitle.delete(titleId);
  }

  clear(): void {
    this.#pages.clear();
    this.#keysByTitle.clear();
  }

  get size(): number {
    return this.#pages.size;
  }
}
