// `npm run bench -- --only imdb-import [--quick]`, or alone: `npx tsx bench/imdb-import.bench.ts [--rows N]`
// (the latter needs a build: `npm run build`).
//
// Generates title.basics.tsv files in IMDb's exact format (header, tab-separated, `\N` for null,
// IMDb's mix of title types, years, some names in other scripts, original titles that differ) under
// bench/.data/imdb/, then runs the real command (`node bin/marquee.js import imdb DIR`) against a
// fresh SQLite database per run and reports title.basics rows per second and the peak resident
// memory of the importing process:
//  - mix        N rows of IMDb's real type mix, default types (about 1 row in 9 is imported)
//  - mix-gz     the same file gzipped
//  - all        N rows that are all imported (movie and tvSeries rows only): the write-bound worst case
//  - mix-4x     4N rows of the mix: memory should stay flat as the file grows
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ROOT } from './lib.js';
import { mulberry32 } from '../src/domain/random.js';

const DATA = path.join(ROOT, 'bench/.data/imdb');
const HEADER = 'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres';

/** Share of each titleType in IMDb's title.basics (2024 file, rounded). */
const TYPE_MIX: [string, number][] = [
  ['tvEpisode', 0.755],
  ['short', 0.09],
  ['movie', 0.063],
  ['video', 0.027],
  ['tvSeries', 0.024],
  ['tvMovie', 0.014],
  ['tvMiniSeries', 0.006],
  ['tvSpecial', 0.004],
  ['videoGame', 0.004],
  ['tvShort', 0.001],
  ['tvPilot', 0.0001],
];
const GENRES = ['Drama', 'Comedy', 'Documentary', 'Action', 'Romance', 'Thriller', 'Crime', 'Horror', 'Adventure', 'Family', 'Animation', 'Sci-Fi'];
const WORDS = (
  'love night city blue house last river dream king road summer winter black white red garden war ' +
  'girl boy man woman secret story day life death time star moon sun light dark shadow fire water ' +
  'heart mountain sea island train letter song dance game'
).split(' ');
const OTHER = ['사랑', '도시', '夜', '東京', 'Москва', 'ночь', 'amour', 'été', 'Straße', 'canción', 'ἥλιος'];

