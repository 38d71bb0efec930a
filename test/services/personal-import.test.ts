// Importing a person's Letterboxd and IMDb exports (the real files in ../shared/data), through the
// service as the CLI and the web upload call it: matching, conversion, the report, idempotence.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { zipSync } from 'fflate';
import { TEST_ENGINES } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newTitle, newUser, type TestUser } from '../support/factories.js';
import { snapshot } from '../support/snapshot.js';
import { parseLetterboxd } from '../../src/services/import/letterboxd.js';
import { parseImdbRatings } from '../../src/services/import/imdb-ratings.js';
import { reportLines } from '../../src/services/import/personal-import.service.js';
import { actorOf } from '../../src/services/accounts.service.js';

const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
const LB = path.join(DATA, 'letterboxd/extratone');
const LB_OLD = path.join(DATA, 'letterboxd/patrickmjones');
const IMDB = path.join(DATA, 'imdb-your-ratings/TylerGrossi/imdb_ratings.csv');
const present = fs.existsSync(LB) && fs.existsSync(IMDB);
if (!present && process.env.CI === 'true') throw new Error(`${DATA} is missing: these tests read the real exports there`);

const file = (p: string) => ({ name: path.basename(p), bytes: fs.readFileSync(p) });
type Col = 'Date' | 'Name' | 'Year' | 'Rating' | 'Review' | 'Watched Date' | 'Const' | 'Title' | 'Title Type' | 'Your Rating';
const rowsOf = (p: string) => parse(fs.readFileSync(p), { columns: true, bom: true }) as Record<Col, string>[];

