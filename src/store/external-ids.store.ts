// Ids that other catalogues give our titles and people (IMDb's tt…/nm…), and the batched writes an
// importer makes with them: look a batch of external ids up, insert the rows that are new with free
// slugs, update the ones that changed. Multi-row statements are compiled once per size and run again
// with new parameters (as src/store/bulk.store.ts does), so a batch costs a few statements whatever
// its size. Nothing here names an engine.
import { sql, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { MAX_PARAMS_PER_STATEMENT, compileRows, type PlaceholderDb } from './bulk.store.js';
import { PreparedQuery } from './prepared.js';

export type ExternalEntity = 'title' | 'person';


type Values = Record<string, number>[];

/**
 * One multi-row statement for a fixed column list, compiled once per row count. `build` receives
 * the VALUES rows with parameter numbers for values and must add no parameters of its own.
 */
class MultiRow<R = unknown> {
  readonly #cache = new Map<number, CompiledQuery>();
  readonly rowsPerStatement: number;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly columns: readonly string[],
    private readonly build: (db: PlaceholderDb, values: Values) => Compilable,
  ) {
    this.rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns.length));
  }

  /**
   * Runs the statement over `params` (row after row, in column order); returns every row it returned.
   * Full statements first, then the rest in power-of-two sizes, so a run compiles (and the engine
   * prepares) at most a dozen statements, however its batches are cut.
   */
  async run(trx: Kysely<Database>, params: unknown[]): Promise<R[]> {
    const width = this.columns.length;
    if (params.length % width !== 0) throw new Error(`MultiRow: ${params.length} values are not whole rows of ${width}`);
    const out: R[] = [];
    let row = 0;
    const rows = params.length / width;
    while (row < rows) {
      const left = rows - row;
      const n = left >= this.rowsPerStatement ? this.rowsPerStatement : 2 ** Math.floor(Math.log2(left));
      const part = n === rows ? params : params.slice(row * width, (row + n) * width);
      const result = await trx.executeQuery<R>({ ...this.#compile(n), parameters: part });
      for (const r of result.rows) out.push(r);
      row += n;
    }
    return out;
  }

  #compile(rows: number): CompiledQuery {
    const cached = this.#cache.get(rows);
    if (cached) return cached;
    const compiled = compileRows(this.db, this.columns, rows, this.build, 'MultiRow');
    this.#cache.set(rows, compiled);
    return compiled;
  }
}

/**
 * A SELECT with `source` and a fixed-size IN list of external ids, compiled once (PreparedQuery) and
 * run again with new values (short lists are padded with ''), so the engine prepares it once per run.
 */
class InListLookup<R> {
  static readonly SIZE = 1000;
  readonly #query: PreparedQuery<string[], R>;
  constructor(build: (db: Kysely<Database>, source: string, list: string[]) => Compilable<R>) {
    this.#query = new PreparedQuery(1 + InListLookup.SIZE, (db, source, ...list) => build(db, source, list));
  }

  async run(trx: Kysely<Database>, source: string, items: readonly string[]): Promise<R[]> {
    const out: R[] = [];
    for (let start = 0; start < items.length; start += InListLookup.SIZE) {
      const list = Array.from({ length: InListLookup.SIZE }, (_, k) => items[start + k] ?? '');
      for (const row of await this.#query.rows(trx, source, ...list)) out.push(row);
    }
    return out;
  }
}

export interface ExistingTitle {
  external_id: string;
  id: number;
  slug: string;
  kind: 'series' | 'film';
  name: string;
  original_name: string | null;
  year: number | null;
}

export interface ExistingPerson {
  external_id: string;
  id: number;
  slug: string;
  name: string;
}

export interface NewTitle {
  externalId: string;
  /** The slug wanted (slugify of name and year); a suffix is added when it is taken. */
  slugBase: string;
  kind: 'series' | 'film';
  name: string;
  originalName: string | null;
  year: number | null;
}

export interface NewPerson {
  externalId: string;
  slugBase: string;
  name: string;
}

export interface AliasRow {
  titleId: number;
  alias: string;
  region: string | null;
  language: string | null;
}

export interface CreditInsert {
  titleId: number;
  personId: number;
  role: 'director' | 'writer' | 'cast';
  character: string | null;
  position: number;
}

/**
 * Ids in lists of exactly 512, the last padded with 0 (no row has id 0): every statement built from
 * them has the same text, so the engine prepares it once instead of once per batch (SQLite's
 * statement cache would otherwise fill with large one-off statements).
 */
function idChunks(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += 512) {
    const part = ids.slice(i, i + 512);
    while (part.length < 512) part.push(0);
    out.push(part);
  }
  return out;
}

