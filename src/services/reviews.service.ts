// Writing, editing, deleting and listing reviews, and the ratings that come with them.
import type { Db } from '../store/db.js';
import { translatingUnique } from '../store/db.js';
import { CatalogStore } from '../store/catalog.store.js';
import { RatingsStore } from '../store/ratings.store.js';
import { PersonalDataStore } from '../store/personal-data.store.js';
import { ReviewsStore, cursorValuesOf, isCursorFor, type ReviewRecord, type ReviewSort } from '../store/reviews.store.js';
import type { ReviewRow, ReviewUpdate, TitleRow } from '../store/schema.js';
import type { WriteQueue, WriteTransaction } from '../store/write-queue.js';
import { AppError, forbidden, invalid, notFound } from '../domain/errors.js';
import { canChangeReviewStatus, canDeleteReview, canEditReview, canSeeReview, isModerator, requireActor, type Actor } from '../domain/permissions.js';
import { episodesSeenProblem, fromHalfPoints, isValidRating, toHalfPoints, type WatchStatus } from '../domain/rating.js';
import { checkQuality, type Quality } from '../domain/quality/index.js';
import { reviewJson, storedWarnings, type ReviewJson } from './present.js';
import { decodeCursor, pageOf, type Page } from './cursor.js';
import type { ChangeFeed } from './changes.js';
import type { MentionsService } from './mentions.service.js';
import type { QualityService, Assessment } from './quality.service.js';
import { changeStatus, reviewTarget } from './moderation.service.js';
import { LshStore } from '../store/lsh.store.js';
import { ModerationStore } from '../store/moderation.store.js';
import { fingerprint } from '../domain/quality/lsh-keys.js';
import { statusAfterPolicy } from '../domain/quality/policy.js';
import { actionForStatusChange } from '../domain/moderation.js';
import type { Clock } from './clock.js';

export interface SubScores {
  story?: number | null;
  acting?: number | null;
  music?: number | null;
  rewatch?: number | null;
}

export interface ReviewInput {
  headline: string;
  body: string;
  rating: number;
  scores?: SubScores;
  watch_status?: WatchStatus | null;
  episodes_seen?: number | null;
  contains_spoilers?: boolean;
}

/** `reason` goes with a moderator's `status` change into the moderation log (optional on this path, see README). */
export type ReviewPatch = Partial<ReviewInput> & { status?: ReviewRow['status']; reason?: string };

export interface RatingInput {
  rating: number;
  watch_status?: WatchStatus | null;
  episodes_seen?: number | null;
}

export interface RatingJson {
  rating: number;
  watch_status: WatchStatus | null;
  episodes_seen: number | null;
  updated_at: string;
  /** The days the person watched the title, oldest first (a Letterboxd diary import; migration 0004). */
  watched_on: string[];
}

export interface TitleReviewQuery {
  sort: ReviewSort;
  spoilers: 'include' | 'exclude';
  rating_min?: number;
  rating_max?: number;
  cursor?: string;
  limit: number;
}

const SCORE_KEYS = ['story', 'acting', 'music', 'rewatch'] as const;

