// The moderation log, the queue's listings (pending and reported reviews) and the reports they show.
import type { Kysely } from 'kysely';
import type { Database, ModerationLogTable } from './schema.js';
import type { Insertable } from 'kysely';

export interface LogRecord {
  id: number;
  created_at: string;
  moderator_handle: string | null;
  action: ModerationLogTable['action'];
  review_id: number | null;
  user_id: number | null;
  target: string;
  from_status: string | null;
  to_status: string | null;
  reason: string;
}

export interface ReportRecord {
  id: number;
  review_id: number;
  reason: string;
  note: string | null;
  created_at: string;
  reporter_handle: string;
}

export class ModerationStore {
  constructor(private readonly db: Kysely<Database>) {}

  async log(entry: Insertable<ModerationLogTable>): Promise<void> {
    await this.db.insertInto('moderation_log').values(entry).execute();
  }

  /** Newest first; `beforeId` continues a page. */
  logPage(q: { beforeId?: number; limit: number; reviewId?: number }): Promise<LogRecord[]> {
    let query = this.db
      .selectFrom('moderation_log as l')
      .leftJoin('users as u', 'u.id', 'l.moderator_id')
      .select(['l.id', 'l.created_at', 'u.handle as moderator_handle', 'l.action', 'l.review_id', 'l.user_id', 'l.target', 'l.from_status', 'l.to_status', 'l.reason']);
    if (q.beforeId !== undefined) query = query.where('l.id', '<', q.beforeId);
    if (q.reviewId !== undefined) query = query.where('l.review_id', '=', q.reviewId);
    return query.orderBy('l.id', 'desc').limit(q.limit).execute();
  }

  /** Ids of pending reviews after `afterId`, ascending. */
  async pendingIds(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.db.selectFrom('reviews').select('id').where('status', '=', 'pending').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  /** Ids of published or pending reviews with open reports (after the last a moderator dealt with), ascending. */
  async reportedIds(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('reports as p')
      .innerJoin('reviews as r', 'r.id', 'p.review_id')
      .select('r.id')
      .distinct()
      .where('r.id', '>', afterId)
      .where('r.status', 'in', ['published', 'pending'])
      .whereRef('p.id', '>', 'r.reports_closed_through')
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Reports of these reviews with their reporters, oldest first. */
  reportsFor(reviewIds: number[]): Promise<ReportRecord[]> {
    if (reviewIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('reports as p')
      .innerJoin('users as u', 'u.id', 'p.reporter_id')
      .select(['p.id', 'p.review_id', 'p.reason', 'p.note', 'p.created_at', 'u.handle as reporter_handle'])
      .where('p.review_id', 'in', reviewIds)
      .orderBy('p.id')
      .execute();
  }

  /** Distinct accounts that reported the review after report `closedThrough`. */
  async openReporters(reviewId: number, closedThrough: number): Promise<{ count: number; lastId: number }> {
    const row = await this.db
      .selectFrom('reports')
      .select((eb) => [eb.fn.count<number>('reporter_id').distinct().as('n'), eb.fn.max<number>('id').as('last')])
      .where('review_id', '=', reviewId)
      .where('id', '>', closedThrough)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), lastId: Number(row.last ?? closedThrough) };
  }

  async setSuspended(userId: number, suspended: boolean): Promise<void> {
    await this.db.updateTable('users').set({ suspended: suspended ? 1 : 0 }).where('id', '=', userId).execute();
  }

  /** The newest report id of a review (0 when none). */
  async lastReportId(reviewId: number): Promise<number> {
    const row = await this.db.selectFrom('reports').select((eb) => eb.fn.max<number>('id').as('last')).where('review_id', '=', reviewId).executeTakeFirstOrThrow();
    return Number(row.last ?? 0);
  }
}