export class ExternalIdsStore {
  readonly #insertTitles: MultiRow<{ id: number; slug: string }>;
  readonly #insertPeople: MultiRow<{ id: number; slug: string }>;
  readonly #upsertIds: MultiRow;
  readonly #upsertAliases: MultiRow;
  readonly #insertCredits: MultiRow;
  readonly #titleLookup: InListLookup<Omit<ExistingTitle, 'id'> & { id: number | string }>;
  readonly #personLookup: InListLookup<Omit<ExistingPerson, 'id'> & { id: number | string }>;

  constructor(private readonly db: Kysely<Database>) {
    // A slug taken already (by anyone) skips the row: the caller retries it with the next suffix.
    // One statement checks and inserts, with no read of the slug index beforehand.
    this.#insertTitles = new MultiRow(db, ['slug', 'kind', 'name', 'original_name', 'year', 'created_at', 'updated_at'], (k, values) =>
      k.insertInto('titles').values(values).onConflict((oc) => oc.column('slug').doNothing()).returning(['id', 'slug']),
    );
    this.#insertPeople = new MultiRow(db, ['slug', 'name', 'original_name', 'created_at'], (k, values) =>
      k.insertInto('people').values(values).onConflict((oc) => oc.column('slug').doNothing()).returning(['id', 'slug']),
    );
    this.#titleLookup = new InListLookup((k, source, list) =>
      k
        .selectFrom('external_ids')
        .innerJoin('titles', 'titles.id', 'external_ids.entity_id')
        .select(['external_ids.external_id', 'titles.id', 'titles.slug', 'titles.kind', 'titles.name', 'titles.original_name', 'titles.year'])
        .where('external_ids.source', '=', source)
        .where('external_ids.entity', '=', sql.lit('title'))
        .where('external_ids.external_id', 'in', list),
    );
    this.#personLookup = new InListLookup((k, source, list) =>
      k
        .selectFrom('external_ids')
        .innerJoin('people', 'people.id', 'external_ids.entity_id')
        .select(['external_ids.external_id', 'people.id', 'people.slug', 'people.name'])
        .where('external_ids.source', '=', source)
        .where('external_ids.entity', '=', sql.lit('person'))
        .where('external_ids.external_id', 'in', list),
    );
    // An id whose row was deleted is repointed at the new row.
    this.#upsertIds = new MultiRow(db, ['source', 'entity', 'external_id', 'entity_id'], (k, values) =>
      k
        .insertInto('external_ids')
        .values(values)
        .onConflict((oc) => oc.columns(['source', 'entity', 'external_id']).doUpdateSet({ entity_id: (eb) => eb.ref('excluded.entity_id') })),
    );
    this.#upsertAliases = new MultiRow(db, ['title_id', 'alias', 'region', 'language'], (k, values) =>
      k
        .insertInto('title_aliases')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['title_id', 'alias']).doUpdateSet({ region: (eb) => eb.ref('excluded.region'), language: (eb) => eb.ref('excluded.language') }),
        ),
    );
    this.#insertCredits = new MultiRow(db, ['title_id', 'person_id', 'role', 'character', 'position'], (k, values) => k.insertInto('credits').values(values));
  }

  // Reads ------------------------------------------------------------------------------------------

  /** The row id an external id points at, if that row still exists. */
  async entityId(source: string, entity: ExternalEntity, externalId: string, db: Kysely<Database> = this.db): Promise<number | undefined> {
    const row = await db
      .selectFrom('external_ids')
      .select('external_ids.entity_id')
      .where('external_ids.source', '=', source)
      .where('external_ids.entity', '=', entity)
      .where('external_ids.external_id', '=', externalId)
      .where(({ exists, selectFrom }) =>
        entity === 'title'
          ? exists(selectFrom('titles').select('titles.id').whereRef('titles.id', '=', 'external_ids.entity_id'))
          : exists(selectFrom('people').select('people.id').whereRef('people.id', '=', 'external_ids.entity_id')),
      )
      .executeTakeFirst();
    return row ? Number(row.entity_id) : undefined;
  }

  /** Titles of ours that carry these external ids (missing ones are absent from the map). */
  async titlesByExternalId(trx: Kysely<Database>, source: string, externalIds: readonly string[]): Promise<Map<string, ExistingTitle>> {
    const out = new Map<string, ExistingTitle>();
    for (const r of await this.#titleLookup.run(trx, source, externalIds)) {
      out.set(r.external_id, { ...r, id: Number(r.id), year: r.year === null ? null : Number(r.year) });
    }
    return out;
  }

  async peopleByExternalId(trx: Kysely<Database>, source: string, externalIds: readonly string[]): Promise<Map<string, ExistingPerson>> {
    const out = new Map<string, ExistingPerson>();
    for (const r of await this.#personLookup.run(trx, source, externalIds)) out.set(r.external_id, { ...r, id: Number(r.id) });
    return out;
  }

  /**
   * Ids of the titles that no external id of `source` names: what an import may find by name and
   * year. When every title carries one (a catalog made by that import alone) two counts say so
   * without reading the ids (external_ids has no index by entity_id).
   */
  async titleIdsWithout(source: string): Promise<number[]> {
    const links = this.db.selectFrom('external_ids').where('source', '=', source).where('entity', '=', sql.lit('title'));
    const [titles, linked] = await Promise.all([
      this.db.selectFrom('titles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      links.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    if (Number(linked.n) === Number(titles.n)) {
      // Equal counts mean every title is linked unless some link names a deleted title; check that.
      const dangling = await links
        .select('entity_id')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('titles').select('titles.id').whereRef('titles.id', '=', 'external_ids.entity_id'))))
        .limit(1)
        .executeTakeFirst();
      if (!dangling) return [];
    }
    const named = new Set((await links.select('entity_id').execute()).map((r) => Number(r.entity_id)));
    return (await this.db.selectFrom('titles').select('id').execute()).map((r) => Number(r.id)).filter((id) => !named.has(id));
  }

  // Writes (inside the caller's transaction) ------------------------------------------------------

  /**
   * Inserts titles with free slugs and links their external ids; returns each one's new id, in order.
   * A title gets its `base` slug, else base-2, base-3… (the first that no row holds). `hint`
   * remembers, for bases that collided this run, the next suffix to try, so the thousandth
   * "untitled" does not probe a thousand candidates.
   */
  async insertTitles(trx: Kysely<Database>, source: string, titles: readonly NewTitle[], now: string, hint: Map<string, number>): Promise<number[]> {
    const ids = await this.#insertWithSlugs(trx, this.#insertTitles, titles, hint, (t, slug, params) =>
      params.push(slug, t.kind, t.name, t.originalName, t.year, now, now),
    );
    await this.#linkIds(trx, source, 'title', titles, ids);
    return ids;
  }

  async insertPeople(trx: Kysely<Database>, source: string, people: readonly NewPerson[], now: string, hint: Map<string, number>): Promise<number[]> {
    const ids = await this.#insertWithSlugs(trx, this.#insertPeople, people, hint, (p, slug, params) => params.push(slug, p.name, null, now));
    await this.#linkIds(trx, source, 'person', people, ids);
    return ids;
  }

  async #insertWithSlugs<T extends { slugBase: string }>(
    trx: Kysely<Database>,
    statement: MultiRow<{ id: number | string; slug: string }>,
    rows: readonly T[],
    hint: Map<string, number>,
    push: (row: T, slug: string, params: unknown[]) => void,
  ): Promise<number[]> {
    const ids = new Array<number>(rows.length);
    const suffix = rows.map((r) => hint.get(r.slugBase) ?? 1);
    let pending = rows.map((_, i) => i);
    while (pending.length) {
      const params: unknown[] = [];
      const indexOf = new Map<string, number>();
      for (const i of pending) {
        const base = rows[i]!.slugBase;
        let slug = suffix[i] === 1 ? base : `${base}-${suffix[i]}`;
        // Never two rows with one slug in a statement.
        while (indexOf.has(slug)) slug = `${base}-${++suffix[i]!}`;
        indexOf.set(slug, i);
        push(rows[i]!, slug, params);
      }
      for (const r of await statement.run(trx, params)) ids[indexOf.get(r.slug)!] = Number(r.id);
      const next: number[] = [];
      for (const i of pending) {
        const base = rows[i]!.slugBase;
        if (ids[i] === undefined) {
          suffix[i]!++;
          next.push(i);
        }
        // Only bases that collided are remembered, so the map stays small. The key is copied: a string
        // cut from a file's text keeps that whole chunk of text alive for as long as the map lives.
        if (suffix[i]! > 1) {
          const next = suffix[i]! + (ids[i] === undefined ? 0 : 1);
          const known = hint.get(base);
          if (known === undefined) hint.set(Buffer.from(base, 'utf8').toString('utf8'), next);
          else if (next > known) hint.set(base, next);
        }
      }
      pending = next;
    }
    return ids;
  }

  /** Links existing titles to external ids (titles found by name and year), in order. */
  async linkTitles(trx: Kysely<Database>, source: string, rows: readonly { externalId: string }[], ids: number[]): Promise<void> {
    await this.#linkIds(trx, source, 'title', rows, ids);
  }

  async #linkIds(trx: Kysely<Database>, source: string, entity: ExternalEntity, rows: readonly { externalId: string }[], ids: number[]): Promise<void> {
    const params: unknown[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (ids[i] === undefined) throw new Error(`insert returned no id for ${rows[i]!.externalId}`);
      params.push(source, entity, rows[i]!.externalId, ids[i]);
    }
    await this.#upsertIds.run(trx, params);
  }

  /** Sets the imported fields of an existing title (its slug, synopsis, country, episodes stay). */
  async updateTitle(trx: Kysely<Database>, id: number, fields: Pick<NewTitle, 'kind' | 'name' | 'originalName' | 'year'>, now: string): Promise<void> {
    await trx
      .updateTable('titles')
      .set({ kind: fields.kind, name: fields.name, original_name: fields.originalName, year: fields.year, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Keeps a renamed title's former names as aliases; an alias already there stays as it is. */
  async keepAsAliases(trx: Kysely<Database>, titleId: number, names: readonly string[]): Promise<void> {
    for (const alias of names) {
      await trx
        .insertInto('title_aliases')
        .values({ title_id: titleId, alias, region: null, language: null })
        .onConflict((oc) => oc.columns(['title_id', 'alias']).doNothing())
        .execute();
    }
  }

  async updatePersonName(trx: Kysely<Database>, id: number, name: string): Promise<void> {
    await trx.updateTable('people').set({ name }).where('id', '=', id).execute();
  }

  /**
   * Adds aliases, or updates the region and language of ones already there. Rows must be unique by
   * (title, alias). Aliases spelled exactly as their title's name are then dropped: they add nothing.
   */
  async upsertAliases(trx: Kysely<Database>, aliases: readonly AliasRow[]): Promise<void> {
    if (!aliases.length) return;
    const params: unknown[] = [];
    const titleIds = new Set<number>();
    for (const a of aliases) {
      params.push(a.titleId, a.alias, a.region, a.language);
      titleIds.add(a.titleId);
    }
    await this.#upsertAliases.run(trx, params);
    for (const part of idChunks([...titleIds])) {
      await trx
        .deleteFrom('title_aliases')
        .where('title_id', 'in', part)
        .where(({ eb, selectFrom }) =>
          eb('alias', '=', selectFrom('titles').select('titles.name').whereRef('titles.id', '=', 'title_aliases.title_id')),
        )
        .execute();
    }
  }

  async deleteCredits(trx: Kysely<Database>, titleIds: readonly number[]): Promise<void> {
    for (const part of idChunks(titleIds)) await trx.deleteFrom('credits').where('title_id', 'in', part).execute();
  }

  async insertCredits(trx: Kysely<Database>, credits: readonly CreditInsert[]): Promise<void> {
    if (!credits.length) return;
    const params: unknown[] = [];
    for (const c of credits) params.push(c.titleId, c.personId, c.role, c.character, c.position);
    await this.#insertCredits.run(trx, params);
  }

  /** Aliases held by titles that carry an id from `source`. */
  async aliasesOfSource(source: string): Promise<number> {
    const row = await this.db
      .selectFrom('title_aliases')
      .innerJoin('external_ids', (j) =>
        j.onRef('external_ids.entity_id', '=', 'title_aliases.title_id').on('external_ids.entity', '=', 'title').on('external_ids.source', '=', source),
      )
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Row counts, for tests and summaries. */
  async count(table: 'titles' | 'people' | 'title_aliases' | 'credits' | 'external_ids'): Promise<number> {
    const row = await this.db.selectFrom(table).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

