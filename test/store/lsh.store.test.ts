// The stored near-duplicate path (issue 5) on the labelled set of docs/QUALITY.md: sources stored as
// reviews and indexed in lsh_bands, each case looked up with LshStore.candidates (at least 2 shared
// bands, at most 50) and verified by exact Jaccard on the stored bodies — precision ≥ 0.98 and
// recall ≥ 0.95, on each engine.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, buildLabelledSet } from '../fixtures/near-duplicates/build.js';
import { openDb, type Db } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { LshStore } from '../../src/store/lsh.store.js';
import { bestMatch, fingerprint } from '../../src/domain/quality/lsh-keys.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const haveData = fs.existsSync(DATA_DIR);

for (const engine of TEST_ENGINES) {
  describe.runIf(haveData || process.env.CI === 'true')(`stored LSH on ${engine}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    const set = haveData ? buildLabelledSet() : null;
    const reviewOf = new Map<string, number>();

    beforeAll(async () => {
      expect(set, `missing ${DATA_DIR}`).not.toBeNull();
      tdb = await createTestDatabase(engine);
      db = openDb(tdb.url);
      await migrateToLatest(db);
      const k = db.kysely;
      const now = '2026-01-01T00:00:00.000Z';
      const title = await k.insertInto('titles').values({ slug: 'labelled', kind: 'film', name: 'Labelled', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      const entries: { reviewId: number; buckets: number[] }[] = [];
      for (const [i, s] of set!.sources.entries()) {
        const user = await k.insertInto('users').values({ handle: `l${i}`, handle_key: `l${i}`, email: `l${i}@x.test`, email_key: `l${i}@x.test`, display_name: 'L', password_hash: 'x', role: 'member', created_at: now }).returning('id').executeTakeFirstOrThrow();
        const review = await k
          .insertInto('reviews')
          .values({ title_id: title.id, author_id: user.id, headline: 'h', body: s.text, rating_x2: 10, contains_spoilers: 0, status: 'published', quality_json: '[]', created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        reviewOf.set(s.id, review.id);
        entries.push({ reviewId: review.id, buckets: fingerprint(s.text).buckets });
      }
      await new LshStore(k).add(entries);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await tdb?.drop();
    });

    it('precision ≥ 0.98 and recall ≥ 0.95 at 0.8 through the stored index', async () => {
      const lsh = new LshStore(db.kysely);
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let tn = 0;
      let candidates = 0;
      for (const c of set!.cases) {
        const fpq = fingerprint(c.query);
        const selfId = c.selfId ? reviewOf.get(c.selfId) : undefined;
        const found = await lsh.candidates(fpq.buckets, selfId !== undefined ? { excludeId: selfId } : {});
        candidates += found.length;
        const match = bestMatch(fpq.shingles, found.map((f) => ({ id: f.id, authorId: f.author_id, body: f.body })), 0.8);
        if (match && c.positive) {
          tp++;
          expect(match.similarity).toBeCloseTo(c.bestJaccard, 9);
        } else if (match) fp++;
        else if (c.positive) fn++;
        else tn++;
      }
      const precision = tp / Math.max(1, tp + fp);
      const recall = tp / Math.max(1, tp + fn);
      console.info(`[stored LSH ${engine}] TP=${tp} FP=${fp} FN=${fn} TN=${tn} precision=${precision.toFixed(4)} recall=${recall.toFixed(4)} candidates/case=${(candidates / set!.cases.length).toFixed(2)}`);
      expect(precision).toBeGreaterThanOrEqual(0.98);
      expect(recall).toBeGreaterThanOrEqual(0.95);
    }, 120_000);

    it('removing a review takes it out of every bucket', async () => {
      const lsh = new LshStore(db.kysely);
      const source = set!.sources[0]!;
      const id = reviewOf.get(source.id)!;
      const { buckets } = fingerprint(source.text);
      expect((await lsh.candidates(buckets)).map((c) => c.id)).toContain(id);
      await lsh.remove(id, buckets);
      expect((await lsh.candidates(buckets)).map((c) => c.id)).not.toContain(id);
      const left = await db.kysely.selectFrom('lsh_bands').select('bucket').where('review_id', '=', id).execute();
      expect(left).toEqual([]);
    });
  });
}
