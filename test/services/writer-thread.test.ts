// Votes on a SQLite file commit on the writer thread, which shares SQLite's write lock with the
// server thread (src/services/writer-thread.ts); elsewhere they commit on the server thread.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOCHECKPOINT_FRAMES } from '../../src/store/dialect/sqlite.js';
import { CHECKPOINTER_DEFAULTS, fallbackFrames } from '../../src/store/dialect/sqlite-checkpointer.js';
import { InlineWrites } from '../../src/services/named-writes.js';
import { WriterThread } from '../../src/services/writer-thread.js';
import { SharedWriteLock } from '../../src/store/write-lock.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser } from '../support/factories.js';
import { TEST_ENGINES } from '../support/databases.js';
import { walIndex } from '../support/sqlite-wal.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A review, and `n` members who may vote on it. */
async function reviewAndVoters(server: TestServer, n: number) {
  const admin = await newAdmin(server);
  const title = await newTitle(server, admin);
  const author = await newUser(server);
  const review = await newReview(author, title.slug);
  const voters = await Promise.all(Array.from({ length: n }, () => newUser(server)));
  return { review, voters: voters.map((v) => ({ id: v.id, role: 'member' as const })) };
}

describe('writer thread on a SQLite file', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('records votes on the writer thread, waiting for the shared write lock like the server thread does', async () => {
    expect(server.ctx.namedWrites).toBeInstanceOf(WriterThread);
    const lock = server.ctx.writeLock!;
    const admin = await newAdmin(server);
    const title = await newTitle(server, admin);
    const author = await newUser(server);
    const voter = await newUser(server);
    const review = await newReview(author, title.slug);
    const first = await newUser(server);
    await server.ctx.services.votes.vote({ id: first.id, role: 'member' }, review.id, false); // the thread is up

    // While the lock is held elsewhere, neither thread writes: a vote sent now is answered only after
    // the lock is let go, and a server-thread write waits too; neither blocks this event loop.
    await lock.acquire();
    let voted = false;
    const vote = server.ctx.services.votes.vote({ id: voter.id, role: 'member' }, review.id, true).then((r) => ((voted = true), r));
    let wrote = false;
    const write = server.ctx.writes.run(async () => (wrote = true));
    await sleep(300);
    expect(voted).toBe(false);
    expect(wrote).toBe(false);
    lock.release();
    const answered = await vote;
    await write;
    expect(answered.helpful).toEqual({ yes: 1, no: 1 });
    const stored = await server.ctx.db.kysely.selectFrom('reviews').select(['helpful_yes', 'helpful_no']).where('id', '=', review.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ helpful_yes: 1, helpful_no: 1 });
  });

  it('brings refusals back from the writer thread as the contract’s errors', async () => {
    const admin = await newAdmin(server);
    const title = await newTitle(server, admin);
    const author = await newUser(server);
    const review = await newReview(author, title.slug);
    const own = await author.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true });
    expect([own.status, own.body.error.code]).toEqual([403, 'own_review']);
    const missing = await author.client.put(`/api/v1/reviews/99999999/vote`, { helpful: true });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'not_found']);
  });

  it('copies the log into the database file on the checkpointer thread (and does not with it off)', async () => {
    const copied = async (checkpointer: 'on' | 'off') => {
      const local = await startServer('sqlite', { MARQUEE_CHECKPOINTER: checkpointer }, { checkpointFrames: { copyFrames: 1, restartFrames: 100_000 } });
      try {
        const { review, voters } = await reviewAndVoters(local, 10);
        await Promise.all(voters.map((v) => local.ctx.services.votes.vote(v, review.id, true)));
        // Far below the commits' own checkpoint threshold: only a checkpointer copies this log.
        const file = local.ctx.db.parts.file!;
        const deadline = Date.now() + 3000;
        while (walIndex(file).nBackfill < walIndex(file).mxFrame && Date.now() < deadline) await sleep(50);
        return walIndex(file);
      } finally {
        await local.close();
      }
    };
    const on = await copied('on');
    expect(on.mxFrame).toBeGreaterThan(0);
    expect(on.nBackfill).toBe(on.mxFrame);
    const off = await copied('off');
    expect(off.nBackfill).toBeLessThan(off.mxFrame);
  });

  it('copies a quiet log however short it is, and keeps SQLite’s own checkpoints only as a fallback', async () => {
    const autocheckpointOf = async (s: TestServer) => (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(s.ctx.db.kysely)).rows[0]!.wal_autocheckpoint;
    const local = await startServer('sqlite', { MARQUEE_CHECKPOINTER: 'on' }); // the shipped thresholds
    try {
      expect(await autocheckpointOf(local)).toBe(fallbackFrames(CHECKPOINTER_DEFAULTS));
      const { review, voters } = await reviewAndVoters(local, 5);
      await Promise.all(voters.map((v) => local.ctx.services.votes.vote(v, review.id, true)));
      const file = local.ctx.db.parts.file!;
      const quiet = walIndex(file);
      expect(quiet.mxFrame).toBeLessThan(CHECKPOINTER_DEFAULTS.copyFrames); // far below a round's batch
      expect(quiet.nBackfill).toBeLessThan(quiet.mxFrame);
      const deadline = Date.now() + 5000;
      while (walIndex(file).nBackfill < walIndex(file).mxFrame && Date.now() < deadline) await sleep(100);
      expect(walIndex(file)).toEqual({ mxFrame: quiet.mxFrame, nBackfill: quiet.mxFrame });
    } finally {
      await local.close();
    }
    const off = await startServer('sqlite', { MARQUEE_CHECKPOINTER: 'off' });
    try {
      expect(await autocheckpointOf(off)).toBe(AUTOCHECKPOINT_FRAMES);
    } finally {
      await off.close();
    }
  });

  it('finishes the votes already sent when the server shuts down', async () => {
    const local = await startServer('sqlite');
    try {
      const { review, voters } = await reviewAndVoters(local, 10);
      const pending = voters.map((a) => local.ctx.services.votes.vote(a, review.id, true));
      await local.ctx.namedWrites.close();
      const results = await Promise.all(pending);
      expect(results.at(-1)!.helpful.yes).toBeGreaterThan(0);
      const n = await local.ctx.db.kysely.selectFrom('votes').select((eb) => eb.fn.countAll<number>().as('n')).where('review_id', '=', review.id).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(10);
    } finally {
      await local.close();
    }
  });
});

