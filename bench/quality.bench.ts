// Quality checks through the stored index (issue 5), on a synthetic benchmark database:
//  1. `quality scan --restart` over the stored reviews (or the first --scan-limit of them): reviews
//     per second, and it fills the LSH index (lsh_bands);
//  2. all checks of one new 3,000-character review — the signal checks, the near-duplicate lookup
//     through lsh_bands with exact verification on the candidates' stored bodies, and the policy —
//     over `trials` new reviews (one in four a light edit of a stored review, which must be found).
//   npx tsx bench/quality.bench.ts --db sqlite:bench/.data/work.db [--scan-limit N] [--trials 200]
//   npm run bench -- --only quality [--quick]      (a copy of the pristine synthetic database)
// Prints one JSON object. The in-memory LshIndex figures of the pure checks are in docs/QUALITY.md.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { QualityScanService } from '../src/services/quality-scan.service.js';
import { mulberry32 } from '../src/domain/random.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number) => Math.round(x * 1000) / 1000;

export interface QualityBenchOptions {
  trials?: number;
  /** Scan only this many reviews (the whole database when left out). */
  scanLimit?: number;
}

export async function qualityBenchmark(databaseUrl: string, options: QualityBenchOptions = {}) {
  const trials = options.trials ?? 200;
  const { BASE_URL: _b, ...env } = process.env;
  const ctx = await openContext(loadConfig({ ...env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  try {
    const k = ctx.db.kysely;
    const total = Number((await k.selectFrom('reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    // 1. The scan.
    const scanner = new QualityScanService(ctx.db, ctx.writes, ctx.clock, ctx.services.quality);
    const cpu0 = process.cpuUsage();
    const scan = await scanner.scan({ restart: true, ...(options.scanLimit !== undefined ? { stopAfter: options.scanLimit } : {}), onProgress: (done, all) => process.stderr.write(`\rscan ${done}/${all}`) });
    const cpu = process.cpuUsage(cpu0);
    process.stderr.write('\n');
    const indexed = Number((await k.selectFrom('lsh_bands').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    // 2. New 3,000-character reviews: sentences of stored reviews shuffled (new texts made of the
    // same material), or a light edit (3 words) of a stored review of 2,700–3,300 characters.
    const rng = mulberry32(5);
    const maxId = scan.scanned_total > 0 ? (await k.selectFrom('quality_scan').select('after_id').executeTakeFirstOrThrow()).after_id : 0;
    const sample = await k
      .selectFrom('reviews')
      .select(['id', 'author_id', 'body'])
      .where('id', '<=', maxId)
      .where((eb) => eb.between(eb.fn('length', ['body']), 2700, 3300))
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(200)
      .execute();
    const pool = (await k.selectFrom('reviews').select('body').where('id', '<=', Math.max(1, maxId)).orderBy('id').limit(2000).execute()).flatMap((r) => r.body.split(/(?<=[.!?])\s+/));
    const author = await k.selectFrom('users').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const bodies: { body: string; copyOf: number | null }[] = [];
    for (let t = 0; t < trials; t++) {
      if (t % 4 === 0 && sample.length) {
        const source = sample[Math.floor(rng() * sample.length)]!;
        const words = source.body.split(' ');
        for (let e = 0; e < 3; e++) words[Math.floor(rng() * words.length)] = 'changed';
        bodies.push({ body: words.join(' '), copyOf: source.id });
      } else {
        let body = '';
        while (body.length < 3000) body += (body ? ' ' : '') + pool[Math.floor(rng() * pool.length)];
        bodies.push({ body: body.slice(0, 3000), copyOf: null });
      }
    }
    for (let t = 0; t < 10; t++) await ctx.services.quality.assess({ headline: 'Warm-up', body: bodies[t % bodies.length]!.body, authorId: author.id });
    const times: number[] = [];
    let copies = 0;
    let found = 0;
    let otherMatches = 0;
    for (const { body, copyOf } of bodies) {
      const t0 = performance.now();
      const a = await ctx.services.quality.assess({ headline: 'A new review', body, authorId: author.id });
      times.push(performance.now() - t0);
      if (copyOf !== null) {
        copies++;
        if (a.match?.reviewId === copyOf) found++;
      } else if (a.match) otherMatches++;
    }
    return {
      benchmark: 'quality',
      engine: ctx.db.engine,
      reviews_stored: total,
      scan: { ...scan, cpu_ms_per_review: round((cpu.user + cpu.system) / 1000 / Math.max(1, scan.scanned)) },
      lsh_rows: indexed,
      reviews_indexed: Math.round(indexed / 32),
      trials,
      review_chars: 3000,
      all_checks_ms: { median: round(median(times)), p95: round(quantile(times, 0.95)), max: round(Math.max(...times)) },
      planted_copies: copies,
      planted_copies_found: found,
      new_texts_matched: otherMatches,
    };
  } finally {
    await ctx.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, trials: { type: 'string', default: '200' }, 'scan-limit': { type: 'string' } } });
  if (!values.db) {
    console.error('usage: npx tsx bench/quality.bench.ts --db sqlite:PATH [--scan-limit N] [--trials N]');
    process.exit(2);
  }
  const result = await qualityBenchmark(values.db, {
    trials: Number(values.trials),
    ...(values['scan-limit'] ? { scanLimit: Number(values['scan-limit']) } : {}),
  });
  console.log(JSON.stringify(result, null, 2));
}