describe.skipIf(!present).each(TEST_ENGINES)('personal imports on %s', (engine) => {
  let server: TestServer;
  let admin: TestUser;
  let ana: TestUser;
  const slugs = new Map<string, string>();

  beforeAll(async () => {
    server = await startServer(engine);
    admin = await newAdmin(server);
    ana = await newUser(server);
    // A catalog holding some of the films of the real export (facts read from the files at test time).
    const ratings = rowsOf(path.join(LB, 'ratings.csv'));
    const reviews = rowsOf(path.join(LB, 'reviews.csv')).filter((r) => r.Rating !== '' && r.Review.length > 40);
    const wanted = [...ratings.slice(0, 6), ...reviews.slice(0, 4)];
    for (const r of wanted) {
      const key = `${r.Name}|${r.Year}`;
      if (slugs.has(key)) continue;
      const t = await newTitle(server, admin, { name: r.Name, year: Number(r.Year), kind: 'film', episodes: null });
      slugs.set(key, t.slug);
    }
    // The IMDb export's first film, with its IMDb id known to the catalog through a different name.
    const imdbFirst = rowsOf(IMDB).find((r) => r['Title Type'] === 'Movie')!;
    const t = await newTitle(server, admin, { name: `Renamed ${imdbFirst.Title}`, year: Number(imdbFirst.Year), kind: 'film', episodes: null });
    await server.ctx.db.kysely.insertInto('external_ids').values({ source: 'imdb', entity: 'title', external_id: imdbFirst.Const, entity_id: t.id }).execute();
    slugs.set(`imdb|${imdbFirst.Const}`, t.slug);
  });
  afterAll(async () => server?.close());

  const actor = async () => actorOf(await server.ctx.services.accounts.byHandle(ana.handle));

  it('imports a Letterboxd ZIP: ratings ×2, reviews, watch dates; the rest listed back by line', async () => {
    const zip = zipSync({
      'ratings.csv': fs.readFileSync(path.join(LB, 'ratings.csv')),
      'diary.csv': fs.readFileSync(path.join(LB, 'diary.csv')),
      'reviews.csv': fs.readFileSync(path.join(LB, 'reviews.csv')),
      'watchlist.csv': fs.readFileSync(path.join(LB, 'watchlist.csv')),
      'deleted/reviews.csv': fs.readFileSync(path.join(LB, 'deleted/reviews.csv')),
    });
    const parsed = parseLetterboxd([{ name: 'letterboxd.zip', bytes: zip }]);
    expect(parsed.ignored).toEqual(expect.arrayContaining(['letterboxd.zip/watchlist.csv', 'letterboxd.zip/deleted/reviews.csv']));
    const report = await server.ctx.services.personalImport.import(await actor(), parsed);

    const ratingsCsv = rowsOf(path.join(LB, 'ratings.csv'));
    const total = ratingsCsv.length + rowsOf(path.join(LB, 'diary.csv')).length + rowsOf(path.join(LB, 'reviews.csv')).length;
    // Nothing dropped silently: every line is a matched row, an unmatched row or a skipped line.
    expect(report.rows + report.skipped.filter((s) => /not valid CSV|fields where|not a/.test(s.reason)).length).toBe(total);
    expect(report.matched + report.unmatched.length).toBe(report.rows);
    expect(report.ratings.added).toBe(slugs.size - 1);
    expect(report.reviews.added).toBeGreaterThanOrEqual(1);
    expect(report.unmatched.length).toBeGreaterThan(100);
    const first = report.unmatched[0]!;
    expect(first.file).toMatch(/^letterboxd\.zip\/(ratings|diary|reviews)\.csv$/);
    expect(first.line).toBeGreaterThanOrEqual(2);
    expect(reportLines(report)[0]).toMatch(/^letterboxd\.zip\/\w+\.csv:\d+: /);

    // The first rating of ratings.csv: stars ×2 (unless a newer diary line of the same film says otherwise).
    const r0 = ratingsCsv[0]!;
    const slug = slugs.get(`${r0.Name}|${r0.Year}`)!;
    const mine = await ana.client.get(`/api/v1/titles/${slug}/my-rating`);
    expect(mine.status).toBe(200);
    const diaryNewer = rowsOf(path.join(LB, 'diary.csv')).filter((d) => d.Name === r0.Name && d.Year === r0.Year && d.Rating !== '' && d.Date > r0.Date);
    if (diaryNewer.length === 0) expect(mine.body.rating.rating).toBe(Number(r0.Rating) * 2);
    expect(Array.isArray(mine.body.rating.watched_on)).toBe(true);

    // A reviewed film: its review, the diary's watch date, the Score counting the rating.
    const reviewed = rowsOf(path.join(LB, 'reviews.csv')).find((r) => slugs.has(`${r.Name}|${r.Year}`) && r.Rating !== '' && r.Review.length > 40)!;
    const rslug = slugs.get(`${reviewed.Name}|${reviewed.Year}`)!;
    const list = await ana.client.get(`/api/v1/users/${ana.handle}/reviews`);
    const review = list.body.items.find((i: { title: { slug: string } }) => i.title.slug === rslug);
    expect(review).toBeDefined();
    expect(review.headline.length).toBeGreaterThan(0);
    expect(review.headline.length).toBeLessThanOrEqual(120);
    expect(review.body).not.toMatch(/<\/?(b|i|a)\b/);
    const rated = await ana.client.get(`/api/v1/titles/${rslug}/my-rating`);
    expect(rated.body.rating.watched_on).toContain(reviewed['Watched Date']);
    const title = await ana.client.get(`/api/v1/titles/${rslug}`);
    expect(title.body.title.score.count).toBe(1);
    expect(title.body.title.score.mean).toBe(rated.body.rating.rating);
  });

  it('changes nothing when the same export is imported again', async () => {
    const before = await snapshot(server.ctx.db);
    const parsed = parseLetterboxd([file(path.join(LB, 'ratings.csv')), file(path.join(LB, 'diary.csv')), file(path.join(LB, 'reviews.csv'))]);
    const report = await server.ctx.services.personalImport.import(await actor(), parsed);
    expect(report.ratings.added + report.ratings.updated).toBe(0);
    expect(report.reviews.added).toBe(0);
    expect(report.watch_dates.added).toBe(0);
    expect(await snapshot(server.ctx.db)).toEqual(before);
  });

  it('keeps what the person has when an older export or another review says otherwise', async () => {
    const old = path.join(LB_OLD, 'history');
    const historic = fs.readdirSync(old).find((f) => f.startsWith('reviews.'))!;
    const newer = parseLetterboxd([file(path.join(LB_OLD, 'reviews.csv'))]);
    // A catalog entry for the first review both exports share, then the newer export, then the older.
    const shared = rowsOf(path.join(old, historic)).find((r) => rowsOf(path.join(LB_OLD, 'reviews.csv')).some((n) => n.Name === r.Name && n.Year === r.Year))!;
    const t = await newTitle(server, admin, { name: shared.Name, year: Number(shared.Year), kind: 'film', episodes: null });
    await ana.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 7 });
    await server.ctx.services.personalImport.import(await actor(), newer);
    const before = await snapshot(server.ctx.db);
    const report = await server.ctx.services.personalImport.import(await actor(), parseLetterboxd([file(path.join(old, historic))]));
    expect(report.reviews.added).toBe(0);
    expect(await snapshot(server.ctx.db)).toEqual(before);
  });

  it('an imported review keeps the watch status and episodes the person set on the title', async () => {
    const bo = await newUser(server);
    const boActor = actorOf(await server.ctx.services.accounts.byHandle(bo.handle));
    const t = await newTitle(server, admin, { name: 'Watch Status Kept', year: 2021, kind: 'series', episodes: 16 });
    expect((await bo.client.put(`/api/v1/titles/${t.slug}/my-rating`, { rating: 8, watch_status: 'watching', episodes_seen: 5 })).status).toBe(200);
    // A Letterboxd reviews.csv (the export's own header) with one review of it and no rating.
    const header = fs.readFileSync(path.join(LB_OLD, 'reviews.csv'), 'utf8').split(/\r?\n/)[0]!;
    const cols = header.replace(/^\uFEFF/, '').split(',');
    const line = cols.map((c) => ({ Date: '2024-03-01', Name: 'Watch Status Kept', Year: '2021', Review: 'Five episodes in and the pacing already earns the slow start it asks for.' })[c] ?? '').join(',');
    const report = await server.ctx.services.personalImport.import(boActor, parseLetterboxd([{ name: 'reviews.csv', bytes: Buffer.from(`${header}\n${line}\n`) }]));
    expect(report.reviews.added, JSON.stringify(report)).toBe(1);
    const mine = (await bo.client.get(`/api/v1/titles/${t.slug}/my-rating`)).body.rating;
    expect(mine).toMatchObject({ rating: 8, watch_status: 'watching', episodes_seen: 5 });
  });

  it('matches names by the same folding on both engines, also without a year', async () => {
    const cy = await newUser(server);
    const cyActor = actorOf(await server.ctx.services.accounts.byHandle(cy.handle));
    const t = await newTitle(server, admin, { name: 'ÉLITE NOCTURNE', year: 2019, kind: 'film', episodes: null });
    const header = fs.readFileSync(path.join(LB, 'ratings.csv'), 'utf8').split(/\r?\n/)[0]!.replace(/^\uFEFF/, '');
    const line = (name: string, year: string, rating: string, date: string) =>
      header.split(',').map((c) => ({ Date: date, Name: name, Year: year, Rating: rating })[c] ?? '').join(',');
    // Case outside ASCII, and accents, differ from the catalog's spelling; no year to narrow by.
    for (const [name, rating, date] of [['élite nocturne', '4', '2024-03-01'], ['Elite Nocturne', '3.5', '2024-04-01']] as const) {
      const csv = `${header}\n${line(name, '', rating, date)}\n`;
      const report = await server.ctx.services.personalImport.import(cyActor, parseLetterboxd([{ name: 'ratings.csv', bytes: Buffer.from(csv) }]));
      expect(report.unmatched, `${name}: ${JSON.stringify(report.unmatched)}`).toEqual([]);
      expect((await cy.client.get(`/api/v1/titles/${t.slug}/my-rating`)).body.rating).toMatchObject({ rating: Number(rating) * 2 });
    }
  });

  it('imports IMDb "Your ratings": by IMDb id first, TV episodes listed back, never guessed', async () => {
    const parsed = parseImdbRatings(file(IMDB));
    const report = await server.ctx.services.personalImport.import(await actor(), parsed);
    expect(report.rows).toBe(rowsOf(IMDB).length);
    expect(report.ratings.added).toBeGreaterThanOrEqual(1);
    const first = rowsOf(IMDB).find((r) => r['Title Type'] === 'Movie')!;
    const mine = await ana.client.get(`/api/v1/titles/${slugs.get(`imdb|${first.Const}`)}/my-rating`);
    expect(mine.body.rating.rating).toBe(Number(first['Your Rating']));
    expect(report.unmatched.some((u) => /TV episode/.test(u.reason))).toBe(true);
    const again = await server.ctx.services.personalImport.import(await actor(), parsed);
    expect(again.ratings).toEqual({ added: 0, updated: 0, unchanged: report.ratings.added + report.ratings.updated + report.ratings.unchanged, kept: report.ratings.kept });
  });

  it('lists an ambiguous name back instead of guessing', async () => {
    await newTitle(server, admin, { name: 'Twin Film', year: 2001, kind: 'film', episodes: null });
    await newTitle(server, admin, { name: 'Twin Film', year: 2001, kind: 'series' });
    const csv = 'Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,Twin Film,2001,https://boxd.it/x,4\n2020-01-01,,2001,https://boxd.it/y,4\n2020-01-01,Twin Film,2001,https://boxd.it/z,11\n';
    const report = await server.ctx.services.personalImport.import(await actor(), parseLetterboxd([{ name: 'ratings.csv', bytes: Buffer.from(csv) }]));
    expect(report.unmatched).toEqual([expect.objectContaining({ file: 'ratings.csv', line: 2, reason: expect.stringMatching(/^2 titles match "Twin Film" \(2001\)/) })]);
    expect(report.skipped.map((s) => `${s.file}:${s.line}`)).toEqual(['ratings.csv:3', 'ratings.csv:4']);
    expect(report.ratings.added).toBe(0);
  });
});
