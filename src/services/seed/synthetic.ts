// `marquee seed synthetic`: large, deterministic, realistic-looking data for benchmarks.
//
// Same options and seed → the same rows, ids and text. The shape follows real review sites: a few
// titles hold most of the reviews (Zipf-like), ratings lean to 7–9 with some 1s and 10s, review
// lengths are log-normal, and votes pile onto a few reviews and lean by a hidden review quality (long
// reviews with sub-scores tend to be found helpful). Everything is planned in compact typed arrays
// first, then written in big transactions of multi-row statements (src/store/bulk.store.ts): each
// review is inserted with its final helpful counts, followed by its votes in primary-key order.
//
// It needs an empty database: the ids of users, titles and reviews are the insertion order (1…N).
import type { AppContext } from '../../context.js';
import { withReviewIndexSuspended } from '../../store/search.store.js';
import { BulkInsert, analyze, anyRows, idRange, inTransaction, maxId, setInstanceStats } from '../../store/bulk.store.js';
import { helpfulScore, histogramBucket } from '../../domain/ranking.js';
import { slugCandidates, slugify } from '../../domain/slug.js';
import { Rng } from '../../domain/random.js';
import { BODY_MAX, HEADLINE_MAX } from '../../domain/review-text.js';

export interface SyntheticOptions {
  titles: number;
  users: number;
  reviews: number;
  votes: number;
  seed: number;
  /** Called as each phase advances: phase name, units done, units in the phase. */
  onProgress?(phase: SyntheticPhase, done: number, total: number): void;
}

export type SyntheticPhase = 'users' | 'titles' | 'reviews' | 'votes' | 'ratings';

export interface SyntheticSummary {
  seed: number;
  titles: number;
  users: number;
  reviews: number;
  votes: number;
  ratings: number;
  seconds: number;
  /** Wall seconds of each step, in order: where a slow seed spends its time. */
  phase_seconds: Record<string, number>;
}

/** Dates are fixed (not "now") so a seed always gives the same rows. */
const END_MS = Date.UTC(2026, 0, 1);
const START_MS = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;
const START_S = START_MS / 1000;
const END_S = END_MS / 1000;

/** A transaction commits after this many reviews or votes, whichever comes first. */
const BATCH_REVIEWS = 25_000;
const BATCH_VOTES = 250_000;
const BATCH_ROWS = 200_000;

const WATCH = ['completed', 'watching', 'dropped', null] as const;

