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
import type { Db } from '../store/db.js';
import type { WriteQueue } from '../store/write-queue.js';
import { LshStore, MIN_SHARED_BANDS } from '../store/lsh.store.js';
import { ReviewsStore } from '../store/reviews.store.js';
import type { ReviewRow } from '../store/schema.js';
import { bestMatch, fingerprint } from '../domain/quality/lsh-keys.js';
import { statusAfterPolicy } from '../domain/quality/policy.js';
import { DEFAULT_QUALITY_OPTIONS } from '../domain/quality/signals.js';
import type { QualityService } from './quality.service.js';
import { changeStatus } from './moderation.service.js';
import type { Clock } from './clock.js';

export interface ScanOptions {
  /** Start over: forget the progress and rebuild the LSH index from nothing. */
  restart?: boolean;
  /** Reviews per batch (one transaction each). */
  batchSize?: number;
  /** Stop after this many reviews in this run (tests interrupt a scan with it). */
  stopAfter?: number;
  onProgress?: (done: number, total: number) => void;
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
  seconds: number;
  per_second: number;
}

const INDEXED = new Set(['published', 'pending']);

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
    const lsh = new LshStore(this.db.kysely);
    let state = await lsh.scanState();
    const resumed = !options.restart && state !== undefined && state.finished_at === null;
    if (!resumed) {
      const now = this.clock.now().toISOString();
      await this.writes.run(async (trx) => {
        const store = new LshStore(trx);
        if (options.restart) await store.clear();
        await store.startScan(now);
      });
      state = await lsh.scanState();
    }
    let after = state!.after_id;
    let done = state!.scanned;
    const totalRow = await this.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const total = Number(totalRow.n);
    const summary: ScanSummary = { scanned: 0, scanned_total: done, total, resumed, finished: false, warnings_changed: 0, held: 0, released: 0, near_duplicates: 0, seconds: 0, per_second: 0 };
    options.onProgress?.(done, total);

    for (;;) {
      const limit = options.stopAfter !== undefined ? Math.min(batchSize, options.stopAfter - summary.scanned) : batchSize;
      if (limit <= 0) break;
      const rows = await this.db.kysely.selectFrom('reviews').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
      if (rows.length === 0) {
        const now = this.clock.now().toISOString();
        await this.writes.run((trx) => new LshStore(trx).finishScan(now));
        summary.finished = true;
        break;
      }
      await this.#batch(rows, summary);
      after = rows[rows.length - 1]!.id;
      done += rows.length;
      summary.scanned += rows.length;
      summary.scanned_total = done;
      options.onProgress?.(done, total);
    }
    summary.seconds = Math.round((performance.now() - started) / 10) / 100;
    summary.per_second = summary.seconds > 0 ? Math.round(summary.scanned / summary.seconds) : summary.scanned;
    return summary;
  }

  async #batch(rows: ReviewRow[], summary: ScanSummary): Promise<void> {
    const lsh = new LshStore(this.db.kysely);
    const fps = rows.map((r) => fingerprint(r.body));
    // Stored candidates of the whole batch in one lookup: bucket → review ids.
    const stored = new Map<number, number[]>();
    for (const { bucket, review_id } of await lsh.rowsOf(fps.flatMap((f) => f.buckets))) {
      const list = stored.get(bucket);
      if (list) list.push(review_id);
      else stored.set(bucket, [review_id]);
    }
    // Per review: the stored reviews (older than it) sharing bands with it, and how many.
    const sharedStored = rows.map((row, i) => {
      const shared = new Map<number, number>();
      for (const bucket of fps[i]!.buckets) for (const id of stored.get(bucket) ?? []) if (id < row.id) shared.set(id, (shared.get(id) ?? 0) + 1);
      return shared;
    });
    const wanted = new Set<number>();
    for (const shared of sharedStored) for (const [id, n] of shared) if (n >= MIN_SHARED_BANDS) wanted.add(id);
    const texts = await lsh.texts([...wanted]);
    // Reviews of this batch already judged, by bucket (they are not stored yet).
    const inBatch = new Map<number, number[]>();
    const batchRows = new Map<number, { author_id: number; body: string; status: string }>();

    const now = this.clock.now().toISOString();
    const updates: { row: ReviewRow; qualityJson: string | null; status: ReturnType<typeof statusAfterPolicy>; reason: string | null }[] = [];
    const index: { reviewId: number; buckets: number[] }[] = [];
    rows.forEach((row, i) => {
      const fp = fps[i]!;
      const shared = new Map(sharedStored[i]!);
      for (const bucket of fp.buckets) for (const id of inBatch.get(bucket) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      // The same rules as the live lookup: at least MIN_SHARED_BANDS shared bands, the 50 sharing the most.
      const ranked = [...shared]
        .filter(([, n]) => n >= MIN_SHARED_BANDS)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 50);
      const candidates = [];
      for (const [id] of ranked) {
        const t = batchRows.get(id) ?? texts.get(id);
        if (t && INDEXED.has(t.status)) candidates.push({ id, authorId: t.author_id, body: t.body });
      }
      const found = bestMatch(fp.shingles, candidates, DEFAULT_QUALITY_OPTIONS.nearDuplicateThreshold);
      const assessment = this.quality.judge(this.quality.signals(row), fp.buckets, found ? { ...found, own: found.authorId === row.author_id } : null);
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
      if (INDEXED.has(placed.status) && fp.buckets.length) {
        index.push({ reviewId: row.id, buckets: fp.buckets });
        batchRows.set(row.id, { author_id: row.author_id, body: row.body, status: placed.status });
        for (const bucket of fp.buckets) {
          const list = inBatch.get(bucket);
          if (list) list.push(row.id);
          else inBatch.set(bucket, [row.id]);
        }
      }
    });

    const lastId = rows[rows.length - 1]!.id;
    const scanned = summary.scanned_total + rows.length;
    await this.writes.run(async (trx) => {
      const reviews = new ReviewsStore(trx);
      for (const u of updates) {
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
      await new LshStore(trx).add(index);
      await new LshStore(trx).advanceScan(lastId, scanned, now);
    });
  }
}