export class ReviewsService {
  readonly #reviews: ReviewsStore;
  readonly #catalog: CatalogStore;
  readonly #ratings: RatingsStore;

  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
    /** Mention links of the body (issue 6); none are stored when absent. */
    private readonly mentions: MentionsService | null,
    /** Quality checks, near-duplicates and the policy (issue 5), as configured. */
    private readonly quality: QualityService,
  ) {
    this.#reviews = new ReviewsStore(db.kysely);
    this.#catalog = new CatalogStore(db.kysely);
    this.#ratings = new RatingsStore(db.kysely);
  }

  /** The quality checks alone, saving nothing (live hints while writing). */
  check(input: { headline: string; body: string }): Quality {
    return this.quality.signals(input);
  }

  async create(actorOrNull: Actor | null, titleSlug: string, input: ReviewInput): Promise<{ review: ReviewJson; quality: Quality }> {
    const actor = requireActor(actorOrNull);
    const title = await this.#title(titleSlug);
    const fields = validateReview(input, title);
    const assessment = await this.quality.assess({ headline: fields.headline, body: fields.body, authorId: actor.id });
    const quality = assessment.quality;
    const placed = statusAfterPolicy(null, assessment.decision.outcome);
    const mentionsJson = (await this.mentions?.mentionsJsonOf(fields.body)) ?? '[]';
    const now = this.clock.now().toISOString();
    const id = await translatingUnique(
      this.db,
      { 'reviews.author_id': () => new AppError('review_exists'), 'reviews.title_id': () => new AppError('review_exists') },
      () =>
        this.writes.run(async (trx) => {
          const reviews = new ReviewsStore(trx);
          if (await reviews.byAuthorAndTitle(actor.id, title.id)) throw new AppError('review_exists');
          const reviewId = await reviews.insert({
            ...fields,
            title_id: title.id,
            author_id: actor.id,
            status: placed.status,
            status_cause: placed.cause,
            status_reason: placed.status === 'pending' ? assessment.decision.reason : null,
            quality_json: JSON.stringify(quality.warnings),
            mentions_json: mentionsJson,
            created_at: now,
            updated_at: now,
          });
          await new RatingsStore(trx).put({ userId: actor.id, titleId: title.id, ratingX2: fields.rating_x2, watchStatus: fields.watch_status, episodesSeen: fields.episodes_seen, now });
          await new LshStore(trx).add([{ reviewId, buckets: assessment.buckets }]);
          if (placed.status === 'pending') await logHold(trx, reviewId, assessment.decision.reason ?? '', now);
          return reviewId;
        }),
    );
    this.changes.publish({ kind: 'title', titleId: title.id });
    const record = await this.#record(id);
    return { review: withStatusReason(reviewJson(record, null), record), quality };
  }

  /** A review as the caller may see it; the quality report too for its author and moderators. */
  async get(actor: Actor | null, id: number): Promise<{ review: ReviewJson; quality?: Quality }> {
    const record = await this.#record(id);
    if (!canSeeReview(actor, { authorId: record.author_id, status: record.status })) throw notFound('No review has that id.');
    const myVote = actor ? ((await this.#reviews.votesBy(actor.id, [id])).get(id) ?? null) : undefined;
    const review = reviewJson(record, myVote);
    if (actor && (actor.id === record.author_id || isModerator(actor))) {
      return { review: withStatusReason(review, record), quality: { warnings: storedWarnings(record), suggested_body: checkQuality(record).suggested_body } };
    }
    return { review };
  }

  async update(actorOrNull: Actor | null, id: number, patch: ReviewPatch): Promise<{ review: ReviewJson; quality: Quality }> {
    const actor = requireActor(actorOrNull);
    const current = await this.#record(id);
    const owner = { authorId: current.author_id };
    if (!canSeeReview(actor, { authorId: current.author_id, status: current.status })) throw notFound('No review has that id.');
    const { status, reason, ...content } = patch;
    const editsContent = Object.keys(content).length > 0;
    if (editsContent && !canEditReview(actor, owner)) throw forbidden('Only the author can edit a review.');
    if (status !== undefined && !canChangeReviewStatus(actor)) throw forbidden('Only moderators can change a review’s status.');
    // A status change alone (moderation) does not re-judge the text.
    const fields = editsContent ? validateReview(mergeReview(current, content), await this.#title(current.title_slug)) : null;
    // Only a new text is judged again, and, like the quality scan, only against older reviews: a later
    // copy of this review must not make its author's rating change hold the original.
    const textEdited = fields !== null && (fields.headline !== current.headline || fields.body !== current.body);
    const assessment: Assessment | null = textEdited
      ? await this.quality.assess({ headline: fields.headline, body: fields.body, authorId: current.author_id, selfId: id, belowId: id })
      : null;
    const quality: Quality = assessment ? assessment.quality : { warnings: storedWarnings(current), suggested_body: checkQuality(current).suggested_body };
    const mentionsJson = fields && fields.body !== current.body ? await this.mentions?.mentionsJsonOf(fields.body) : undefined;
    const now = this.clock.now().toISOString();
    await this.writes.run(async (trx) => {
      const reviews = new ReviewsStore(trx);
      const row = await reviews.byAuthorAndTitle(current.author_id, current.title_id);
      if (!row) throw notFound('No review has that id.');
      const changes: ReviewUpdate = {};
      if (fields) {
        Object.assign(changes, fields, { quality_json: JSON.stringify(quality.warnings), updated_at: now });
        if (mentionsJson !== undefined) changes.mentions_json = mentionsJson;
        const textChanged =
          row.headline !== fields.headline || row.body !== fields.body || row.rating_x2 !== fields.rating_x2 || row.contains_spoilers !== fields.contains_spoilers;
        if (textChanged) await reviews.saveRevision(row, now);
        if (row.body !== fields.body && (row.status === 'published' || row.status === 'pending')) {
          // Re-index under the new text (the policy's status change below keeps the index in step).
          const lsh = new LshStore(trx);
          await lsh.remove(row.id, fingerprint(row.body).buckets);
          await lsh.add([{ reviewId: row.id, buckets: assessment!.buckets }]);
        }
        if (row.rating_x2 !== fields.rating_x2 || row.watch_status !== fields.watch_status || row.episodes_seen !== fields.episodes_seen) {
          await new RatingsStore(trx).put({ userId: row.author_id, titleId: row.title_id, ratingX2: fields.rating_x2, watchStatus: fields.watch_status, episodesSeen: fields.episodes_seen, now });
        }
      }
      if (Object.keys(changes).length) await reviews.update(row.id, changes);
      if (status !== undefined && status !== row.status) {
        // A moderator's status change: logged like every moderation action (reason optional here).
        await changeStatus(trx, { ...row, ...changes } as ReviewRow, {
          to: status,
          cause: 'moderator',
          reason: reason?.trim() || `Status set to ${status} through PATCH /api/v1/reviews/${row.id} without a reason.`,
          action: actionForStatusChange(row.status, status),
          moderatorId: actor.id,
          now,
        });
      } else if (assessment) {
        // The edited text goes through the policy again: it may hold a published review or release one it held.
        const placed = statusAfterPolicy({ status: row.status, cause: row.status_cause }, assessment.decision.outcome);
        const edited = { ...row, ...changes } as ReviewRow;
        if (placed.changed) {
          await changeStatus(trx, edited, {
            to: placed.status,
            cause: placed.cause,
            reason: assessment.decision.reason ?? 'The edited text is no longer held by the quality checks.',
            action: placed.status === 'pending' ? 'hold' : 'publish',
            moderatorId: null,
            now,
          });
        } else if (row.status === 'pending' && row.status_cause === 'quality' && assessment.decision.reason) {
          await reviews.update(row.id, { status_reason: assessment.decision.reason });
        }
      }
    });
    this.changes.publish({ kind: 'title', titleId: current.title_id });
    const myVote = (await this.#reviews.votesBy(actor.id, [id])).get(id) ?? null;
    const record = await this.#record(id);
    return { review: withStatusReason(reviewJson(record, myVote), record), quality };
  }

  async delete(actorOrNull: Actor | null, id: number): Promise<void> {
    const actor = requireActor(actorOrNull);
    const current = await this.#record(id);
    if (!canSeeReview(actor, { authorId: current.author_id, status: current.status })) throw notFound('No review has that id.');
    if (!canDeleteReview(actor, { authorId: current.author_id })) throw forbidden('Only the author or a moderator can delete a review.');
    // The rating stays: a person who deletes their review still rated the title.
    const now = this.clock.now().toISOString();
    await this.writes.run(async (trx) => {
      // A moderator deleting someone else's review is a moderation action: it goes into the log.
      if (actor.id !== current.author_id) {
        const what = await reviewTarget(trx, current.id);
        await new ModerationStore(trx).log({
          created_at: now,
          moderator_id: actor.id,
          action: 'remove',
          review_id: current.id,
          user_id: current.author_id,
          target: what?.target ?? `review ${current.id}`,
          from_status: current.status,
          to_status: null,
          reason: 'Deleted through DELETE /api/v1/reviews/' + current.id + '.',
        });
      }
      await new LshStore(trx).remove(current.id, fingerprint(current.body).buckets);
      await new ReviewsStore(trx).delete(current);
    });
    this.changes.publish({ kind: 'title', titleId: current.title_id });
  }

  async listForTitle(actor: Actor | null, titleSlug: string, q: TitleReviewQuery): Promise<Page<ReviewJson>> {
    const title = await this.#title(titleSlug);
    return this.listForTitleId(actor, title.id, q);
  }

  async listForTitleId(actor: Actor | null, titleId: number, q: TitleReviewQuery): Promise<Page<ReviewJson>> {
    if (q.rating_min !== undefined && q.rating_max !== undefined && q.rating_min > q.rating_max) {
      throw invalid('rating_min', 'rating_min cannot be more than rating_max.');
    }
    const sort = q.sort;
    const after = q.cursor ? decodeCursor(q.cursor, (v): v is (string | number)[] => isCursorFor(sort, v)) : undefined;
    const rows = await this.#reviews.listForTitle({
      titleId,
      sort,
      publishedOnly: !isModerator(actor),
      excludeSpoilers: q.spoilers === 'exclude',
      ratingMinX2: q.rating_min === undefined ? undefined : Math.ceil(q.rating_min * 2),
      ratingMaxX2: q.rating_max === undefined ? undefined : Math.floor(q.rating_max * 2),
      after,
      limit: q.limit + 1,
    });
    return this.#page(actor, rows, q.limit, (r) => cursorValuesOf(sort, r));
  }

  async listForAuthor(actor: Actor | null, authorId: number, q: { cursor?: string; limit: number }): Promise<Page<ReviewJson>> {
    const after = q.cursor ? decodeCursor(q.cursor, (v): v is (string | number)[] => isCursorFor('recent', v)) : undefined;
    const seesAll = isModerator(actor);
    const rows = await this.#reviews.listForAuthor({ authorId, publishedOnly: !seesAll, after, limit: q.limit + 1 });
    return this.#page(actor, rows, q.limit, (r) => cursorValuesOf('recent', r));
  }

  /**
   * For the home page: the newest published reviews, and the most helpful among the latest `pool`
   * (helpful_score, then votes, then newest — the title listing's order).
   */
  async latest(actor: Actor | null, q: { newest: number; helpful: number; pool: number }): Promise<{ newest: ReviewJson[]; helpful: ReviewJson[] }> {
    const rows = await this.#reviews.listNewest({ publishedOnly: true, limit: Math.max(q.pool, q.newest) });
    const helpfulRows = rows
      .filter((r) => r.helpful_yes > 0)
      .sort((a, b) => b.helpful_score - a.helpful_score || b.helpful_yes + b.helpful_no - (a.helpful_yes + a.helpful_no) || (a.created_at < b.created_at ? 1 : -1))
      .slice(0, q.helpful);
    const newestRows = rows.slice(0, q.newest);
    const votes = actor ? await this.#reviews.votesBy(actor.id, [...new Set([...newestRows, ...helpfulRows].map((r) => r.id))]) : null;
    const present = (r: ReviewRecord) => reviewJson(r, votes ? (votes.get(r.id) ?? null) : undefined);
    return { newest: newestRows.map(present), helpful: helpfulRows.map(present) };
  }

  /** The caller's own review of a title (any status but removed), or null (the web write/edit form). */
  async ownReview(actorOrNull: Actor | null, titleSlug: string): Promise<ReviewJson | null> {
    const actor = requireActor(actorOrNull);
    const title = await this.#title(titleSlug);
    const row = await this.#reviews.byAuthorAndTitle(actor.id, title.id);
    if (!row || row.status === 'removed') return null;
    return reviewJson(await this.#record(row.id), null);
  }

  async #page(actor: Actor | null, rows: ReviewRecord[], limit: number, key: (r: ReviewRecord) => unknown): Promise<Page<ReviewJson>> {
    const votes = actor ? await this.#reviews.votesBy(actor.id, rows.slice(0, limit).map((r) => r.id)) : null;
    return pageOf(rows, limit, (r) => reviewJson(r, votes ? (votes.get(r.id) ?? null) : undefined), key);
  }

  // Ratings without a review ------------------------------------------------------------------

  async putRating(actorOrNull: Actor | null, titleSlug: string, input: RatingInput): Promise<RatingJson> {
    const actor = requireActor(actorOrNull);
    const title = await this.#title(titleSlug);
    if (!isValidRating(input.rating)) throw invalid('rating', 'A rating is 1 to 10 in steps of 0.5.');
    const problem = episodesSeenProblem(input.episodes_seen, title.episodes);
    if (problem) throw invalid('episodes_seen', problem);
    const now = this.clock.now().toISOString();
    const row = await this.writes.run((trx) =>
      new RatingsStore(trx).put({
        userId: actor.id,
        titleId: title.id,
        ratingX2: toHalfPoints(input.rating),
        watchStatus: input.watch_status ?? null,
        episodesSeen: input.episodes_seen ?? null,
        now,
      }),
    );
    this.changes.publish({ kind: 'title', titleId: title.id });
    return ratingJson(row, await new PersonalDataStore(this.db.kysely).watchDates(actor.id, title.id));
  }

  async getRating(actorOrNull: Actor | null, titleSlug: string): Promise<RatingJson> {
    const actor = requireActor(actorOrNull);
    const title = await this.#title(titleSlug);
    const row = await this.#ratings.get(actor.id, title.id);
    if (!row) throw notFound('You have not rated this title.');
    return ratingJson(row, await new PersonalDataStore(this.db.kysely).watchDates(actor.id, title.id));
  }

  async deleteRating(actorOrNull: Actor | null, titleSlug: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const title = await this.#title(titleSlug);
    await this.writes.run((trx) => new RatingsStore(trx).delete(actor.id, title.id));
    this.changes.publish({ kind: 'title', titleId: title.id });
  }

  async #title(slug: string): Promise<TitleRow> {
    const title = await this.#catalog.titleBySlug(slug);
    if (!title) throw notFound('No title has that slug.');
    return title;
  }

  async #record(id: number): Promise<ReviewRecord> {
    const record = await this.#reviews.byId(id);
    if (!record) throw notFound('No review has that id.');
    return record;
  }
}