export async function seedSynthetic(ctx: AppContext, opts: SyntheticOptions): Promise<SyntheticSummary> {
  const started = performance.now();
  const phaseSeconds: Record<string, number> = {};
  let phaseStarted = started;
  const lap = (name: string) => {
    const now = performance.now();
    phaseSeconds[name] = Math.round((now - phaseStarted) / 10) / 100;
    phaseStarted = now;
  };
  const { titles: T, users: U, reviews: R, votes: V, seed } = opts;
  validate(opts);
  const db = ctx.db.kysely;
  if (await anyRows(db, ['titles', 'users', 'reviews'])) {
    throw new Error('seed synthetic needs an empty database (it found titles, users or reviews); point DATABASE_URL at a new one');
  }
  // The engine may answer synchronously: let timers (a progress bar's redraw) run between batches.
  const progress = async (phase: SyntheticPhase, done: number, total: number) => {
    opts.onProgress?.(phase, done, total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };

  // ---- Plan: everything but the text, in typed arrays (about 40 bytes per review). ----
  const users = planUsers(U, new Rng(seed, 1));
  const titles = planTitles(T, new Rng(seed, 2));
  const plan = planReviews(titles, users, R, new Rng(seed, 3));
  const voteCounts = planVoteCounts(plan, titles, U, V, new Rng(seed, 4));
  const order = chronological(plan);
  aggregateTitles(titles, plan);
  lap('plan');

  // ---- Users and titles. ----
  const text = new TextMaker(new Rng(seed, 5));
  const userRows = new BulkInsert(db, 'users', ['handle', 'handle_key', 'email', 'email_key', 'display_name', 'password_hash', 'role', 'created_at']);
  const handleWidth = Math.max(6, String(U).length);
  for (let start = 0; start < U; start += BATCH_ROWS) {
    const end = Math.min(U, start + BATCH_ROWS);
    for (let u = start + 1; u <= end; u++) {
      const handle = `user${String(u).padStart(handleWidth, '0')}`;
      const email = `user${u}@synthetic.invalid`;
      userRows.add(handle, handle, email, email, text.displayName(), '!', 'member', iso(users.createdS[u]!));
    }
    await inTransaction(db, (trx) => userRows.flush(trx));
    await progress('users', end, U);
  }
  await expectIds(db, 'users', U);
  lap('users');

  const titleRows = new BulkInsert(db, 'titles', [
    'slug', 'kind', 'name', 'original_name', 'year', 'country', 'episodes', 'synopsis', 'created_at', 'updated_at',
    'rating_count', 'rating_sum_x2', 'hist_1', 'hist_2', 'hist_3', 'hist_4', 'hist_5', 'hist_6', 'hist_7', 'hist_8', 'hist_9', 'hist_10', 'review_count',
  ]);
  const titleNames: string[] = [''];
  const slugs = new Set<string>();
  for (let start = 0; start < T; start += BATCH_ROWS) {
    const end = Math.min(T, start + BATCH_ROWS);
    for (let t = start + 1; t <= end; t++) {
      const name = text.titleName();
      titleNames.push(name);
      const year = titles.year[t]!;
      let slug = '';
      for (const candidate of slugCandidates(slugify(name, year))) {
        if (!slugs.has(candidate)) {
          slug = candidate;
          break;
        }
      }
      slugs.add(slug);
      const series = titles.episodes[t]! > 0;
      const created = iso(titles.createdS[t]!);
      const h = titles.hist.subarray(t * 10, t * 10 + 10);
      titleRows.add(
        slug, series ? 'series' : 'film', name, null, year, text.country(), series ? titles.episodes[t]! : null, text.synopsis(series), created, created,
        titles.ratingCount[t]!, titles.ratingSum[t]!, h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], titles.ratingCount[t]!,
      );
    }
    await inTransaction(db, (trx) => titleRows.flush(trx));
    await progress('titles', end, T);
  }
  await expectIds(db, 'titles', T);
  lap('titles');

  // ---- Reviews, each followed by its votes. ----
  const reviewRows = new BulkInsert(db, 'reviews', [
    'title_id', 'author_id', 'headline', 'body', 'rating_x2', 'story_x2', 'acting_x2', 'music_x2', 'rewatch_x2', 'watch_status', 'episodes_seen',
    'contains_spoilers', 'status', 'helpful_yes', 'helpful_no', 'helpful_total', 'helpful_score', 'quality_json', 'created_at', 'updated_at',
  ]);
  const voteRows = new BulkInsert(db, 'votes', ['review_id', 'user_id', 'helpful', 'created_at', 'updated_at']);
  const voters = new VoterPicker(U, new Rng(seed, 6));
  const vrng = new Rng(seed, 7);
  const times = new IsoCache();
  let votesDone = 0;
  let reviewsDone = 0;
  let votesInBatch = 0;
  let batchStart = 0;
  const commit = async (end: number) => {
    await inTransaction(db, async (trx) => {
      await reviewRows.flush(trx);
      // Votes name review ids 1…N by position: make sure that is what the engine handed out.
      const top = await maxId(trx, 'reviews');
      if (top !== end) throw new Error(`seed synthetic: reviews got ids up to ${top}, expected ${end}; it needs a database whose tables never held rows`);
      await voteRows.flush(trx);
    });
    votesDone += votesInBatch;
    reviewsDone = end;
    votesInBatch = 0;
    batchStart = end;
    await progress('reviews', reviewsDone, R);
    await progress('votes', votesDone, V);
  };
  // The review word index (search) is rebuilt once after the load rather than kept row by row.
  await withReviewIndexSuspended(db, async () => {
    for (let p = 0; p < R; p++) {
      const i = order[p]!;
      const id = p + 1;
      const t = plan.title[i]!;
      const author = plan.author[i]!;
      const ratingX2 = plan.ratingX2[i]!;
      const flags = plan.flags[i]!;
      const createdS = plan.createdS[i]!;
      const q = plan.quality[i]!;

      // Votes first: the review row carries their totals.
      const k = voteCounts[i]!;
      let yes = 0;
      if (k > 0) {
        const chosen = voters.pick(k, author);
        const pHelpful = 0.06 + 0.88 * q;
        for (let j = 0; j < k; j++) {
          const v = chosen[j]!;
          const helpful = vrng.float() < pHelpful ? 1 : 0;
          yes += helpful;
          const from = Math.max(createdS, users.createdS[v]!);
          const r = vrng.float();
          const at = times.of(from + Math.floor((END_S - 1 - from) * r * r * r));
          voteRows.add(id, v, helpful, at, at);
        }
        votesInBatch += k;
      }
      const no = k - yes;

      const hasScores = (flags & FLAG_SCORES) !== 0;
      const created = times.of(createdS);
      reviewRows.add(
        t,
        author,
        text.headline(ratingX2, titleNames[t]!),
        text.body(plan.length[i]!, ratingX2),
        ratingX2,
        hasScores ? text.subScore(ratingX2) : null,
        hasScores ? text.subScore(ratingX2) : null,
        hasScores ? text.subScore(ratingX2) : null,
        hasScores ? text.subScore(ratingX2) : null,
        WATCH[plan.watch[i]!],
        plan.episodesSeen[i]! < 0 ? null : plan.episodesSeen[i]!,
        (flags & FLAG_SPOILERS) !== 0 ? 1 : 0,
        'published',
        yes,
        no,
        k,
        helpfulScore(yes, no),
        '[]',
        created,
        created,
      );
      if (id - batchStart >= BATCH_REVIEWS || votesInBatch >= BATCH_VOTES) await commit(id);
    }
    if (R > batchStart) await commit(R);
    lap('reviews_and_votes');
  });
  lap('review_indexes');
  const reviewIds = await idRange(db, 'reviews');
  if (reviewIds.count !== R || (R > 0 && (reviewIds.min !== 1 || reviewIds.max !== R))) {
    throw new Error(`seed synthetic: expected reviews 1…${R}, found ${reviewIds.count} with ids ${reviewIds.min}…${reviewIds.max}`);
  }

  // ---- Ratings (one per review), in primary-key order (user_id, title_id). ----
  const ratingRows = new BulkInsert(db, 'ratings', ['user_id', 'title_id', 'rating_x2', 'watch_status', 'episodes_seen', 'created_at', 'updated_at']);
  const byAuthor = byAuthorThenTitle(plan, U);
  for (let start = 0; start < R; start += BATCH_ROWS) {
    const end = Math.min(R, start + BATCH_ROWS);
    for (let n = start; n < end; n++) {
      const i = byAuthor[n]!;
      const at = times.of(plan.createdS[i]!);
      const seen = plan.episodesSeen[i]!;
      ratingRows.add(plan.author[i]!, plan.title[i]!, plan.ratingX2[i]!, WATCH[plan.watch[i]!], seen < 0 ? null : seen, at, at);
    }
    await inTransaction(db, (trx) => ratingRows.flush(trx));
    await progress('ratings', end, R);
  }
  lap('ratings');
  let sumX2 = 0;
  for (let i = 0; i < R; i++) sumX2 += plan.ratingX2[i]!;
  await setInstanceStats(db, R, sumX2);
  // Without fresh statistics PostgreSQL guesses a title has a few reviews and sorts instead of
  // walking the ordered index.
  await analyze(db);
  lap('analyze');

  return {
    seed,
    titles: T,
    users: U,
    reviews: R,
    votes: votesDone,
    ratings: R,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    phase_seconds: phaseSeconds,
  };
}

