// Moderation: the queue (pending and reported reviews, each with its warnings, its reports and, for a
// near-duplicate, both texts with the shared passages marked), the actions (publish, hide, remove,
// restore; suspend, reinstate; each with a reason) and the public log. `changeStatus` is the one way
// a review's status changes after it is written — moderators, the quality policy, readers' reports
// and the old PATCH path all go through it, so every change is logged and the LSH index follows.
import type { Db } from '../store/db.js';
import type { WriteQueue, WriteTransaction } from '../store/write-queue.js';
import { UsersStore } from '../store/users.store.js';
import { ModerationStore, type LogRecord, type ReportRecord } from '../store/moderation.store.js';
import { ReviewsStore, type ReviewRecord } from '../store/reviews.store.js';
import { LshStore } from '../store/lsh.store.js';
import type { ReviewRow } from '../store/schema.js';
import { AppError, forbidden, notFound } from '../domain/errors.js';
import { isModerator, requireActor, type Actor } from '../domain/permissions.js';
import {
  canModerateAccount,
  closesReports,
  reviewActionResult,
  validReason,
  type LoggedAction,
  type ReviewAction,
  type Status,
  type UserAction,
} from '../domain/moderation.js';
import type { StatusCause } from '../domain/quality/policy.js';
import { fingerprint } from '../domain/quality/lsh-keys.js';
import { sharedPassages, type Span } from '../domain/quality/shared-passages.js';
import { reviewJson, storedWarnings, type ReviewJson } from './present.js';
import { decodeCursor, encodeCursor, isRowId, type Page } from './cursor.js';
import type { ChangeFeed } from './changes.js';
import type { Clock } from './clock.js';
import type { Warning } from '../domain/quality/index.js';

const INDEXED: readonly Status[] = ['published', 'pending'];

export interface StatusChange {
  to: Status;
  cause: StatusCause | null;
  reason: string;
  action: LoggedAction;
  /** null: the system (quality policy, reports). */
  moderatorId: number | null;
  now: string;
}

/** "review 12 of “Title” by @handle": what a log entry is about, kept as text. */
export async function reviewTarget(trx: WriteTransaction, reviewId: number): Promise<{ target: string; authorId: number } | null> {
  const r = await new ReviewsStore(trx).byId(reviewId);
  return r ? { target: `review ${r.id} of “${r.title_name}” by @${r.author_handle}`, authorId: r.author_id } : null;
}

/**
 * Inside a write transaction: sets the review's status, cause and reason, logs the change, and keeps
 * the LSH index to published and pending reviews. `row` is the review as read in this transaction.
 */
export async function changeStatus(trx: WriteTransaction, row: ReviewRow, change: StatusChange): Promise<void> {
  const closeReports = closesReports(change.action) && change.moderatorId !== null;
  const reviews = new ReviewsStore(trx);
  await reviews.update(row.id, {
    status: change.to,
    status_cause: change.to === 'published' ? null : change.cause,
    // The author sees why; a plain publish by a moderator needs no explanation on the review.
    status_reason: change.to === 'published' ? null : change.reason,
    ...(closeReports ? { reports_closed_through: await new ModerationStore(trx).lastReportId(row.id) } : {}),
    ...(change.to !== row.status ? { updated_at: change.now } : {}),
  });
  const wasIndexed = INDEXED.includes(row.status);
  const indexed = INDEXED.includes(change.to);
  if (wasIndexed !== indexed) {
    const lsh = new LshStore(trx);
    const { buckets } = fingerprint(row.body);
    if (indexed) await lsh.add([{ reviewId: row.id, buckets }]);
    else await lsh.remove(row.id, buckets);
  }
  const what = await reviewTarget(trx, row.id);
  await new ModerationStore(trx).log({
    created_at: change.now,
    moderator_id: change.moderatorId,
    action: change.action,
    review_id: row.id,
    user_id: what?.authorId ?? row.author_id,
    target: what?.target ?? `review ${row.id}`,
    from_status: row.status,
    to_status: change.to,
    reason: change.reason,
  });
}

