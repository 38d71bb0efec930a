// Full-text search, engine by engine: the indexes of migration 0002 and the SQL that reads them. Both
// engines implement the same rules (src/domain/search.ts), and test/http/search.test.ts runs one suite
// over both to hold them to it.
//
// Names (titles and people) are folded in JS (src/domain/search.ts) into keys stored in
// search_title_names / search_person_names: `compact` ("hwangdaseul") and `starts` ("hwang da seul",
// plus inner suffixes of CJK words).
//   SQLite: an FTS5 trigram index over `compact` (substrings of 3+ characters, case-sensitive since
//           the keys are folded already) and an FTS5 word index over `starts` (the ascii tokenizer
//           splits at the spaces only; prefix indexes of 1 and 2 characters for short query words),
//           both external-content tables kept by triggers on the key tables.
//   PostgreSQL: pg_trgm GIN indexes over `compact` and over ' ' || `starts`: LIKE '%word%' for long
//           words, LIKE '% wo%' (a token starting with "wo") for short ones.
// Reviews are tokenized by the engine:
//   SQLite: an FTS5 external-content table over reviews(headline, body), unicode61 with diacritics
//           removed, kept by triggers (an UPDATE that does not touch the text, such as a vote, does
//           not fire them).
//   PostgreSQL: a side table review_search(review_id, head_tsv, all_tsv) with GIN indexes, kept by
//           triggers; the text is lower-cased, unaccented and cut at everything but letters and
//           digits before to_tsvector('simple'), which is what unicode61 does (marquee_search_words).
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { NameQuery } from '../../domain/search.js';
import { engineOf, type Engine } from './index.js';

export type NameKind = 'title' | 'person';
export const NAME_TABLES = { title: 'search_title_names', person: 'search_person_names' } as const;

/** Sort key of a review in search results (all descending): helpful_score, helpful_total, created_at, id. */
export type ReviewOrderKey = [number, number, string, number];

export interface ReviewHit {
  id: number;
  helpful_score: number;
  helpful_total: number;
  created_at: string;
}

export interface ReviewIdQuery {
  /** 0: every word in the headline; 1: every word in headline and body, not all in the headline. */
  tier: 0 | 1;
  words: string[];
  publishedOnly: boolean;
  after?: ReviewOrderKey;
  limit: number;
  /** Tests: force the plan (SQLite: sort all matches, collect then walk, or walk the helpful order checking each review; PostgreSQL: 'sort' reads and sorts every match, 'walk' (and 'collect') walk the helpful order to the end). */
  plan?: 'sort' | 'collect' | 'walk';
  /** Tests: smaller thresholds for the choice of plan (see reviewHits), so small data takes every path. */
  thresholds?: Partial<PlanThresholds>;
}

export interface PlanThresholds {
  densitySample: number;
  sortBelow: number;
  walkMax: number;
  /** The walk takes this many times the reviews a page is expected in. */
  walkMargin: number;
}

export interface SearchDialect {
  /** The engine-specific part of migration 0002 (the key tables exist already). */
  migrate(db: Kysely<any>): Promise<void>;
  /** A condition on the key table aliased `k`: every query word matches this key (through the indexes). */
  nameMatch(kind: NameKind, q: NameQuery): RawBuilder<SqlBool>;
  /** The same condition tested on one key row (no index): for probing the keys of one entity. */
  nameRowMatch(q: NameQuery): RawBuilder<SqlBool>;
  /** `k.compact` is one of these folded keys (on the B-tree of 0008). */
  compactIn(keys: readonly string[]): RawBuilder<SqlBool>;
  /** `k.compact` begins with the query's compact form: `orEqual` false leaves out the key equal to it (B-tree range). */
  compactStartsWith(q: NameQuery, orEqual: boolean): RawBuilder<SqlBool>;
  /** The engine part of migration 0008: a B-tree on `compact` that answers equality and prefix ranges. */
  createCompactIndexes(db: Kysely<any>): Promise<void>;
  /** Runs a bulk rewrite of one kind's keys, with the index brought up to date at the end. */
  rewritingNames<T>(db: Kysely<any>, kind: NameKind, fn: () => Promise<T>): Promise<T>;
  /** Rebuilds the review word index from the reviews table (compacted, see compactReviewIndex). */
  rebuildReviewIndex(db: Kysely<any>): Promise<void>;
  /**
   * Merges the review word index into one piece (SQLite: FTS5 'optimize'; a bulk rebuild leaves
   * several segments, and every word of every query is looked up in each — a common query read
   * 1.5–3× the pages). PostgreSQL's GIN needs nothing here.
   */
  compactReviewIndex(db: Kysely<any>): Promise<void>;
  /** Runs a bulk load of reviews with the per-row index upkeep off, then rebuilds the index once. */
  rewritingReviews<T>(db: Kysely<any>, fn: () => Promise<T>): Promise<T>;
  /** One page of matching review ids in the search order. */
  reviewHits(db: Kysely<any>, q: ReviewIdQuery): Promise<ReviewHit[]>;
}