function validate(o: SyntheticOptions): void {
  for (const key of ['titles', 'users', 'reviews', 'votes', 'seed'] as const) {
    const n = o[key];
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`seed synthetic: ${key} must be a whole number of at least 0 (got ${n})`);
  }
  if (o.reviews > o.titles * o.users) {
    throw new Error(`seed synthetic: ${o.reviews} reviews need more titles × users (one review per user and title; have ${o.titles} × ${o.users})`);
  }
  if (o.votes > o.reviews * Math.max(0, o.users - 1)) {
    throw new Error(`seed synthetic: ${o.votes} votes are more than reviews × (users − 1) = ${o.reviews * Math.max(0, o.users - 1)} (one vote per user and review, never on one's own)`);
  }
}

async function expectIds(db: AppContext['db']['kysely'], table: 'users' | 'titles', n: number): Promise<void> {
  const r = await idRange(db, table);
  if (r.count !== n || (n > 0 && (r.min !== 1 || r.max !== n))) {
    throw new Error(`seed synthetic: expected ${table} 1…${n}, found ${r.count} with ids ${r.min}…${r.max}; it needs a database whose tables never held rows`);
  }
}


// ---------------------------------------------------------------------------------------------
// The plan.

interface UserPlan {
  /** Sign-up time in seconds, index = user id (0 unused). */
  createdS: Float64Array;
}

function planUsers(U: number, rng: Rng): UserPlan {
  const createdS = new Float64Array(U + 1);
  // More people join later (sqrt skews towards the end), none in the last week.
  const span = END_S - START_S - 7 * 86_400;
  for (let u = 1; u <= U; u++) createdS[u] = START_S + Math.floor(span * Math.sqrt(rng.float()));
  return { createdS };
}

