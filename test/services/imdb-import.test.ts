// `marquee import imdb` on every engine, against the real IMDb dataset slices in ../shared/data
// (read at test time, never copied) and small files in IMDb's exact format written to a temp dir
// for what the slices lack (title.principals, malformed lines, gzip).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { importImdbDatasets, type ImdbImportOptions, type MalformedLine } from '../../src/services/import/imdb-datasets.js';
import { CatalogStore } from '../../src/store/catalog.store.js';
import { ExternalIdsStore } from '../../src/store/external-ids.store.js';
import fc from 'fast-check';
import { slugify, slugifyByUnicode } from '../../src/domain/slug.js';
import { isParseError, isWellFormedBasicsToSkip, parseBasics } from '../../src/domain/imdb-tsv.js';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';

const DATA = path.resolve(import.meta.dirname, '../../../shared/data/imdb-tsv');
const NOLAN = path.join(DATA, 'MPMarshall1-nolan');
const ARTEM = path.join(DATA, 'ArtemChapaev');
const haveData = fs.existsSync(DATA);
if (!haveData && process.env.CI === 'true') throw new Error(`${DATA} is missing: the IMDb import tests need the shared data`);

const HEAD = {
  basics: 'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres',
  akas: 'titleId\tordering\ttitle\tregion\tlanguage\ttypes\tattributes\tisOriginalTitle',
  crew: 'tconst\tdirectors\twriters',
  principals: 'tconst\tordering\tnconst\tcategory\tjob\tcharacters',
  names: 'nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles',
};

/** A folder of IMDb-format files with principals (the real slices have none) and bad lines. */
function writeSlice(dir: string, gz = false): void {
  fs.mkdirSync(dir, { recursive: true });
  const files: Record<string, string[]> = {
    'title.basics': [
      HEAD.basics,
      'tt0468569\tmovie\tThe Dark Knight\tThe Dark Knight\t0\t2008\t\\N\t152\tAction,Crime,Drama', // 2
      'tt0903747\ttvSeries\tBreaking Bad\tBreaking Bad\t0\t2008\t2013\t45\tCrime,Drama,Thriller', // 3
      'tt0959621\ttvEpisode\tPilot\tPilot\t0\t2008\t\\N\t58\tCrime,Drama', // 4: an episode, not imported
      'tt1234567\tmovie\tBroken Row\t0\t2001\t\\N\t90\tDrama', // 5: 8 fields
      'tt2345678\tmovie\tBad Year\tBad Year\t0\t20x8\t\\N\t90\tDrama', // 6: year
      'xx3456789\tmovie\tBad Id\tBad Id\t0\t2001\t\\N\t90\tDrama', // 7: tconst
      'tt4633694\tmovie\tSpider-Man: Into the Spider-Verse\tSpider-Man: Into the Spider-Verse\t0\t2018\t\\N\t117\tAnimation', // 8
    ],
    'title.akas': [
      HEAD.akas,
      'tt0468569\t1\tThe Dark Knight\t\\N\t\\N\toriginal\t\\N\t1',
      'tt0468569\t2\tEl caballero de la noche\tMX\tes\timdbDisplay\t\\N\t0',
      'tt0468569\t3\tBatman: El caballero de la noche\tAR\t\\N\timdbDisplay\t\\N\t0',
      'tt0468569\t4\tbroken', // 5: 3 fields
      'tt0903747\t1\tВо все тяжкие\tRU\tru\timdbDisplay\t\\N\t0',
      'tt0959621\t1\tPiloto\tES\t\\N\timdbDisplay\t\\N\t0', // an episode's aka: skipped silently
    ],
    'title.crew': [HEAD.crew, 'tt0468569\tnm0634240\tnm0634300,nm0634240,nm0275286', 'tt0903747\t\\N\tnm0319213'],
    'title.principals': [
      HEAD.principals,
      'tt0468569\t1\tnm0000288\tactor\t\\N\t["Bruce Wayne","Batman"]',
      'tt0468569\t2\tnm0005132\tactor\t\\N\t["Joker"]',
      'tt0468569\t3\tnm0634240\tdirector\t\\N\t\\N', // director from principals: title.crew has it already
      'tt0468569\t4\tnm0001173\tcomposer\t\\N\t\\N', // not a kept category
      'tt0468569\t5\tnm0000323\tactor\t\\N\t[Alfred', // 6: bad characters
      'tt0903747\t1\tnm0186505\tactor\t\\N\t["Walter White"]',
      'tt0903747\t2\tnm0348152\tactress\t\\N\t["Skyler White"]',
    ],
    'name.basics': [
      HEAD.names,
      'nm0000288\tChristian Bale\t1974\t\\N\tactor\ttt0468569',
      'nm0005132\tHeath Ledger\t1979\t2008\tactor\ttt0468569',
      'nm0634240\tChristopher Nolan\t1970\t\\N\tdirector\ttt0468569',
      'nm0634300\tJonathan Nolan\t1976\t\\N\twriter\ttt0468569',
      'nm0186505\tBryan Cranston\t1956\t\\N\tactor\ttt0903747',
      'nm0348152\tAnna Gunn\t1968\t\\N\tactress\ttt0903747',
      'nm0319213\tVince Gilligan\t1967\t\\N\twriter\ttt0903747',
      'nmXYZ\tNobody\t\\N\t\\N\t\\N\t\\N', // 9: bad nconst
      'nm0001173\tHans Zimmer\t1957\t\\N\tcomposer\ttt0468569', // not needed
    ],
  };
  for (const [name, lines] of Object.entries(files)) {
    const text = lines.join('\n') + '\n';
    if (gz) fs.writeFileSync(path.join(dir, `${name}.tsv.gz`), gzipSync(text));
    else fs.writeFileSync(path.join(dir, `${name}.tsv`), text);
  }
}

