// Frozen once released: never edit a migration that has shipped; add a new one.
// Search's helpful-order index holds the upper part of the order only: reviews with helpful_score
// of 0.5 or more. A vote moves its review's entry in this index whenever the score changes, two
// random leaves of a B-tree over every review: half the pages a vote wrote (docs/PERFORMANCE.md,
// votes). A page of a common query is found among the best reviews; the part below 0.5 is read by
// sorting the matches there (src/store/dialect/search.ts, SEARCH_INDEXED_FROM).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reviews_search_helpful').ifExists().execute();
  await db.schema
    .createIndex('reviews_search_helpful')
    .on('reviews')
    .columns(['helpful_score desc', 'helpful_total desc', 'created_at desc', 'id desc'])
    .where(sql.ref('helpful_score'), '>=', sql.lit(0.5))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reviews_search_helpful').ifExists().execute();
  await db.schema
    .createIndex('reviews_search_helpful')
    .on('reviews')
    .columns(['helpful_score desc', 'helpful_total desc', 'created_at desc', 'id desc'])
    .execute();
}