interface TitlePlan {
  count: number;
  /** Index = title id (0 unused). Title 1 is the most reviewed. */
  year: Int32Array;
  /** Episodes of a series; 0 for a film. */
  episodes: Int32Array;
  createdS: Float64Array;
  /** The title's "true" mean rating, around which its ratings scatter. */
  mean: Float64Array;
  reviews: Int32Array;
  ratingCount: Int32Array;
  ratingSum: Float64Array;
  /** 10 buckets per title: hist[t * 10 + b - 1]. */
  hist: Int32Array;
}

function planTitles(T: number, rng: Rng): TitlePlan {
  const p: TitlePlan = {
    count: T,
    year: new Int32Array(T + 1),
    episodes: new Int32Array(T + 1),
    createdS: new Float64Array(T + 1),
    mean: new Float64Array(T + 1),
    reviews: new Int32Array(T + 1),
    ratingCount: new Int32Array(T + 1),
    ratingSum: new Float64Array(T + 1),
    hist: new Int32Array((T + 1) * 10),
  };
  for (let t = 1; t <= T; t++) {
    // Recent years are better represented, as on real sites.
    const year = 2025 - Math.floor(35 * Math.pow(rng.float(), 1.8));
    p.year[t] = year;
    p.episodes[t] = rng.float() < 0.6 ? 8 + rng.int(17) : 0;
    // Added to the catalog at the start of the window, or when released.
    const from = Math.max(START_S, Date.UTC(year, 0, 1) / 1000);
    const room = Math.min(120 * 86_400, END_S - 30 * 86_400 - from);
    p.createdS[t] = from + Math.floor(Math.max(0, room) * rng.float());
    p.mean[t] = Math.min(9.2, Math.max(3, 7.3 + 0.9 * rng.normal()));
  }
  return p;
}

interface ReviewPlan {
  count: number;
  title: Int32Array;
  author: Int32Array;
  ratingX2: Uint8Array;
  /** Index into WATCH. */
  watch: Uint8Array;
  /** -1 for null. */
  episodesSeen: Int32Array;
  flags: Uint8Array;
  /** Target body length in characters. */
  length: Int32Array;
  /** Hidden quality in [0, 1]: how likely a vote says "helpful". */
  quality: Float32Array;
  createdS: Float64Array;
}

const FLAG_SCORES = 1;
const FLAG_SPOILERS = 2;

function planReviews(titles: TitlePlan, users: UserPlan, R: number, rng: Rng): ReviewPlan {
  const T = titles.count;
  const U = users.createdS.length - 1;
  // Zipf–Mandelbrot popularity (k + 1)^-1.1 with some noise, sorted so title 1 is the most reviewed;
  // no title can have more reviews than there are users.
  const weights = new Float64Array(T);
  for (let k = 0; k < T; k++) weights[k] = Math.pow(k + 2, -1.1) * Math.exp(0.2 * rng.normal());
  weights.sort().reverse();
  const perTitle = apportion(weights, R, U);
  for (let t = 1; t <= T; t++) titles.reviews[t] = perTitle[t - 1]!;

  const p: ReviewPlan = {
    count: R,
    title: new Int32Array(R),
    author: new Int32Array(R),
    ratingX2: new Uint8Array(R),
    watch: new Uint8Array(R),
    episodesSeen: new Int32Array(R),
    flags: new Uint8Array(R),
    length: new Int32Array(R),
    quality: new Float32Array(R),
    createdS: new Float64Array(R),
  };
  const lnMedian = Math.log(600);
  let i = 0;
  for (let t = 1; t <= T; t++) {
    const n = titles.reviews[t]!;
    // Distinct authors: offset + j * stride (mod U) with the stride coprime to U.
    const offset = rng.int(U);
    let stride = 1 + rng.int(Math.max(1, U - 1));
    while (gcd(stride, U) !== 1) stride = stride + 1 >= U ? 1 : stride + 1;
    const mean = titles.mean[t]!;
    const episodes = titles.episodes[t]!;
    for (let j = 0; j < n; j++, i++) {
      const author = ((offset + j * stride) % U) + 1;
      p.title[i] = t;
      p.author[i] = author;

      // Ratings: mostly around the title's mean, whole numbers more often than halves, plus the
      // 1s and 10s every real site has.
      const u = rng.float();
      let rating: number;
      if (u < 0.03) rating = 1;
      else if (u < 0.09) rating = 10;
      else {
        const r = mean + 1.3 * rng.normal();
        rating = rng.float() < 0.7 ? Math.round(r) : Math.round(r * 2) / 2;
      }
      rating = Math.min(10, Math.max(1, rating));
      p.ratingX2[i] = rating * 2;

      // Watch status and episodes seen.
      const w = rng.float();
      let watch: number;
      let seen = -1;
      if (episodes > 0) {
        watch = w < 0.8 ? 0 : w < 0.9 ? 1 : w < 0.97 ? 2 : 3;
        if (watch === 0) seen = episodes;
        else if (watch === 1) seen = 1 + rng.int(episodes - 1);
        else if (watch === 2) seen = 1 + rng.int(Math.max(1, Math.floor(episodes / 2)));
      } else {
        watch = w < 0.93 ? 0 : w < 0.96 ? 2 : 3;
      }
      p.watch[i] = watch;
      p.episodesSeen[i] = seen;

      const scores = rng.float() < 0.4;
      const spoilers = rng.float() < 0.08;
      p.flags[i] = (scores ? FLAG_SCORES : 0) | (spoilers ? FLAG_SPOILERS : 0);

      // Lengths: log-normal, median 600, most between ~80 and ~6,000.
      const len = Math.round(Math.exp(lnMedian + 0.75 * rng.normal()));
      p.length[i] = Math.min(BODY_MAX, Math.max(80, len));

      // Quality: longer reviews and reviews with sub-scores tend to be better; much is luck.
      const z = 1.0 * (Math.log(p.length[i]!) - lnMedian) + (scores ? 0.7 : -0.3) + 0.9 * rng.normal();
      p.quality[i] = 1 / (1 + Math.exp(-z));

      // Written after both the author joined and the title was added.
      const from = Math.max(users.createdS[author]!, titles.createdS[t]!);
      p.createdS[i] = from + Math.floor((END_S - 1 - from) * rng.float());
    }
  }
  return p;
}

