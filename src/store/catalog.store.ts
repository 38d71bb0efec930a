// Titles, people, credits and aliases.
import { sql, type Kysely } from 'kysely';
import type { Database, PersonRow, TitleRow } from './schema.js';
import { slugCandidates } from '../domain/slug.js';
import { writePersonKeys, writeTitleKeys } from './search.store.js';

export interface CreditRow {
  title_id: number;
  person_id: number;
  person_slug: string;
  person_name: string;
  role: 'director' | 'writer' | 'cast';
  character: string | null;
}

export interface PersonCreditRow {
  title_slug: string;
  title_name: string;
  title_year: number | null;
  role: 'director' | 'writer' | 'cast';
  character: string | null;
}

export type TitleInsert = Pick<TitleRow, 'kind' | 'name' | 'original_name' | 'year' | 'country' | 'episodes' | 'synopsis'>;
export type TitlePatch = Partial<TitleInsert>;

export class CatalogStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Picks the first free slug from `base`, `base-2`, … (the unique index settles any race). */
  async freeSlug(table: 'titles' | 'people', base: string): Promise<string> {
    for (const candidate of slugCandidates(base)) {
      const taken = await this.db.selectFrom(table).select('id').where('slug', '=', candidate).executeTakeFirst();
      if (!taken) return candidate;
    }
    throw new Error('unreachable');
  }

  /** A new title with its aliases; its search keys (src/store/search.store.ts) are written once, for all its names. */
  async insertTitle(values: TitleInsert & { slug: string; now: string }, aliases: string[] = []): Promise<TitleRow> {
    const { now, ...rest } = values;
    const row = await this.db.insertInto('titles').values({ ...rest, created_at: now, updated_at: now }).returningAll().executeTakeFirstOrThrow();
    await this.#insertAliases(row.id, aliases);
    await writeTitleKeys(this.db, [row.id]);
    return row;
  }

  async updateTitle(id: number, patch: TitlePatch, now: string): Promise<void> {
    await this.db.updateTable('titles').set({ ...patch, updated_at: now }).where('id', '=', id).execute();
    if (patch.name !== undefined || patch.original_name !== undefined) await writeTitleKeys(this.db, [id]);
  }

  async replaceAliases(titleId: number, aliases: string[]): Promise<void> {
    await this.db.deleteFrom('title_aliases').where('title_id', '=', titleId).execute();
    await this.#insertAliases(titleId, aliases);
    await writeTitleKeys(this.db, [titleId]);
  }

  async #insertAliases(titleId: number, aliases: string[]): Promise<void> {
    const unique = [...new Set(aliases)];
    if (unique.length) await this.db.insertInto('title_aliases').values(unique.map((alias) => ({ title_id: titleId, alias }))).execute();
  }

  async replaceCredits(titleId: number, credits: { personId: number; role: CreditRow['role']; character: string | null }[]): Promise<void> {
    await this.db.deleteFrom('credits').where('title_id', '=', titleId).execute();
    if (credits.length) {
      await this.db
        .insertInto('credits')
        .values(credits.map((c, i) => ({ title_id: titleId, person_id: c.personId, role: c.role, character: c.character, position: i })))
        .execute();
    }
  }

  titleBySlug(slug: string): Promise<TitleRow | undefined> {
    return this.db.selectFrom('titles').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  titleById(id: number): Promise<TitleRow | undefined> {
    return this.db.selectFrom('titles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async aliasesOf(titleIds: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (!titleIds.length) return out;
    const rows = await this.db.selectFrom('title_aliases').select(['title_id', 'alias']).where('title_id', 'in', titleIds).orderBy('alias').execute();
    for (const r of rows) (out.get(r.title_id) ?? out.set(r.title_id, []).get(r.title_id)!).push(r.alias);
    return out;
  }

  async creditsOf(titleIds: number[]): Promise<Map<number, CreditRow[]>> {
    const out = new Map<number, CreditRow[]>();
    if (!titleIds.length) return out;
    const rows = await this.db
      .selectFrom('credits')
      .innerJoin('people', 'people.id', 'credits.person_id')
      .select(['credits.title_id', 'credits.person_id', 'people.slug as person_slug', 'people.name as person_name', 'credits.role', 'credits.character'])
      .where('credits.title_id', 'in', titleIds)
      .orderBy('credits.title_id')
      .orderBy('credits.position')
      .execute();
    for (const r of rows) (out.get(r.title_id) ?? out.set(r.title_id, []).get(r.title_id)!).push(r);
    return out;
  }

  /**
   * Titles ordered by name then id, after the keyset `after`. `q` matches name, original name or an
   * alias, ignoring ASCII case (full search is its own feature).
   */
  listTitles(filter: { q?: string; kind?: string; year?: number; after?: { name: string; id: number }; limit: number }): Promise<TitleRow[]> {
    let query = this.db.selectFrom('titles').selectAll();
    if (filter.q) {
      // LIKE wildcards in the query are dropped rather than escaped: escaping differs per engine.
      const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['name']), 'like', eb.val(pattern)),
          eb(eb.fn('lower', ['original_name']), 'like', eb.val(pattern)),
          eb.exists(
            eb
              .selectFrom('title_aliases')
              .select('title_aliases.title_id')
              .whereRef('title_aliases.title_id', '=', 'titles.id')
              .where(sql<string>`lower(title_aliases.alias)`, 'like', pattern),
          ),
        ]),
      );
    }
    if (filter.kind) query = query.where('kind', '=', filter.kind as TitleRow['kind']);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.after) {
      const { name, id } = filter.after;
      query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    return query.orderBy('name').orderBy('id').limit(filter.limit).execute();
  }

  /** Titles with the most reviews, for the home page and benchmarks. */
  popularTitles(limit: number): Promise<TitleRow[]> {
    return this.db.selectFrom('titles').selectAll().orderBy('review_count', 'desc').orderBy('id').limit(limit).execute();
  }

  // People --------------------------------------------------------------------------------------

  personBySlug(slug: string): Promise<PersonRow | undefined> {
    return this.db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  personById(id: number): Promise<PersonRow | undefined> {
    return this.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The oldest person with exactly this name, if any. */
  personByName(name: string): Promise<PersonRow | undefined> {
    return this.db.selectFrom('people').selectAll().where('name', '=', name).orderBy('id').limit(1).executeTakeFirst();
  }

  async insertPerson(values: { slug: string; name: string; original_name: string | null; now: string }): Promise<PersonRow> {
    const row = await this.db
      .insertInto('people')
      .values({ slug: values.slug, name: values.name, original_name: values.original_name, created_at: values.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writePersonKeys(this.db, [row.id]); // search keys (src/store/search.store.ts)
    return row;
  }

  personCredits(personId: number): Promise<PersonCreditRow[]> {
    return this.db
      .selectFrom('credits')
      .innerJoin('titles', 'titles.id', 'credits.title_id')
      .select(['titles.slug as title_slug', 'titles.name as title_name', 'titles.year as title_year', 'credits.role', 'credits.character'])
      .where('credits.person_id', '=', personId)
      .orderBy('titles.year', 'desc')
      .orderBy('titles.id')
      .execute();
  }

  async titleCount(): Promise<number> {
    const row = await this.db.selectFrom('titles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