export interface LogEntryJson {
  id: number;
  created_at: string;
  /** null: the system (the quality policy or readers' reports). */
  moderator: { handle: string } | null;
  action: LoggedAction;
  target: { type: 'review' | 'user'; review_id: number | null; handle: string | null; description: string };
  from_status: string | null;
  to_status: string | null;
  reason: string;
}

export interface QueueItemJson {
  review: ReviewJson & { status_reason: string | null };
  /** Why it is in the queue. */
  flags: ('pending' | 'reported')[];
  warnings: Warning[];
  reports: { id: number; reason: string; note: string | null; reporter: { handle: string }; created_at: string; open: boolean }[];
  near_duplicate: null | {
    review_id: number;
    similarity: number;
    /** The other review (whatever its status now), or null when it is gone. */
    other: { id: number; author: { handle: string }; title: { slug: string; name: string }; status: string; body: string } | null;
    /** Shared passages: UTF-16 spans of this review's body and of the other's. */
    shared: { review: Span[]; other: Span[] };
  };
}

export class ModerationService {
  readonly #reviews: ReviewsStore;
  readonly #store: ModerationStore;

  constructor(
    db: Db,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {
    this.#reviews = new ReviewsStore(db.kysely);
    this.#store = new ModerationStore(db.kysely);
  }

  /** Pending reviews and reviews with open reports, oldest first. */
  async queue(actorOrNull: Actor | null, q: { cursor?: string; limit: number }): Promise<Page<QueueItemJson>> {
    requireModerator(actorOrNull);
    const after = q.cursor ? decodeCursor(q.cursor, (v): v is number => isRowId(v)) : 0;
    const [pending, reported] = await Promise.all([this.#store.pendingIds(after, q.limit + 1), this.#store.reportedIds(after, q.limit + 1)]);
    const ids = [...new Set([...pending, ...reported])].sort((a, b) => a - b).slice(0, q.limit + 1);
    const more = ids.length > q.limit;
    const kept = ids.slice(0, q.limit);
    const records = new Map((await this.#reviews.byIds(kept)).map((r) => [r.id, r] as const));
    const reports = await this.#store.reportsFor(kept);
    const reportedSet = new Set(reported);
    const items: QueueItemJson[] = [];
    for (const id of kept) {
      const r = records.get(id);
      if (!r) continue;
      items.push(await this.#item(r, reports.filter((p) => p.review_id === id), reportedSet.has(id)));
    }
    return { items, next_cursor: more ? encodeCursor(kept[kept.length - 1]) : null };
  }

  async #item(r: ReviewRecord, reports: ReportRecord[], reported: boolean): Promise<QueueItemJson> {
    const warnings = storedWarnings(r);
    const near = warnings.find((w) => w.code === 'near_duplicate');
    let nearDuplicate: QueueItemJson['near_duplicate'] = null;
    if (near && typeof near.review_id === 'number') {
      const other = await this.#reviews.byId(near.review_id);
      const shared = other ? sharedPassages(r.body, other.body) : { a: [], b: [] };
      nearDuplicate = {
        review_id: near.review_id,
        similarity: Number(near.similarity),
        other: other
          ? { id: other.id, author: { handle: other.author_handle }, title: { slug: other.title_slug, name: other.title_name }, status: other.status, body: other.body }
          : null,
        shared: { review: shared.a, other: shared.b },
      };
    }
    return {
      review: { ...reviewJson(r), status_reason: r.status_reason },
      flags: [...(r.status === 'pending' ? (['pending'] as const) : []), ...(reported ? (['reported'] as const) : [])],
      warnings,
      reports: reports.map((p) => ({
        id: p.id,
        reason: p.reason,
        note: p.note,
        reporter: { handle: p.reporter_handle },
        created_at: p.created_at,
        open: p.id > r.reports_closed_through,
      })),
      near_duplicate: nearDuplicate,
    };
  }

  /** publish, hide, remove or restore a review, with a reason (logged publicly). */
  async reviewAction(actorOrNull: Actor | null, reviewId: number, input: { action: ReviewAction; reason: string }): Promise<ReviewJson & { status_reason: string | null }> {
    const actor = requireModerator(actorOrNull);
    const reason = validReason(input.reason);
    const now = this.clock.now().toISOString();
    const titleId = await this.writes.run(async (trx) => {
      const row = await new ReviewsStore(trx).byId(reviewId);
      if (!row) throw notFound('No review has that id.');
      const to = reviewActionResult(input.action, row.status);
      await changeStatus(trx, row, { to, cause: 'moderator', reason, action: input.action, moderatorId: actor.id, now });
      return row.title_id;
    });
    this.changes.publish({ kind: 'title', titleId });
    const record = await this.#reviews.byId(reviewId);
    if (!record) throw notFound('No review has that id.');
    return { ...reviewJson(record), status_reason: record.status_reason };
  }

  /** suspend or reinstate an account, with a reason (logged publicly). */
  async userAction(actorOrNull: Actor | null, handle: string, input: { action: UserAction; reason: string }) {
    const actor = requireModerator(actorOrNull);
    const reason = validReason(input.reason);
    const now = this.clock.now().toISOString();
    const result = await this.writes.run(async (trx) => {
      const store = new ModerationStore(trx);
      const user = await new UsersStore(trx).byHandle(handle);
      if (!user) throw notFound('No such user.');
      if (!canModerateAccount(actor, user)) throw forbidden(actor.id === user.id ? 'You cannot suspend or reinstate yourself.' : 'Only an admin can suspend or reinstate a moderator or an admin.');
      const suspended = input.action === 'suspend';
      if ((user.suspended === 1) === suspended) {
        throw new AppError('status_conflict', suspended ? 'That account is already suspended.' : 'That account is not suspended.');
      }
      await store.setSuspended(user.id, suspended);
      await store.log({
        created_at: now,
        moderator_id: actor.id,
        action: input.action,
        review_id: null,
        user_id: user.id,
        target: `@${user.handle}`,
        from_status: suspended ? 'active' : 'suspended',
        to_status: suspended ? 'suspended' : 'active',
        reason,
      });
      return { user: { handle: user.handle, suspended } };
    });
    // Remembered credentials carry the old suspension (src/services/credential-cache.ts).
    this.changes.publish({ kind: 'accounts' });
    return result;
  }

  /** The public log: every action, newest first. */
  async log(q: { cursor?: string; limit: number }): Promise<Page<LogEntryJson>> {
    const before = q.cursor ? decodeCursor(q.cursor, (v): v is number => isRowId(v)) : undefined;
    const rows = await this.#store.logPage({ ...(before !== undefined ? { beforeId: before } : {}), limit: q.limit + 1 });
    const more = rows.length > q.limit;
    const kept = rows.slice(0, q.limit);
    return { items: kept.map(logEntryJson), next_cursor: more ? encodeCursor(kept[kept.length - 1]!.id) : null };
  }
}

function requireModerator(actorOrNull: Actor | null): Actor {
  const actor = requireActor(actorOrNull);
  if (!isModerator(actor)) throw forbidden('Only moderators can do that.');
  return actor;
}

export function logEntryJson(r: LogRecord): LogEntryJson {
  const isUser = r.action === 'suspend' || r.action === 'reinstate';
  return {
    id: r.id,
    created_at: r.created_at,
    moderator: r.moderator_handle === null ? null : { handle: r.moderator_handle },
    action: r.action,
    target: {
      type: isUser ? 'user' : 'review',
      review_id: r.review_id,
      handle: isUser ? r.target.replace(/^@/, '') : null,
      description: r.target,
    },
    from_status: r.from_status,
    to_status: r.to_status,
    reason: r.reason,
  };
}