/**
 * Votes per review: heavy-tailed (log-normal weight), more on popular titles and on better reviews,
 * at most U - 1 each (never one's own); the total is exactly `V`.
 */
function planVoteCounts(plan: ReviewPlan, titles: TitlePlan, U: number, V: number, rng: Rng): Int32Array {
  const R = plan.count;
  const weights = new Float64Array(R);
  for (let i = 0; i < R; i++) {
    const popularity = Math.pow(titles.reviews[plan.title[i]!]!, 0.35);
    const q = plan.quality[i]!;
    weights[i] = popularity * Math.exp(1.7 * rng.normal()) * (0.15 + q) * (0.15 + q);
  }
  return V === 0 ? new Int32Array(R) : apportion(weights, V, U - 1);
}

/**
 * Splits `total` into whole numbers proportional to `weights`, none above `cap` (the excess of a
 * capped share goes to the others), summing to exactly `total`. Caller checks total ≤ n · cap.
 */
export function apportion(weights: Float64Array, total: number, cap: number): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  if (n === 0 || total === 0) return out;
  const capped = new Uint8Array(n);
  let cappedCount = 0;
  let scale = 0;
  for (;;) {
    let free = 0;
    for (let i = 0; i < n; i++) if (!capped[i]) free += weights[i]!;
    const left = total - cappedCount * cap;
    scale = free > 0 ? left / free : 0;
    let more = false;
    for (let i = 0; i < n; i++) {
      if (!capped[i] && weights[i]! * scale > cap) {
        capped[i] = 1;
        cappedCount++;
        more = true;
      }
    }
    if (!more) break;
  }
  // Cumulative rounding: shares sum exactly to the total and none exceeds its cap.
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    acc += capped[i] ? cap : weights[i]! * scale;
    const rounded = Math.min(total, Math.round(acc));
    out[i] = Math.min(cap, Math.max(0, rounded - prev));
    prev += out[i]!;
  }
  // Floating-point drift can leave a unit or two; give them to the first shares with room.
  for (let i = 0; prev < total && i < n; i++) {
    const add = Math.min(cap - out[i]!, total - prev);
    out[i] = out[i]! + add;
    prev += add;
  }
  return out;
}

/** Review positions ordered by creation time: review ids grow with time, as on a real site. */
function chronological(plan: ReviewPlan): Int32Array {
  const R = plan.count;
  const keys = new Float64Array(R);
  // Seconds since START × R + index stays an exact integer below 2^53 for any sensible R.
  for (let i = 0; i < R; i++) keys[i] = (plan.createdS[i]! - START_S) * R + i;
  keys.sort();
  const order = new Int32Array(R);
  for (let p = 0; p < R; p++) order[p] = keys[p]! % R;
  return order;
}

