// Mention links: the catalog version counter, the catalog as the matcher needs it, and the stored
// spans of each review (reviews.mentions_json, migration 0006).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface CatalogTitleRow {
  id: number;
  slug: string;
  name: string;
  original_name: string | null;
  year: number | null;
}

export interface CatalogPersonRow {
  id: number;
  slug: string;
  name: string;
  original_name: string | null;
}

export interface CatalogSnapshot {
  titles: CatalogTitleRow[];
  aliases: { title_id: number; alias: string }[];
  people: CatalogPersonRow[];
}

/**
 * Bumps the catalog version. Call it inside the transaction of every write that adds or changes a
 * title, an alias or a person (a bulk import: once per committed batch): the mention matchers of
 * every app instance rebuild when they next see the number move.
 */
export async function bumpCatalogVersion(db: Kysely<Database>): Promise<void> {
  await db.updateTable('catalog_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

export class MentionsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async catalogVersion(): Promise<number> {
    const row = await this.db.selectFrom('catalog_version').select('version').where('id', '=', 1).executeTakeFirst();
    return row ? Number(row.version) : 0;
  }

  bumpCatalogVersion(): Promise<void> {
    return bumpCatalogVersion(this.db);
  }

  /** Every title, alias and person: what the matcher is built from (ordered, so builds are repeatable). */
  async catalog(): Promise<CatalogSnapshot> {
    const [titles, aliases, people] = await Promise.all([
      this.db.selectFrom('titles').select(['id', 'slug', 'name', 'original_name', 'year']).orderBy('id').execute(),
      this.db.selectFrom('title_aliases').select(['title_id', 'alias']).orderBy('title_id').orderBy('alias').execute(),
      this.db.selectFrom('people').select(['id', 'slug', 'name', 'original_name']).orderBy('id').execute(),
    ]);
    return { titles, aliases, people };
  }

  /** Reviews after `afterId` in id order, with what relinking needs. */
  reviewsAfter(afterId: number, limit: number): Promise<{ id: number; title_id: number; body: string; mentions_json: string }[]> {
    return this.db
      .selectFrom('reviews')
      .select(['id', 'title_id', 'body', 'mentions_json'])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async reviewCount(): Promise<number> {
    const row = await this.db.selectFrom('reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Replaces a review's stored spans (relinking; not an edit: updated_at stays). */
  async setMentions(reviewId: number, mentionsJson: string): Promise<void> {
    await this.db.updateTable('reviews').set({ mentions_json: mentionsJson }).where('id', '=', reviewId).execute();
  }
}
