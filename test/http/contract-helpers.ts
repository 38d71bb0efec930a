// Shared assertions for the HTTP contract tests (../shared/CONTRACT.md): the error envelope and the
// exact field sets of the contract's objects.
import { expect } from 'vitest';
import type { Reply } from '../support/server.js';

/** `2026-11-24T19:08:21.000Z` */
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const USER_KEYS = ['created_at', 'display_name', 'handle', 'id', 'role'];

export const REVIEW_KEYS = [
  'author',
  'body',
  'contains_spoilers',
  'created_at',
  'episodes_seen',
  'headline',
  'helpful',
  'helpful_score',
  'id',
  'mentions',
  'rating',
  'scores',
  'status',
  'title',
  'updated_at',
  'watch_status',
];

export const sortedKeys = (o: object) => Object.keys(o).sort();

/**
 * A non-2xx answer in the contract's envelope: `{"error": {"code", "message", "field"?}}`, JSON, and
 * nothing else in the body.
 */
export function expectError(res: Reply, status: number, code: string, field?: string): void {
  const detail = `${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body)}`;
  expect(res.status, detail).toBe(status);
  expect(res.headers.get('content-type') ?? '', detail).toMatch(/^application\/json/);
  expect(typeof res.body, detail).toBe('object');
  expect(sortedKeys(res.body), detail).toEqual(['error']);
  const err = res.body.error;
  expect(err.code, detail).toBe(code);
  expect(typeof err.message, detail).toBe('string');
  expect(err.message.length, detail).toBeGreaterThan(0);
  for (const k of Object.keys(err)) expect(['code', 'message', 'field'], detail).toContain(k);
  if (field !== undefined) expect(err.field, detail).toBe(field);
  // Never a stack trace.
  expect(JSON.stringify(res.body), detail).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

/** Any well-formed error envelope (code in snake_case), whatever the code. */
export function expectEnvelope(res: Reply): void {
  const detail = `${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body)}`;
  expect(res.status, detail).toBeGreaterThanOrEqual(400);
  expect(res.status, detail).toBeLessThan(500);
  expect(res.headers.get('content-type') ?? '', detail).toMatch(/^application\/json/);
  expect(sortedKeys(res.body), detail).toEqual(['error']);
  expect(res.body.error.code, detail).toMatch(/^[a-z]+(_[a-z]+)*$/);
  expect(typeof res.body.error.message, detail).toBe('string');
}

/** The contract's Review object, field for field. `myVote` undefined → the field must be absent. */
export function expectReviewShape(review: any, opts: { anonymous: boolean }): void {
  const keys = opts.anonymous ? REVIEW_KEYS : [...REVIEW_KEYS, 'my_vote'].sort();
  expect(sortedKeys(review)).toEqual(keys);
  expect(Number.isInteger(review.id)).toBe(true);
  expect(sortedKeys(review.title)).toEqual(['name', 'slug', 'year']);
  expect(sortedKeys(review.author)).toEqual(['display_name', 'handle']);
  expect(sortedKeys(review.scores)).toEqual(['acting', 'music', 'rewatch', 'story']);
  expect(sortedKeys(review.helpful)).toEqual(['no', 'yes']);
  expect(typeof review.headline).toBe('string');
  expect(typeof review.body).toBe('string');
  expect(typeof review.rating).toBe('number');
  expect(typeof review.contains_spoilers).toBe('boolean');
  expect(['published', 'pending', 'hidden', 'removed']).toContain(review.status);
  expect(typeof review.helpful_score).toBe('number');
  expect(review.created_at).toMatch(ISO_UTC);
  expect(review.updated_at).toMatch(ISO_UTC);
  if (!opts.anonymous) expect([true, false, null]).toContain(review.my_vote);
  expect(Array.isArray(review.mentions)).toBe(true);
  for (const m of review.mentions) expect(sortedKeys(m)).toEqual(['end', 'name', 'slug', 'start', 'type']);
}

/** Lower bound of the 95 % Wilson interval, computed here independently of src/. */
export function wilson(yes: number, no: number): number {
  const n = yes + no;
  if (n === 0) return 0;
  const z = 1.959964;
  const p = yes / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n)) / (1 + (z * z) / n);
}
