// `marquee quality scan`: runs every check on every stored review (after an import, or when the
// checks change), in id order, a batch at a time. Each batch's results commit in one transaction
// together with the scan's progress, so an interrupted scan resumes exactly where it stopped.
//
// What a scan changes, per review:
// - `quality_json` (the stored warnings), when it differs;
// - the LSH index: published and pending reviews are (re-)indexed under their current text;
// - the status, only through the policy (domain/quality/policy.ts statusAfterPolicy): a published
//   review the policy holds becomes pending (cause `quality`), a review the policy itself held and
//   no longer holds is published again; each change is logged by the system. Hidden, removed,
//   report-held and moderator-set reviews keep their status.
// Each review is compared with the older reviews only (lower ids), as if the reviews had been
// written one by one in id order: of two copies, the later one is the near-duplicate.
//
// How it is fast (docs/DECISIONS.md, "Quality scan"): the text checks and fingerprints, pure CPU
// work, run on worker threads (text-facts-pool.ts) while this thread reads the next batch and
// writes the last; the scan's near-duplicate index lives in memory (LshIndex) and is written to
// lsh_bands once, in key order, when the scan finishes, instead of 32 random B-tree inserts per
// review. The live path keeps the old lsh_bands until then. An interrupted scan resumes from the
// band keys it staged (quality_scan_keys); reviews edited, written or hidden while it ran are
// re-indexed from their current text as it finishes.
import type { Db } from '../store/db.js';
import type { WriteQueue } from '../store/write-queue.js';
import { LshStore, MIN_SHARED_BANDS, StagedKeysWriter } from '../store/lsh.store.js';
import { ReviewsStore } from '../store/reviews.store.js';
import type { ReviewRow } from '../store/schema.js';
import { bandKeysOfBuckets, bestMatch, bucketOf, fingerprint } from '../domain/quality/lsh-keys.js';
import { LshIndex } from '../domain/quality/minhash.js';
import { statusAfterPolicy } from '../domain/quality/policy.js';
import { DEFAULT_QUALITY_OPTIONS } from '../domain/quality/signals.js';
import type { TextFacts } from '../domain/quality/text-facts.js';
import type { QualityService } from './quality.service.js';
import { TextFactsPool, defaultThreads } from './text-facts-pool.js';
import { changeStatus } from './moderation.service.js';
import type { Clock } from './clock.js';

export interface ScanOptions {
  /** Start over: forget the progress of an interrupted scan. */
  restart?: boolean;
  /** Reviews per batch (one transaction each). */
  batchSize?: number;
  /** Stop after this many reviews in this run (tests interrupt a scan with it). */
  stopAfter?: number;
  /** Worker threads for the text checks (0: all on this thread); one per core by default. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  /** While the finished scan writes the new index: rows written, rows in all. */
  onIndexProgress?: (done: number, total: number) => void;
}

export interface ScanSummary {
  /** Reviews checked in this run. */
  scanned: number;
  /** Reviews checked by the whole scan so far (this run and the interrupted ones before it). */
  scanned_total: number;
  total: number;
  resumed: boolean;
  finished: boolean;
  warnings_changed: number;
  held: number;
  released: number;
  near_duplicates: number;
  /** Rows of the near-duplicate index written when the scan finished (0 before), and the seconds that took. */
  index_rows: number;
  index_seconds: number;
  threads: number;
  seconds: number;
  per_second: number;
}

const INDEXED = new Set(['published', 'pending']);
/** Rows of the new index per transaction when a scan finishes. */
const INDEX_ROWS_PER_TRANSACTION = 500_000;

