// Titles and people: reading the catalog, and moderators adding to it.
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { translatingUnique } from '../store/db.js';
import { CatalogStore, type TitleInsert, type TitlePatch } from '../store/catalog.store.js';
import { bumpCatalogVersion } from '../store/mentions.store.js';
import { RatingsStore } from '../store/ratings.store.js';
import type { TitleRow } from '../store/schema.js';
import type { WriteQueue, WriteTransaction } from '../store/write-queue.js';
import { isRowId } from './cursor.js';
import { AppError, forbidden, invalid, notFound } from '../domain/errors.js';
import { canEditCatalog, requireActor, type Actor } from '../domain/permissions.js';
import { slugify } from '../domain/slug.js';
import { personJson, titleJson, titleScore, type PersonJson, type TitleJson } from './present.js';
import { decodeCursor, pageOf, type Page } from './cursor.js';
import type { ChangeFeed } from './changes.js';
import type { Clock } from './clock.js';

export interface CreditInput {
  /** A person's name (found or created) or id. */
  person: string | number;
  role: 'director' | 'writer' | 'cast';
  character?: string | null;
}

export interface TitleInput {
  name: string;
  kind: 'series' | 'film';
  year?: number | null;
  original_name?: string | null;
  aliases?: string[];
  country?: string | null;
  episodes?: number | null;
  synopsis?: string | null;
  credits?: CreditInput[];
  /** Extension: a chosen slug (else made from name and year). */
  slug?: string;
}

type ResolvedCredit = { personId?: number; newPersonName?: string; role: CreditInput['role']; character: string | null };

const isNameCursor = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && isRowId(v[1]);

export class CatalogService {
  readonly #catalog: CatalogStore;
  readonly #ratings: RatingsStore;

  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {
    this.#catalog = new CatalogStore(db.kysely);
    this.#ratings = new RatingsStore(db.kysely);
  }

  async titleRow(slug: string): Promise<TitleRow> {
    const row = await this.#catalog.titleBySlug(slug);
    if (!row) throw notFound('No title has that slug.');
    return row;
  }

  async getTitle(slug: string): Promise<TitleJson> {
    const [json] = await this.present([await this.titleRow(slug)]);
    return json!;
  }

  async listTitles(q: { q?: string; kind?: string; year?: number; cursor?: string; limit: number }): Promise<Page<TitleJson>> {
    const after = q.cursor ? decodeCursor(q.cursor, isNameCursor) : undefined;
    const rows = await this.#catalog.listTitles({ q: q.q?.trim() || undefined, kind: q.kind, year: q.year, after: after && { name: after[0], id: after[1] }, limit: q.limit + 1 });
    const page = pageOf(rows, q.limit, (r) => r, (r) => [r.name, r.id]);
    return { items: await this.present(page.items), next_cursor: page.next_cursor };
  }

