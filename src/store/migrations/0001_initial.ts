// Frozen once released: never edit a migration that has shipped; add a new one.
import { sql, type Kysely } from 'kysely';
import { autoId, clusteredOnPrimaryKey, engineOf } from '../dialect/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOf(db);
  const id = autoId(engine);
  const halfPoints = (column: string, nullable: boolean) =>
    sql.raw(`${nullable ? `${column} is null or ` : ''}(${column} between 2 and 20)`);

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('handle_key', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'moderator', 'admin')`))
    .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0).check(sql`suspended in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('tokens_user').on('tokens').column('user_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_name').on('people').column('name').execute();

  let titles = db.schema
    .createTable('titles')
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('series', 'film')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('year', 'integer')
    .addColumn('country', 'text')
    .addColumn('episodes', 'integer', (c) => c.check(sql`episodes is null or episodes >= 0`))
    .addColumn('synopsis', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_sum_x2', 'integer', (c) => c.notNull().defaultTo(0));
  for (let b = 1; b <= 10; b++) titles = titles.addColumn(`hist_${b}`, 'integer', (c) => c.notNull().defaultTo(0));
  await titles.addColumn('review_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('titles_name').on('titles').column('name').execute();
  await db.schema.createIndex('titles_popular').on('titles').columns(['review_count desc', 'id']).execute();

  await db.schema
    .createTable('title_aliases')
    .addColumn('title_id', 'integer', (c) => c.notNull().references('titles.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('title_aliases_pk', ['title_id', 'alias'])
    .execute();

  await db.schema
    .createTable('credits')
    .addColumn('id', 'integer', id)
    .addColumn('title_id', 'integer', (c) => c.notNull().references('titles.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('director', 'writer', 'cast')`))
    .addColumn('character', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('credits_title').on('credits').columns(['title_id', 'position']).execute();
  await db.schema.createIndex('credits_person').on('credits').column('person_id').execute();

  await db.schema
    .createTable('ratings')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title_id', 'integer', (c) => c.notNull().references('titles.id').onDelete('cascade'))
    .addColumn('rating_x2', 'integer', (c) => c.notNull().check(halfPoints('rating_x2', false)))
    .addColumn('watch_status', 'text')
    .addColumn('episodes_seen', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ratings_pk', ['user_id', 'title_id'])
    .execute();
  await db.schema.createIndex('ratings_title').on('ratings').column('title_id').execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'integer', id)
    .addColumn('title_id', 'integer', (c) => c.notNull().references('titles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('rating_x2', 'integer', (c) => c.notNull().check(halfPoints('rating_x2', false)))
    .addColumn('story_x2', 'integer', (c) => c.check(halfPoints('story_x2', true)))
    .addColumn('acting_x2', 'integer', (c) => c.check(halfPoints('acting_x2', true)))
    .addColumn('music_x2', 'integer', (c) => c.check(halfPoints('music_x2', true)))
    .addColumn('rewatch_x2', 'integer', (c) => c.check(halfPoints('rewatch_x2', true)))
    .addColumn('watch_status', 'text', (c) =>
      c.check(sql`watch_status is null or watch_status in ('completed', 'watching', 'dropped', 'plan_to_watch')`),
    )
    .addColumn('episodes_seen', 'integer', (c) => c.check(sql`episodes_seen is null or episodes_seen >= 0`))
    .addColumn('contains_spoilers', 'integer', (c) => c.notNull().check(sql`contains_spoilers in (0, 1)`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('published', 'pending', 'hidden', 'removed')`),
    )
    .addColumn('helpful_yes', 'integer', (c) => c.notNull().defaultTo(0).check(sql`helpful_yes >= 0`))
    .addColumn('helpful_no', 'integer', (c) => c.notNull().defaultTo(0).check(sql`helpful_no >= 0`))
    .addColumn('helpful_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_score', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('quality_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reviews_one_per_author_title', ['author_id', 'title_id'])
    .addCheckConstraint('reviews_total', sql`helpful_total = helpful_yes + helpful_no`)
    .execute();
  // One index per sort order, so the first page of any title reads in index order (no sort step).
  await db.schema
    .createIndex('reviews_by_helpful')
    .on('reviews')
    .columns(['title_id', 'helpful_score desc', 'helpful_total desc', 'created_at desc', 'id desc'])
    .execute();
  await db.schema.createIndex('reviews_by_recent').on('reviews').columns(['title_id', 'created_at desc', 'id desc']).execute();
  await db.schema
    .createIndex('reviews_by_rating_high')
    .on('reviews')
    .columns(['title_id', 'rating_x2 desc', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('reviews_by_rating_low')
    .on('reviews')
    .columns(['title_id', 'rating_x2 asc', 'created_at desc', 'id desc'])
    .execute();
  await db.schema.createIndex('reviews_by_author').on('reviews').columns(['author_id', 'created_at desc', 'id desc']).execute();
  await db.schema.createIndex('reviews_newest').on('reviews').columns(['created_at desc', 'id desc']).execute();

  await db.schema
    .createTable('review_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('rating_x2', 'integer', (c) => c.notNull())
    .addColumn('contains_spoilers', 'integer', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_revisions_review').on('review_revisions').column('review_id').execute();

  // One vote per person per review is the primary key itself.
  await clusteredOnPrimaryKey(
    engine,
    db.schema
      .createTable('votes')
      .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('helpful', 'integer', (c) => c.notNull().check(sql`helpful in (0, 1)`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('votes_pk', ['review_id', 'user_id']),
  ).execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', id)
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('spam', 'spoilers_unmarked', 'abuse', 'plagiarism', 'other')`),
    )
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_one_per_reporter', ['review_id', 'reporter_id'])
    .execute();

  await db.schema
    .createTable('instance_stats')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('rating_count', 'integer', (c) => c.notNull())
    .addColumn('rating_sum_x2', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('instance_stats').values({ id: 1, rating_count: 0, rating_sum_x2: 0 }).execute();
}

export async function down(): Promise<void> {
  throw new Error('Marquee migrations are forward-only; restore a backup to go back.');
}
