// Readers report reviews; the moderation queue (a later feature) reads the reports.
import type { Db } from '../store/db.js';
import { translatingUnique } from '../store/db.js';
import { ReportsStore } from '../store/reports.store.js';
import { ReviewsStore } from '../store/reviews.store.js';
import type { ReportsTable } from '../store/schema.js';
import type { WriteQueue } from '../store/write-queue.js';
import { AppError, forbidden, notFound } from '../domain/errors.js';
import { canSeeReview, type Actor } from '../domain/permissions.js';
import { requireActor } from '../domain/permissions.js';
import type { Clock } from './clock.js';
import type { ChangeFeed } from './changes.js';
import { ModerationStore } from '../store/moderation.store.js';
import { changeStatus } from './moderation.service.js';
import { reportsHoldReason, shouldHoldForReports } from '../domain/moderation.js';

export const REPORT_REASONS = ['spam', 'spoilers_unmarked', 'abuse', 'plagiarism', 'other'] as const;

export interface ReportJson {
  id: number;
  review_id: number;
  reason: ReportsTable['reason'];
  note: string | null;
  created_at: string;
}

export class ReportsService {
  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    /** Tells caches when reports hold a review (issue 5). */
    private readonly changes: ChangeFeed | null = null,
  ) {}

  async report(actorOrNull: Actor | null, reviewId: number, input: { reason: ReportsTable['reason']; note?: string | null }): Promise<ReportJson> {
    const actor = requireActor(actorOrNull);
    const review = await new ReviewsStore(this.db.kysely).byId(reviewId);
    if (!review || !canSeeReview(actor, { authorId: review.author_id, status: review.status })) throw notFound('No review has that id.');
    if (review.author_id === actor.id) throw forbidden('You cannot report your own review.');
    const now = this.clock.now().toISOString();
    const { row, titleId } = await translatingUnique(this.db, { 'reports.reporter_id': () => new AppError('report_exists') }, () =>
      this.writes.run(async (trx) => {
        const row = await new ReportsStore(trx).insert({ reviewId, reporterId: actor.id, reason: input.reason, note: input.note?.trim() || null, now });
        // Reports from 3 different accounts since a moderator last dealt with the review hold it.
        const current = await new ReviewsStore(trx).byId(reviewId);
        if (current) {
          const open = await new ModerationStore(trx).openReporters(reviewId, current.reports_closed_through);
          if (shouldHoldForReports(open.count, current.status)) {
            await changeStatus(trx, current, { to: 'pending', cause: 'reports', reason: reportsHoldReason(open.count), action: 'hold', moderatorId: null, now });
            return { row, titleId: current.title_id };
          }
        }
        return { row, titleId: null };
      }),
    );
    if (titleId !== null) this.changes?.publish({ kind: 'title', titleId });
    return { id: row.id, review_id: row.review_id, reason: row.reason, note: row.note, created_at: row.created_at };
  }
}
