// Moderation rules: which action applies to which review status, what it leads to, when readers'
// reports hold a review, and who may suspend whom. Plain functions; the moderation service calls them.
import { AppError, invalid } from './errors.js';
import type { Actor } from './permissions.js';

export const REVIEW_ACTIONS = ['publish', 'hide', 'remove', 'restore'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
export const USER_ACTIONS = ['suspend', 'reinstate'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
/** What the log records: the moderators' actions, plus `hold` (a review set pending by the policy, reports or PATCH). */
export type LoggedAction = ReviewAction | UserAction | 'hold';

export type Status = 'published' | 'pending' | 'hidden' | 'removed';

/**
 * Status changes a moderator's action makes:
 *   publish  pending → published (approve a held review); on a published review with open
 *            reports it keeps it published and closes the reports (dismiss)
 *   hide     published, pending → hidden (readers no longer see it; its author still does)
 *   remove   published, pending, hidden → removed (nobody but moderators sees it)
 *   restore  hidden, removed → published
 */
const FROM: Record<ReviewAction, readonly Status[]> = {
  publish: ['pending', 'published'],
  hide: ['published', 'pending'],
  remove: ['published', 'pending', 'hidden'],
  restore: ['hidden', 'removed'],
};
const TO: Record<ReviewAction, Status> = { publish: 'published', hide: 'hidden', remove: 'removed', restore: 'published' };

export function reviewActionResult(action: ReviewAction, current: Status): Status {
  if (!FROM[action].includes(current)) {
    throw new AppError('status_conflict', `A ${current} review cannot be given “${action}”; that action applies to ${FROM[action].join(' or ')} reviews.`);
  }
  return TO[action];
}

/** The action a plain status change (PATCH /api/v1/reviews/{id}) is logged as. */
export function actionForStatusChange(from: Status, to: Status): LoggedAction {
  if (to === 'published') return from === 'hidden' || from === 'removed' ? 'restore' : 'publish';
  if (to === 'hidden') return 'hide';
  if (to === 'removed') return 'remove';
  return 'hold';
}

/** Publishing or restoring closes the reports received so far: only later ones count again. */
export const closesReports = (action: LoggedAction): boolean => action === 'publish' || action === 'restore';

/** Distinct accounts whose open reports send a published review to `pending` (the 3). */
export const REPORTS_TO_HOLD = 3;

export const shouldHoldForReports = (openReporters: number, status: Status): boolean => status === 'published' && openReporters >= REPORTS_TO_HOLD;

export const reportsHoldReason = (n: number) => `Held for a moderator: reported by ${n} accounts.`;

export const REASON_MAX = 500;

/** Every moderator action needs a reason: trimmed, 1 to 500 characters. */
export function validReason(reason: unknown, field = 'reason'): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) throw invalid(field, 'Give a reason for this action; it is shown in the public moderation log.');
  if ([...text].length > REASON_MAX) throw invalid(field, `A reason is at most ${REASON_MAX} characters.`);
  return text;
}

/**
 * Moderators suspend and reinstate members; admins anyone else. Nobody suspends themselves (a
 * moderator who could would lock the instance's last admin out).
 */
export function canModerateAccount(actor: Actor, target: { id: number; role: 'member' | 'moderator' | 'admin' }): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'moderator' && target.role === 'member';
}
