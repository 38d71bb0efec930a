// `marquee quality scan` (issue 5): every stored review checked again, warnings and the LSH index
// updated, statuses changed only through the policy; an interrupted scan resumes to the same result
// as a full run. Reviews are stored directly, as an import would store them (without checks).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { QualityScanService } from '../../src/services/quality-scan.service.js';
import { main } from '../../src/cli/main.js';
import { mulberry32 } from '../../src/domain/random.js';
import { fingerprint } from '../../src/domain/quality/lsh-keys.js';
import { LshStore } from '../../src/store/lsh.store.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const WORDS = 'harbour lantern quiet signal orchard winter letters station river garden mirror bridge tide voices kitchen detective crown machine wedding neighbours empire streets season island road shadows promise pacing writing'.split(' ');

function text(seed: number, n = 80): string {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => WORDS[Math.floor(rng() * WORDS.length)]!).join(' ') + '.';
}

interface Planned {
  author: number;
  title: number;
  body: string;
  status?: 'published' | 'pending' | 'hidden' | 'removed';
  cause?: 'reports' | 'moderator' | null;
}

/** 48 reviews: originals, other accounts' copies (some hidden, one held by reports), own copies, short ones. */
function plan(): Planned[] {
  const out: Planned[] = [];
  for (let i = 0; i < 12; i++) out.push({ author: i % 6, title: i, body: text(100 + i) });
  for (let i = 0; i < 12; i++) {
    const source = out[i]!;
    const copy = text(100 + i).replace(/^(\w+ \w+ \w+) \w+/, '$1 changedword');
    if (i % 4 === 0) out.push({ author: source.author, title: 20 + i, body: copy }); // own copy, another title
    else if (i % 4 === 1) out.push({ author: (source.author + 1) % 6, title: source.title, body: copy, status: 'hidden', cause: 'moderator' });
    else if (i % 4 === 2) out.push({ author: (source.author + 2) % 6, title: source.title, body: copy, status: 'pending', cause: 'reports' });
    else out.push({ author: (source.author + 3) % 6, title: source.title, body: copy });
  }
  for (let i = 0; i < 24; i++) out.push({ author: i % 6, title: 40 + i, body: i % 3 === 0 ? `Short ${i}.` : text(500 + i) });
  return out;
}

