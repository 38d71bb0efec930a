// Search: the folded name keys of titles and people (kept with every catalog write, rebuilt in bulk by
// reindexSearch), and the queries over each engine's indexes (src/store/dialect/search.ts).
//
// For importers: rows written by plain SQL are picked up as follows.
//   - reviews: indexed by triggers on both engines, nothing to call;
//   - titles, aliases, people: call `indexMissingNames(db)` after inserting new ones (cheap: only
//     entities without keys), or `reindexSearch(db)` after changing names of existing rows.
import { sql, type Kysely } from 'kysely';
import type { Database, PersonRow, TitleRow } from './schema.js';
import { BulkInsert, inTransaction } from './bulk.store.js';
import { searchKeys, type NameQuery, type SearchKeys } from '../domain/search.js';
import { SEARCH_INDEXED_FROM, searchDialect, type NameKind, type ReviewHit, type ReviewIdQuery } from './dialect/search.js';

export type { ReviewHit, ReviewOrderKey } from './dialect/search.js';

/** The distinct non-empty keys of an entity's names, in the order given. */
export function keysOfNames(names: (string | null | undefined)[]): SearchKeys[] {
  const seen = new Set<string>();
  const out: SearchKeys[] = [];
  for (const name of names) {
    if (!name) continue;
    const keys = searchKeys(name);
    if (keys.compact === '' || seen.has(keys.compact)) continue;
    seen.add(keys.compact);
    out.push(keys);
  }
  return out;
}

const KIND = {
  title: { table: 'search_title_names', ref: 'title_id' },
  person: { table: 'search_person_names', ref: 'person_id' },
} as const;

/** Rows of keys per statement when writing few entities (one statement per call). */
async function writeKeys(db: Kysely<Database>, kind: NameKind, entries: [number, SearchKeys[]][]): Promise<void> {
  if (!entries.length) return;
  const { table, ref } = KIND[kind];
  const ids = entries.map(([id]) => id);
  await db.deleteFrom(table).where(ref, 'in', ids).execute();
  const rows = entries.flatMap(([id, keys]) => keys.map((k) => ({ [ref]: id, compact: k.compact, spaced: k.spaced, starts: k.starts })));
  for (let i = 0; i < rows.length; i += 1000) {
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(rows.slice(i, i + 1000)).execute();
  }
}

async function titleNames(db: Kysely<Database>, ids: number[]): Promise<[number, SearchKeys[]][]> {
  if (!ids.length) return [];
  const titles = await db.selectFrom('titles').select(['id', 'name', 'original_name']).where('id', 'in', ids).orderBy('id').execute();
  const aliases = await db.selectFrom('title_aliases').select(['title_id', 'alias']).where('title_id', 'in', ids).execute();
  const byTitle = new Map<number, string[]>();
  for (const a of aliases) (byTitle.get(a.title_id) ?? byTitle.set(a.title_id, []).get(a.title_id)!).push(a.alias);
  return titles.map((t) => [t.id, keysOfNames([t.name, t.original_name, ...(byTitle.get(t.id) ?? []).sort()])]);
}

async function personNames(db: Kysely<Database>, ids: number[]): Promise<[number, SearchKeys[]][]> {
  if (!ids.length) return [];
  const people = await db.selectFrom('people').select(['id', 'name', 'original_name']).where('id', 'in', ids).orderBy('id').execute();
  return people.map((p) => [p.id, keysOfNames([p.name, p.original_name])]);
}

/** Rewrites the search keys of these titles from their names and aliases (inside the caller's transaction). */
export async function writeTitleKeys(db: Kysely<Database>, titleIds: number[]): Promise<void> {
  await writeKeys(db, 'title', await titleNames(db, titleIds));
}

/** Rewrites the search keys of these people. */
export async function writePersonKeys(db: Kysely<Database>, personIds: number[]): Promise<void> {
  await writeKeys(db, 'person', await personNames(db, personIds));
}

const BATCH = 5000;

/**
 * Writes keys for titles and people that have none (inserted by plain SQL, e.g. a bulk import).
 * Returns how many entities got keys. Names that fold to nothing (punctuation only) have no keys and
 * are looked at again each time; they are rare.
 */