  async popularTitles(limit: number): Promise<TitleJson[]> {
    return this.present(await this.#catalog.popularTitles(limit));
  }

  /** Titles as the API shows them (aliases, credits, scores), wherever they were found (search too). */
  async present(rows: TitleRow[]): Promise<TitleJson[]> {
    const ids = rows.map((r) => r.id);
    const [aliases, credits, mean] = await Promise.all([this.#catalog.aliasesOf(ids), this.#catalog.creditsOf(ids), this.#ratings.instanceMean()]);
    return rows.map((r) => titleJson(r, aliases.get(r.id) ?? [], credits.get(r.id) ?? [], titleScore(r, mean, this.config.scorePriorWeight)));
  }

  async createTitle(actorOrNull: Actor | null, input: TitleInput): Promise<TitleJson> {
    const actor = requireActor(actorOrNull);
    if (!canEditCatalog(actor)) throw forbidden('Only moderators can add titles.');
    const name = input.name.trim();
    if (!name) throw invalid('name', 'A title needs a name.');
    const base = input.slug ? input.slug : slugify(name, input.year ?? null);
    if (input.slug && slugify(input.slug) !== input.slug) throw invalid('slug', 'A slug is lower-case letters and digits joined by hyphens.');
    const now = this.clock.now().toISOString();
    const row = await translatingUnique(this.db, { 'titles.slug': () => new AppError('slug_taken', undefined, 'slug') }, () =>
      this.writes.run(async (trx) => {
        const catalog = new CatalogStore(trx);
        const slug = input.slug ?? (await catalog.freeSlug('titles', base));
        const credits = input.credits ? await this.#checkCredits(trx, input.credits) : null; // refusals before writes
        const title = await catalog.insertTitle({ ...this.#titleFields(input, name), slug, now }, cleanAliases(input.aliases));
        if (credits) await catalog.replaceCredits(title.id, await this.#createCredits(trx, credits, now));
        await bumpCatalogVersion(trx); // mention matchers rebuild (src/services/mentions.service.ts)
        return title;
      }),
    );
    return this.getTitle(row.slug);
  }

  async updateTitle(actorOrNull: Actor | null, slug: string, patch: Partial<TitleInput>): Promise<TitleJson> {
    const actor = requireActor(actorOrNull);
    if (!canEditCatalog(actor)) throw forbidden('Only moderators can edit titles.');
    const existing = await this.titleRow(slug);
    const now = this.clock.now().toISOString();
    if (patch.name !== undefined && !patch.name.trim()) throw invalid('name', 'A title needs a name.');
    await this.writes.run(async (trx) => {
      const catalog = new CatalogStore(trx);
      const credits = patch.credits !== undefined ? await this.#checkCredits(trx, patch.credits) : null; // refusals before writes
      const fields: TitlePatch = {};
      if (patch.name !== undefined) fields.name = patch.name.trim();
      if (patch.kind !== undefined) fields.kind = patch.kind;
      if (patch.year !== undefined) fields.year = patch.year;
      if (patch.original_name !== undefined) fields.original_name = patch.original_name;
      if (patch.country !== undefined) fields.country = patch.country;
      if (patch.episodes !== undefined) fields.episodes = patch.episodes;
      if (patch.synopsis !== undefined) fields.synopsis = patch.synopsis;
      await catalog.updateTitle(existing.id, fields, now);
      if (patch.aliases !== undefined) await catalog.replaceAliases(existing.id, cleanAliases(patch.aliases));
      if (credits) await catalog.replaceCredits(existing.id, await this.#createCredits(trx, credits, now));
      await bumpCatalogVersion(trx); // mention matchers rebuild (src/services/mentions.service.ts)
    });
    this.changes.publish({ kind: 'title', titleId: existing.id });
    return this.getTitle(slug);
  }

  #titleFields(input: TitleInput, name: string): TitleInsert {
    return {
      kind: input.kind,
      name,
      original_name: input.original_name?.trim() || null,
      year: input.year ?? null,
      country: input.country ?? null,
      episodes: input.episodes ?? null,
      synopsis: input.synopsis ?? null,
    };
  }

  /**
   * Checks every credit and finds the people it names, writing nothing: a write operation may refuse
   * only before its first write (src/store/write-queue.ts).
   */
  async #checkCredits(trx: WriteTransaction, credits: CreditInput[]): Promise<ResolvedCredit[]> {
    const catalog = new CatalogStore(trx);
    const out: ResolvedCredit[] = [];
    for (const [i, c] of credits.entries()) {
      const character = c.character?.trim() || null;
      if (typeof c.person === 'number') {
        const person = await catalog.personById(c.person);
        if (!person) throw invalid(`credits[${i}].person`, `No person has id ${c.person}.`);
        out.push({ personId: person.id, role: c.role, character });
        continue;
      }
      const name = c.person.trim();
      if (!name) throw invalid(`credits[${i}].person`, 'A credit needs a person.');
      const found = await catalog.personByName(name);
      out.push(found ? { personId: found.id, role: c.role, character } : { newPersonName: name, role: c.role, character });
    }
    return out;
  }

  /** Creates the people that checked credits name but that do not exist yet. */
  async #createCredits(trx: WriteTransaction, credits: ResolvedCredit[], now: string) {
    const catalog = new CatalogStore(trx);
    const created = new Map<string, number>();
    const out: { personId: number; role: CreditInput['role']; character: string | null }[] = [];
    for (const c of credits) {
      let personId = c.personId;
      if (personId === undefined) {
        const name = c.newPersonName!;
        personId = created.get(name);
        if (personId === undefined) {
          personId = (await catalog.insertPerson({ slug: await catalog.freeSlug('people', slugify(name)), name, original_name: null, now })).id;
          created.set(name, personId);
        }
      }
      out.push({ personId, role: c.role, character: c.character });
    }
    return out;
  }

  async getPerson(slug: string): Promise<PersonJson> {
    const person = await this.#catalog.personBySlug(slug);
    if (!person) throw notFound('No person has that slug.');
    return personJson(person, await this.#catalog.personCredits(person.id));
  }

  /** Adds a person (seeding); finds an existing one with the same name first. */
  async ensurePerson(name: string, originalName: string | null): Promise<number> {
    return this.writes.run(async (trx) => {
      const catalog = new CatalogStore(trx);
      const found = await catalog.personByName(name);
      if (found) return found.id;
      const now = this.clock.now().toISOString();
      const id = (await catalog.insertPerson({ slug: await catalog.freeSlug('people', slugify(name)), name, original_name: originalName, now })).id;
      await bumpCatalogVersion(trx); // mention matchers rebuild (src/services/mentions.service.ts)
      return id;
    });
  }

  titleCount(): Promise<number> {
    return this.#catalog.titleCount();
  }
}

function cleanAliases(aliases: string[] | undefined): string[] {
  return [...new Set((aliases ?? []).map((a) => a.trim()).filter(Boolean))];
}