async function seedDb(ctx: AppContext): Promise<void> {
  const k = ctx.db.kysely;
  const now = '2026-01-01T00:00:00.000Z';
  for (let u = 0; u < 6; u++) {
    await k.insertInto('users').values({ handle: `scan_${u}`, handle_key: `scan_${u}`, email: `s${u}@example.test`, email_key: `s${u}@example.test`, display_name: `S${u}`, password_hash: 'x', role: 'member', created_at: now }).execute();
  }
  const users = await k.selectFrom('users').select('id').orderBy('id').execute();
  const titles = new Map<number, number>();
  for (const p of plan()) {
    if (!titles.has(p.title)) {
      const row = await k.insertInto('titles').values({ slug: `t-${p.title}`, kind: 'film', name: `T${p.title}`, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      titles.set(p.title, row.id);
    }
    await k
      .insertInto('reviews')
      .values({
        title_id: titles.get(p.title)!,
        author_id: users[p.author]!.id,
        headline: 'Imported',
        body: p.body,
        rating_x2: 14,
        contains_spoilers: 0,
        status: p.status ?? 'published',
        status_cause: p.cause ?? null,
        status_reason: p.cause ? 'Set before the scan.' : null,
        quality_json: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

async function open(db: TestDatabase): Promise<AppContext> {
  return openContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
}

async function snapshot(ctx: AppContext) {
  const reviews = await ctx.db.kysely.selectFrom('reviews').select(['id', 'status', 'status_cause', 'status_reason', 'quality_json']).orderBy('id').execute();
  const bands = await ctx.db.kysely.selectFrom('lsh_bands').select(['bucket', 'review_id']).orderBy('bucket').orderBy('review_id').execute();
  const log = await ctx.db.kysely.selectFrom('moderation_log').select(['action', 'review_id', 'from_status', 'to_status', 'reason', 'moderator_id']).orderBy('review_id').execute();
  return { reviews, bands: bands.map((b) => `${b.bucket}:${b.review_id}`), log };
}

/** What lsh_bands must hold after a finished scan: the fingerprints of the published and pending reviews. */
async function expectedBands(ctx: AppContext): Promise<string[]> {
  const current = await ctx.db.kysely.selectFrom('reviews').select(['id', 'body', 'status']).orderBy('id').execute();
  return current
    .filter((r) => r.status === 'published' || r.status === 'pending')
    .flatMap((r) => fingerprint(r.body).buckets.map((b) => `${b}:${r.id}`))
    .sort();
}

for (const engine of TEST_ENGINES) {
  describe(`quality scan on ${engine}`, () => {
    let dbFull: TestDatabase;
    let dbResumed: TestDatabase;
    let full: AppContext;
    let resumed: AppContext;

    beforeAll(async () => {
      dbFull = await createTestDatabase(engine);
      dbResumed = await createTestDatabase(engine);
      full = await open(dbFull);
      resumed = await open(dbResumed);
      await seedDb(full);
      await seedDb(resumed);
    });
    afterAll(async () => {
      await full?.close();
      await resumed?.close();
      await dbFull?.drop();
      await dbResumed?.drop();
    });

    it('checks every review; statuses change only through the policy', async () => {
      const scanner = new QualityScanService(full.db, full.writes, full.clock, full.services.quality);
      const summary = await scanner.scan({ batchSize: 7, threads: 0 });
      expect(summary).toMatchObject({ scanned: 48, total: 48, finished: true, resumed: false, held: 3, threads: 0, index_rows: 32 * 45 });
      const { reviews, log } = await snapshot(full);
      const planned = plan();
      reviews.forEach((r, i) => {
        const p = planned[i]!;
        const warnings = JSON.parse(r.quality_json) as { code: string; review_id?: number }[];
        const near = warnings.find((w) => w.code === 'near_duplicate');
        if (i >= 12 && i < 24) {
          const source = reviews[i - 12]!.id;
          const kind = (i - 12) % 4;
          if (kind === 0) expect([r.status, near?.review_id]).toEqual(['published', source]); // own copy: warn
          if (kind === 1) expect([r.status, r.status_cause, near?.review_id]).toEqual(['hidden', 'moderator', source]); // a moderator's status stays
          if (kind === 2) expect([r.status, r.status_cause, r.status_reason]).toEqual(['pending', 'reports', 'Set before the scan.']);
          if (kind === 3) {
            expect([r.status, r.status_cause, near?.review_id]).toEqual(['pending', 'quality', source]); // another account's copy: held
            expect(r.status_reason).toMatch(new RegExp(`similar to review ${source} by another account`));
          }
        } else {
          // Originals are older than their copies: never the near-duplicate.
          expect(near).toBeUndefined();
          expect(r.status).toBe(p.status ?? 'published');
          expect(warnings.some((w) => w.code === 'too_short')).toBe(p.body.startsWith('Short'));
        }
      });
      expect(log.map((l) => [l.action, l.moderator_id, l.to_status])).toEqual([
        ['hold', null, 'pending'],
        ['hold', null, 'pending'],
        ['hold', null, 'pending'],
      ]);

      // A second full scan changes nothing.
      const again = await scanner.scan();
      expect(again).toMatchObject({ scanned: 48, warnings_changed: 0, held: 0, released: 0, finished: true });
    });

    it('the stored index answers the live path: a new copy of a scanned review is found and held', async () => {
      const k = full.db.kysely;
      const author = await k.selectFrom('users').select('id').where('handle', '=', 'scan_5').executeTakeFirstOrThrow();
      await k.insertInto('titles').values({ slug: 'fresh', kind: 'film', name: 'Fresh', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
      const { review, quality } = await full.services.reviews.create({ id: author.id, role: 'member' }, 'fresh', { headline: 'Mine', body: text(100), rating: 7 });
      const original = await k.selectFrom('reviews').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
      expect(review.status).toBe('pending');
      expect(quality.warnings).toEqual([expect.objectContaining({ code: 'near_duplicate', review_id: original.id, similarity: 1 })]);
      await full.services.reviews.delete({ id: author.id, role: 'member' }, review.id);
    });

    it('an interrupted scan resumes where it stopped, to the same result as a full run', async () => {
      const scanner = new QualityScanService(resumed.db, resumed.writes, resumed.clock, resumed.services.quality);
      // On two worker threads (the full run above used none): the same result either way.
      const first = await scanner.scan({ batchSize: 5, stopAfter: 17, threads: 2 });
      expect(first).toMatchObject({ scanned: 17, scanned_total: 17, finished: false, threads: 2, index_rows: 0 });
      const second = await scanner.scan({ batchSize: 9, stopAfter: 10, threads: 2 });
      expect(second).toMatchObject({ resumed: true, scanned: 10, scanned_total: 27, finished: false });
      const third = await scanner.scan({ batchSize: 4, threads: 2 });
      expect(third).toMatchObject({ resumed: true, scanned: 21, scanned_total: 48, finished: true });
      const a = await snapshot(full);
      const b = await snapshot(resumed);
      expect(b.reviews).toEqual(a.reviews);
      expect(b.bands).toEqual(a.bands);
      expect(b.bands.length).toBe(32 * 45); // the published and pending reviews (all but 3 hidden), 32 bands each
      // (The full run's database also logged the live-path test's review, since deleted.)
      expect(b.log).toEqual(a.log.filter((l) => a.reviews.some((r) => r.id === l.review_id)));
      expect(b.log).toHaveLength(3);
    });

    it('reviews edited, hidden or written while a scan runs are indexed under what they are when it finishes', async () => {
      const k = resumed.db.kysely;
      const scanner = new QualityScanService(resumed.db, resumed.writes, resumed.clock, resumed.services.quality);
      const ids = (await k.selectFrom('reviews').select(['id', 'author_id']).orderBy('id').execute()).map((r) => r);
      await scanner.scan({ batchSize: 6, stopAfter: 30 });
      // While the scan is interrupted (as a server would, between two of its batches):
      const [edited, hidden] = [ids[2]!, ids[4]!]; // both already scanned
      await resumed.services.reviews.update({ id: edited.author_id, role: 'member' }, edited.id, { body: text(9001) });
      const moderator = await k.insertInto('users').values({ handle: 'scan_mod', handle_key: 'scan_mod', email: 'mod@example.test', email_key: 'mod@example.test', display_name: 'Mod', password_hash: 'x', role: 'moderator', created_at: '2026-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
      await resumed.services.moderation.reviewAction({ id: moderator.id, role: 'moderator' }, hidden.id, { action: 'hide', reason: 'Off topic.' });
      await k.insertInto('titles').values({ slug: 'during-scan', kind: 'film', name: 'During', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
      const written = await resumed.services.reviews.create({ id: moderator.id, role: 'member' }, 'during-scan', { headline: 'New', body: text(9002), rating: 6 });
      const summary = await scanner.scan({ batchSize: 6 });
      expect(summary).toMatchObject({ resumed: true, finished: true });
      const bands = (await snapshot(resumed)).bands.sort();
      expect(bands).toEqual(await expectedBands(resumed));
      expect(bands.filter((b) => b.endsWith(`:${hidden.id}`))).toEqual([]);
      expect(bands.filter((b) => b.endsWith(`:${edited.id}`))).toEqual(fingerprint(text(9001)).buckets.map((b) => `${b}:${edited.id}`).sort());
      expect(bands.filter((b) => b.endsWith(`:${written.review.id}`))).toHaveLength(32);
      // Nothing of the scan is left behind.
      expect(await k.selectFrom('quality_scan_keys').select('review_id').execute()).toEqual([]);
      expect(await new LshStore(k).nextIndexTables()).toEqual([]);
    });

    it('`marquee quality scan --restart` rebuilds the index and prints a JSON summary', async () => {
      const saved = process.env.DATABASE_URL;
      const savedLevel = process.env.LOG_LEVEL;
      const savedBase = process.env.BASE_URL;
      delete process.env.BASE_URL; // Vite's, not ours
      process.env.DATABASE_URL = dbFull.url;
      process.env.LOG_LEVEL = 'silent';
      const out: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      });
      try {
        await full.db.kysely.insertInto('lsh_bands').values({ bucket: 12345, review_id: 999999 }).execute(); // a stale row
        await main(['node', 'marquee', 'quality', 'scan', '--restart', '--batch', '10']);
      } finally {
        spy.mockRestore();
        process.env.DATABASE_URL = saved;
        process.env.LOG_LEVEL = savedLevel;
        process.env.BASE_URL = savedBase;
      }
      const summary = JSON.parse(out.join('').trim());
      expect(summary).toMatchObject({ scanned: 48, total: 48, finished: true, resumed: false, held: 0, released: 0, warnings_changed: 0 });
      expect(summary.per_second).toBeGreaterThan(0);
      const after = await snapshot(full);
      expect(after.bands.sort()).toEqual(await expectedBands(full));
    });
  });
}
