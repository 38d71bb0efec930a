// `npm run bench [-- --only read,votes,vote-pages,pg-read,web] [--quick]`
// The core service's benchmarks (figures go into docs/PERFORMANCE.md):
//  read     GET the first page of sort=helpful reviews of the most-reviewed title, against a bare
//           node:http server sending the same bytes, in the same run; 50 connections.
//  votes    PUT votes from 1,000 accounts on random reviews, drawn uniformly from all reviews and
//           drawn where readers vote (bench/votes.bench.ts); counts checked exact afterwards; peak
//           memory of the server process under that load; and the pages a vote writes, table by
//           table (bench/vote-pages.bench.ts: in-process, independent of the machine's load).
//  pg-read  the read benchmark on PostgreSQL.
//  imdb-import  `marquee import imdb` on generated IMDb-format title.basics files (1,000,000 rows;
//           --quick 200,000): rows per second and peak memory (bench/imdb-import.bench.ts).
//  mentions mention linking at catalog scale (bench/mentions.bench.ts, in its own process with
//           --expose-gc): matcher build time and memory, per-review linking time. Not in the default set.
//  quality  `quality scan` rate over the stored reviews, then all checks of a new 3,000-character review
//           through the stored LSH index (bench/quality.bench.ts). Not in the default set.
//  search / pg-search  300 queries per type (titles, people, reviews) through SearchService on 100,000
//           titles, 200,000 people, 1,000,000 reviews (bench/search.bench.ts; own data set). Not in the
//           default set.
//  web      the title page of the most-reviewed title as HTML against a bare node:http server with the
//           same bytes (gzip and identity), and the bytes of a first visit (bench/web.bench.ts).
// Data: `marquee seed synthetic` with 1,000,000 reviews and 10,000,000 votes (--quick: 100,000 and
// 1,000,000), generated once into bench/.data/ (SQLite) and the marquee_bench database (PostgreSQL).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ROOT, machine } from './lib.js';
import { readBenchmark } from './read.bench.js';
import { votesBenchmark } from './votes.bench.js';
import { votePagesBenchmark } from './vote-pages.bench.js';
import { imdbImportBenchmark } from './imdb-import.bench.js';
import { webBenchmark } from './web.bench.js';
import { qualityBenchmark } from './quality.bench.js';
import { searchBenchmark } from './search.bench.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'read,votes,pg-read,web' },
    quick: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
  },
});
const only = new Set(values.only!.split(','));
const size = values.quick
  ? { titles: 2_000, users: 20_000, reviews: 100_000, votes: 1_000_000 }
  : { titles: 10_000, users: 100_000, reviews: 1_000_000, votes: 10_000_000 };
const duration = Number(values.duration);
const tag = `${size.reviews}r-${size.votes}v`;
const PG_SERVER = process.env.MARQUEE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

function seed(databaseUrl: string) {
  const { BASE_URL: _b, ...env } = process.env;
  const started = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, 'bin/marquee.js'), 'seed', 'synthetic', '--titles', String(size.titles), '--users', String(size.users), '--reviews', String(size.reviews), '--votes', String(size.votes), '--seed', '1'], {
    env: { ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return (Date.now() - started) / 1000;
}

/** A pristine copy of the seeded SQLite file for each benchmark, so one's writes never skew another. */
function sqliteData(): { url: string; seedSeconds: number | null } {
  const dir = path.join(ROOT, 'bench/.data');
  const pristine = path.join(dir, `synthetic-${tag}.db`);
  let seedSeconds: number | null = null;
  if (!fs.existsSync(pristine)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, 'seeding.db');
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    seedSeconds = seed(`sqlite:${tmp}`);
    // Checkpoint the WAL into the main file so one file is the whole database.
    execFileSync('node', ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(tmp)});d.pragma('wal_checkpoint(TRUNCATE)');d.close()`], { cwd: ROOT });
    fs.renameSync(tmp, pristine);
  }
  const work = path.join(dir, 'work.db');
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(pristine, work);
  settleCopy(work);
  return { url: `sqlite:${work}`, seedSeconds };
}

/**
 * Flushes the copy to the disk and reads it once, so every benchmark starts as on a server that has
 * been running: its database on the disk and in the kernel's page cache. Without the flush, the first
 * checkpoint's flush wrote the whole copy inside the measured window; without the read, a run measured
 * whatever this machine's memory manager had left cached (it reclaims file pages at a few MB/s even
 * with 20 GB free), and votes, which read pages all over the file, waited on the disk for a varying
 * part of the run (docs/PERFORMANCE.md, 2026-11-26 13:00–14:50).
 */
function settleCopy(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const buf = Buffer.allocUnsafe(8 << 20);
  try {
    fs.fsyncSync(fd);
    while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

async function pgData(): Promise<string> {
  const name = `marquee_bench_${tag.replace(/-/g, '_')}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  let ready = false;
  if (exists) {
    const c = new pg.Client({ connectionString: `${PG_SERVER}/${name}` });
    await c.connect();
    ready = await c
      .query('select count(*)::int as n from reviews')
      .then((r) => r.rows[0].n === size.reviews)
      .catch(() => false);
    await c.end();
  }
  if (!ready) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    console.error(`seeding PostgreSQL (${name})…`);
    seed(`${PG_SERVER}/${name}`);
  }
  await admin.end();
  return `${PG_SERVER}/${name}`;
}

const report: Record<string, unknown> = { machine: machine(), date: new Date().toISOString(), size, duration };
execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });

if (only.has('read') || only.has('votes') || only.has('vote-pages')) {
  const data = sqliteData();
  if (data.seedSeconds !== null) report.seed_seconds_sqlite = data.seedSeconds;
  if (only.has('read')) report.read_sqlite = await readBenchmark(data.url, duration);
  if (only.has('votes')) {
    report.votes_sqlite = await votesBenchmark(sqliteData().url, duration, 'uniform');
    report.votes_sqlite_readers = await votesBenchmark(sqliteData().url, duration, 'readers');
  }
  if (only.has('votes') || only.has('vote-pages')) report.vote_pages_sqlite = await votePagesBenchmark(sqliteData().url);
}
if (only.has('web')) {
  const data = sqliteData();
  if (data.seedSeconds !== null) report.seed_seconds_sqlite = data.seedSeconds;
  report.web_sqlite = await webBenchmark(data.url, duration);
}
// quality: `quality scan --restart` over the stored reviews, then all checks of new 3,000-character
// reviews through the stored LSH index (bench/quality.bench.ts). Not in the default set (the scan of
// 1,000,000 reviews takes minutes); MARQUEE_BENCH_QUALITY_SCAN_LIMIT scans only the first N.
if (only.has('quality')) {
  const limit = process.env.MARQUEE_BENCH_QUALITY_SCAN_LIMIT;
  report.quality_sqlite = await qualityBenchmark(sqliteData().url, limit ? { scanLimit: Number(limit) } : {});
}
if (only.has('pg-read')) report.read_postgres = await readBenchmark(await pgData(), duration);
// imdb-import: `marquee import imdb` on generated title.basics files (bench/imdb-import.bench.ts).
if (only.has('imdb-import')) report.imdb_import = await imdbImportBenchmark({ rows: values.quick ? 200_000 : 1_000_000 });
if (only.has('mentions')) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'bench/mentions.bench.ts')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  report.mentions = JSON.parse(out);
}

if (only.has('search')) report.search_sqlite = await searchBenchmark('sqlite');
if (only.has('pg-search')) report.search_postgres = await searchBenchmark('postgres');

fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const out = path.join(ROOT, 'bench/results', `core-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(out, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
console.error(`written to ${path.relative(ROOT, out)}`);