export class QualityScanService {
  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly quality: QualityService,
  ) {}

  async scan(options: ScanOptions = {}): Promise<ScanSummary> {
    const started = performance.now();
    const batchSize = options.batchSize ?? 1000;
    const threads = Math.max(0, Math.floor(options.threads ?? defaultThreads()));
    const lsh = new LshStore(this.db.kysely);
    let state = await lsh.scanState();
    const resumed = !options.restart && state !== undefined && state.finished_at === null;
    if (!resumed) {
      const now = this.clock.now().toISOString();
      await this.writes.run(async (trx) => {
        const store = new LshStore(trx);
        await store.clearStagedKeys();
        await store.startScan(now);
      });
      state = await lsh.scanState();
    }
    let after = state!.after_id;
    let done = state!.scanned;
    const totalRow = await this.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const total = Number(totalRow.n);
    const summary: ScanSummary = {
      scanned: 0, scanned_total: done, total, resumed, finished: false, warnings_changed: 0, held: 0, released: 0, near_duplicates: 0, index_rows: 0, index_seconds: 0, threads, seconds: 0, per_second: 0,
    };

    // The scan's index: what earlier runs of this scan staged, then each batch as it is judged.
    const index = new LshIndex<number>();
    if (resumed) for await (const page of lsh.stagedKeys()) for (const e of page) index.addBandKeys(e.reviewId, e.bandKeys);
    options.onProgress?.(done, total);

    const pool = new TextFactsPool(threads, this.quality.options());
    const staging = new StagedKeysWriter(this.db.kysely);
    try {
      // One batch ahead: its rows are read and its facts computed on the workers while this thread
      // judges and writes the batch before it.
      const load = async (afterId: number, limit: number) => {
        const rows = await this.db.kysely.selectFrom('reviews').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
        const facts = pool.facts(rows.map((r) => ({ headline: r.headline, body: r.body })));
        facts.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
        return { rows, facts };
      };
      const limitFor = (scanned: number) => (options.stopAfter !== undefined ? Math.min(batchSize, options.stopAfter - scanned) : batchSize);
      let next = limitFor(0) > 0 ? load(after, limitFor(0)) : null;
      while (next) {
        const { rows, facts } = await next;
        if (rows.length === 0) {
          const indexStarted = performance.now();
          summary.index_rows = await this.#finish(index, options);
          summary.index_seconds = Math.round((performance.now() - indexStarted) / 10) / 100;
          summary.finished = true;
          break;
        }
        after = rows[rows.length - 1]!.id;
        const ahead = limitFor(summary.scanned + rows.length);
        next = ahead > 0 ? load(after, ahead) : null;
        next?.catch(() => {}); // awaited on the next turn; if this batch fails first, it must not go unhandled
        await this.#batch(rows, await facts, index, staging, summary);
        done += rows.length;
        summary.scanned += rows.length;
        summary.scanned_total = done;
        options.onProgress?.(done, total);
      }
    } finally {
      await pool.close();
    }
    summary.seconds = Math.round((performance.now() - started) / 10) / 100;
    summary.per_second = summary.seconds > 0 ? Math.round(summary.scanned / summary.seconds) : summary.scanned;
    return summary;
  }

  async #batch(rows: ReviewRow[], facts: TextFacts[], index: LshIndex<number>, staging: StagedKeysWriter, summary: ScanSummary): Promise<void> {
    const firstId = rows[0]!.id;
    // Pass 1, in id order: each review's candidates among the older ones (earlier batches and this
    // one), then the review joins the index if it stays indexed (published and pending reviews stay
    // so under the policy; hidden and removed ones are never indexed).
    const keys: (Uint32Array | null)[] = [];
    const sharing: { id: number; shared: number }[][] = [];
    const wanted = new Set<number>();
    rows.forEach((row, i) => {
      const k = facts[i]!.fingerprint.buckets.length ? bandKeysOfBuckets(facts[i]!.fingerprint.buckets) : null;
      keys.push(k);
      const found = k ? index.sharingAtLeast(k, MIN_SHARED_BANDS).filter((c) => c.id < row.id) : [];
      sharing.push(found);
      for (const c of found) if (c.id < firstId) wanted.add(c.id);
      if (k && INDEXED.has(row.status)) index.addBandKeys(row.id, k);
    });
    const texts = await new LshStore(this.db.kysely).texts([...wanted]);
    const batchRows = new Map<number, { author_id: number; body: string; status: string }>();

    // Pass 2: judge each review against its candidates' texts.
    const now = this.clock.now().toISOString();
    const updates: { row: ReviewRow; qualityJson: string | null; status: ReturnType<typeof statusAfterPolicy>; reason: string | null }[] = [];
    const staged: { reviewId: number; bandKeys: Uint32Array }[] = [];
    rows.forEach((row, i) => {
      const fp = facts[i]!.fingerprint;
      // The same rules as the live lookup: at least MIN_SHARED_BANDS shared bands, the 50 sharing the most.
      const ranked = sharing[i]!.sort((a, b) => b.shared - a.shared || a.id - b.id).slice(0, 50);
      const candidates = [];
      for (const { id } of ranked) {
        const t = batchRows.get(id) ?? texts.get(id);
        if (t && INDEXED.has(t.status)) candidates.push({ id, authorId: t.author_id, body: t.body });
      }
      const found = bestMatch(fp.shingles, candidates, DEFAULT_QUALITY_OPTIONS.nearDuplicateThreshold);
      const assessment = this.quality.judge(facts[i]!.quality, fp.buckets, found ? { ...found, own: found.authorId === row.author_id } : null);
      if (found) summary.near_duplicates++;
      const placed = statusAfterPolicy({ status: row.status, cause: row.status_cause }, assessment.decision.outcome);
      const qualityJson = JSON.stringify(assessment.quality.warnings);
      const reason = placed.status === 'pending' && placed.cause === 'quality' ? assessment.decision.reason : null;
      const reasonChanged = !placed.changed && row.status === 'pending' && row.status_cause === 'quality' && reason !== null && reason !== row.status_reason;
      if (qualityJson !== row.quality_json) summary.warnings_changed++;
      if (qualityJson !== row.quality_json || placed.changed || reasonChanged) updates.push({ row, qualityJson: qualityJson !== row.quality_json ? qualityJson : null, status: placed, reason });
      if (placed.changed) {
        if (placed.status === 'pending') summary.held++;
        else summary.released++;
      }
      if (INDEXED.has(placed.status) !== INDEXED.has(row.status)) throw new Error(`quality scan: the policy moved review ${row.id} from ${row.status} to ${placed.status}`);
      if (INDEXED.has(placed.status) && keys[i]) {
        staged.push({ reviewId: row.id, bandKeys: keys[i]! });
        batchRows.set(row.id, { author_id: row.author_id, body: row.body, status: placed.status });
      }
    });

    const lastId = rows[rows.length - 1]!.id;
    const scanned = summary.scanned_total + rows.length;
    await this.writes.run(async (trx) => {
      const reviews = new ReviewsStore(trx);
      // A review edited or moderated since this batch read it was judged again by that write (and is
      // re-indexed when the scan finishes): what the scan concluded from the old row must not overwrite it.
      const current = await reviews.versions(updates.map((u) => u.row.id));
      for (const u of updates) {
        const now_ = current.get(u.row.id);
        if (!now_ || now_.status !== u.row.status || now_.updated_at !== u.row.updated_at) continue;
        if (u.qualityJson !== null) await reviews.update(u.row.id, { quality_json: u.qualityJson });
        if (u.status.changed) {
          await changeStatus(trx, { ...u.row, quality_json: u.qualityJson ?? u.row.quality_json }, {
            to: u.status.status,
            cause: u.status.cause,
            reason: u.reason ?? 'The quality scan found nothing that holds this review any more.',
            action: u.status.status === 'pending' ? 'hold' : 'publish',
            moderatorId: null,
            now,
          });
        } else if (u.reason !== null && u.reason !== u.row.status_reason) {
          await reviews.update(u.row.id, { status_reason: u.reason });
        }
      }
      await staging.write(trx, staged);
      await new LshStore(trx).advanceScan(lastId, scanned, now);
    });
  }

  /**
   * Writes the scan's index as the new lsh_bands: into a fresh table in key order, a transaction per
   * INDEX_ROWS_PER_TRANSACTION rows, then — in one transaction with the scan's end — re-indexes the
   * reviews changed while the scan ran and swaps the table in. Returns the rows written.
   */
  async #finish(index: LshIndex<number>, options: ScanOptions): Promise<number> {
    const table = await this.writes.run((trx) => new LshStore(trx).createNextIndexTable(Date.now()));
    const total = index.size * index.bands;
    let written = 0;
    let chunk: number[] = [];
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      await this.writes.run((trx) => new LshStore(trx).appendToNextIndex(table, rows));
      written += rows.length / 2;
      options.onIndexProgress?.(written, total);
    };
    options.onIndexProgress?.(0, total);
    for (const [band, key, id] of index.entries((a, b) => a - b)) {
      chunk.push(bucketOf(band, key), id);
      if (chunk.length >= INDEX_ROWS_PER_TRANSACTION * 2) await flush();
    }
    if (chunk.length) await flush();

    const now = this.clock.now().toISOString();
    await this.writes.run(async (trx) => {
      const store = new LshStore(trx);
      const state = (await store.scanState())!;
      for (const review of await store.reviewsChangedDuringScan(state, state.after_id)) {
        const keys = index.bandKeysOfId(review.id);
        const oldBuckets = keys ? Array.from(keys, (key, band) => bucketOf(band, key)) : [];
        const newBuckets = INDEXED.has(review.status) ? fingerprint(review.body).buckets : [];
        await store.amendNextIndex(table, review.id, oldBuckets, newBuckets);
      }
      await store.replaceIndexWith(table);
      await store.clearStagedKeys();
      await store.finishScan(now);
    });
    return written;
  }
}
