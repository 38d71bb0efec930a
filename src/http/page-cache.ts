// Serialised first pages of review lists, for anonymous readers: the hottest read (a title's most
// helpful reviews) is sent as ready bytes instead of being queried and serialised per request.
//
// Entries are grouped by title and dropped by any change to that title (a vote, a new or edited
// review, a rating), whether made by this process or, on PostgreSQL, by another instance (see
// src/services/changes.ts). A per-title generation number stops a slow read that began before a
// change from storing its stale page after it.

// The value type is the API's serialised JSON by default; the web pages keep prepared (compressed)
// HTML in an instance of their own.
export class PageCache<V = Buffer> {
  readonly #pages = new Map<string, V>();
  readonly #keysByTitle = new Map<number, Set<string>>();
  readonly #generation = new Map<number, number>();

  constructor(private readonly maxEntries = 20_000) {}

  get(key: string): V | undefined {
    return this.#pages.get(key);
  }

  generation(titleId: number): number {
    return this.#generation.get(titleId) ?? 0;
  }

  /** Stores the page unless the title changed since `generation` was read. */
  set(titleId: number, key: string, page: V, generation: number): void {
    if (this.generation(titleId) !== generation) return;
    if (this.#pages.size >= this.maxEntries) this.clear();
    this.#pages.set(key, page);
    let keys = this.#keysByTitle.get(titleId);
    if (!keys) this.#keysByTitle.set(titleId, (keys = new Set()));
    keys.add(key);
  }

  invalidate(titleId: number): void {
    this.#generation.set(titleId, this.generation(titleId) + 1);
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