/** Review positions ordered by (author, title): the ratings primary key, so inserts append. */
function byAuthorThenTitle(plan: ReviewPlan, U: number): Int32Array {
  const R = plan.count;
  const start = new Int32Array(U + 2);
  for (let i = 0; i < R; i++) start[plan.author[i]! + 1]!++;
  for (let u = 1; u <= U + 1; u++) start[u] = start[u]! + start[u - 1]!;
  const out = new Int32Array(R);
  // The plan is in title order, so a stable counting sort by author keeps titles ascending.
  for (let i = 0; i < R; i++) out[start[plan.author[i]!]!++] = i;
  return out;
}

function aggregateTitles(titles: TitlePlan, plan: ReviewPlan): void {
  for (let i = 0; i < plan.count; i++) {
    const t = plan.title[i]!;
    const x2 = plan.ratingX2[i]!;
    titles.ratingCount[t]!++;
    titles.ratingSum[t] = titles.ratingSum[t]! + x2;
    titles.hist[t * 10 + Number(histogramBucket(x2 / 2)) - 1]!++;
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

// ---------------------------------------------------------------------------------------------
// Voters: k distinct users other than the author, ascending (the votes primary key order).

class VoterPicker {
  readonly #mark: Int32Array;
  #stamp = 0;
  #buf: Int32Array;

  constructor(
    private readonly users: number,
    private readonly rng: Rng,
  ) {
    this.#mark = new Int32Array(users + 1);
    this.#buf = new Int32Array(1024);
  }

  pick(k: number, author: number): Int32Array {
    const U = this.users;
    if (this.#buf.length < k) this.#buf = new Int32Array(Math.max(k, this.#buf.length * 2));
    const out = this.#buf.subarray(0, k);
    const rng = this.rng;
    if (k * 8 <= U) {
      // Few voters: draw and reject repeats, then sort.
      const mark = this.#mark;
      const stamp = ++this.#stamp;
      mark[author] = stamp;
      let got = 0;
      while (got < k) {
        const v = 1 + rng.int(U);
        if (mark[v] === stamp) continue;
        mark[v] = stamp;
        out[got++] = v;
      }
      out.sort();
    } else {
      // Many voters: selection sampling (Knuth's Algorithm S) yields them already in order.
      let needed = k;
      let remaining = U - 1;
      let got = 0;
      for (let v = 1; v <= U && needed > 0; v++) {
        if (v === author) continue;
        if (rng.float() * remaining < needed) {
          out[got++] = v;
          needed--;
        }
        remaining--;
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Times: ISO strings from whole seconds, with the date part cached per day.

class IsoCache {
  readonly #days = new Map<number, string>();

  of(seconds: number): string {
    const day = Math.floor(seconds / 86_400);
    let prefix = this.#days.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
      this.#days.set(day, prefix);
    }
    const s = seconds - day * 86_400;
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return `${prefix}${TWO[h]}:${TWO[m]}:${TWO[s % 60]}.000Z`;
  }
}

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

// ---------------------------------------------------------------------------------------------
// Text: names, headlines and bodies from word lists and a pool of pre-built sentences, so a body is
// a few array picks and joins however many there are.

const SYLLABLES = ['ka', 'ri', 'mo', 'na', 'le', 'so', 'ta', 'mi', 'ro', 'jin', 'ha', 'el', 'an', 'da', 'vi', 'lu', 'se', 'yo', 'ne', 'ar', 'is', 'ma', 'to', 'ki', 'ra', 'ben', 'li', 'sa', 'do', 'ya', 'che', 'fe', 'min', 'jo', 'nu', 'ti'];
const SURNAME_ENDS = ['son', 'ez', 'ova', 'ski', 'ri', 'ng', 'ler', 'a', 'o', 'ek', 'in', 'berg', 'ton', 'ura', 'ani', 'es'];

const TITLE_ADJ = ['Quiet', 'Moonlit', 'Broken', 'Silver', 'Distant', 'Crimson', 'Hidden', 'Last', 'Endless', 'Burning', 'Golden', 'Lonely', 'Secret', 'Wild', 'Northern', 'Fading', 'Bright', 'Paper', 'Glass', 'Winter', 'Summer', 'Midnight', 'Electric', 'Gentle', 'Stolen', 'Falling', 'Little', 'Second', 'Hollow', 'Open'];
const TITLE_NOUN = ['Harbor', 'Letters', 'Garden', 'City', 'River', 'Hearts', 'Kingdom', 'Station', 'Promise', 'Summer', 'Shadows', 'Orchard', 'Road', 'Island', 'Signal', 'Season', 'Lanterns', 'Mirror', 'Bridge', 'Tide', 'Voices', 'Door', 'Sky', 'Frontier', 'Lighthouse', 'Archive', 'Hotel', 'Kitchen', 'Detective', 'Crown', 'Machine', 'Wedding', 'Neighbors', 'Empire', 'Years', 'Streets'];
const TITLE_PLACE = ['Seoul', 'Lisbon', 'the North', 'Paris', 'Osaka', 'the Valley', 'Winter', 'the Sea', 'Berlin', 'the City', 'Marseille', 'Busan', 'the Woods', 'Havana', 'Tokyo'];
const COUNTRIES = ['US', 'US', 'US', 'GB', 'GB', 'KR', 'KR', 'JP', 'FR', 'DE', 'ES', 'IT', 'IN', 'CA', 'AU', 'SE', 'DK', 'MX', 'BR', 'TR', 'TW', 'CN'];

const ASPECTS = ['the pacing', 'the writing', 'the lead performance', 'the score', 'the cinematography', 'the ending', 'the dialogue', 'the supporting cast', 'the chemistry between the leads', 'the middle stretch', 'the production design', 'the editing', 'the soundtrack', 'the final act', 'the opening episode', 'the world-building', 'the humour', 'the villain', 'the direction', 'the costume work'];
const GOOD = ['is a real highlight', 'works beautifully', 'carries the whole thing', 'is handled with real care', 'feels fresh', 'never misses a beat', 'lands every time', 'is quietly brilliant', 'surprised me', 'stays with you long after'];
const BAD = ['drags badly', 'never quite clicks', 'feels rushed', 'undercuts the drama', 'is the weakest part', 'falls flat', 'gets repetitive', 'is hard to sit through', 'feels like an afterthought', 'lost me completely'];
const OPENERS = ['Honestly,', 'To be fair,', 'For me,', 'Without spoilers,', 'On a rewatch,', 'Looking back,', 'In the end,', 'At first,', 'Somehow,', 'Above all,'];
const FEELINGS = ['I laughed more than I expected', 'I cried at the end', 'I kept checking the time', 'I binged it in two nights', 'I wanted more of the side characters', 'I was hooked from the first scene', 'I almost gave up halfway', 'I still think about one scene', 'I recommended it to everyone', 'I needed a break between episodes'];
const CONNECT = ['and', 'but', 'although', 'even if', 'because', 'while'];
const PLAIN = [
  'It is the kind of story that rewards patience.',
  'The first half is stronger than the second.',
  'Some scenes are shot with real confidence.',
  'It borrows a lot from older work in the genre.',
  'The tone shifts are handled better than I feared.',
  'There is one twist I did not see coming.',
  'Not every subplot earns its time on screen.',
  'The cast clearly had fun making it.',
  'It is better than its marketing suggests.',
  'The last ten minutes change how you see everything before.',
];
const HEAD_GOOD = ['Worth every minute', 'A quiet triumph', 'Better than I hoped', 'An instant favourite', 'Beautifully made', 'Gripping from start to finish', 'A rare gem', 'Believe the hype'];
const HEAD_MID = ['Good, not great', 'Uneven but watchable', 'Strong start, shaky finish', 'Worth a look', 'Mixed feelings', 'Almost there', 'Fine for a lazy weekend'];
const HEAD_BAD = ['A real letdown', 'Not for me', 'Wasted potential', 'Skip this one', 'Hard to finish', 'All style, no substance', 'Disappointing'];
const SYNOPSIS_WHO = ['A retired detective', 'Two estranged sisters', 'A young chef', 'A small-town teacher', 'An ambitious lawyer', 'A grieving father', 'Three old friends', 'A stubborn journalist', 'A runaway heir', 'A night-shift nurse'];
const SYNOPSIS_WHAT = ['returns home after twenty years', 'inherits a failing hotel', 'finds a stranger’s diary', 'is drawn into an old case', 'starts over in a new city', 'agrees to one last job', 'falls for the wrong person', 'uncovers a family secret', 'enters a cooking contest', 'tries to save a closing cinema'];

const SYNOPSIS_TURN = ['old loyalties are tested', 'nothing goes to plan', 'a quiet life comes apart', 'the past catches up', 'an unlikely friendship grows', 'every choice has a price', 'the truth turns out stranger than the rumours'];

class TextMaker {
  readonly #good: string[];
  readonly #bad: string[];
  readonly #neutral: string[];

  constructor(private readonly rng: Rng) {
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    const good: string[] = [];
    const bad: string[] = [];
    const neutral: string[] = [...PLAIN];
    for (let n = 0; n < 1500; n++) {
      const a = rng.pick(ASPECTS);
      const b = rng.pick(ASPECTS);
      switch (n % 4) {
        case 0:
          good.push(`${cap(a)} ${rng.pick(GOOD)}.`);
          bad.push(`${cap(a)} ${rng.pick(BAD)}.`);
          break;
        case 1:
          good.push(`${rng.pick(OPENERS)} ${a} ${rng.pick(GOOD)}, ${rng.pick(CONNECT)} ${b} ${rng.pick(GOOD)} too.`);
          bad.push(`${rng.pick(OPENERS)} ${a} ${rng.pick(BAD)}, ${rng.pick(CONNECT)} ${b} ${rng.pick(GOOD)}.`);
          break;
        case 2:
          good.push(`${rng.pick(FEELINGS)}, mostly because ${a} ${rng.pick(GOOD)}.`);
          bad.push(`${rng.pick(FEELINGS)}, mostly because ${a} ${rng.pick(BAD)}.`);
          break;
        default:
          neutral.push(`${rng.pick(OPENERS)} ${rng.pick(FEELINGS)}, ${rng.pick(CONNECT)} ${a} ${rng.pick(n % 8 === 3 ? GOOD : BAD)}.`);
      }
    }
    this.#good = good;
    this.#bad = bad;
    this.#neutral = neutral;
  }

  displayName(): string {
    const r = this.rng;
    const word = (parts: number) => {
      let s = '';
      for (let i = 0; i < parts; i++) s += r.pick(SYLLABLES);
      return s.charAt(0).toUpperCase() + s.slice(1);
    };
    const first = word(2 + r.int(2));
    const u = r.float();
    if (u < 0.15) return first;
    if (u < 0.3) return `${first} ${word(1).charAt(0)}.`;
    return `${first} ${word(1 + r.int(2))}${r.pick(SURNAME_ENDS)}`;
  }

  titleName(): string {
    const r = this.rng;
    switch (r.int(7)) {
      case 0:
      case 1:
        return `The ${r.pick(TITLE_ADJ)} ${r.pick(TITLE_NOUN)}`;
      case 2:
        return `${r.pick(TITLE_ADJ)} ${r.pick(TITLE_NOUN)}`;
      case 3:
        return `${r.pick(TITLE_NOUN)} in ${r.pick(TITLE_PLACE)}`;
      case 4:
        return `The ${r.pick(TITLE_NOUN)} of ${r.pick(TITLE_PLACE)}`;
      case 5:
        return `${r.pick(TITLE_ADJ)} ${r.pick(TITLE_NOUN)} ${2 + r.int(3)}`;
      default:
        return `A ${r.pick(TITLE_NOUN)} for ${r.pick(TITLE_ADJ)} ${r.pick(TITLE_NOUN)}`;
    }
  }

  country(): string {
    return this.rng.pick(COUNTRIES);
  }

  synopsis(series: boolean): string {
    const r = this.rng;
    return `${r.pick(SYNOPSIS_WHO)} ${r.pick(SYNOPSIS_WHAT)}. ${series ? 'Over one season' : 'In one long night'}, ${r.pick(SYNOPSIS_TURN)}.`;
  }

  headline(ratingX2: number, titleName: string): string {
    const r = this.rng;
    const list = ratingX2 >= 15 ? HEAD_GOOD : ratingX2 >= 10 ? HEAD_MID : HEAD_BAD;
    const h = r.float() < 0.3 ? `${titleName}: ${r.pick(list).toLowerCase()}` : r.pick(list);
    return h.length > HEADLINE_MAX ? h.slice(0, HEADLINE_MAX) : h;
  }

  /** About `length` characters of sentences in paragraphs, their mood following the rating. */
  body(length: number, ratingX2: number): string {
    const r = this.rng;
    const good = this.#good;
    const bad = this.#bad;
    const neutral = this.#neutral;
    // Share of praise among the opinionated sentences: 10 → ~0.9, 1 → ~0.1.
    const praise = 0.05 + 0.9 * ((ratingX2 - 2) / 18);
    let s = '';
    let inParagraph = 0;
    let paragraphSize = 2 + r.int(5);
    while (s.length < length) {
      const u = r.float();
      const pool = u < 0.25 ? neutral : r.float() < praise ? good : bad;
      const sentence = pool[r.int(pool.length)]!;
      const sep = s.length === 0 ? '' : inParagraph === 0 ? '\n\n' : ' ';
      if (s.length + sep.length + sentence.length > BODY_MAX) break;
      s += sep + sentence;
      if (++inParagraph >= paragraphSize) {
        inParagraph = 0;
        paragraphSize = 2 + r.int(5);
      }
    }
    return s;
  }

  /** A sub-score near the overall rating, in half points. */
  subScore(ratingX2: number): number {
    const x2 = Math.round(ratingX2 + 2.4 * this.rng.normal());
    return Math.min(20, Math.max(2, x2));
  }
}