export async function indexMissingNames(db: Kysely<Database>): Promise<{ titles: number; people: number }> {
  const missing = async (kind: NameKind) => {
    const { table, ref } = KIND[kind];
    const source = kind === 'title' ? 'titles' : 'people';
    const rows = await sql<{ id: number }>`select e.id from ${sql.table(source)} e where not exists (select 1 from ${sql.table(table)} k where k.${sql.ref(ref)} = e.id) order by e.id`.execute(db);
    const ids = rows.rows.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      await inTransaction(db, async (trx) => {
        await writeKeys(trx, kind, kind === 'title' ? await titleNames(trx, slice) : await personNames(trx, slice));
      });
    }
    return ids.length;
  };
  return { titles: await missing('title'), people: await missing('person') };
}

export interface ReindexOptions {
  /** Also rebuild the review word index (normally kept by triggers; needed only if they were bypassed). */
  reviews?: boolean;
  onProgress?(phase: 'titles' | 'people' | 'reviews', done: number, total: number): void | Promise<void>;
}

export interface ReindexSummary {
  titles: number;
  people: number;
  title_keys: number;
  person_keys: number;
  reviews: boolean;
  seconds: number;
}

/**
 * Runs a bulk load of reviews (seeding, restoring) with the review word index's per-row upkeep
 * suspended, and rebuilds that index once afterwards. If the process dies in between, `marquee
 * search reindex` rebuilds the index and restores the upkeep.
 */
export async function withReviewIndexSuspended<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  // The helpful-order index too: filled row by row it is a random B-tree insert per review; built
  // once at the end it is one sort.
  await db.schema.dropIndex('reviews_search_helpful').ifExists().execute();
  try {
    return await searchDialect(db).rewritingReviews(db, fn);
  } finally {
    await createReviewsSearchHelpfulIndex(db);
  }
}

/** Search results list reviews most helpful first: the index of its upper part (the definition of migration 0009). */
export async function createReviewsSearchHelpfulIndex(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createIndex('reviews_search_helpful')
    .ifNotExists()
    .on('reviews')
    .columns(['helpful_score desc', 'helpful_total desc', 'created_at desc', 'id desc'])
    .where(sql.ref('helpful_score'), '>=', sql.lit(SEARCH_INDEXED_FROM))
    .execute();
}

/**
 * Rebuilds every search key of titles and people from their current names, in bulk (one transaction
 * per kind, multi-row inserts, the engine's index rebuilt once at the end), and the review index
 * with `reviews`. Safe to run at any time; searches see the old keys until each kind commits.
 */
