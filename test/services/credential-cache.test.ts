import { describe, expect, it } from 'vitest';
import { CredentialCache } from '../../src/services/credential-cache.js';
import type { UserRow } from '../../src/store/schema.js';

const user = (id: number): UserRow => ({
  id,
  handle: `u${id}`,
  handle_key: `u${id}`,
  email: `u${id}@example.test`,
  email_key: `u${id}@example.test`,
  display_name: `U ${id}`,
  password_hash: '!',
  role: 'member',
  suspended: 0,
  created_at: '2026-01-01T00:00:00.000Z',
});

describe('CredentialCache', () => {
  it('answers within its time limit and not after it', () => {
    const cache = new CredentialCache(5_000);
    cache.set('t:a', user(1), 1_000, cache.generation);
    expect(cache.get('t:a', 5_999)?.id).toBe(1);
    expect(cache.get('t:a', 6_000)).toBeUndefined();
    expect(cache.size).toBe(0); // an outdated entry is dropped when met
  });

  it('ends an entry at the session’s end when that comes first', () => {
    const cache = new CredentialCache(5_000);
    cache.set('s:a', user(1), 1_000, cache.generation, 2_500);
    expect(cache.get('s:a', 2_499)?.id).toBe(1);
    expect(cache.get('s:a', 2_500)).toBeUndefined();
  });

  it('keeps nothing when its time limit is 0', () => {
    const cache = new CredentialCache(0);
    expect(cache.enabled).toBe(false);
    cache.set('t:a', user(1), 1_000, cache.generation);
    expect(cache.get('t:a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('makes room by dropping the entry set longest ago', () => {
    const cache = new CredentialCache(60_000, 2);
    cache.set('t:a', user(1), 0, cache.generation);
    cache.set('t:b', user(2), 1, cache.generation);
    cache.set('t:a', user(1), 2, cache.generation); // set again: now the newest
    cache.set('t:c', user(3), 3, cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('t:b', 4)).toBeUndefined();
    expect(cache.get('t:a', 4)?.id).toBe(1);
    expect(cache.get('t:c', 4)?.id).toBe(3);
  });

  it('does not keep an answer read before a clear that came while it travelled', () => {
    const cache = new CredentialCache(60_000);
    const before = cache.generation;
    cache.clear(); // a logout or revocation commits while the lookup is under way
    cache.set('t:a', user(1), 0, before);
    expect(cache.get('t:a', 1)).toBeUndefined();
    cache.set('t:a', user(1), 0, cache.generation); // a lookup begun after it is kept
    expect(cache.get('t:a', 1)?.id).toBe(1);
  });

  it('forgets everything on clear', () => {
    const cache = new CredentialCache(60_000);
    cache.set('t:a', user(1), 0, cache.generation);
    cache.set('s:b', user(2), 0, cache.generation);
    cache.clear();
    expect(cache.get('t:a', 1)).toBeUndefined();
    expect(cache.get('s:b', 1)).toBeUndefined();
  });
});