export function searchDialect(engineOrDb: Engine | Kysely<any>): SearchDialect {
  const engine = typeof engineOrDb === 'string' ? engineOrDb : engineOf(engineOrDb);
  return engine === 'postgres' ? postgres : sqlite;
}

/** Above every character a name can hold: q + this bounds the strings that begin with q. */
const PREFIX_END = '\u{10ffff}';

const ORDER = sql`r.helpful_score desc, r.helpful_total desc, r.created_at desc, r.id desc`;
const afterKey = (after: ReviewOrderKey | undefined) =>
  after ? sql`and (r.helpful_score, r.helpful_total, r.created_at, r.id) < (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})` : sql``;
const published = (only: boolean) => (only ? sql`and r.status = 'published'` : sql``);

/**
 * The search order's index (reviews_search_helpful, migration 0009) holds its upper part only: the
 * reviews with helpful_score at or above this. Votes on the others (nine in ten of the benchmark's
 * reviews) leave it alone, and a vote wrote half its pages into it when it held every review. A page
 * is taken from the upper part by the plans below, then, if it is not full, from the rest by sorting
 * the matches there: all of a query's matches rank above the rest, so the two parts in turn are the
 * order itself. The lower part is read for rare queries (sorted anyway) and past the last of a
 * query's upper matches.
 */
export const SEARCH_INDEXED_FROM = 0.5;
/** Which part of the order a plan reads: the condition on `r`, inlined (a partial index is used only for a constant). */
export type OrderPart = RawBuilder<unknown>;
const UPPER: OrderPart = sql`and r.helpful_score >= ${sql.lit(SEARCH_INDEXED_FROM)}`;
const LOWER: OrderPart = sql`and r.helpful_score < ${sql.lit(SEARCH_INDEXED_FROM)}`;

/**
 * A page in search order: `hits` over the upper part, then over the lower part (with plan 'sort')
 * for what the upper part did not fill. A cursor in the lower part skips the upper one.
 */
async function inOrderParts(q: ReviewIdQuery, hits: (q: ReviewIdQuery, part: OrderPart) => Promise<ReviewHit[]>): Promise<ReviewHit[]> {
  const upper = q.after && q.after[0] < SEARCH_INDEXED_FROM ? [] : await hits(q, UPPER);
  if (upper.length >= q.limit) return upper;
  const last = upper[upper.length - 1];
  const after: ReviewOrderKey | undefined = last ? [last.helpful_score, last.helpful_total, last.created_at, last.id] : q.after;
  const lower = await hits({ ...q, plan: 'sort', after, limit: q.limit - upper.length }, LOWER);
  return [...upper, ...lower];
}

/**
 * Bounded walks (both engines): `walkEnd` finds the walk-th review after the cursor in the search
 * order (undefined: fewer are left), `throughEnd` keeps the walk to it. A walk's page is exact when it
 * is full or the walk reached the end; otherwise null, and the caller falls back.
 */
