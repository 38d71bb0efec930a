// The CLI as a user runs it: `node bin/marquee.js …` against real databases.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { spawnServer } from '../support/process.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/marquee.js');

async function marquee(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { BASE_URL: _vite, ...env } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...env, DATABASE_URL: databaseUrl } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

for (const engine of TEST_ENGINES) {
  describe(`marquee CLI on ${engine}`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('migrates, then says the schema is up to date', async () => {
      expect((await marquee(db.url, 'migrate')).stdout).toMatch(/applied: 0001_initial/);
      expect((await marquee(db.url, 'migrate')).stdout).toMatch(/up to date/);
    });

    it('creates users and prints them as JSON; the first is admin unless a role is given', async () => {
      const first = await marquee(db.url, 'user', 'create', '--handle', 'Mina', '--email', 'mina@example.test', '--password', 'a long password');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ handle: 'Mina', role: 'admin' });
      const mod = await marquee(db.url, 'user', 'create', '--handle', 'mod_1', '--email', 'mod@example.test', '--password', 'a long password', '--role', 'moderator');
      expect(JSON.parse(mod.stdout)).toMatchObject({ handle: 'mod_1', role: 'moderator' });
      const second = await marquee(db.url, 'user', 'create', '--handle', 'joon', '--email', 'joon@example.test', '--password', 'a long password');
      expect(JSON.parse(second.stdout).role).toBe('member');
    });

    it('fails with a one-line message and a non-zero exit', async () => {
      const dup = await marquee(db.url, 'user', 'create', '--handle', 'MINA', '--email', 'other@example.test', '--password', 'a long password');
      expect(dup.code).not.toBe(0);
      expect(dup.stderr.trim().split('\n')).toHaveLength(1);
      expect(dup.stderr).toMatch(/handle is taken/);
      const short = await marquee(db.url, 'user', 'create', '--handle', 'x_y_z', '--email', 'x@example.test', '--password', 'short');
      expect(short.code).not.toBe(0);
      expect(short.stderr).toMatch(/at least 10 characters/);
      const unknown = await marquee(db.url, 'token', 'create', '--handle', 'nobody');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/No such user/);
    });

    it('creates a token whose secret authenticates API calls', async () => {
      const res = await marquee(db.url, 'token', 'create', '--handle', 'mina', '--name', 'scripts');
      expect(res.code).toBe(0);
      const token = res.stdout.trim();
      expect(res.stdout).toBe(`${token}\n`);
      const server = await spawnServer(db.url);
      try {
        const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { user: { handle: string } }).user.handle).toBe('Mina');
        // Commands may run while serve has the database open.
        const again = await marquee(db.url, 'user', 'create', '--handle', 'while_serving', '--email', 'ws@example.test', '--password', 'a long password');
        expect(again.code).toBe(0);
      } finally {
        await server.stop();
      }
    });

    it('seeds the demo catalog once', async () => {
      const first = JSON.parse((await marquee(db.url, 'seed', 'demo')).stdout);
      expect(first.titles).toBeGreaterThanOrEqual(12);
      expect(first.reviews).toBeGreaterThanOrEqual(30);
      const second = JSON.parse((await marquee(db.url, 'seed', 'demo')).stdout);
      expect(second.skipped).toBeTruthy();
    });
  });
}

describe('marquee serve --demo', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('creates, migrates and seeds a new database, and serves the catalog', async () => {
    const server = await spawnServer(db.url, {}, ['--demo']);
    try {
      const titles = (await (await fetch(`${server.url}/api/v1/titles?q=love%20in%20the%20big%20city`)).json()) as { items: { slug: string; year: number }[] };
      expect(titles.items.map((t) => t.slug)).toContain('love-in-the-big-city-2024');
      const eyes = (await (await fetch(`${server.url}/api/v1/titles/where-your-eyes-linger-2020`)).json()) as { title: { credits: { person: { name: string }; role: string }[]; episodes: number } };
      expect(eyes.title.episodes).toBe(8);
      expect(eyes.title.credits).toContainEqual(expect.objectContaining({ person: expect.objectContaining({ name: 'Hwang Da-seul' }), role: 'director' }));
      const reviews = (await (await fetch(`${server.url}/api/v1/titles/love-in-the-big-city-2024/reviews`)).json()) as { items: { helpful_score: number }[] };
      expect(reviews.items.length).toBeGreaterThan(0);
      const scores = reviews.items.map((r) => r.helpful_score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/Love in the Big City/);
    } finally {
      await server.stop();
    }
  });

  it('starts empty without --demo', async () => {
    const empty = await createTestDatabase('sqlite');
    const server = await spawnServer(empty.url);
    try {
      const titles = (await (await fetch(`${server.url}/api/v1/titles`)).json()) as { items: unknown[] };
      expect(titles.items).toEqual([]);
    } finally {
      await server.stop();
      await empty.drop();
    }
  });
});
