// Quality checks at scale: build an LSH index of N synthetic reviews, then time every check for one
// new 3,000-character review (checkQuality with all signal checks + the near-duplicate lookup), over
// 200 trials. Standalone and deterministic:
//   npx tsx bench/quality.bench.ts [N=200000] [trials=200]
//   node --max-old-space-size=8192 --import tsx bench/quality.bench.ts 1000000
// Prints one JSON object. Stored shingle sets are not kept in memory: the lookup regenerates the
// candidate's text from its id and shingles it, standing in for fetching the stored text/shingles,
// and that cost is inside the timed near-duplicate lookup.
import { checkQuality } from '../src/domain/quality/index.js';
import { LshIndex, shingles, signature } from '../src/domain/quality/minhash.js';
import { nearDuplicateWarnings } from '../src/domain/quality/near-duplicate.js';
import { mulberry32 } from '../src/domain/random.js';

const N = Number(process.argv[2] ?? 200_000);
const TRIALS = Number(process.argv[3] ?? 200);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(TRIALS) || TRIALS < 1) {
  console.error('usage: npx tsx bench/quality.bench.ts [N] [trials]');
  process.exit(2);
}


// A 20,000-word vocabulary of pronounceable made-up words, drawn with a skewed (Zipf-like) frequency.
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'an', 'el', 'or', 'un', 'be', 'di', 'fo', 'gu', 'ha', 'je', 'ki', 'po'];
const VOCABULARY: string[] = [];
{
  const rng = mulberry32(7);
  const seen = new Set<string>();
  while (VOCABULARY.length < 20_000) {
    let w = '';
    const n = 1 + Math.floor(rng() * 4);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      VOCABULARY.push(w);
    }
  }
}
const word = (rng: () => number) => VOCABULARY[Math.floor(VOCABULARY.length * rng() ** 2.5)]!;

function sentence(rng: () => number): string {
  const n = 6 + Math.floor(rng() * 14);
  const ws = Array.from({ length: n }, () => word(rng));
  ws[0] = ws[0]![0]!.toUpperCase() + ws[0]!.slice(1);
  return ws.join(' ') + (rng() < 0.1 ? '!' : '.');
}

function textOfLength(rng: () => number, chars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(rng() * 4);
    for (let i = 0; i < n && length < chars; i++) {
      const s = sentence(rng);
      sentences.push(s);
      length += s.length + 1;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs.join('\n\n').slice(0, chars);
}

/** Review `id` of the corpus: 100–1,500 characters; every 1,000th is a 3,000-character one. */
function corpusText(id: number): string {
  const rng = mulberry32(id * 2654435761);
  const chars = id % 1000 === 0 ? 3000 : 100 + Math.floor(rng() ** 2 * 1400);
  return textOfLength(rng, chars);
}

/** A light edit: `edits` words replaced. */
function edit(text: string, edits: number, rng: () => number): string {
  const tokens = text.split(' ');
  for (let i = 0; i < edits; i++) tokens[Math.floor(rng() * tokens.length)] = word(rng);
  return tokens.join(' ');
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const round = (x: number) => Math.round(x * 1000) / 1000;

// Build.
const rssBefore = process.memoryUsage().rss;
const index = new LshIndex<number>();
const buildStart = performance.now();
let totalChars = 0;
for (let id = 0; id < N; id++) {
  const text = corpusText(id);
  totalChars += text.length;
  index.add(id, signature(shingles(text)));
}
const buildMs = performance.now() - buildStart;
(globalThis as { gc?: () => void }).gc?.();
const afterBuild = process.memoryUsage();

// Trials: one in four is a light edit of an indexed 3,000-character review (a near-duplicate to
// find and verify); the rest are new texts.
let lookups = 0;
const lookupShingles = (id: number) => {
  lookups++;
  return id >= 0 && id < N ? shingles(corpusText(id)) : undefined;
};
const rng = mulberry32(99);
const bodies: string[] = [];
for (let t = 0; t < TRIALS; t++) {
  const longIds = Math.max(1, Math.floor((N - 1) / 1000) + 1);
  bodies.push(t % 4 === 0 ? edit(corpusText(Math.floor(rng() * longIds) * 1000), 1 + Math.floor(rng() * 5), rng) : textOfLength(rng, 3000));
}
// Warm-up (JIT), not measured.
for (let t = 0; t < 20; t++) {
  checkQuality({ headline: 'Warm-up', body: bodies[t % bodies.length]!, options: {} });
  nearDuplicateWarnings(bodies[t % bodies.length]!, { index, lookupShingles });
}
lookups = 0;
const total: number[] = [];
const checksOnly: number[] = [];
const nearOnly: number[] = [];
let found = 0;
for (const body of bodies) {
  const t0 = performance.now();
  const quality = checkQuality({ headline: 'A new review', body, options: {} });
  const t1 = performance.now();
  const near = nearDuplicateWarnings(body, { index, lookupShingles });
  const t2 = performance.now();
  if (near.length > 0) found++;
  if (quality.warnings.length < 0) throw new Error('unreachable');
  checksOnly.push(t1 - t0);
  nearOnly.push(t2 - t1);
  total.push(t2 - t0);
}
const end = process.memoryUsage();

console.log(
  JSON.stringify(
    {
      benchmark: 'quality',
      n: N,
      trials: TRIALS,
      review_chars: 3000,
      lsh: { bands: index.bands, rows: index.rows, signature_size: index.signatureSize },
      corpus_mean_chars: Math.round(totalChars / N),
      build_ms: Math.round(buildMs),
      build_us_per_review: round((buildMs * 1000) / N),
      index_typed_array_mb: mb(index.byteLength),
      rss_mb_before_build: mb(rssBefore),
      rss_mb_after_build: mb(afterBuild.rss),
      heap_used_mb_after_build: mb(afterBuild.heapUsed),
      array_buffers_mb_after_build: mb(afterBuild.arrayBuffers),
      rss_mb_end: mb(end.rss),
      median_ms_all_checks: round(median(total)),
      p95_ms_all_checks: round(quantile(total, 0.95)),
      median_ms_text_checks: round(median(checksOnly)),
      median_ms_near_duplicate: round(median(nearOnly)),
      p95_ms_near_duplicate: round(quantile(nearOnly, 0.95)),
      candidates_verified_per_trial: round(lookups / TRIALS),
      near_duplicates_found: found,
      near_duplicates_planted: Math.ceil(TRIALS / 4),
      node: process.version,
    },
    null,
    2,
  ),
);
