// Search over titles, people and reviews (issue 6; the rules are src/domain/search.ts, the indexes
// src/store/dialect/search.ts). Reads only; reindexing is for the CLI and importers.
import type { Db } from '../store/db.js';
import { ReviewsStore } from '../store/reviews.store.js';
import {
  SearchStore,
  indexMissingNames,
  reindexSearch,
  type PersonHitKey,
  type ReindexOptions,
  type ReindexSummary,
  type ReviewHit,
  type ReviewOrderKey,
  type TitleHitKey,
} from '../store/search.store.js';
import { invalid } from '../domain/errors.js';
import { isModerator, type Actor } from '../domain/permissions.js';
import { parseNameQuery, queryProblem, reviewQueryWords } from '../domain/search.js';
import { reviewJson, type ReviewJson, type TitleJson } from './present.js';
import type { CatalogService } from './catalog.service.js';
import { decodeCursor, encodeCursor, isRowId, type Page } from './cursor.js';

export const SEARCH_TYPES = ['titles', 'people', 'reviews'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export type TitleHitJson = { type: 'title' } & TitleJson;
export interface PersonHitJson {
  type: 'person';
  id: number;
  slug: string;
  name: string;
  original_name: string | null;
}
export type ReviewHitJson = { type: 'review' } & ReviewJson;
export type SearchItem = TitleHitJson | PersonHitJson | ReviewHitJson;

export interface SearchQuery {
  q: string;
  type: SearchType;
  cursor?: string;
  limit: number;
}

export interface Suggestions {
  titles: { slug: string; name: string; original_name: string | null; year: number | null; kind: 'series' | 'film' }[];
  people: { slug: string; name: string; original_name: string | null }[];
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isClass = (v: unknown) => v === 0 || v === 1 || v === 2;
const isTitleKey = (v: unknown): v is TitleHitKey => Array.isArray(v) && v.length === 3 && isClass(v[0]) && isRowId(v[1]) && isRowId(v[2]);
const isPersonKey = (v: unknown): v is PersonHitKey => Array.isArray(v) && v.length === 2 && isClass(v[0]) && isRowId(v[1]);
/** [tier, helpful_score, helpful_total, created_at, id] */
type ReviewCursor = [0 | 1, ...ReviewOrderKey];
const isReviewKey = (v: unknown): v is ReviewCursor =>
  Array.isArray(v) &&
  v.length === 5 &&
  (v[0] === 0 || v[0] === 1) &&
  typeof v[1] === 'number' &&
  v[1] >= 0 &&
  v[1] <= 1 &&
  isRowId(v[2]) &&
  typeof v[3] === 'string' &&
  ISO_TIME.test(v[3]) &&
  isRowId(v[4]);

const empty = <T>(): Page<T> => ({ items: [], next_cursor: null });

export class SearchService {
  readonly #search: SearchStore;
  readonly #reviews: ReviewsStore;

  constructor(
    private readonly db: Db,
    /** Titles found are shown as the catalog shows them. */
    private readonly catalog: CatalogService,
  ) {
    this.#search = new SearchStore(db.kysely);
    this.#reviews = new ReviewsStore(db.kysely);
  }

  async search(actor: Actor | null, query: SearchQuery): Promise<Page<SearchItem>> {
    const problem = queryProblem(query.q);
    if (problem) throw invalid('q', problem);
    switch (query.type) {
      case 'titles':
        return this.#titles(query);
      case 'people':
        return this.#people(query);
      case 'reviews':
        return this.#reviewsPage(actor, query);
    }
  }

  /** A few titles and people for as-you-type suggestions (an empty list for an unusable query). */
  async suggest(q: string, limit = 5): Promise<Suggestions> {
    const problem = queryProblem(q);
    if (problem) throw invalid('q', problem);
    const parsed = parseNameQuery(q);
    if (!parsed) return { titles: [], people: [] };
    const { titles, people } = await this.#search.suggest(parsed, limit);
    return {
      titles: titles.map((t) => ({ slug: t.slug, name: t.name, original_name: t.original_name, year: t.year, kind: t.kind })),
      people: people.map((p) => ({ slug: p.slug, name: p.name, original_name: p.original_name })),
    };
  }

  async #titles(query: SearchQuery): Promise<Page<TitleHitJson>> {
    const after = query.cursor ? decodeCursor(query.cursor, isTitleKey) : undefined;
    const parsed = parseNameQuery(query.q);
    if (!parsed) return empty();
    const rows = await this.#search.titles(parsed, after, query.limit + 1);
    const kept = rows.slice(0, query.limit);
    const titles = await this.catalog.present(kept.map(({ search_class: _c, ...title }) => title));
    const items = titles.map((t) => ({ type: 'title' as const, ...t }));
    const last = kept[kept.length - 1];
    return { items, next_cursor: rows.length > query.limit && last ? encodeCursor([last.search_class, Number(last.review_count), last.id]) : null };
  }

  async #people(query: SearchQuery): Promise<Page<PersonHitJson>> {
    const after = query.cursor ? decodeCursor(query.cursor, isPersonKey) : undefined;
    const parsed = parseNameQuery(query.q);
    if (!parsed) return empty();
    const rows = await this.#search.people(parsed, after, query.limit + 1);
    const kept = rows.slice(0, query.limit);
    const items = kept.map((p) => ({ type: 'person' as const, id: p.id, slug: p.slug, name: p.name, original_name: p.original_name }));
    const last = kept[kept.length - 1];
    return { items, next_cursor: rows.length > query.limit && last ? encodeCursor([last.search_class, last.id]) : null };
  }

  /**
   * Reviews in two tiers (every word in the headline first, then the rest), each most helpful first;
   * the cursor names the tier and the last review's place in it.
   */
  async #reviewsPage(actor: Actor | null, query: SearchQuery): Promise<Page<ReviewHitJson>> {
    const after = query.cursor ? decodeCursor(query.cursor, isReviewKey) : undefined;
    const words = reviewQueryWords(query.q);
    if (!words.length) return empty();
    const publishedOnly = !isModerator(actor);
    const want = query.limit + 1;
    const hits: (ReviewHit & { tier: 0 | 1 })[] = [];
    if (!after || after[0] === 0) {
      const tier0 = await this.#search.reviewHits({ tier: 0, words, publishedOnly, after: after ? [after[1], after[2], after[3], after[4]] : undefined, limit: want });
      hits.push(...tier0.map((h) => ({ ...h, tier: 0 as const })));
    }
    if (hits.length < want) {
      const resume = after && after[0] === 1 ? ([after[1], after[2], after[3], after[4]] as ReviewOrderKey) : undefined;
      const tier1 = await this.#search.reviewHits({ tier: 1, words, publishedOnly, after: resume, limit: want - hits.length });
      hits.push(...tier1.map((h) => ({ ...h, tier: 1 as const })));
    }
    const kept = hits.slice(0, query.limit);
    const records = await this.#reviews.byIds(kept.map((h) => h.id));
    const votes = actor ? await this.#reviews.votesBy(actor.id, records.map((r) => r.id)) : null;
    const items = records.map((r) => ({ type: 'review' as const, ...reviewJson(r, votes ? (votes.get(r.id) ?? null) : undefined) }));
    const last = kept[kept.length - 1];
    return {
      items,
      next_cursor: hits.length > query.limit && last ? encodeCursor([last.tier, Number(last.helpful_score), Number(last.helpful_total), last.created_at, Number(last.id)]) : null,
    };
  }

  /** Keys for titles and people inserted without them (by plain SQL); see src/store/search.store.ts. */
  indexMissing(): Promise<{ titles: number; people: number }> {
    return indexMissingNames(this.db.kysely);
  }

  /** Rebuilds every search key and index (`marquee search reindex`). */
  reindex(options: ReindexOptions = {}): Promise<ReindexSummary> {
    return reindexSearch(this.db.kysely, options);
  }
}
