// PageCache.fill: readers who miss together share one build, and a change during a build is never
// hidden by it. Plain data in and out, no server (test/http/page-cache.test.ts covers the routes).
import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/http/page-cache.js';

/** A build the test finishes by hand, counting how often it was started. */
function gatedBuilds() {
  const started: { resolve(value: string): void; reject(err: Error): void }[] = [];
  const build = () => new Promise<string>((resolve, reject) => started.push({ resolve, reject }));
  return { started, build };
}

const TITLE = 7;

describe('PageCache.fill', () => {
  it('builds a missing page once for every reader who asks while it is built, then serves it stored', async () => {
    const cache = new PageCache<string>();
    const { started, build } = gatedBuilds();
    const readers = Array.from({ length: 5 }, () => cache.fill(TITLE, 'k', build));
    expect(started).toHaveLength(1);
    started[0]!.resolve('page v1');
    expect(await Promise.all(readers)).toEqual(Array(5).fill('page v1'));
    expect(cache.get('k')).toBe('page v1');
    expect(await cache.fill(TITLE, 'k', build)).toBe('page v1');
    expect(started).toHaveLength(1);
  });

  it('starts a new build for readers after a change, and does not store the one that began before it', async () => {
    const cache = new PageCache<string>();
    const { started, build } = gatedBuilds();
    const before = cache.fill(TITLE, 'k', build);
    cache.invalidate(TITLE); // e.g. a vote committed while the page was being read
    const after = cache.fill(TITLE, 'k', build);
    expect(started).toHaveLength(2);
    started[0]!.resolve('stale');
    expect(await before).toBe('stale'); // its reader asked before the change
    expect(cache.get('k')).toBeUndefined();
    started[1]!.resolve('fresh');
    expect(await after).toBe('fresh');
    expect(cache.get('k')).toBe('fresh');
  });

  it('shares a build only between readers of the same key, and a change to another title leaves it alone', async () => {
    const cache = new PageCache<string>();
    const { started, build } = gatedBuilds();
    const a = cache.fill(TITLE, 'a', build);
    const b = cache.fill(TITLE, 'b', build);
    cache.invalidate(TITLE + 1);
    const a2 = cache.fill(TITLE, 'a', build);
    expect(started).toHaveLength(2);
    started[0]!.resolve('A');
    started[1]!.resolve('B');
    expect([await a, await b, await a2]).toEqual(['A', 'B', 'A']);
    expect(cache.get('a')).toBe('A');
  });

  it('gives every waiting reader a failed build’s error, stores nothing, and builds again for the next', async () => {
    const cache = new PageCache<string>();
    const { started, build } = gatedBuilds();
    const readers = [cache.fill(TITLE, 'k', build), cache.fill(TITLE, 'k', build)];
    started[0]!.reject(new Error('database gone'));
    for (const r of readers) await expect(r).rejects.toThrow('database gone');
    expect(cache.get('k')).toBeUndefined();
    const next = cache.fill(TITLE, 'k', build);
    expect(started).toHaveLength(2);
    started[1]!.resolve('page');
    expect(await next).toBe('page');
  });
});