async function open(url: string): Promise<AppContext> {
  return openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', MARQUEE_RATE_LIMIT: 'off' }), { logger: pino({ level: 'silent' }) });
}

async function counts(ctx: AppContext) {
  const k = ctx.db.kysely;
  const n = async (t: 'titles' | 'people' | 'credits' | 'title_aliases' | 'external_ids') =>
    Number((await k.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { titles: await n('titles'), people: await n('people'), credits: await n('credits'), aliases: await n('title_aliases'), external_ids: await n('external_ids') };
}

async function titleBySlug(ctx: AppContext, slug: string) {
  const store = new CatalogStore(ctx.db.kysely);
  const t = await store.titleBySlug(slug);
  if (!t) throw new Error(`no title ${slug}`);
  const aliases = await ctx.db.kysely
    .selectFrom('title_aliases')
    .select(['alias', 'region', 'language'])
    .where('title_id', '=', t.id)
    .orderBy('alias')
    .execute();
  const credits = (await store.creditsOf([t.id])).get(t.id) ?? [];
  return { ...t, aliases, credits: credits.map((c) => ({ name: c.person_name, role: c.role, character: c.character })) };
}

describe('IMDb line shortcuts agree with the full functions', () => {
  const piece = fc.constantFrom('tt0000005', 'tt12', 'tt', 'xx0000001', 'movie', 'tvEpisode', 'short', '', '\\N', '0', '1', '2', '1999', '19x9', '1850', '1849', '2201', '12345', 'Name', 'Ünïcode 東京', 'a\tb');
  const line = fc.array(piece, { minLength: 6, maxLength: 11 }).map((parts) => parts.join('\t'));
  const accepted = new Set(['movie', 'tvSeries']);

  it('a title.basics line skipped unparsed is one parseBasics accepts, of a type not wanted', () => {
    fc.assert(
      fc.property(line, (l) => {
        if (!isWellFormedBasicsToSkip(l, accepted)) return;
        const parsed = parseBasics(l.split('\t'));
        expect(isParseError(parsed)).toBe(false);
        expect(accepted.has((parsed as { titleType: string }).titleType)).toBe(false);
      }),
      { numRuns: 5000 },
    );
    // And it does skip the common case.
    expect(isWellFormedBasicsToSkip('tt0959621\ttvEpisode\tPilot\tPilot\t0\t2008\t\\N\t58\tCrime,Drama', accepted)).toBe(true);
    expect(isWellFormedBasicsToSkip('tt0959621\ttvEpisode\tPilot\tPilot\t0\t20x8\t\\N\t58\tCrime,Drama', accepted)).toBe(false);
  });

  it('slugify\'s ASCII shortcut equals its Unicode rules', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 120 });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ maxLength: 40 })), fc.option(fc.integer({ min: 1850, max: 2100 })), (name, year) => {
        expect(slugify(name, year)).toBe(slugifyByUnicode(name, year));
      }),
      { numRuns: 5000 },
    );
    expect(slugify("Schindler's List", 1993)).toBe('schindlers-list-1993');
  });
});