const ratingJson = (r: { rating_x2: number; watch_status: string | null; episodes_seen: number | null; updated_at: string }, watchedOn: string[]): RatingJson => ({
  rating: fromHalfPoints(r.rating_x2),
  watch_status: r.watch_status as WatchStatus | null,
  episodes_seen: r.episodes_seen,
  updated_at: r.updated_at,
  watched_on: watchedOn,
});

/** The review as it will be after `content` is applied to the stored one. */
function mergeReview(current: ReviewRow, content: Partial<ReviewInput>): ReviewInput {
  return {
    headline: content.headline ?? current.headline,
    body: content.body ?? current.body,
    rating: content.rating ?? fromHalfPoints(current.rating_x2),
    scores: { ...scoresOf(current), ...content.scores },
    watch_status: content.watch_status !== undefined ? content.watch_status : (current.watch_status as WatchStatus | null),
    episodes_seen: content.episodes_seen !== undefined ? content.episodes_seen : current.episodes_seen,
    contains_spoilers: content.contains_spoilers ?? current.contains_spoilers === 1,
  };
}

function scoresOf(r: ReviewRow): SubScores {
  const h = (x: number | null) => (x === null ? null : fromHalfPoints(x));
  return { story: h(r.story_x2), acting: h(r.acting_x2), music: h(r.music_x2), rewatch: h(r.rewatch_x2) };
}