describe('a writer thread that fails', () => {
  it('refuses the writes it holds with 503 unavailable and reports the failure once', async () => {
    const failures: Error[] = [];
    // A database the thread cannot open (its folder would be a file): it stops with an error as soon as it starts.
    const writer = new WriterThread({ databaseUrl: 'sqlite:/etc/hostname/x.db', lock: new SharedWriteLock(), maxBatch: 10, checkpointer: true, checkpointFrames: undefined }, (err) => failures.push(err));
    const vote = writer.run('vote', { voterId: 1, reviewId: 1, helpful: true, now: new Date().toISOString() });
    await expect(vote).rejects.toMatchObject({ code: 'unavailable', status: 503 });
    expect(failures).toHaveLength(1);
    expect(writer.healthy()).toBe(false);
    await expect(writer.run('vote', { voterId: 1, reviewId: 1, helpful: null, now: new Date().toISOString() })).rejects.toMatchObject({ code: 'unavailable' });
    await writer.close();
  });
});

describe('votes on the server thread', () => {
  it.each([
    ...TEST_ENGINES.filter((e) => e === 'postgres').map((e) => [e, {}] as const),
    ['sqlite', { MARQUEE_WRITER_THREAD: 'off' }] as const,
  ])('%s %o', async (engine, env) => {
    const server = await startServer(engine, env);
    try {
      expect(server.ctx.namedWrites).toBeInstanceOf(InlineWrites);
      expect(server.ctx.writeLock).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
