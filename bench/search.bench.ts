// `npm run bench -- --only search` (SQLite) or `--only search,pg-search`; alone:
// `npx tsx bench/search.bench.ts [--pg] [--queries N]` (after `npm run build`).
//
// Data: `marquee seed synthetic --titles 100000 --users 100000 --reviews 1000000 --votes 1000000`,
// then 200,000 generated people (a third Korean, a third Japanese, a third Western names, with
// original-script names) and aliases in Hangul or kana/kanji for 40% of the titles, then
// `reindexSearch` (timed). Kept in bench/.data/ (SQLite) and the marquee_bench_search database.
// Queries: a few hundred per type, drawn from the data (whole names, single words, romanisation
// respelled, original-script substrings, two-letter prefixes, words that match nothing; review words
// common and rare, one to three words), run one at a time through SearchService (the database work
// and JSON building of a request, without HTTP). Reports p50/p95/p99/max per type.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { ROOT } from './lib.js';
import { loadConfig } from '../src/config.js';
import { openContext, type AppContext } from '../src/context.js';
import { BulkInsert, inTransaction } from '../src/store/bulk.store.js';
import { Rng } from '../src/domain/random.js';
import { slugify } from '../src/domain/slug.js';
import type { SearchType } from '../src/services/search.service.js';

export const SEARCH_SIZE = { titles: 100_000, users: 100_000, reviews: 1_000_000, votes: 1_000_000, people: 200_000 };
const PG_SERVER = process.env.MARQUEE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

// ---- Names ------------------------------------------------------------------------------------

const KO_FAMILY: [string, string][] = [['Kim', '김'], ['Lee', '이'], ['Park', '박'], ['Choi', '최'], ['Jung', '정'], ['Kang', '강'], ['Cho', '조'], ['Yoon', '윤'], ['Jang', '장'], ['Lim', '임'], ['Han', '한'], ['Oh', '오'], ['Seo', '서'], ['Shin', '신'], ['Kwon', '권'], ['Hwang', '황'], ['Ahn', '안'], ['Song', '송'], ['Yoo', '유'], ['Hong', '홍']];
const KO_SYLL: [string, string][] = [['min', '민'], ['ji', '지'], ['seo', '서'], ['yeon', '연'], ['hyun', '현'], ['woo', '우'], ['jin', '진'], ['soo', '수'], ['young', '영'], ['ha', '하'], ['eun', '은'], ['da', '다'], ['seul', '슬'], ['joon', '준'], ['hee', '희'], ['kyung', '경'], ['sung', '성'], ['na', '나'], ['ra', '라'], ['bin', '빈'], ['yoon', '윤'], ['ho', '호'], ['mi', '미'], ['gyu', '규']];
const JA_FAMILY: [string, string][] = [['Sato', '佐藤'], ['Suzuki', '鈴木'], ['Takahashi', '高橋'], ['Tanaka', '田中'], ['Watanabe', '渡辺'], ['Ito', '伊藤'], ['Yamamoto', '山本'], ['Nakamura', '中村'], ['Kobayashi', '小林'], ['Kato', '加藤'], ['Yoshida', '吉田'], ['Yamada', '山田'], ['Sasaki', '佐々木'], ['Matsumoto', '松本'], ['Inoue', '井上'], ['Kimura', '木村']];
const JA_GIVEN: [string, string][] = [['Haruka', '遥'], ['Yui', '結衣'], ['Sota', '蒼太'], ['Ren', '蓮'], ['Hina', '陽菜'], ['Riku', '陸'], ['Aoi', '葵'], ['Yuto', '悠斗'], ['Mei', '芽衣'], ['Kaito', '海斗'], ['Sakura', 'さくら'], ['Hiroshi', '浩'], ['Akira', '明'], ['Yoko', '洋子'], ['Kenji', '健二'], ['Naoko', '直子']];
const WEST_GIVEN = ['Anna', 'Lucas', 'Émile', 'Sofia', 'Mateo', 'Chloé', 'Jonas', 'Ines', 'Noah', 'Léa', 'Oskar', 'Maja', 'Hugo', 'Zoë', 'Felix', 'Clara', 'Björn', 'Agnès', 'Tomás', 'Marta'];
const WEST_FAMILY = ['Lindqvist', 'Moreau', 'Rossi', 'García', 'Müller', 'Novak', 'Dubois', 'Jensen', 'Kowalski', 'Fernández', 'Schmidt', 'Bernard', 'Costa', 'Nilsson', 'Horváth', 'Łukasiewicz', "O'Brien", 'Van der Berg', 'Petrović', 'Søndergaard'];
const KO_WORDS = ['사랑', '도시', '바다', '여름', '겨울', '비밀', '기억', '시간', '하늘', '거리', '우리', '마지막', '첫사랑', '그녀', '서울', '학교', '가족', '친구', '밤', '별'];
const JA_WORDS = ['東京', '物語', '夜', '海', '夏', '恋', '約束', '家族', '風', '光', '秘密', '時間', '少女', '探偵', '花', 'さよなら', 'ふたり', 'ひかり'];

