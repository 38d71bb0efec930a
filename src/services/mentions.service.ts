// Mention links (issue 6): names of catalog titles and people in a review body become links, stored
// with the review as spans of its body (reviews.mentions_json).
//
// The matcher (src/domain/mentions.ts) is built from the whole catalog once per catalog version: a
// number in the database that every title, alias or person write bumps in its own transaction
// (src/store/mentions.store.ts, bumpCatalogVersion). Before linking, the service reads that one row
// (a primary-key lookup) and rebuilds when the number moved — so every app instance on a shared
// PostgreSQL database notices a change made by any other, with no message to lose.
//
// A rebuild reads the catalog and builds the automaton: milliseconds for a small catalog, seconds
// at 300,000 entries. While one runs, callers wait for it only when the previous build was quick
// (WAIT_FOR_BUILD_MS); otherwise they link with the previous matcher and the new one takes over when
// ready (a review saved in those seconds gets the previous catalog's links; `marquee mentions relink`
// recomputes all). At most one build runs at a time per process. The build runs on this thread, so
// a slow one pauses the process: writers of the catalog bump the version once per change, importers
// once per run (docs/DECISIONS.md, "Mention links").
import type { Db } from '../store/db.js';
import type { WriteQueue } from '../store/write-queue.js';
import { MentionsStore, type CatalogSnapshot } from '../store/mentions.store.js';
import { buildMatcher, type CatalogEntry, type Matcher, type MentionKind } from '../domain/mentions.js';

/** A mention as stored and as the API shows it (Review.mentions). Offsets are UTF-16 code units. */
export interface MentionJson {
  start: number;
  end: number;
  type: MentionKind;
  slug: string;
  name: string;
}

/** Callers wait for a rebuild when the previous one took less than this; else they use the old one. */
export const WAIT_FOR_BUILD_MS = 500;

interface Linker {
  version: number;
  matcher: Matcher;
  /** Per matcher entry (the matcher's id is the index here). */
  kinds: MentionKind[];
  slugs: string[];
  names: string[];
  buildMs: number;
}

export interface RelinkSummary {
  reviews: number;
  changed: number;
  catalog_version: number;
  build_ms: number;
  seconds: number;
}

export class MentionsService {
  readonly #store: MentionsStore;
  #linker: Linker | null = null;
  #building: { version: number; promise: Promise<Linker> } | null = null;
  #builds = 0;

  constructor(
    db: Db,
    private readonly writes: WriteQueue,
    private readonly onBuildError: (err: unknown) => void = () => {},
  ) {
    this.#store = new MentionsStore(db.kysely);
  }

  /** How many matchers this process has built (tests, metrics). */
  get builds(): number {
    return this.#builds;
  }