export async function reindexSearch(db: Kysely<Database>, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const started = performance.now();
  const dialect = searchDialect(db);
  const counts = { title: { entities: 0, keys: 0 }, person: { entities: 0, keys: 0 } };
  for (const kind of ['title', 'person'] as const) {
    const { table, ref } = KIND[kind];
    const source = kind === 'title' ? 'titles' : 'people';
    await inTransaction(db, async (trx) => {
      const total = Number((await trx.selectFrom(source).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      await dialect.rewritingNames(trx, kind, async () => {
        await trx.deleteFrom(table).execute();
        const insert = new BulkInsert(trx, table, [ref, 'compact', 'spaced', 'starts'] as never);
        let last = 0;
        for (;;) {
          const rows: { id: number; name: string; original_name: string | null }[] = await trx
            .selectFrom(source)
            .select(['id', 'name', 'original_name'])
            .where('id', '>', last)
            .orderBy('id')
            .limit(BATCH)
            .execute();
          if (!rows.length) break;
          last = rows[rows.length - 1]!.id;
          const aliases = new Map<number, string[]>();
          if (kind === 'title') {
            const found = await trx
              .selectFrom('title_aliases')
              .select(['title_id', 'alias'])
              .where('title_id', '>=', rows[0]!.id)
              .where('title_id', '<=', last)
              .execute();
            for (const a of found) (aliases.get(a.title_id) ?? aliases.set(a.title_id, []).get(a.title_id)!).push(a.alias);
          }
          for (const r of rows) {
            for (const k of keysOfNames([r.name, r.original_name, ...(aliases.get(r.id) ?? []).sort()])) {
              insert.add(r.id, k.compact, k.spaced, k.starts);
              counts[kind].keys++;
            }
          }
          counts[kind].entities += rows.length;
          await insert.flush(trx, false);
          await options.onProgress?.(kind === 'title' ? 'titles' : 'people', counts[kind].entities, total);
        }
        await insert.flush(trx);
      });
    });
  }
  if (options.reviews) {
    await options.onProgress?.('reviews', 0, 1);
    await inTransaction(db, (trx) => dialect.rebuildReviewIndex(trx));
    await options.onProgress?.('reviews', 1, 1);
  }
  // A bulk load killed half-way may have left the review search order index dropped
  // (withReviewIndexSuspended): every reindex puts it back (a no-op when it is there).
  await createReviewsSearchHelpfulIndex(db);
  await sql`analyze`.execute(db);
  return {
    titles: counts.title.entities,
    people: counts.person.entities,
    title_keys: counts.title.keys,
    person_keys: counts.person.keys,
    reviews: options.reviews === true,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

/** The sort key of a title hit: match class, review count, id. */
export type TitleHitKey = [number, number, number];
/** The sort key of a person hit: match class, id. */
export type PersonHitKey = [number, number];

/**
 * How a page of names is found:
 *  - general: every matching key is read, grouped by entity with its class, and sorted — cheap while
 *    the matches are few;
 *  - dense (DENSE_FROM matching keys or more: two letters, a common family name): class by class,
 *    whole-name matches by equality and name-start matches by prefix range on the compact B-tree
 *    (0008), the rest by walking the entities in result order (titles by popularity, people by id)
 *    and probing each one's keys, which finds a page within a few hundred entities. A class with few
 *    keys (under SPARSE_BELOW) is read and sorted instead of walked.
 */
/** Tests force a plan; 'walk' is the dense plan walking every class, however few its keys. */
export type NamePlan = 'general' | 'dense' | 'walk';
const DENSE_FROM = 5000;
const SPARSE_BELOW = 2000;

interface NameKindSql {
  keys: 'search_title_names' | 'search_person_names';
  ref: 'title_id' | 'person_id';
  entities: 'titles' | 'people';
  /** Order within a class and the keyset condition after a hit (alias e). */
  order: ReturnType<typeof sql>;
  after(key: number[]): ReturnType<typeof sql>;
}

const NAME_KINDS: Record<NameKind, NameKindSql> = {
  title: {
    keys: 'search_title_names',
    ref: 'title_id',
    entities: 'titles',
    order: sql`e.review_count desc, e.id`,
    after: ([, rc, id]) => sql`and (e.review_count < ${rc} or (e.review_count = ${rc} and e.id > ${id}))`,
  },
  person: {
    keys: 'search_person_names',
    ref: 'person_id',
    entities: 'people',
    order: sql`e.id`,
    after: ([, id]) => sql`and e.id > ${id}`,
  },
};

export class SearchStore {
  constructor(private readonly db: Kysely<Database>) {}

  #classOf(q: NameQuery) {
    return sql<number>`min(case when k.compact = ${q.compact} then 0 when substr(k.compact, 1, length(cast(${q.compact} as text))) = ${q.compact} then 1 else 2 end)`;
  }

  /** Titles one of whose names matches, best match first, then most reviewed, then by id. */
  async titles(q: NameQuery, after: TitleHitKey | undefined, limit: number, plan?: NamePlan): Promise<(TitleRow & { search_class: number })[]> {
    return this.#names('title', q, after, limit, plan) as Promise<(TitleRow & { search_class: number })[]>;
  }

  /** People one of whose names matches, best match first, then by id. */
  async people(q: NameQuery, after: PersonHitKey | undefined, limit: number, plan?: NamePlan): Promise<(PersonRow & { search_class: number })[]> {
    return this.#names('person', q, after, limit, plan) as Promise<(PersonRow & { search_class: number })[]>;
  }

  async #names(kind: NameKind, q: NameQuery, after: number[] | undefined, limit: number, plan?: NamePlan): Promise<Record<string, unknown>[]> {
    const chosen = plan ?? ((await this.#countKeys(kind, searchDialect(this.db).nameMatch(kind, q), DENSE_FROM)) >= DENSE_FROM ? 'dense' : 'general');
    const rows = chosen === 'general' ? await this.#general(kind, q, after, limit) : await this.#dense(kind, q, after, limit, chosen === 'walk');
    return rows.map((r) => ({ ...r, search_class: Number(r.search_class) }));
  }

  async #countKeys(kind: NameKind, where: ReturnType<typeof sql>, cap: number): Promise<number> {
    const k = NAME_KINDS[kind];
    const r = await sql<{ n: number }>`select count(*) as n from (select 1 from ${sql.table(k.keys)} k where ${where} limit ${cap}) c`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  async #general(kind: NameKind, q: NameQuery, after: number[] | undefined, limit: number, onlyClass?: number) {
    const k = NAME_KINDS[kind];
    const match = searchDialect(this.db).nameMatch(kind, q);
    const conditions = [
      ...(onlyClass !== undefined ? [sql`m.cls = ${onlyClass}`] : []),
      ...(after ? [sql`(m.cls > ${after[0]} or (m.cls = ${after[0]} ${k.after(after)}))`] : []),
    ];
    const result = await sql<Record<string, unknown>>`
      with m as (
        select k.${sql.ref(k.ref)} as ref_id, ${this.#classOf(q)} as cls
        from ${sql.table(k.keys)} k where ${match} group by k.${sql.ref(k.ref)}
      )
      select e.*, m.cls as search_class from m join ${sql.table(k.entities)} e on e.id = m.ref_id
      ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
      order by m.cls, ${k.order}
      limit ${limit}`.execute(this.db);
    return result.rows;
  }

  async #dense(kind: NameKind, q: NameQuery, after: number[] | undefined, limit: number, alwaysWalk: boolean) {
    const dialect = searchDialect(this.db);
    const k = NAME_KINDS[kind];
    const match = dialect.nameRowMatch(q);
    const equal = dialect.compactIn([q.compact]);
    const above = dialect.compactStartsWith(q, false);
    const from = dialect.compactStartsWith(q, true);
    /** Entities with a matching key under `cond`. */
    const has = (cond: ReturnType<typeof sql>) => sql`exists (select 1 from ${sql.table(k.keys)} k where k.${sql.ref(k.ref)} = e.id and ${cond} and ${match})`;
    const ids = (cond: ReturnType<typeof sql>) => sql`e.id in (select k.${sql.ref(k.ref)} from ${sql.table(k.keys)} k where ${cond} and ${match})`;
    const page = async (cls: number, where: ReturnType<typeof sql>, want: number, from?: number[]) => {
      const result = await sql<Record<string, unknown>>`
        select e.*, ${cls} as search_class from ${sql.table(k.entities)} e
        where ${where} ${from ? k.after(from) : sql``}
        order by ${k.order} limit ${want}`.execute(this.db);
      return result.rows;
    };
    const out: Record<string, unknown>[] = [];
    for (let cls = after ? after[0]! : 0; cls <= 2 && out.length < limit; cls++) {
      const from_ = after && after[0] === cls ? after : undefined;
      const want = limit - out.length;
      if (cls === 0) {
        out.push(...(await page(0, ids(equal), want, from_)));
      } else if (cls === 1) {
        const sparse = !alwaysWalk && (await this.#countKeys(kind, sql`${above} and ${match}`, SPARSE_BELOW)) < SPARSE_BELOW;
        out.push(...(await page(1, sparse ? sql`${ids(above)} and not ${has(equal)}` : sql`${has(above)} and not ${has(equal)}`, want, from_)));
      } else {
        const sparse = !alwaysWalk && (await this.#countKeys(kind, sql`${dialect.nameMatch(kind, q)} and not ${from}`, SPARSE_BELOW)) < SPARSE_BELOW;
        if (sparse) out.push(...(await this.#general(kind, q, from_, want, 2)));
        else out.push(...(await page(2, sql`${has(match)} and not ${has(from)}`, want, from_)));
      }
    }
    return out;
  }

  reviewHits(q: ReviewIdQuery): Promise<ReviewHit[]> {
    return searchDialect(this.db).reviewHits(this.db, q);
  }

  /** A few titles and people whose names match, for suggestions while typing. */
  async suggest(q: NameQuery, limit: number) {
    const [titles, people] = await Promise.all([this.titles(q, undefined, limit), this.people(q, undefined, limit)]);
    return { titles, people };
  }
}