async function walkEnd(db: Kysely<any>, reviews: RawBuilder<unknown>, part: OrderPart, after: ReviewOrderKey | undefined, walk: number): Promise<ReviewHit | undefined> {
  const end = await sql<ReviewHit>`
    select r.id, r.helpful_score, r.helpful_total, r.created_at from ${reviews}
    where true ${part} ${afterKey(after)} order by ${ORDER} limit 1 offset ${walk - 1}`.execute(db);
  return end.rows[0];
}
const throughEnd = (end: ReviewHit | undefined) =>
  end ? sql`and (r.helpful_score, r.helpful_total, r.created_at, r.id) >= (${end.helpful_score}, ${end.helpful_total}, ${end.created_at}, ${end.id})` : sql``;
const walkPage = (page: ReviewHit[], limit: number, end: ReviewHit | undefined) => (page.length === limit || !end ? page : null);

// ---- SQLite ------------------------------------------------------------------------------------

/** An FTS5 string (a phrase of the tokens inside it); quotes are doubled. */
const ftsString = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * How a page of review matches is found (SQLite). FTS5 gives matches in rowid order, the page wants
 * them most helpful first, and evaluating an AND of common words in full costs tens of ms on 1M
 * reviews (every document of every word's list is read). So only the first densitySample matches
 * are read, which for a common query is a small prefix of the lists, and:
 *  - fewer than that: those are all of them; sort them;
 *  - otherwise the rowid where the last of them fell tells the query's density, and so how many
 *    reviews a page takes. When that is under walkMax, walk walkMargin times as many reviews in
 *    helpful order (reviews_search_helpful) and keep those that have every word: one EXISTS per
 *    word, the rarest first (each word's density read the same way), so most reviews are turned away
 *    by one lookup. Reviews past the walk rank below every review in it, so a full page from the
 *    walk is exact; a short one falls through to reading up to sortBelow matches, which are sorted
 *    when they are all of them, or else:
 *  - collect: the rowids of every match once, then the helpful order walked until a page is found.
 * Every plan gives the same page (test/store/search-plans.test.ts).
 */
const THRESHOLDS: PlanThresholds = { densitySample: 256, sortBelow: 4000, walkMax: 3000, walkMargin: 3 };

function nameTriggers(kind: NameKind): string[] {
  const t = NAME_TABLES[kind];
  return [
    `create trigger ${t}_ai after insert on ${t} begin
       insert into ${t}_tri(rowid, compact) values (new.id, new.compact);
       insert into ${t}_words(rowid, starts) values (new.id, new.starts);
     end`,
    `create trigger ${t}_ad after delete on ${t} begin
       insert into ${t}_tri(${t}_tri, rowid, compact) values ('delete', old.id, old.compact);
       insert into ${t}_words(${t}_words, rowid, starts) values ('delete', old.id, old.starts);
     end`,
    `create trigger ${t}_au after update on ${t} begin
       insert into ${t}_tri(${t}_tri, rowid, compact) values ('delete', old.id, old.compact);
       insert into ${t}_words(${t}_words, rowid, starts) values ('delete', old.id, old.starts);
       insert into ${t}_tri(rowid, compact) values (new.id, new.compact);
       insert into ${t}_words(rowid, starts) values (new.id, new.starts);
     end`,
  ];
}

/** The SQLite review word-index triggers (suspended by bulk loads, see rewritingReviews). */
const REVIEW_TRIGGERS = [
  `create trigger if not exists reviews_fts_ai after insert on reviews begin
        insert into reviews_fts(rowid, headline, body) values (new.id, new.headline, new.body);
        insert into reviews_head_fts(rowid, headline) values (new.id, new.headline);
      end`,
  `create trigger if not exists reviews_fts_ad after delete on reviews begin
        insert into reviews_fts(reviews_fts, rowid, headline, body) values ('delete', old.id, old.headline, old.body);
        insert into reviews_head_fts(reviews_head_fts, rowid, headline) values ('delete', old.id, old.headline);
      end`,
  `create trigger if not exists reviews_fts_au after update of headline, body on reviews begin
        insert into reviews_fts(reviews_fts, rowid, headline, body) values ('delete', old.id, old.headline, old.body);
        insert into reviews_head_fts(reviews_head_fts, rowid, headline) values ('delete', old.id, old.headline);
        insert into reviews_fts(rowid, headline, body) values (new.id, new.headline, new.body);
        insert into reviews_head_fts(rowid, headline) values (new.id, new.headline);
      end`,
];

const sqlite: SearchDialect = {
  async migrate(db) {
    for (const kind of ['title', 'person'] as const) {
      const t = NAME_TABLES[kind];
      await sql.raw(`create virtual table ${t}_tri using fts5(compact, content='${t}', content_rowid='id', tokenize='trigram case_sensitive 1')`).execute(db);
      await sql.raw(`create virtual table ${t}_words using fts5(starts, content='${t}', content_rowid='id', tokenize='ascii', prefix='1 2', detail='none')`).execute(db);
      for (const trigger of nameTriggers(kind)) await sql.raw(trigger).execute(db);
    }
    await sql
      .raw(`create virtual table reviews_fts using fts5(headline, body, content='reviews', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`)
      .execute(db);
    // The headlines alone too: "every word in the headline" is its own small index (a column filter
    // on reviews_fts would read the whole doclist of a common word).
    await sql.raw(`create virtual table reviews_head_fts using fts5(headline, content='reviews', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`).execute(db);
    for (const trigger of REVIEW_TRIGGERS) await sql.raw(trigger).execute(db);
    // Reviews written before this migration.
    await sqlite.rebuildReviewIndex(db);
  },

  nameMatch(kind, q) {
    const t = NAME_TABLES[kind];
    const parts: RawBuilder<SqlBool>[] = [];
    if (q.anywhere.length) {
      parts.push(sql<SqlBool>`k.id in (select rowid from ${sql.table(`${t}_tri`)} where ${sql.table(`${t}_tri`)} match ${q.anywhere.map(ftsString).join(' AND ')})`);
    }
    if (q.wordStart.length) {
      parts.push(sql<SqlBool>`k.id in (select rowid from ${sql.table(`${t}_words`)} where ${sql.table(`${t}_words`)} match ${q.wordStart.map((w) => `${ftsString(w)}*`).join(' AND ')})`);
    }
    return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  },

  nameRowMatch(q) {
    const parts: RawBuilder<SqlBool>[] = [
      ...q.anywhere.map((w) => sql<SqlBool>`instr(k.compact, ${w}) > 0`),
      ...q.wordStart.map((w) => sql<SqlBool>`instr(' ' || k.starts, ${` ${w}`}) > 0`),
    ];
    return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  },

  compactIn(keys) {
    return sql<SqlBool>`(k.compact in (${sql.join(keys)}))`;
  },

  compactStartsWith(q, orEqual) {
    // BINARY order is UTF-8 byte order: every string beginning with q sorts below q + U+10FFFF.
    return orEqual
      ? sql<SqlBool>`(k.compact >= ${q.compact} and k.compact < ${q.compact + PREFIX_END})`
      : sql<SqlBool>`(k.compact > ${q.compact} and k.compact < ${q.compact + PREFIX_END})`;
  },

  async createCompactIndexes(db) {
    for (const t of Object.values(NAME_TABLES)) await sql.raw(`create index if not exists ${t}_compact on ${t} (compact)`).execute(db);
  },

  async rewritingNames(db, kind, fn) {
    const t = NAME_TABLES[kind];
    for (const suffix of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists ${t}_${suffix}`).execute(db);
    const result = await fn();
    await sql.raw(`insert into ${t}_tri(${t}_tri) values ('rebuild')`).execute(db);
    await sql.raw(`insert into ${t}_words(${t}_words) values ('rebuild')`).execute(db);
    for (const trigger of nameTriggers(kind)) await sql.raw(trigger).execute(db);
    return result;
  },

  async rewritingReviews(db, fn) {
    // Per-row FTS upkeep costs about five times a single rebuild at the end (1M reviews: ~250 s
    // against ~50 s), so a bulk load drops the triggers and rebuilds once.
    for (const suffix of ['ai', 'ad', 'au']) await sql.raw(`drop trigger if exists reviews_fts_${suffix}`).execute(db);
    try {
      return await fn();
    } finally {
      await sqlite.rebuildReviewIndex(db);
    }
  },

  async rebuildReviewIndex(db) {
    await sql.raw(`insert into reviews_fts(reviews_fts) values ('rebuild')`).execute(db);
    await sql.raw(`insert into reviews_head_fts(reviews_head_fts) values ('rebuild')`).execute(db);
    await sqlite.compactReviewIndex(db);
    // A bulk load killed half-way leaves its triggers dropped; a rebuild (`marquee search reindex`) puts them back.
    for (const trigger of REVIEW_TRIGGERS) await sql.raw(trigger).execute(db);
  },

  async compactReviewIndex(db) {
    await sql.raw(`insert into reviews_fts(reviews_fts) values ('optimize')`).execute(db);
    await sql.raw(`insert into reviews_head_fts(reviews_head_fts) values ('optimize')`).execute(db);
  },

  reviewHits(db, q) {
    return inOrderParts(q, (q, part) => sqliteHits(db, q, part));
  },
};

/** One page of `part` of the search order (SQLite). */
async function sqliteHits(db: Kysely<any>, q: ReviewIdQuery, part: OrderPart): Promise<ReviewHit[]> {
  const { densitySample, sortBelow, walkMax, walkMargin } = { ...THRESHOLDS, ...q.thresholds };
  const match = q.words.map(ftsString).join(' AND ');
  // Tier 0 reads the headline index; tier 1 the whole-text index minus tier 0's matches.
  const index = sql.table(q.tier === 0 ? 'reviews_head_fts' : 'reviews_fts');
  // Tier 1 is read on a first page only when the headlines matched fewer than a page, so the set of
  // headline matches it leaves out is small there.
  const notHead = (rowid: RawBuilder<unknown>) =>
    q.tier === 1 ? sql`and ${rowid} not in (select rowid from reviews_head_fts where reviews_head_fts match ${match})` : sql``;
  const hits = (query: RawBuilder<ReviewHit>) => query.execute(db).then((r) => r.rows);
  // Every match, read and sorted; `ids` when they are already read (then the index is not asked again).
  const sorted = (ids?: number[]) => hits(sql<ReviewHit>`
        select r.id, r.helpful_score, r.helpful_total, r.created_at from ${ids ? sql`json_each(${JSON.stringify(ids)}) f cross join reviews r on r.id = f.value` : sql`${index} f cross join reviews r on r.id = f.rowid`}
        where ${ids ? sql`true` : sql`f.${index} match ${match} ${notHead(sql`f.rowid`)}`}
        ${part} ${published(q.publishedOnly)} ${afterKey(q.after)}
        order by ${ORDER} limit ${q.limit}`);
  // The lower part has no index of its order: its matches are sorted.
  const collected = () =>
    part === LOWER
      ? sorted()
      : hits(sql<ReviewHit>`
        select r.id, r.helpful_score, r.helpful_total, r.created_at from reviews r indexed by reviews_search_helpful
        where r.id in (select rowid from ${index} where ${index} match ${match} ${notHead(sql`rowid`)})
        ${part} ${published(q.publishedOnly)} ${afterKey(q.after)}
        order by ${ORDER} limit ${q.limit}`);
  // Matches in rowid order, the first `n` of them.
  const firstMatches = async (m: string, n: number, filter = sql``) =>
    (await sql<{ id: number }>`select rowid as id from ${index} where ${index} match ${m} ${filter} limit ${n}`.execute(db)).rows.map((r) => Number(r.id));
  /**
   * The page among the next `walk` reviews in helpful order, words checked rarest first (each
   * word's density from its first matches; a word with fewer is rare); null when those reviews hold
   * less than a page and more reviews follow them.
   */
  const walked = async (walk: number): Promise<ReviewHit[] | null> => {
    if (part === LOWER) return null; // no index of that part's order to walk
    const end = await walkEnd(db, sql`reviews r indexed by reviews_search_helpful`, part, q.after, walk);
    const firsts = await Promise.all(q.words.map((w) => firstMatches(ftsString(w), densitySample)));
    const order = q.words.map((w, i) => ({ w, d: firsts[i]!.length < densitySample ? 0 : density(firsts[i]!) })).sort((a, b) => a.d - b.d);
    const every = sql.join(order.map(({ w }) => sql`exists (select 1 from ${index} f where f.${index} match ${ftsString(w)} and f.rowid = r.id)`), sql` and `);
    // The walk reads in the index's order and stops at a page: no sort step.
    const page = await hits(sql<ReviewHit>`
        select r.id, r.helpful_score, r.helpful_total, r.created_at from reviews r indexed by reviews_search_helpful
        where ${every}
        ${q.tier === 1 ? sql`and not exists (select 1 from reviews_head_fts h where h.reviews_head_fts match ${match} and h.rowid = r.id)` : sql``}
        ${part} ${published(q.publishedOnly)} ${afterKey(q.after)} ${throughEnd(end)}
        order by ${ORDER} limit ${q.limit}`);
    return walkPage(page, q.limit, end);
  };

  if (q.plan === 'sort') return sorted();
  if (q.plan === 'collect') return collected();
  if (q.plan === 'walk') return (await walked(Number.MAX_SAFE_INTEGER)) ?? collected(); // tests: walk to the end
  // The first matches in rowid order: all of them, or how dense the query is. A few first (a common
  // query is told by them), then up to sortBelow.
  const few = await firstMatches(match, densitySample, notHead(sql`rowid`));
  if (few.length < densitySample) return few.length === 0 ? [] : sorted(few);
  // The reviews a page should take, from the density since the first rowid: over the matches' own
  // span it would be fooled by matches that cluster (a rare word among one title's reviews,
  // written together) into long walks that find nothing (300–440 ms on the benchmark's data).
  const expected = (q.limit * few[few.length - 1]!) / few.length;
  if (expected * walkMargin <= walkMax) {
    const page = await walked(Math.ceil(expected * walkMargin));
    if (page) return page;
  }
  const ids = await firstMatches(match, sortBelow, notHead(sql`rowid`));
  if (ids.length < sortBelow) return sorted(ids);
  return collected();
}

/** Matches per rowid over the span of these ascending rowids (1: every review). */
const density = (ids: number[]) => ids.length / (ids[ids.length - 1]! - ids[0]! + 1);

// ---- PostgreSQL --------------------------------------------------------------------------------

const tsQuery = (words: string[]) => sql`plainto_tsquery('simple'::regconfig, marquee_search_words(${words.join(' ')}::text))`;

const postgres: SearchDialect = {
  async migrate(db) {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`create extension if not exists unaccent with schema public`.execute(db);
    // What unicode61 does: case folded, accents off, cut at everything but letters and digits.
    await sql`
      create function marquee_search_words(text) returns text language sql immutable strict parallel safe
      as $$ select regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, $1)), '[^[:alnum:]]+', ' ', 'g') $$`.execute(db);
    for (const kind of ['title', 'person'] as const) {
      const t = NAME_TABLES[kind];
      await sql.raw(`create index ${t}_compact_trgm on ${t} using gin (compact gin_trgm_ops)`).execute(db);
      await sql.raw(`create index ${t}_starts_trgm on ${t} using gin ((' ' || starts) gin_trgm_ops)`).execute(db);
    }
    await sql`
      create table review_search (
        review_id integer primary key references reviews(id) on delete cascade,
        head_tsv tsvector not null,
        all_tsv tsvector not null
      )`.execute(db);
    await sql`create index review_search_head on review_search using gin (head_tsv)`.execute(db);
    await sql`create index review_search_all on review_search using gin (all_tsv)`.execute(db);
    // Inserts: one statement-level trigger per INSERT (bulk loads insert thousands of rows at once).
    await sql`
      create function marquee_review_search_insert() returns trigger language plpgsql as $$
      begin
        insert into review_search (review_id, head_tsv, all_tsv)
          select n.id, to_tsvector('simple'::regconfig, marquee_search_words(n.headline)),
                 to_tsvector('simple'::regconfig, marquee_search_words(n.headline || ' ' || n.body))
          from new_rows n;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger reviews_search_insert after insert on reviews
        referencing new table as new_rows for each statement execute function marquee_review_search_insert()`.execute(db);
    // Text edits: row by row (PostgreSQL allows no column list with transition tables); votes and
    // status changes do not touch headline or body and so do not fire it.
    await sql`
      create function marquee_review_search_update() returns trigger language plpgsql as $$
      begin
        update review_search set head_tsv = to_tsvector('simple'::regconfig, marquee_search_words(new.headline)),
                                 all_tsv = to_tsvector('simple'::regconfig, marquee_search_words(new.headline || ' ' || new.body))
          where review_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger reviews_search_update after update of headline, body on reviews
        for each row execute function marquee_review_search_update()`.execute(db);
    await postgres.rebuildReviewIndex(db);
  },

  nameMatch(_kind, q) {
    const parts: RawBuilder<SqlBool>[] = [
      ...q.anywhere.map((w) => sql<SqlBool>`k.compact like ${`%${w}%`}`),
      ...q.wordStart.map((w) => sql<SqlBool>`(' ' || k.starts) like ${`% ${w}%`}`),
    ];
    return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  },

  nameRowMatch(q) {
    return postgres.nameMatch('title', q);
  },

  compactIn(keys) {
    // The same expression as the index (0008), or PostgreSQL does not use it.
    return sql<SqlBool>`(k.compact collate "C" in (${sql.join(keys)}))`;
  },

  compactStartsWith(q, orEqual) {
    // In the "C" collation (code point order, whatever the database's own) so the range is a prefix.
    return orEqual
      ? sql<SqlBool>`(k.compact collate "C" >= ${q.compact} and k.compact collate "C" < ${q.compact + PREFIX_END})`
      : sql<SqlBool>`(k.compact collate "C" > ${q.compact} and k.compact collate "C" < ${q.compact + PREFIX_END})`;
  },

  async createCompactIndexes(db) {
    for (const t of Object.values(NAME_TABLES)) await sql.raw(`create index if not exists ${t}_compact on ${t} ((compact collate "C"))`).execute(db);
  },

  async rewritingNames(_db, _kind, fn) {
    return fn();
  },

  // Inserts are indexed by one statement-level trigger per multi-row INSERT: already bulk-friendly.
  async rewritingReviews(_db, fn) {
    return fn();
  },

  async compactReviewIndex() {},

  async rebuildReviewIndex(db) {
    await sql`delete from review_search`.execute(db);
    await sql`
      insert into review_search (review_id, head_tsv, all_tsv)
        select id, to_tsvector('simple'::regconfig, marquee_search_words(headline)),
               to_tsvector('simple'::regconfig, marquee_search_words(headline || ' ' || body))
        from reviews`.execute(db);
  },

  reviewHits(db, q) {
    return inOrderParts(q, (q, part) => postgresHits(db, q, part));
  },
};

/** One page of `part` of the search order (PostgreSQL). */
async function postgresHits(db: Kysely<any>, q: ReviewIdQuery, part: OrderPart): Promise<ReviewHit[]> {
  const { sortBelow, walkMax, walkMargin } = { ...THRESHOLDS, ...q.thresholds };
  const query = tsQuery(q.words);
  const match = q.tier === 0 ? sql`s.head_tsv @@ ${query}` : sql`s.all_tsv @@ ${query} and not (s.head_tsv @@ ${query})`;
  const hits = (built: RawBuilder<ReviewHit>) => built.execute(db).then((r) => r.rows);
  // Every match through the GIN index, sorted (a materialized CTE, which the planner cannot turn
  // into a walk). Cheap when a word is rare (GIN's fast scan follows the rare word's list); an AND
  // of common words reads their lists in full (60–90 ms for five of them on 1M reviews).
  const sorted = () => hits(sql<ReviewHit>`
        with m as materialized (select s.review_id from review_search s where ${match})
        select r.id, r.helpful_score, r.helpful_total, r.created_at from m join reviews r on r.id = m.review_id
        where true ${part} ${published(q.publishedOnly)} ${afterKey(q.after)}
        order by ${ORDER} limit ${q.limit}`);
  // Reviews in helpful order, each checked (the page of a common query is within a few dozen), up to
  // the walk-th review from here when `walk` is given: null when those hold less than a page.
  const walked = async (walk?: number): Promise<ReviewHit[] | null> => {
    if (part === LOWER) return null;
    const end = walk === undefined ? undefined : await walkEnd(db, sql`reviews r`, part, q.after, walk);
    const page = await hits(sql<ReviewHit>`
        select r.id, r.helpful_score, r.helpful_total, r.created_at from review_search s join reviews r on r.id = s.review_id
        where ${match} ${part} ${published(q.publishedOnly)} ${afterKey(q.after)} ${throughEnd(end)}
        order by ${ORDER} limit ${q.limit}`);
    return walkPage(page, q.limit, end);
  };
  if (q.plan === 'sort') return sorted();
  if (q.plan === 'walk' || q.plan === 'collect') return (await walked()) ?? sorted();
  // How dense the query may be: ANALYZE's frequency of its least common word (pg_stats); a word
  // not among the most common ones is rare. Words of a phrase go together, so the least common
  // word bounds the query better than a product would. A walk of walkMargin times the reviews a
  // page then takes, if that is under walkMax; a short walk, or a rare word, reads every match.
  // Without statistics (never analyzed): count up to sortBelow, and walk to the end above it.
  const density = await leastWordFrequency(db, q.tier === 0 ? 'head_tsv' : 'all_tsv', q.words);
  if (density === null) {
    const counted = await sql<{ n: number }>`select count(*)::int as n from (select 1 from review_search s where ${match} limit ${sortBelow}) c`.execute(db);
    return Number(counted.rows[0]?.n ?? 0) < sortBelow ? sorted() : ((await walked()) ?? sorted());
  }
  const expected = density > 0 ? q.limit / density : Number.POSITIVE_INFINITY;
  if (expected * walkMargin <= walkMax) {
    const page = await walked(Math.ceil(expected * walkMargin));
    if (page) return page;
  }
  return sorted();
}

/** pg_stats of review_search, read at most once a minute per database handle. */
const wordStats = new WeakMap<Kysely<any>, { at: number; columns: Map<string, Map<string, number> | null> }>();
const STATS_SECONDS = 60;

/**
 * The share of reviews holding the query's least common word, from ANALYZE's most common elements
 * of the column: 0 when a word is not among them (rare), null without statistics.
 */
async function leastWordFrequency(db: Kysely<any>, column: 'head_tsv' | 'all_tsv', words: string[]): Promise<number | null> {
  let cached = wordStats.get(db);
  if (!cached || Date.now() - cached.at > STATS_SECONDS * 1000) {
    const rows = await sql<{ column: string; elems: string[] | null; freqs: number[] | null }>`
      select attname as column, most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
      from pg_stats where schemaname = current_schema() and tablename = 'review_search' and attname in ('head_tsv', 'all_tsv')`.execute(db);
    const columns = new Map<string, Map<string, number> | null>();
    for (const r of rows.rows) columns.set(r.column, r.elems && r.freqs ? new Map(r.elems.map((e, i) => [e, Number(r.freqs![i])])) : null);
    cached = { at: Date.now(), columns };
    wordStats.set(db, cached);
  }
  const freq = cached.columns.get(column);
  if (!freq) return null;
  // The words as the index holds them (folded and cut as marquee_search_words does).
  const lexemes = await sql<{ lexeme: string }>`select unnest(tsvector_to_array(to_tsvector('simple'::regconfig, marquee_search_words(${words.join(' ')}::text)))) as lexeme`.execute(db);
  if (lexemes.rows.length === 0) return 0;
  return Math.min(...lexemes.rows.map(({ lexeme }) => freq.get(lexeme) ?? 0));
}