  /** The mentions of `body` under the current catalog, as stored and shown. */
  async mentionsOf(body: string): Promise<MentionJson[]> {
    return linkWith(await this.#current(), body);
  }

  /** The same, serialised for reviews.mentions_json. */
  async mentionsJsonOf(body: string): Promise<string> {
    return JSON.stringify(await this.mentionsOf(body));
  }

  /**
   * Tells every instance that the catalog changed (for writers that cannot bump the version in their
   * own transaction; inside one, call bumpCatalogVersion from src/store/mentions.store.ts instead).
   */
  async catalogChanged(): Promise<void> {
    await this.writes.run((trx) => new MentionsStore(trx).bumpCatalogVersion());
  }

  /** Builds the matcher now if it is out of date (e.g. at startup), waiting for it. */
  async warm(): Promise<void> {
    const version = await this.#store.catalogVersion();
    if (this.#linker?.version !== version) await this.#build(version);
  }

  /**
   * Recomputes the mentions of every review under the current catalog (after catalog changes or an
   * import): reviews in id order, 500 at a time, rewriting only those whose spans changed. Returns
   * which titles' reviews changed through `onChangedTitle` (so caches can drop their pages).
   */
  async relinkAll(options: { onProgress?: (done: number, total: number) => void; onChangedTitle?: (titleId: number) => void } = {}): Promise<RelinkSummary> {
    const started = performance.now();
    const version = await this.#store.catalogVersion();
    const linker = this.#linker?.version === version ? this.#linker : await this.#build(version);
    const total = await this.#store.reviewCount();
    let done = 0;
    let changed = 0;
    let after = 0;
    const titles = new Set<number>();
    options.onProgress?.(0, total);
    for (;;) {
      const batch = await this.#store.reviewsAfter(after, 500);
      if (batch.length === 0) break;
      const updates: { id: number; json: string }[] = [];
      for (const r of batch) {
        const json = JSON.stringify(linkWith(linker, r.body));
        if (json !== r.mentions_json) {
          updates.push({ id: r.id, json });
          titles.add(r.title_id);
        }
      }
      if (updates.length) {
        // One group-commit write per batch; an edit in between is harmless (it stores its own spans,
        // and this write only sets spans computed from the body read just now).
        await this.writes.run(async (trx) => {
          const store = new MentionsStore(trx);
          for (const u of updates) await store.setMentions(u.id, u.json);
        });
      }
      changed += updates.length;
      done += batch.length;
      after = batch[batch.length - 1]!.id;
      options.onProgress?.(Math.min(done, Math.max(total, done)), Math.max(total, done));
    }
    for (const t of titles) options.onChangedTitle?.(t);
    return { reviews: done, changed, catalog_version: version, build_ms: Math.round(linker.buildMs), seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
  }

  async #current(): Promise<Linker> {
    const version = await this.#store.catalogVersion();
    const linker = this.#linker;
    if (linker && linker.version === version) return linker;
    const build = this.#build(version);
    if (linker && linker.buildMs >= WAIT_FOR_BUILD_MS) {
      build.catch(this.onBuildError);
      return linker;
    }
    return build;
  }

  /** The linker for `version` or newer; one build at a time, shared by every caller. */
  #build(version: number): Promise<Linker> {
    const running = this.#building;
    if (running && running.version >= version) return running.promise;
    const previous = running ? running.promise.catch(() => null) : Promise.resolve(null);
    const promise = previous.then(async () => {
      if (this.#linker && this.#linker.version >= version) return this.#linker;
      // The version is read before the catalog, so the content is at least as new as its label.
      const current = await this.#store.catalogVersion();
      const started = performance.now();
      const linker = buildLinker(await this.#store.catalog(), current, () => performance.now() - started);
      this.#builds++;
      if (!this.#linker || this.#linker.version <= current) this.#linker = linker;
      return linker;
    });
    const entry = { version, promise };
    this.#building = entry;
    void promise.then(
      () => {
        if (this.#building === entry) this.#building = null;
      },
      () => {
        if (this.#building === entry) this.#building = null;
      },
    );
    return promise;
  }
}

/** The matcher and its lookup tables from a catalog snapshot. */
export function buildLinker(catalog: CatalogSnapshot, version: number, elapsed: () => number = () => 0): Linker {
  const aliases = new Map<number, string[]>();
  for (const a of catalog.aliases) (aliases.get(a.title_id) ?? aliases.set(a.title_id, []).get(a.title_id)!).push(a.alias);
  const entries: CatalogEntry[] = [];
  const kinds: MentionKind[] = [];
  const slugs: string[] = [];
  const names: string[] = [];
  for (const t of catalog.titles) {
    const n = [t.name];
    if (t.original_name) n.push(t.original_name);
    for (const a of aliases.get(t.id) ?? []) n.push(a);
    entries.push({ kind: 'title', id: entries.length, names: n, year: t.year });
    kinds.push('title');
    slugs.push(t.slug);
    names.push(t.name);
  }
  for (const p of catalog.people) {
    entries.push({ kind: 'person', id: entries.length, names: p.original_name ? [p.name, p.original_name] : [p.name] });
    kinds.push('person');
    slugs.push(p.slug);
    names.push(p.name);
  }
  const matcher = buildMatcher(entries);
  return { version, matcher, kinds, slugs, names, buildMs: elapsed() };
}

function linkWith(linker: Linker, body: string): MentionJson[] {
  return linker.matcher.link(body).map((s) => ({ start: s.start, end: s.end, type: linker.kinds[s.id]!, slug: linker.slugs[s.id]!, name: linker.names[s.id]! }));
}
