// Queries compiled once and run with new values (src/store/prepared.ts): each run binds its own
// arguments in the right places, constants stay, the compiled SQL is reused inside transactions, and
// a build that does not use an argument as a value is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SqlBool } from 'kysely';
import { openDb, type Db } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { PreparedQuery } from '../../src/store/prepared.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

for (const engine of TEST_ENGINES) {
  describe(`prepared queries on ${engine}`, () => {
    let td: TestDatabase;
    let db: Db;
    const now = '2026-01-01T00:00:00.000Z';

    beforeAll(async () => {
      td = await createTestDatabase(engine);
      db = openDb(td.url);
      await migrateToLatest(db);
      for (const [slug, year] of [['a', 1990], ['b', 2000], ['c', 2010]] as const) {
        await db.kysely.insertInto('titles').values({ slug, kind: 'film', name: slug.toUpperCase(), original_name: null, year, created_at: now, updated_at: now }).execute();
      }
    });
    afterAll(async () => {
      await db?.close();
      await td?.drop();
    });

    it('binds each run’s arguments where the build used them, in any order, beside constants', async () => {
      let builds = 0;
      // The arguments appear in the SQL in another order than they are passed, next to a constant.
      const query = new PreparedQuery(2, (k, maxYear: number, kind: 'film' | 'series') => {
        builds++;
        return k
          .selectFrom('titles')
          .select(['slug'])
          .where('kind', '=', kind)
          .where('name', '<>', 'nobody')
          .where('year', '<=', maxYear)
          .orderBy('slug');
      });
      expect((await query.rows(db.kysely, 2000, 'film')).map((r) => r.slug)).toEqual(['a', 'b']);
      expect((await query.rows(db.kysely, 1995, 'film')).map((r) => r.slug)).toEqual(['a']);
      expect(await query.rows(db.kysely, 2020, 'series')).toEqual([]);
      // Inside a transaction too, and still compiled once.
      await db.kysely.transaction().execute(async (trx) => {
        expect((await query.first(trx, 2020, 'film'))?.slug).toBe('a');
      });
      expect(builds).toBe(1);
    });

    it('writes with the values of each run', async () => {
      const rename = new PreparedQuery(2, (k, slug: string, name: string) => k.updateTable('titles').set({ name }).where('slug', '=', slug));
      await rename.execute(db.kysely, 'b', 'Bee');
      await rename.execute(db.kysely, 'c', 'Sea');
      const rows = await db.kysely.selectFrom('titles').select(['slug', 'name']).orderBy('slug').execute();
      expect(rows).toEqual([
        { slug: 'a', name: 'A' },
        { slug: 'b', name: 'Bee' },
        { slug: 'c', name: 'Sea' },
      ]);
    });

    it('refuses a build that does not use every argument as a value', async () => {
      const unused = new PreparedQuery(2, (k, slug: string, _ignored: string) => k.selectFrom('titles').select('id').where('slug', '=', slug));
      await expect(unused.rows(db.kysely, 'a', 'x')).rejects.toThrow(/not used/);
      const computed = new PreparedQuery(1, (k, slug: string) => k.selectFrom('titles').select('id').where(sql.raw<SqlBool>(`slug = '${slug}'`)));
      await expect(computed.rows(db.kysely, 'a')).rejects.toThrow(/not used/);
    });
  });
}
