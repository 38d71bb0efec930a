// A person's data in and out over HTTP: POST /api/v1/me/imports (multipart upload of a real export)
// and GET /api/v1/me/export as JSON, one CSV per kind, and a ZIP of CSVs.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { TEST_ENGINES } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';

const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
const RATINGS = path.join(DATA, 'letterboxd/extratone/ratings.csv');
const IMDB = path.join(DATA, 'imdb-your-ratings/TylerGrossi/imdb_ratings.csv');
const present = fs.existsSync(RATINGS) && fs.existsSync(IMDB);
if (!present && process.env.CI === 'true') throw new Error(`${DATA} is missing: these tests read the real exports there`);

async function upload(server: TestServer, user: TestUser | null, files: { name: string; bytes: Buffer }[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: 'text/csv' }), f.name);
  const res = await fetch(`${server.url}/api/v1/me/imports`, { method: 'POST', body: form, headers: user?.client.cookie ? { cookie: user.client.cookie } : {} });
  return { status: res.status, body: (await res.json()) as any };
}

describe.skipIf(!present).each(TEST_ENGINES)('me/imports and me/export on %s', (engine) => {
  let server: TestServer;
  let ana: TestUser;
  let bo: TestUser;
  let slug: string;
  let first: Record<string, string>;

  beforeAll(async () => {
    server = await startServer(engine);
    const admin = await newAdmin(server);
    ana = await newUser(server);
    bo = await newUser(server);
    first = (parse(fs.readFileSync(RATINGS), { columns: true, bom: true }) as Record<string, string>[])[0]!;
    slug = (await newTitle(server, admin, { name: first.Name, year: Number(first.Year), kind: 'film', episodes: null })).slug;
  });
  afterAll(async () => server?.close());

  it('imports an uploaded Letterboxd ratings.csv and answers the report', async () => {
    const res = await upload(server, ana, [{ name: 'ratings.csv', bytes: fs.readFileSync(RATINGS) }]);
    expect(res.status).toBe(200);
    expect(res.body.report.files).toEqual([{ file: 'ratings.csv', kind: 'letterboxd-ratings', rows: expect.any(Number) }]);
    expect(res.body.report.ratings.added).toBe(1);
    expect(res.body.report.unmatched.length).toBe(res.body.report.rows - 1);
    expect(res.body.report.unmatched[0]).toEqual({ file: 'ratings.csv', line: 3, name: expect.any(String), year: expect.any(Number), reason: expect.stringMatching(/^no title/) });
    const mine = await ana.client.get(`/api/v1/titles/${slug}/my-rating`);
    expect(mine.body.rating).toMatchObject({ rating: Number(first.Rating) * 2, watched_on: [] });
    const again = await upload(server, ana, [{ name: 'ratings.csv', bytes: fs.readFileSync(RATINGS) }]);
    expect(again.body.report.ratings).toEqual({ added: 0, updated: 0, unchanged: 1, kept: 0 });
  });

  it('guesses an IMDb ratings file from its header', async () => {
    const res = await upload(server, ana, [{ name: 'imdb.csv', bytes: fs.readFileSync(IMDB) }]);
    expect(res.status).toBe(200);
    expect(res.body.report.files[0].kind).toBe('imdb-ratings');
  });

  it('refuses anonymous, empty, wrong and non-multipart uploads with the error object', async () => {
    expect((await upload(server, null, [{ name: 'ratings.csv', bytes: fs.readFileSync(RATINGS) }])).status).toBe(401);
    const none = await upload(server, ana, [], { source: 'letterboxd' });
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('file');
    const wrong = await upload(server, ana, [{ name: 'x.csv', bytes: Buffer.from('a,b\n1,2\n') }], { source: 'letterboxd' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('validation_failed');
    const badSource = await upload(server, ana, [{ name: 'ratings.csv', bytes: fs.readFileSync(RATINGS) }], { source: 'netflix' });
    expect(badSource.body.error.field).toBe('source');
    const json = await ana.client.post('/api/v1/me/imports', { file: 'x' });
    expect(json.status).toBe(415);
    // More files than allowed: 413 with the contract's code, like any other size limit.
    const tooMany = await upload(server, ana, Array.from({ length: 5 }, (_, i) => ({ name: `r${i}.csv`, bytes: Buffer.from('Date,Name,Year\n') })));
    expect([tooMany.status, tooMany.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('answers an anonymous upload before taking in its body', async () => {
    // A 100 MB multipart body announced, only its first bytes sent: the 401 must come anyway.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.url}/api/v1/me/imports`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(100 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (err) => (/ECONNRESET|socket hang up/.test(String(err)) ? undefined : reject(err)));
      req.write('--x\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\n' + 'a'.repeat(1000));
      setTimeout(() => reject(new Error('no answer before the body was sent')), 3000);
    });
    expect(status).toBe(401);
  });

  it('has a web page: a multipart form with its CSRF token, answering with the report', async () => {
    const page = await ana.client.get('/settings/import');
    expect(page.status).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body as string)?.[1];
    expect(token).toBeTruthy();
    const post = async (withToken: boolean) => {
      const form = new FormData();
      if (withToken) form.append('_csrf', token!);
      form.append('source', 'letterboxd');
      form.append('file', new Blob([new Uint8Array(fs.readFileSync(RATINGS))], { type: 'text/csv' }), 'ratings.csv');
      const res = await fetch(`${server.url}/settings/import`, { method: 'POST', body: form, headers: { cookie: ana.client.cookie! } });
      return { status: res.status, text: await res.text() };
    };
    expect((await post(false)).status).toBe(403);
    const ok = await post(true);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/lines found no title/);
    expect(ok.text).toContain('ratings.csv:3');
    const anonymous = await fetch(`${server.url}/settings/import`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
  });

  it('exports the person’s reviews, ratings, votes and watch dates as JSON, CSV and a ZIP', async () => {
    const admin2 = await newUser(server, { role: 'moderator' });
    const t = await newTitle(server, admin2);
    const review = await newReview(ana, t.slug, { headline: 'Line, "quoted"', body: 'First paragraph.\n\nSecond, with a comma.' });
    const other = await newReview(bo, t.slug);
    expect((await ana.client.put(`/api/v1/reviews/${other.id}/vote`, { helpful: true })).status).toBe(200);

    expect((await new (await import('../support/server.js')).Client(server.url).get('/api/v1/me/export')).status).toBe(401);
    const res = await ana.client.get('/api/v1/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="marquee-\w+\.json"/);
    expect(res.body.user.handle).toBe(ana.handle);
    expect(res.body.reviews).toEqual([expect.objectContaining({ id: review.id, headline: 'Line, "quoted"', rating: 8, title: expect.objectContaining({ slug: t.slug }) })]);
    expect(res.body.ratings.map((r: { title: { slug: string } }) => r.title.slug).sort()).toEqual([slug, t.slug].sort());
    expect(res.body.votes).toEqual([expect.objectContaining({ review_id: other.id, helpful: true, review_author: bo.handle })]);
    expect(res.body.watch_dates).toEqual([]);

    const csv = await ana.client.get('/api/v1/me/export?format=csv&kind=reviews');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(csv.body as string, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ id: String(review.id), headline: 'Line, "quoted"', body: 'First paragraph.\n\nSecond, with a comma.', rating: '8' })]);

    const only = await ana.client.get('/api/v1/me/export?kind=votes');
    expect(Object.keys(only.body).sort()).toEqual(['exported_at', 'user', 'votes']);

    const zipRes = await fetch(`${server.url}/api/v1/me/export?format=csv`, { headers: { cookie: ana.client.cookie! } });
    expect(zipRes.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['ratings.csv', 'reviews.csv', 'votes.csv', 'watch_dates.csv']);
    expect((parse(strFromU8(files['votes.csv']!), { columns: true }) as unknown[]).length).toBe(1);

    expect((await ana.client.get('/api/v1/me/export?format=xml')).status).toBe(400);
  });
});
