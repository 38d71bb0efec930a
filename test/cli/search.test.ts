// `marquee search reindex` as a user runs it, on both engines: names written by plain SQL (as a bulk
// import does) are found after `--missing` and after a full reindex.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { loadConfig } from '../../src/config.js';
import { openContext } from '../../src/context.js';
import { createReviewsSearchHelpfulIndex } from '../../src/store/search.store.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/marquee.js');

async function marquee(databaseUrl: string, ...args: string[]) {
  const { BASE_URL: _vite, ...env } = process.env;
  const { stdout } = await run(process.execPath, [BIN, ...args], { env: { ...env, DATABASE_URL: databaseUrl } });
  return stdout;
}

for (const engine of TEST_ENGINES) {
  describe(`marquee search reindex on ${engine}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      await marquee(db.url, 'seed', 'demo');
    });
    afterAll(async () => {
      await db?.drop();
    });

    const search = async (q: string, type: 'titles' | 'people') => {
      const ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      try {
        return (await ctx.services.search.search(null, { q, type, limit: 20 })).items.map((i) => (i as { slug: string }).slug);
      } finally {
        await ctx.close();
      }
    };

    it('indexes names inserted by plain SQL with --missing, and rebuilds everything without it', async () => {
      const ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      const now = '2026-01-01T00:00:00.000Z';
      await ctx.db.kysely.insertInto('people').values({ slug: 'imported-person', name: 'Jeon Do-yeon', original_name: '전도연', created_at: now }).execute();
      await ctx.close();
      expect(await search('jeon doyeon', 'people')).toEqual([]);
      expect(JSON.parse(await marquee(db.url, 'search', 'reindex', '--missing'))).toEqual({ titles: 0, people: 1 });
      expect(await search('jeon doyeon', 'people')).toEqual(['imported-person']);
      expect(await search('도연', 'people')).toEqual(['imported-person']);
      const summary = JSON.parse(await marquee(db.url, 'search', 'reindex', '--reviews'));
      expect(summary).toMatchObject({ titles: 15, reviews: true });
      expect(summary.people).toBeGreaterThan(80);
      expect(summary.title_keys).toBeGreaterThanOrEqual(summary.titles);
      expect(await search('사랑법', 'titles')).toHaveLength(2);
      expect(await search('Jeon Do Yeon', 'people')).toEqual(['imported-person']);
    });

    it('puts back the review search order index a killed bulk load left dropped', async () => {
      const ctx = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      await ctx.db.kysely.schema.dropIndex('reviews_search_helpful').execute();
      await ctx.close();
      await marquee(db.url, 'search', 'reindex');
      const again = await openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
      try {
        // Dropping it again succeeds only if the reindex created it.
        await again.db.kysely.schema.dropIndex('reviews_search_helpful').execute();
        await createReviewsSearchHelpfulIndex(again.db.kysely);
      } finally {
        await again.close();
      }
    });
  });
}