/** Business rules beyond the HTTP schema; returns the stored columns. */
function validateReview(input: ReviewInput, title: TitleRow) {
  const headline = input.headline.trim();
  if (!headline) throw invalid('headline', 'A review needs a headline.');
  if (!isValidRating(input.rating)) throw invalid('rating', 'A rating is 1 to 10 in steps of 0.5.');
  const x2 = {} as Record<(typeof SCORE_KEYS)[number], number | null>;
  for (const key of SCORE_KEYS) {
    const v = input.scores?.[key];
    if (v !== undefined && v !== null && !isValidRating(v)) throw invalid(`scores.${key}`, `The ${key} score is 1 to 10 in steps of 0.5.`);
    x2[key] = v === undefined || v === null ? null : toHalfPoints(v);
  }
  const problem = episodesSeenProblem(input.episodes_seen, title.episodes);
  if (problem) throw invalid('episodes_seen', problem);
  return {
    headline,
    body: input.body,
    rating_x2: toHalfPoints(input.rating),
    story_x2: x2.story,
    acting_x2: x2.acting,
    music_x2: x2.music,
    rewatch_x2: x2.rewatch,
    watch_status: input.watch_status ?? null,
    episodes_seen: input.episodes_seen ?? null,
    contains_spoilers: input.contains_spoilers ? 1 : 0,
  };
}

/** The author and moderators see why a review is not published (`status_reason`, only when there is one). */
function withStatusReason<T extends object>(json: T, record: { status_reason: string | null }): T & { status_reason?: string } {
  return record.status_reason ? { ...json, status_reason: record.status_reason } : json;
}

/** Logs a review the quality policy held when it was written (the system's action). */
async function logHold(trx: WriteTransaction, reviewId: number, reason: string, now: string): Promise<void> {
  const what = await reviewTarget(trx, reviewId);
  await new ModerationStore(trx).log({
    created_at: now,
    moderator_id: null,
    action: 'hold',
    review_id: reviewId,
    user_id: what?.authorId ?? null,
    target: what?.target ?? `review ${reviewId}`,
    from_status: null,
    to_status: 'pending',
    reason,
  });
}