export async function generateBasics(file: string, rows: number, mode: 'mix' | 'all', seed = 1): Promise<void> {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const r = mulberry32(seed);
  const pickType = () => {
    if (mode === 'all') return r() < 0.8 ? 'movie' : 'tvSeries';
    let x = r();
    for (const [t, p] of TYPE_MIX) if ((x -= p) < 0) return t;
    return 'tvEpisode';
  };
  const word = () => (r() < 0.04 ? OTHER[Math.floor(r() * OTHER.length)]! : WORDS[Math.floor(r() * WORDS.length)]!);
  const name = () => {
    const n = 1 + Math.floor(r() * 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(word());
    const s = parts.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const tmp = `${file}.tmp`;
  const out = fs.createWriteStream(tmp);
  let tconst = 1;
  let buf = `${HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    tconst += 1 + Math.floor(r() * 3);
    const id = String(tconst);
    const type = pickType();
    const title = type === 'tvEpisode' && r() < 0.5 ? `Episode #${1 + Math.floor(r() * 9)}.${1 + Math.floor(r() * 30)}` : name();
    const original = r() < 0.1 ? name() : title;
    const year = r() < 0.1 ? '\\N' : String(1890 + Math.floor(135 * Math.sqrt(r())));
    const end = type === 'tvSeries' && year !== '\\N' && r() < 0.5 ? String(Math.min(2025, Number(year) + Math.floor(r() * 10))) : '\\N';
    const runtime = r() < 0.3 ? '\\N' : String(5 + Math.floor(r() * 150));
    const ng = Math.floor(r() * 4);
    const genres = ng === 0 ? '\\N' : Array.from({ length: ng }, () => GENRES[Math.floor(r() * GENRES.length)]!).join(',');
    buf += `tt${id.length >= 7 ? id : id.padStart(7, '0')}\t${type}\t${title}\t${original}\t${r() < 0.015 ? 1 : 0}\t${year}\t${end}\t${runtime}\t${genres}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  fs.renameSync(tmp, file);
}

async function gzipOnce(from: string, to: string): Promise<void> {
  if (fs.existsSync(to)) return;
  await pipeline(fs.createReadStream(from), createGzip(), fs.createWriteStream(`${to}.tmp`));
  fs.renameSync(`${to}.tmp`, to);
}

export interface ImportRun {
  case: string;
  rows: number;
  file_mb: number;
  imported_titles: number;
  seconds_wall: number;
  seconds_import: number;
  rows_per_second: number;
  /** CPU time of the importing process (user + system): less sensitive to a busy machine. */
  cpu_seconds: number;
  rows_per_cpu_second: number;
  /** The title.basics pass alone, and the search indexing of the new titles at the end. */
  basics_seconds: number;
  search_index_seconds: number;
  peak_rss_mb: number;
  /** 1-minute load average when the run ended (the machine is shared). */
  load_average: number;
}

/** Runs `marquee import imdb DIR` on a fresh SQLite database; peak RSS from /proc (VmHWM), polled. */
async function runImport(label: string, dir: string, rows: number, args: string[] = []): Promise<ImportRun> {
  const dbFile = path.join(DATA, 'import.db');
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const { BASE_URL: _b, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/marquee.js'), 'import', 'imdb', dir, ...args], {
    env: { ...env, DATABASE_URL: `sqlite:${dbFile}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      if (kb > peakKb) peakKb = kb;
    } catch {
      /* exited */
    }
  }, 20);
  const code = await new Promise<number | null>((res) => child.on('exit', res));
  clearInterval(poll);
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`import exited ${code}: ${stderr}`);
  const summary = JSON.parse(stdout) as { titles: { inserted: number }; seconds: number; cpu_seconds: number };
  const basics = fs.readdirSync(dir).find((f) => f.startsWith('title.basics'))!;
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const phases = (summary as unknown as { phase_seconds: Record<string, number> }).phase_seconds;
  const result = {
    case: label,
    rows,
    file_mb: Math.round(fs.statSync(path.join(dir, basics)).size / 1e5) / 10,
    imported_titles: summary.titles.inserted,
    seconds_wall: Math.round(wall * 100) / 100,
    seconds_import: summary.seconds,
    rows_per_second: Math.round(rows / summary.seconds),
    cpu_seconds: summary.cpu_seconds,
    rows_per_cpu_second: Math.round(rows / summary.cpu_seconds),
    basics_seconds: phases['title.basics'] ?? 0,
    search_index_seconds: phases.search ?? 0,
    peak_rss_mb: Math.round(peakKb / 1024),
    load_average: Math.round(os.loadavg()[0]! * 10) / 10,
  };
  console.error(JSON.stringify(result));
  return result;
}

/** A folder holding only `file` as title.basics.tsv[.gz] (a hard link, no copy). */
function folderWith(name: string, file: string, gz = false): string {
  const dir = path.join(DATA, name);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, gz ? 'title.basics.tsv.gz' : 'title.basics.tsv');
  if (!fs.existsSync(target)) fs.linkSync(file, target);
  return dir;
}

export async function imdbImportBenchmark(opts: { rows: number; cases?: string[] }): Promise<ImportRun[]> {
  const n = opts.rows;
  const cases = new Set(opts.cases ?? ['mix', 'mix-gz', 'all', 'mix-4x']);
  const mixFile = path.join(DATA, `basics-mix-${n}.tsv`);
  await generateBasics(mixFile, n, 'mix');
  const results: ImportRun[] = [];
  if (cases.has('mix')) results.push(await runImport('mix', folderWith(`mix-${n}`, mixFile), n));
  if (cases.has('mix-gz')) {
    await gzipOnce(mixFile, `${mixFile}.gz`);
    results.push(await runImport('mix-gz', folderWith(`mix-gz-${n}`, `${mixFile}.gz`, true), n));
  }
  if (cases.has('all')) {
    const allFile = path.join(DATA, `basics-all-${n}.tsv`);
    await generateBasics(allFile, n, 'all', 2);
    results.push(await runImport('all', folderWith(`all-${n}`, allFile), n));
  }
  if (cases.has('mix-4x')) {
    const bigFile = path.join(DATA, `basics-mix-${4 * n}.tsv`);
    await generateBasics(bigFile, 4 * n, 'mix', 3);
    results.push(await runImport('mix-4x', folderWith(`mix-${4 * n}`, bigFile), 4 * n));
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, cases: { type: 'string' } } });
  const results = await imdbImportBenchmark({ rows: Number(values.rows), ...(values.cases ? { cases: values.cases.split(',') } : {}) });
  console.log(JSON.stringify(results, null, 2));
}
