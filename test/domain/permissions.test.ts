import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ROLES,
  isModerator,
  canEditCatalog,
  canEditReview,
  canDeleteReview,
  canChangeReviewStatus,
  canSeeReview,
  roleForNewAccount,
  type Actor,
  type Role,
} from '../../src/domain/permissions.js';

const member: Actor = { id: 1, role: 'member' };
const otherMember: Actor = { id: 2, role: 'member' };
const moderator: Actor = { id: 3, role: 'moderator' };
const admin: Actor = { id: 4, role: 'admin' };

const reviewBy = (authorId: number, status = 'published') => ({ authorId, status });

describe('roles', () => {
  it('are member, moderator, admin', () => {
    expect([...ROLES]).toEqual(['member', 'moderator', 'admin']);
  });

  it('moderators and admins moderate; members and anonymous do not', () => {
    expect(isModerator(member)).toBe(false);
    expect(isModerator(moderator)).toBe(true);
    expect(isModerator(admin)).toBe(true);
    expect(isModerator(null)).toBe(false);
  });

  it('only moderators and admins edit the catalog or change a review\'s status', () => {
    for (const check of [canEditCatalog, canChangeReviewStatus]) {
      expect(check(null)).toBe(false);
      expect(check(member)).toBe(false);
      expect(check(moderator)).toBe(true);
      expect(check(admin)).toBe(true);
    }
  });
});

describe('editing and deleting reviews', () => {
  it('a member edits and deletes their own review', () => {
    expect(canEditReview(member, reviewBy(1))).toBe(true);
    expect(canDeleteReview(member, reviewBy(1))).toBe(true);
  });

  it('a member cannot edit or delete another member\'s review', () => {
    expect(canEditReview(otherMember, reviewBy(1))).toBe(false);
    expect(canDeleteReview(otherMember, reviewBy(1))).toBe(false);
  });

  it('a moderator can delete but not edit someone else\'s review', () => {
    expect(canDeleteReview(moderator, reviewBy(1))).toBe(true);
    expect(canEditReview(moderator, reviewBy(1))).toBe(false);
  });

  it('an admin can delete but not edit someone else\'s review', () => {
    expect(canDeleteReview(admin, reviewBy(1))).toBe(true);
    expect(canEditReview(admin, reviewBy(1))).toBe(false);
  });

  it('a moderator edits their own review', () => {
    expect(canEditReview(moderator, reviewBy(3))).toBe(true);
  });

  it('anonymous can do neither', () => {
    expect(canEditReview(null, reviewBy(1))).toBe(false);
    expect(canDeleteReview(null, reviewBy(1))).toBe(false);
  });

  const role = fc.constantFrom<Role>(...ROLES);
  const id = fc.integer({ min: 1, max: 5 });

  it('property: edit ⇔ author; delete ⇔ author or moderator/admin; edit ⇒ delete', () => {
    fc.assert(
      fc.property(id, role, id, (actorId, r, authorId) => {
        const actor: Actor = { id: actorId, role: r };
        const review = reviewBy(authorId);
        const edit = canEditReview(actor, review);
        const del = canDeleteReview(actor, review);
        return edit === (actorId === authorId) && del === (actorId === authorId || r !== 'member') && (!edit || del);
      }),
    );
  });
});

describe('seeing reviews', () => {
  it('everyone sees published reviews', () => {
    for (const a of [null, member, otherMember, moderator, admin]) expect(canSeeReview(a, reviewBy(1))).toBe(true);
  });

  it.each(['pending', 'hidden'])('a %s review is seen by its author and moderators only', (status) => {
    expect(canSeeReview(null, reviewBy(1, status))).toBe(false);
    expect(canSeeReview(otherMember, reviewBy(1, status))).toBe(false);
    expect(canSeeReview(member, reviewBy(1, status))).toBe(true);
    expect(canSeeReview(moderator, reviewBy(1, status))).toBe(true);
    expect(canSeeReview(admin, reviewBy(1, status))).toBe(true);
  });

  it('a removed review is hidden from its author but seen by moderators', () => {
    expect(canSeeReview(member, reviewBy(1, 'removed'))).toBe(false);
    expect(canSeeReview(otherMember, reviewBy(1, 'removed'))).toBe(false);
    expect(canSeeReview(null, reviewBy(1, 'removed'))).toBe(false);
    expect(canSeeReview(moderator, reviewBy(1, 'removed'))).toBe(true);
  });
});

describe('roleForNewAccount', () => {
  it('the first account on an instance without an admin becomes admin', () => {
    expect(roleForNewAccount(false)).toBe('admin');
  });

  it('later accounts are members', () => {
    expect(roleForNewAccount(true)).toBe('member');
  });
});
