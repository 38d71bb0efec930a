// "Was this review helpful to you?" — one vote per person per review, counts exact under any
// concurrency: the vote and the review's counts change in one transaction, with the review's row
// locked, and votes arriving together commit together (src/store/write-queue.ts). On a SQLite file
// that transaction runs on the writer thread (src/services/writer-thread.ts), so the server thread
// goes on answering requests while a group of votes is made durable.
import { VotesStore } from '../store/votes.store.js';
import type { WriteTransaction } from '../store/write-queue.js';
import { AppError, notFound } from '../domain/errors.js';
import { helpfulScore } from '../domain/ranking.js';
import { voteDelta, type VoteValue } from '../domain/votes.js';
import type { Actor } from '../domain/permissions.js';
import { requireActor } from '../domain/permissions.js';
import type { ChangeFeed } from './changes.js';
import type { Clock } from './clock.js';
import type { NamedWrites } from './named-writes.js';

export interface VoteResult {
  helpful: { yes: number; no: number };
  helpful_score: number;
  my_vote: boolean | null;
}

export interface VoteInput {
  voterId: number;
  reviewId: number;
  helpful: VoteValue;
  /** ISO time of the vote. */
  now: string;
}

export interface VoteOutcome {
  result: VoteResult;
  titleId: number;
  /** Whether anything was written (a repeated vote changes nothing). */
  changed: boolean;
}

/** The vote's transaction: plain data in, plain data out, so it can run on another thread. */
export async function recordVote(trx: WriteTransaction, input: VoteInput): Promise<VoteOutcome> {
  const { voterId, reviewId, helpful, now } = input;
  const votes = new VotesStore(trx);
  const review = await votes.lockReview(reviewId);
  if (!review || review.status !== 'published') throw notFound('No published review has that id.');
  if (review.author_id === voterId) throw new AppError('own_review');
  // Read after the lock, never in the same statement: on PostgreSQL a statement that waited for the
  // lock sees the other tables as they were when it started, and the voter's own concurrent vote
  // would be missed (test/http/votes-concurrency.test.ts catches it).
  const before = await votes.current(reviewId, voterId);
  const delta = voteDelta(before, helpful);
  const yes = review.helpful_yes + delta.yes;
  const no = review.helpful_no + delta.no;
  const score = helpfulScore(yes, no);
  const changed = delta.yes !== 0 || delta.no !== 0;
  if (changed) {
    if (helpful === null) await votes.remove(reviewId, voterId);
    else await votes.put(reviewId, voterId, helpful, now);
    await votes.setCounts(reviewId, yes, no, score);
  }
  return { result: { helpful: { yes, no }, helpful_score: score, my_vote: helpful }, titleId: review.title_id, changed };
}

export class VotesService {
  constructor(
    private readonly writes: NamedWrites,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  /** Sets (true/false) or withdraws (null) the caller's vote. */
  async vote(actorOrNull: Actor | null, reviewId: number, helpful: VoteValue): Promise<VoteResult> {
    const actor = requireActor(actorOrNull);
    const now = this.clock.now().toISOString();
    // Groups lock reviews in id order, so two groups never wait on each other's rows (PostgreSQL).
    const { result, titleId, changed } = await this.writes.run('vote', { voterId: actor.id, reviewId, helpful, now }, reviewId);
    if (changed) this.changes.publish({ kind: 'title', titleId });
    return result;
  }
}
