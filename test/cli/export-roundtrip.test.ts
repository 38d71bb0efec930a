// `marquee export` → `marquee import marquee`, as a user runs them (node bin/marquee.js), from one
// engine into an empty database of the other: every row of every table comes back, ids included;
// a non-empty instance is refused; the export covers every table of the live schema.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_ENGINES, type TestDatabase, type TestEngine } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { newUser, newTitle, newReview } from '../support/factories.js';
import { snapshot } from '../support/snapshot.js';
import { loadConfig } from '../../src/config.js';
import { openContext } from '../../src/context.js';
import { seedDemo } from '../../src/services/seed/demo.js';
import { parseLetterboxd } from '../../src/services/import/letterboxd.js';
import { actorOf } from '../../src/services/accounts.service.js';
import { InstanceDumpStore } from '../../src/store/instance-dump.store.js';
import { liveTables } from '../../src/store/dialect/tables.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/marquee.js');

async function marquee(databaseUrl: string, ...args: string[]) {
  const { BASE_URL: _vite, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function openTarget(url: string) {
  return openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', MARQUEE_RATE_LIMIT: 'off' }), { logger: pino({ level: 'silent' }) });
}

/** Tables whose rows the engine derives from others (search indexes): they differ between engines by design. */
async function derivedOn(url: string): Promise<string[]> {
  const ctx = await openTarget(url);
  try {
    return await new InstanceDumpStore(ctx.db.kysely).derivedTables();
  } finally {
    await ctx.close();
  }
}

const pairs: [TestEngine, TestEngine][] = TEST_ENGINES.length > 1 ? [['sqlite', 'postgres'], ['postgres', 'sqlite']] : [[TEST_ENGINES[0]!, TEST_ENGINES[0]!]];

describe.each(pairs)('marquee export from %s, import into %s', (fromEngine, toEngine) => {
  let source: TestServer;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-dump-'));
  const file = path.join(dir, 'instance.jsonl');

  beforeAll(async () => {
    source = await startServer(fromEngine);
    target = await createTestDatabase(toEngine);
    // A populated instance: the demo catalog (users, titles, people, reviews, votes), and every other
    // kind of row: reports, revisions, sessions, tokens, ratings without review, watch dates, external ids.
    await seedDemo(source.ctx);
    const ana = await newUser(source);
    const mod = await newUser(source, { role: 'moderator' });
    const t = await newTitle(source, mod, { name: 'Round Trip', year: 2020, kind: 'film', episodes: null, aliases: ['Aller-retour'] });
    const r = await newReview(ana, t.slug, { body: 'Ünïcode — 한국어, "quotes", a\nnew line.', scores: { story: 7.5 }, contains_spoilers: true });
    expect((await ana.client.patch(`/api/v1/reviews/${r.id}`, { body: 'Edited once.' })).status).toBe(200);
    const other = await newReview(mod, t.slug);
    expect((await ana.client.put(`/api/v1/reviews/${other.id}/vote`, { helpful: false })).status).toBe(200);
    expect((await ana.client.post(`/api/v1/reviews/${other.id}/reports`, { reason: 'spam', note: 'x' })).status).toBe(201);
    expect((await ana.client.post('/api/v1/tokens', { name: 'script' })).status).toBe(201);
    const demoTitle = await source.ctx.db.kysely.selectFrom('titles').select(['slug', 'name', 'year']).orderBy('id').executeTakeFirstOrThrow();
    expect((await ana.client.put(`/api/v1/titles/${demoTitle.slug}/my-rating`, { rating: 6.5 })).status).toBe(200);
    await newTitle(source, mod, { name: 'Diary, the Film', year: 2019, kind: 'film', episodes: null });
    const diary = `Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2024-01-02,"Diary, the Film",2019,https://boxd.it/a,4,,,2024-01-01\n`;
    const user = await source.ctx.services.accounts.byHandle(ana.handle);
    const report = await source.ctx.services.personalImport.import(actorOf(user), parseLetterboxd([{ name: 'diary.csv', bytes: Buffer.from(diary) }]));
    expect(report).toMatchObject({ unmatched: [], skipped: [], watch_dates: { added: 1 } });
    await source.ctx.db.kysely.insertInto('external_ids').values({ source: 'imdb', entity: 'title', external_id: 'tt0000001', entity_id: t.id }).execute();
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports every table of the live schema as JSON lines', async () => {
    const res = await marquee(source.db.url, 'export', '--output', file);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^exported \d+ tables, \d+ rows to /);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'marquee-export', version: 1, engine: fromEngine });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true });
    const exported = lines.map((l) => JSON.parse(l)).filter((v) => !Array.isArray(v) && typeof v.table === 'string').map((v) => v.table as string).sort();
    // The list comes from the live schema, so a table added by any migration is in it.
    const live = await liveTables(source.ctx.db.kysely);
    expect(exported).toEqual(live.filter((t) => !t.derived).map((t) => t.name).sort());
    expect(exported).toEqual(expect.arrayContaining(['users', 'sessions', 'tokens', 'titles', 'reviews', 'review_revisions', 'votes', 'reports', 'ratings', 'watch_dates', 'external_ids', 'instance_stats']));
  });

  it(`reads it back into an empty ${toEngine} database with every row equal`, async () => {
    const res = await marquee(target.url, 'import', 'marquee', file);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const derived = [...(await derivedOn(source.db.url)), ...(await derivedOn(target.url))];
    const ctx = await openTarget(target.url);
    try {
      const [before, after] = [await snapshot(source.ctx.db, derived), await snapshot(ctx.db, derived)];
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
      expect(before.reviews!.length).toBeGreaterThan(40);
      expect(before.review_revisions!.length).toBe(1);
      expect(before.watch_dates!.length).toBe(1);
      // The id counters moved past the imported ids: a new account gets the next id.
      const maxId = Number(await ctx.db.kysely.selectFrom('users').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow().then((r) => r.m));
      const created = await ctx.services.accounts.register({ handle: 'after_import', email: 'after@example.test', password: 'a long password' });
      expect(created.id).toBeGreaterThan(maxId);
    } finally {
      await ctx.close();
    }
  });

  it('a restored instance serves the same pages and signs in the same people', async () => {
    const ctx = await openTarget(target.url);
    try {
      const demoUser = await ctx.db.kysely.selectFrom('users').select('handle').orderBy('id').executeTakeFirstOrThrow();
      expect((await ctx.services.accounts.profile(demoUser.handle)).stats.reviews).toBeGreaterThan(0);
      const title = await ctx.services.catalog.titleRow('round-trip-2020');
      expect(title.rating_count).toBe(2);
    } finally {
      await ctx.close();
    }
  });

  it('refuses to import into an instance that is not empty, with a one-line message', async () => {
    const res = await marquee(target.url, 'import', 'marquee', file);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/not empty/);
  });

  it('refuses a cut-short or damaged file and leaves nothing behind', async () => {
    const fresh = await createTestDatabase(toEngine);
    try {
      const cut = path.join(dir, 'cut.jsonl');
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      fs.writeFileSync(cut, `${lines.slice(0, -1).join('\n')}\n`);
      const res = await marquee(fresh.url, 'import', 'marquee', cut);
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/cut\.jsonl:\d+: the file ends before its end line/);
      const bad = path.join(dir, 'bad.jsonl');
      fs.writeFileSync(bad, `${lines.slice(0, 5).join('\n')}\n{not json\n`);
      const res2 = await marquee(fresh.url, 'import', 'marquee', bad);
      expect(res2.stderr).toMatch(/^marquee: bad\.jsonl:6: not valid JSON\n$/);
      const ctx = await openTarget(fresh.url);
      try {
        expect(await new InstanceDumpStore(ctx.db.kysely).rootRowCount()).toBe(0);
      } finally {
        await ctx.close();
      }
    } finally {
      await fresh.drop();
    }
  });
});
