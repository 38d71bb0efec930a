// Which databases the store and HTTP tests run on, and a fresh one per test file.
// MARQUEE_TEST_DBS=sqlite,postgres (the default) picks them; MARQUEE_TEST_PG_URL points at the server
// (default postgres://postgres@127.0.0.1:5432). Each PostgreSQL test database is created for the
// run and dropped after it. Under CI=true an unreachable PostgreSQL fails the run, never skips it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINES: TestEngine[] = (process.env.MARQUEE_TEST_DBS ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is TestEngine => s === 'sqlite' || s === 'postgres');

const PG_SERVER = process.env.MARQUEE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  engine: TestEngine;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  const name = `marquee_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-test-'));
    const file = path.join(dir, `${name}.db`);
    return { engine, url: `sqlite:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL at ${PG_SERVER} is not reachable (${(err as Error).message}); set MARQUEE_TEST_DBS=sqlite to run without it`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    engine,
    url: `${PG_SERVER}/${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
