// Who may do what. Pure predicates over plain data; services call them before every write.
import { AppError } from './errors.js';

export const ROLES = ['member', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: number;
  role: Role;
  suspended?: boolean;
}

export const isModerator = (actor: Actor | null): boolean =>
  actor !== null && (actor.role === 'moderator' || actor.role === 'admin');

export const canEditCatalog = isModerator;

export const canEditReview = (actor: Actor | null, review: { authorId: number }): boolean =>
  actor !== null && actor.id === review.authorId;

export const canDeleteReview = (actor: Actor | null, review: { authorId: number }): boolean =>
  canEditReview(actor, review) || isModerator(actor);

/** Moderators may set a review's status; authors may not (except by deleting it). */
export const canChangeReviewStatus = isModerator;

/** Only published reviews are visible to everyone; their author and moderators see the rest. */
export const canSeeReview = (actor: Actor | null, review: { authorId: number; status: string }): boolean =>
  review.status === 'published' || isModerator(actor) || (actor !== null && actor.id === review.authorId && review.status !== 'removed');

/** The caller of a write: signed in and not suspended. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated');
  if (actor.suspended) throw new AppError('account_suspended');
  return actor;
}

/** The first account on an instance without an admin runs it. */
export const roleForNewAccount = (instanceHasAdmin: boolean): Role => (instanceHasAdmin ? 'member' : 'admin');