function personName(rng: Rng): [string, string | null] {
  const kind = rng.int(3);
  if (kind === 0) {
    const [f, fk] = KO_FAMILY[rng.int(KO_FAMILY.length)]!;
    const [a, ak] = KO_SYLL[rng.int(KO_SYLL.length)]!;
    const [b, bk] = KO_SYLL[rng.int(KO_SYLL.length)]!;
    // The spellings real credits use: "Kim Min-ji", "Kim Minji", "Kim Min Ji".
    const given = [`${cap(a)}-${b}`, `${cap(a)}${b}`, `${cap(a)} ${cap(b)}`][rng.int(3)]!;
    return [`${f} ${given}`, `${fk}${ak}${bk}`];
  }
  if (kind === 1) {
    const [f, fk] = JA_FAMILY[rng.int(JA_FAMILY.length)]!;
    const [g, gk] = JA_GIVEN[rng.int(JA_GIVEN.length)]!;
    return [`${f} ${g}`, `${fk}${gk}`];
  }
  return [`${WEST_GIVEN[rng.int(WEST_GIVEN.length)]} ${WEST_FAMILY[rng.int(WEST_FAMILY.length)]}`, null];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function alias(rng: Rng): string {
  if (rng.float() < 0.75) {
    const n = 1 + rng.int(3);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(KO_WORDS[rng.int(KO_WORDS.length)]! + (rng.float() < 0.4 ? '의' : ''));
    return words.join(' ');
  }
  let s = '';
  for (let i = 0, n = 2 + rng.int(2); i < n; i++) s += JA_WORDS[rng.int(JA_WORDS.length)]! + (rng.float() < 0.3 ? 'の' : '');
  return s;
}

// ---- Data -------------------------------------------------------------------------------------

function seedSynthetic(databaseUrl: string): void {
  const { BASE_URL: _b, ...env } = process.env;
  const s = SEARCH_SIZE;
  execFileSync(process.execPath, [path.join(ROOT, 'bin/marquee.js'), 'seed', 'synthetic', '--titles', String(s.titles), '--users', String(s.users), '--reviews', String(s.reviews), '--votes', String(s.votes), '--seed', '1'], {
    env: { ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function open(databaseUrl: string): Promise<AppContext> {
  return openContext(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', MARQUEE_RATE_LIMIT: 'off' }), { logger: pino({ level: 'warn' }) });
}

/** People and aliases on top of the synthetic catalog, then a full reindex; returns its summary. */
async function addNames(ctx: AppContext) {
  const db = ctx.db.kysely;
  const rng = new Rng(6, 1);
  const people = new BulkInsert(db, 'people', ['slug', 'name', 'original_name', 'created_at']);
  for (let i = 1; i <= SEARCH_SIZE.people; i++) {
    const [name, original] = personName(rng);
    people.add(`${slugify(name) || 'person'}-${i}`, name, original, '2024-01-01T00:00:00.000Z');
    if (i % 50_000 === 0) await inTransaction(db, (trx) => people.flush(trx));
  }
  await inTransaction(db, (trx) => people.flush(trx));
  const aliases = new BulkInsert(db, 'title_aliases', ['title_id', 'alias']);
  for (let t = 1; t <= SEARCH_SIZE.titles; t++) {
    if (rng.float() < 0.4) aliases.add(t, alias(rng));
  }
  await inTransaction(db, (trx) => aliases.flush(trx));
  return ctx.services.search.reindex();
}

async function sqliteData(): Promise<{ url: string; prepared?: unknown }> {
  const dir = path.join(ROOT, 'bench/.data');
  const file = path.join(dir, 'search-100kt-200kp-1mr.db');
  if (fs.existsSync(file)) return { url: `sqlite:${file}` };
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, 'search-seeding.db');
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const started = Date.now();
  seedSynthetic(`sqlite:${tmp}`);
  const seeded = (Date.now() - started) / 1000;
  const ctx = await open(`sqlite:${tmp}`);
  const reindex = await addNames(ctx);
  await ctx.close();
  execFileSync('node', ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(tmp)});d.pragma('wal_checkpoint(TRUNCATE)');d.close()`], { cwd: ROOT });
  fs.renameSync(tmp, file);
  return { url: `sqlite:${file}`, prepared: { seed_seconds: seeded, reindex } };
}

async function pgData(): Promise<{ url: string; prepared?: unknown }> {
  const name = 'marquee_bench_search';
  const url = `${PG_SERVER}/${name}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  let ready = false;
  if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    ready = await c.query('select count(*)::int as n from search_person_names').then((r) => r.rows[0].n >= SEARCH_SIZE.people).catch(() => false);
    await c.end();
  }
  let prepared: unknown;
  if (!ready) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const started = Date.now();
    seedSynthetic(url);
    const seeded = (Date.now() - started) / 1000;
    const ctx = await open(url);
    prepared = { seed_seconds: seeded, reindex: await addNames(ctx) };
    await ctx.close();
  }
  await admin.end();
  return { url, prepared };
}

// ---- Queries ----------------------------------------------------------------------------------

const REVIEW_WORDS = ['pacing', 'lighthouse', 'chemistry', 'villain', 'soundtrack', 'rewatch', 'binged', 'cinematography', 'twist', 'afterthought', 'brilliant', 'patience', 'marketing', 'humour', 'costume', 'episode', 'side characters', 'the ending', 'quietly brilliant', 'hard to sit through', 'cried', 'subplot', 'genre', 'confidence', 'zeppelin', 'xylophone'];

async function queriesFor(ctx: AppContext, n: number): Promise<Record<SearchType, string[]>> {
  const db = ctx.db.kysely;
  const rng = new Rng(42, 9);
  const titleRows = await db.selectFrom('titles').select(['name']).where('id', 'in', Array.from({ length: n }, () => 1 + rng.int(SEARCH_SIZE.titles))).execute();
  const aliasRows = await db.selectFrom('title_aliases').select(['alias']).where('title_id', 'in', Array.from({ length: n }, () => 1 + rng.int(SEARCH_SIZE.titles))).execute();
  const personRows = await db.selectFrom('people').select(['name', 'original_name']).where('id', 'in', Array.from({ length: n }, () => 1 + rng.int(SEARCH_SIZE.people))).execute();
  const pick = <T>(xs: T[]) => xs[rng.int(xs.length)]!;
  const titles: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = pick(titleRows).name;
    const words = name.split(' ');
    switch (i % 7) {
      case 0: titles.push(name); break; // the whole name
      case 1: titles.push(pick(words.filter((w) => w.length > 3)) ?? name); break; // one word
      case 2: titles.push(words.slice(-2).join(' ').toLowerCase()); break; // two words, lower case
      case 3: titles.push(pick(aliasRows).alias); break; // a Korean or Japanese alias
      case 4: { const a = Array.from(pick(aliasRows).alias.replace(/\s/g, '')); const k = rng.int(Math.max(1, a.length - 2)); titles.push(a.slice(k, k + 3).join('')); break; } // part of one
      case 5: titles.push(name.slice(0, 2)); break; // two letters
      default: titles.push(`${pick(words)} zq${i}`); // matches nothing
    }
  }
  const people: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = pick(personRows);
    switch (i % 6) {
      case 0: people.push(p.name); break;
      case 1: people.push(p.name.replace(/-/g, ' ').toUpperCase()); break; // spacing and case
      case 2: people.push(p.name.replace(/[- ]/g, '')); break; // run together
      case 3: people.push(p.original_name ?? p.name.split(' ')[1]!); break; // original script or given name
      case 4: people.push(p.original_name ? Array.from(p.original_name).slice(1).join('') : p.name.slice(0, 2)); break; // part of an original name
      default: people.push(p.name.split(' ')[0]!); // family name only: many matches
    }
  }
  const reviews: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = 1 + rng.int(3);
    const ws = new Set<string>();
    while (ws.size < k) ws.add(pick(REVIEW_WORDS));
    reviews.push([...ws].join(' '));
  }
  return { titles, people, reviews };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number) => Math.round(x * 100) / 100;