for (const engine of TEST_ENGINES) {
  describe.skipIf(!haveData)(`import imdb on ${engine}`, () => {
    const dbs: TestDatabase[] = [];
    const ctxs: AppContext[] = [];
    let tmp: string;
    const fresh = async () => {
      const db = await createTestDatabase(engine);
      dbs.push(db);
      const ctx = await open(db.url);
      ctxs.push(ctx);
      return ctx;
    };
    const run = (ctx: AppContext, options: ImdbImportOptions) => importImdbDatasets(ctx, options);

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-imdb-'));
    });
    afterAll(async () => {
      for (const c of ctxs) await c.close();
      for (const d of dbs) await d.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('imports the Nolan slice: titles, the one person name.basics has, crew credits; a second run changes nothing', async () => {
      const ctx = await fresh();
      const version = async () => (await ctx.db.kysely.selectFrom('catalog_version').select('version').executeTakeFirstOrThrow()).version;
      const before = await version();
      const first = await run(ctx, { dir: NOLAN });
      // One catalog version for the whole run (every bump rebuilds running servers' mention matchers).
      expect(await version()).toBe(before + 1);
      // tt0000001 is a short: not among the default types (movie, tvMovie, tvSeries, tvMiniSeries).
      expect(first.titles).toEqual({ read: 15, accepted: 14, inserted: 14, linked: 0, updated: 0, unchanged: 0 });
      // Crew names 11 people; name.basics holds only Christopher Nolan, so the other 10 are missing.
      expect(first.people).toEqual({ needed: 11, inserted: 1, updated: 0, unchanged: 0, missing: 10 });
      // 14 directing + 12 writing credits of Nolan's; writers missing from name.basics are skipped.
      expect(first.credits.inserted).toBe(26);
      expect(first.malformed).toBe(0);
      const after1 = await counts(ctx);
      expect(after1).toEqual({ titles: 14, people: 1, credits: 26, aliases: 0, external_ids: 15 });

      const inception = await titleBySlug(ctx, 'inception-2010');
      expect(inception).toMatchObject({ kind: 'film', name: 'Inception', original_name: null, year: 2010, episodes: null });
      expect(inception.credits).toEqual([
        { name: 'Christopher Nolan', role: 'director', character: null },
        { name: 'Christopher Nolan', role: 'writer', character: null },
      ]);
      const odyssey = await titleBySlug(ctx, 'the-odyssey-2026');
      expect(odyssey.year).toBe(2026);

      const second = await run(ctx, { dir: NOLAN });
      expect(second.titles).toEqual({ read: 15, accepted: 14, inserted: 0, linked: 0, updated: 0, unchanged: 14 });
      expect(second.people).toMatchObject({ inserted: 0, unchanged: 1 });
      expect(await counts(ctx)).toEqual(after1);
      expect((await titleBySlug(ctx, 'inception-2010')).credits).toHaveLength(2);
    });

    it('gives a title whose slug is taken the next free one (base-2, base-3…)', async () => {
      const ctx = await fresh();
      const store = new CatalogStore(ctx.db.kysely);
      const now = new Date().toISOString();
      const fields = { kind: 'film' as const, original_name: null, year: 2010, country: null, episodes: null, synopsis: null };
      await store.insertTitle({ ...fields, name: 'Inception (a fan page)', slug: 'inception-2010', now });
      await store.insertTitle({ ...fields, name: 'Inception (another)', slug: 'inception-2010-2', now });
      await run(ctx, { dir: NOLAN });
      expect((await titleBySlug(ctx, 'inception-2010-3')).name).toBe('Inception');
      expect((await titleBySlug(ctx, 'inception-2010')).name).toBe('Inception (a fan page)');
    });

    it('a second run updates a changed field in place (same ids, same slug, same row counts)', async () => {
      const ctx = await fresh();
      await run(ctx, { dir: NOLAN });
      const before = await counts(ctx);
      const tenet = await titleBySlug(ctx, 'tenet-2020');
      const changed = path.join(tmp, 'nolan-changed');
      fs.mkdirSync(changed, { recursive: true });
      for (const f of fs.readdirSync(NOLAN)) {
        let text = fs.readFileSync(path.join(NOLAN, f), 'utf8');
        if (f === 'title.basics.tsv') text = text.replace('tt6723592\tmovie\tTenet\tTenet\t0\t2020', 'tt6723592\tmovie\tTENET\tTenet\t0\t2020');
        fs.writeFileSync(path.join(changed, f), text);
      }
      const summary = await run(ctx, { dir: changed });
      expect(summary.titles).toMatchObject({ inserted: 0, updated: 1, unchanged: 13 });
      expect(await counts(ctx)).toEqual(before);
      const after = await titleBySlug(ctx, 'tenet-2020');
      expect(after).toMatchObject({ id: tenet.id, name: 'TENET', original_name: 'Tenet' });
      expect(after.updated_at >= tenet.updated_at).toBe(true);
    });

    it('turns akas into aliases with region and language, and applies --types, --since and --min-votes', async () => {
      const ctx = await fresh();
      const all = await run(ctx, { dir: ARTEM, types: ['movie', 'short'] });
      expect(all.titles).toMatchObject({ read: 15, accepted: 15, inserted: 15 });
      expect(all.aliases.read).toBe(103);
      const sneeze = await titleBySlug(ctx, 'edison-kinetoscopic-record-of-a-sneeze-1894');
      expect(sneeze.aliases).toContainEqual({ alias: 'フレッド・オット－のくしゃみ', region: 'JP', language: 'ja' });
      expect(sneeze.aliases).toContainEqual({ alias: 'Edison kinetoskopische Aufnahme eines Niesens', region: 'DE', language: null });
      const charm = await titleBySlug(ctx, 'opasen-char-1984');
      expect(charm.aliases).toEqual(
        expect.arrayContaining([
          { alias: 'Dangerous Charm', region: 'XEU', language: 'en' },
          { alias: 'Опасные чары', region: 'SUHH', language: 'ru' },
        ]),
      );
      // The original title and akas spelled like the title's name are not aliases.
      const blacksmith = await titleBySlug(ctx, 'blacksmith-scene-1893');
      expect(blacksmith.aliases.map((a) => a.alias)).not.toContain('Blacksmith Scene');
      expect(blacksmith.aliases).toContainEqual({ alias: 'Schmiedszene', region: 'DE', language: null });
      const gg = await titleBySlug(ctx, 'gandhada-gudi-2022');
      expect(gg).toMatchObject({ name: 'Gandhada Gudi', original_name: 'GG - Gandhada Gudi' });
      const aliasCount = (await counts(ctx)).aliases;
      expect(all.aliases.kept).toBe(aliasCount);
      // Idempotent for aliases too.
      await run(ctx, { dir: ARTEM, types: ['movie', 'short'] });
      expect((await counts(ctx)).aliases).toBe(aliasCount);

      const movies = await run(await fresh(), { dir: ARTEM });
      expect(movies.titles.accepted).toBe(11);
      const since = await run(await fresh(), { dir: ARTEM, since: 2021 });
      expect(since.titles.accepted).toBe(6); // 2021, 2022 ×3, 2023 ×2
      // title.ratings: Miss Jerry (204 votes) and Chaos (998) fall below 1,000.
      const votesCtx = await fresh();
      const votes = await run(votesCtx, { dir: ARTEM, minVotes: 1000 });
      expect(votes.titles.accepted).toBe(9);
      const names = (await votesCtx.db.kysely.selectFrom('titles').select('name').execute()).map((r) => r.name);
      expect(names).not.toContain('Miss Jerry');
      expect(names).not.toContain('Chaos');
      const both = await run(await fresh(), { dir: ARTEM, types: ['movie'], since: 2022, minVotes: 2000 });
      expect(both.titles.accepted).toBe(3); // Dahnam 2156, Writer Padmabhushan 4459, Gandhada Gudi 2578
    });

    it('imports principals as cast with characters, reports malformed lines as FILE:LINE and carries on; .gz reads the same', async () => {
      const dir = path.join(tmp, `slice-${engine}`);
      writeSlice(dir);
      const ctx = await fresh();
      const bad: MalformedLine[] = [];
      const summary = await run(ctx, { dir, onMalformed: (m) => bad.push(m) });
      const reported = bad.map((b) => `${path.basename(b.file)}:${b.line}: ${b.reason}`);
      expect(reported).toEqual([
        'title.basics.tsv:5: expected 9 tab-separated fields, found 8',
        'title.basics.tsv:6: startYear "20x8" is not a year',
        'title.basics.tsv:7: tconst "xx3456789" is not an IMDb title id (tt and digits)',
        'title.akas.tsv:5: expected 8 tab-separated fields, found 3',
        'title.principals.tsv:6: characters is not a JSON array of strings',
        'name.basics.tsv:9: nconst "nmXYZ" is not an IMDb name id (nm and digits)',
      ]);
      expect(bad.every((b) => b.file.startsWith(dir))).toBe(true);
      expect(summary.malformed).toBe(6);
      expect(summary.titles).toMatchObject({ read: 4, accepted: 3, inserted: 3 });

      const tdk = await titleBySlug(ctx, 'the-dark-knight-2008');
      expect(tdk.credits).toEqual([
        { name: 'Christopher Nolan', role: 'director', character: null },
        { name: 'Jonathan Nolan', role: 'writer', character: null },
        { name: 'Christopher Nolan', role: 'writer', character: null },
        { name: 'Christian Bale', role: 'cast', character: 'Bruce Wayne / Batman' },
        { name: 'Heath Ledger', role: 'cast', character: 'Joker' },
      ]);
      expect(tdk.aliases).toEqual([
        { alias: 'Batman: El caballero de la noche', region: 'AR', language: null },
        { alias: 'El caballero de la noche', region: 'MX', language: 'es' },
      ]);
      const bb = await titleBySlug(ctx, 'breaking-bad-2008');
      expect(bb.kind).toBe('series');
      expect(bb.aliases).toEqual([{ alias: 'Во все тяжкие', region: 'RU', language: 'ru' }]);
      expect(bb.credits).toEqual([
        { name: 'Vince Gilligan', role: 'writer', character: null },
        { name: 'Bryan Cranston', role: 'cast', character: 'Walter White' },
        { name: 'Anna Gunn', role: 'cast', character: 'Skyler White' },
      ]);
      // People: only those the accepted titles name (not Hans Zimmer, a composer; not the malformed
      // line's actor); David S. Goyer (nm0275286) is named by title.crew but missing from name.basics.
      expect(summary.people).toMatchObject({ needed: 8, inserted: 7, missing: 1 });
      expect(summary.credits).toMatchObject({ inserted: 8, titles: 2, without_person: 1 });
      const before = await counts(ctx);
      expect(before).toMatchObject({ titles: 3, people: 7, credits: 8, aliases: 3, external_ids: 10 });

      // A second run from gzipped copies of the same files: same rows, nothing new.
      const gzDir = path.join(tmp, `slice-gz-${engine}`);
      writeSlice(gzDir, true);
      const gzBad: MalformedLine[] = [];
      const again = await run(ctx, { dir: gzDir, onMalformed: (m) => gzBad.push(m) });
      expect(gzBad.map((b) => `${path.basename(b.file)}:${b.line}`)).toEqual([
        'title.basics.tsv.gz:5',
        'title.basics.tsv.gz:6',
        'title.basics.tsv.gz:7',
        'title.akas.tsv.gz:5',
        'title.principals.tsv.gz:6',
        'name.basics.tsv.gz:9',
      ]);
      expect(again.titles).toMatchObject({ inserted: 0, unchanged: 3 });
      expect(again.people).toMatchObject({ inserted: 0, unchanged: 7 });
      expect(await counts(ctx)).toEqual(before);
      expect((await titleBySlug(ctx, 'the-dark-knight-2008')).credits).toEqual(tdk.credits);
    });

    it('links a title of ours without an IMDb id that has the same name, year and kind, instead of adding it twice', async () => {
      const ctx = await fresh();
      const dir = path.join(tmp, `slice-link-${engine}`);
      writeSlice(dir);
      const admin = await ctx.services.accounts.register({ handle: 'admin_1', email: 'admin@example.test', password: 'long enough password' });
      const actor = { id: admin.id, role: 'admin' as const };
      // Same film, spelled as our folding equates it ("the dark knight" = "The Dark Knight").
      const ours = await ctx.services.catalog.createTitle(actor, { name: 'the dark knight', original_name: '다크 나이트', kind: 'film', year: 2008 });
      // Same name and year, other kind: IMDb's Spider-Verse is a film, so this series is another work.
      await ctx.services.catalog.createTitle(actor, { name: 'Spider-Man: Into the Spider-Verse', kind: 'series', year: 2018 });
      // Same name and kind, other year: not the same show.
      await ctx.services.catalog.createTitle(actor, { name: 'Breaking Bad', kind: 'series', year: 2009 });

      const summary = await run(ctx, { dir, onMalformed: () => {} });
      expect(summary.titles).toMatchObject({ accepted: 3, inserted: 2, linked: 1, updated: 0, unchanged: 0 });
      expect((await counts(ctx)).titles).toBe(5);
      const tdk = await titleBySlug(ctx, ours.slug);
      expect(tdk.id).toBe(ours.id);
      // It now carries IMDb's id and fields, and IMDb's credits and aliases, like an imported title.
      expect(await new ExternalIdsStore(ctx.db.kysely).entityId('imdb', 'title', 'tt0468569')).toBe(ours.id);
      expect(tdk).toMatchObject({ name: 'The Dark Knight', year: 2008, kind: 'film' });
      expect(tdk.credits[0]).toEqual({ name: 'Christopher Nolan', role: 'director', character: null });
      expect(tdk.aliases.map((a) => a.alias)).toContain('El caballero de la noche');
      // The original name it replaced stays findable as an alias; "the dark knight" folds to IMDb's name.
      expect(tdk.original_name).toBeNull();
      expect(tdk.aliases).toContainEqual({ alias: '다크 나이트', region: null, language: null });
      expect(tdk.aliases.map((a) => a.alias)).not.toContain('the dark knight');
      const found = await ctx.services.search.search(null, { q: '다크 나이트', type: 'titles', limit: 10 });
      expect(found.items.map((t) => (t as { slug: string }).slug)).toContain(ours.slug);
      // The other two were not taken for IMDb's titles: those were added beside them.
      expect((await titleBySlug(ctx, 'spider-man-into-the-spider-verse-2018-2')).kind).toBe('film');
      expect((await titleBySlug(ctx, 'breaking-bad-2008')).kind).toBe('series');

      const again = await run(ctx, { dir, onMalformed: () => {} });
      expect(again.titles).toMatchObject({ inserted: 0, linked: 0, updated: 0, unchanged: 3 });
      expect((await counts(ctx)).titles).toBe(5);
    });

    it('refuses before writing anything when a required file is missing or a header is not IMDb\'s', async () => {
      const ctx = await fresh();
      const empty = path.join(tmp, `empty-${engine}`);
      fs.mkdirSync(empty, { recursive: true });
      await expect(run(ctx, { dir: empty })).rejects.toThrow(/title\.basics\.tsv \(or \.tsv\.gz\) not found/);
      await expect(run(ctx, { dir: path.join(tmp, 'no-such-dir') })).rejects.toThrow(/not a directory/);
      await expect(run(ctx, { dir: NOLAN, minVotes: 10 }).then(() => null)).resolves.toBeNull(); // nolan has ratings
      // ArtemChapaev has no crew/principals, so name.basics is not needed; with a crew file it is.
      const noNames = path.join(tmp, `no-names-${engine}`);
      fs.mkdirSync(noNames, { recursive: true });
      fs.copyFileSync(path.join(NOLAN, 'title.basics.tsv'), path.join(noNames, 'title.basics.tsv'));
      fs.copyFileSync(path.join(NOLAN, 'title.crew.tsv'), path.join(noNames, 'title.crew.tsv'));
      const fresh2 = await fresh();
      await expect(run(fresh2, { dir: noNames })).rejects.toThrow(/name\.basics\.tsv \(or \.tsv\.gz\) not found/);
      await expect(run(fresh2, { dir: noNames, minVotes: 5 })).rejects.toThrow(/title\.ratings.*--min-votes/);
      fs.writeFileSync(path.join(noNames, 'name.basics.tsv'), 'id,name\n');
      await expect(run(fresh2, { dir: noNames })).rejects.toThrow(/name\.basics\.tsv:1: not the name\.basics header/);
      await expect(run(fresh2, { dir: NOLAN, types: ['tvEpisode'] })).rejects.toThrow(/tvEpisode titles cannot be imported/);
      expect(await counts(fresh2)).toEqual({ titles: 0, people: 0, credits: 0, aliases: 0, external_ids: 0 });
    });
  });
}
