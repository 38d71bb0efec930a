// The pages a vote writes, and where. On a SQLite file a vote's cost is mostly the pages it dirties:
// each is written to the log at commit and again into the database at checkpoint, and the disk
// flushes them all. Unlike votes per second this count does not depend on how busy the machine is,
// so it shows what a schema change does to the vote path exactly.
//
// 2,000 votes by 1,000 accounts on uniformly random reviews, in groups of 20 (the group size seen over
// HTTP), through the same recordVote as the server, on a copy of the benchmark database migrated to
// the current schema. Checkpoints are off meanwhile, so the log holds every frame the votes wrote;
// each frame is then attributed to its table or index with SQLite's dbstat.
import fs from 'node:fs';
import { sql } from 'kysely';
import { openDb } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { WriteQueue } from '../src/store/write-queue.js';
import { recordVote } from '../src/services/votes.service.js';
import { mulberry32 } from '../src/domain/random.js';
import { AppError } from '../src/domain/errors.js';

export interface VotePagesResult {
  votes: number;
  group: number;
  /** Log frames per vote (a page written in two commits counts twice, as the log does). */
  frames_per_vote: number;
  /** Distinct pages per vote (what a checkpoint copies). */
  pages_per_vote: number;
  /** Frames per vote by table or index ("name:leaf", "name:internal", ...), largest first. */
  by_btree: Record<string, number>;
}

export async function votePagesBenchmark(databaseUrl: string, votes = 2000, group = 20): Promise<VotePagesResult> {
  const db = openDb(databaseUrl);
  const file = db.parts.file!;
  await migrateToLatest(db);
  const k = db.kysely;
  await sql`pragma wal_autocheckpoint = 0`.execute(k);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(k);
  const voters = (await k.selectFrom('users').select('id').orderBy('id').limit(1000).execute()).map((u) => u.id);
  const maxId = Number((await sql<{ n: number }>`select max(id) as n from reviews`.execute(k)).rows[0]!.n);
  const queue = new WriteQueue(k, { maxBatch: group, concurrency: 1, isRetryable: () => false });
  const rand = mulberry32(7);
  const now = new Date().toISOString();
  for (let done = 0; done < votes; done += group) {
    await Promise.all(
      Array.from({ length: group }, () => {
        const reviewId = 1 + Math.floor(rand() * maxId);
        const input = { voterId: voters[Math.floor(rand() * voters.length)]!, reviewId, helpful: rand() < 0.7, now };
        // A refusal (one's own review) writes nothing; it still counts as a vote asked for.
        return queue.run((trx) => recordVote(trx, input), reviewId).catch((err: unknown) => {
          if (!(err instanceof AppError)) throw err;
        });
      }),
    );
  }
  await queue.close();

  // The log: a 32-byte header, then frames of a 24-byte header (page number first) and a page.
  const wal = fs.readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const framesOf = new Map<number, number>();
  let frames = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const page = wal.readUInt32BE(at);
    framesOf.set(page, (framesOf.get(page) ?? 0) + 1);
    frames++;
  }
  const btreeOf = new Map<number, string>();
  const names = await sql<{ name: string }>`select name from sqlite_master where type in ('table', 'index') and tbl_name in ('reviews', 'votes', 'users')`.execute(k);
  for (const { name } of names.rows) {
    const pages = await sql<{ pageno: number; pagetype: string }>`select pageno, pagetype from dbstat where name = ${name}`.execute(k);
    for (const p of pages.rows) if (framesOf.has(p.pageno)) btreeOf.set(p.pageno, `${name}:${p.pagetype}`);
  }
  const byBtree = new Map<string, number>();
  for (const [page, n] of framesOf) {
    const key = btreeOf.get(page) ?? (page === 1 ? 'database header' : 'other (free list, new pages)');
    byBtree.set(key, (byBtree.get(key) ?? 0) + n);
  }
  await db.close();
  const perVote = (n: number) => Math.round((n / votes) * 100) / 100;
  return {
    votes,
    group,
    frames_per_vote: perVote(frames),
    pages_per_vote: perVote(framesOf.size),
    by_btree: Object.fromEntries([...byBtree].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, perVote(n)])),
  };
}
