// "Was this review helpful to you?" — one vote per person per review, counts exact under any
// concurrency: the vote and the review's counts change in one transaction, with the review's row
// locked, and votes arriving together commit together (src/store/write-queue.ts).
import type { Db } from '../store/db.js';
import { VotesStore } from '../store/votes.store.js';
import type { WriteQueue } from '../store/write-queue.js';
import { AppError, notFound } from '../domain/errors.js';
import { helpfulScore } from '../domain/ranking.js';
import { voteDelta, type VoteValue } from '../domain/votes.js';
import type { Actor } from '../domain/permissions.js';
import { requireActor } from '../domain/permissions.js';
import type { ChangeFeed } from './changes.js';
import type { Clock } from './clock.js';

export interface VoteResult {
  helpful: { yes: number; no: number };
  helpful_score: number;
  my_vote: boolean | null;
}

export class VotesService {
  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  /** Sets (true/false) or withdraws (null) the caller's vote. */
  async vote(actorOrNull: Actor | null, reviewId: number, helpful: VoteValue): Promise<VoteResult> {
    const actor = requireActor(actorOrNull);
    const now = this.clock.now().toISOString();
    const { result, titleId, changed } = await this.writes.run(async (trx) => {
      const votes = new VotesStore(trx, this.db.engine);
      const review = await votes.lockReview(reviewId);
      if (!review || review.status !== 'published') throw notFound('No published review has that id.');
      if (review.author_id === actor.id) throw new AppError('own_review');
      const before = await votes.current(reviewId, actor.id);
      const delta = voteDelta(before, helpful);
      const yes = review.helpful_yes + delta.yes;
      const no = review.helpful_no + delta.no;
      const score = helpfulScore(yes, no);
      const changed = delta.yes !== 0 || delta.no !== 0;
      if (changed) {
        if (helpful === null) await votes.remove(reviewId, actor.id);
        else await votes.put(reviewId, actor.id, helpful, now);
        await votes.setCounts(reviewId, yes, no, score);
      }
      return { result: { helpful: { yes, no }, helpful_score: score, my_vote: helpful }, titleId: review.title_id, changed };
    }, reviewId);
    if (changed) this.changes.publish({ kind: 'title', titleId });
    return result;
  }
}