async function measure(ctx: AppContext, queries: Record<SearchType, string[]>) {
  const out: Record<string, unknown> = {};
  for (const type of ['titles', 'people', 'reviews'] as const) {
    const list = queries[type];
    for (const q of list.slice(0, 30)) await ctx.services.search.search(null, { q, type, limit: 20 }); // warm-up
    const times: number[] = [];
    let hits = 0;
    let empty = 0;
    for (const q of list) {
      const t0 = performance.now();
      const page = await ctx.services.search.search(null, { q, type, limit: 20 });
      times.push(performance.now() - t0);
      hits += page.items.length;
      if (!page.items.length) empty++;
    }
    const sorted = [...times].sort((a, b) => a - b);
    // The slowest queries, so a tail can be traced to what it asked.
    const slowest = list
      .map((q, i) => ({ q, ms: round(times[i]!) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8);
    out[type] = { queries: list.length, p50_ms: round(pct(sorted, 50)), p95_ms: round(pct(sorted, 95)), p99_ms: round(pct(sorted, 99)), max_ms: round(sorted[sorted.length - 1]!), mean_items: round(hits / list.length), no_match: empty, slowest };
  }
  return out;
}

export async function searchBenchmark(engine: 'sqlite' | 'postgres', queryCount = 300) {
  const data = engine === 'sqlite' ? await sqliteData() : await pgData();
  const ctx = await open(data.url);
  try {
    const queries = await queriesFor(ctx, queryCount);
    return { engine, size: SEARCH_SIZE, ...(data.prepared ? { prepared: data.prepared } : {}), results: await measure(ctx, queries) };
  } finally {
    await ctx.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { pg: { type: 'boolean', default: false }, queries: { type: 'string', default: '300' } } });
  const result = await searchBenchmark(values.pg ? 'postgres' : 'sqlite', Number(values.queries));
  console.log(JSON.stringify(result, null, 2));
}
