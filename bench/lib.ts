// Shared pieces of the benchmarks: server processes, a bare node:http baseline, autocannon runs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Proc {
  url: string;
  child: ChildProcess;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string, probe = '/healthz') {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited ${child.exitCode}: ${stderr()}`);
    try {
      if ((await fetch(url + probe)).ok) return;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) throw new Error(`not ready: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function wrap(child: ChildProcess, url: string): Proc {
  return {
    url,
    child,
    peakRssMb() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function startMarquee(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<Proc> {
  const { BASE_URL: _ignored, ...inherited } = process.env;
  // MARQUEE_BENCH_NODE_ARGS="--cpu-prof" profiles the server under load.
  const nodeArgs = (process.env.MARQUEE_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/marquee.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...inherited, DATABASE_URL: databaseUrl, MARQUEE_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => err);
  return wrap(child, url);
}

/** A bare node:http server that answers every request with the given bytes and headers. */
export async function startBare(body: Buffer, headers: Record<string, string>, port: number): Promise<Proc> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-bare-'));
  fs.writeFileSync(path.join(dir, 'body'), body);
  const script = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(path.join(dir, 'body'))});
    const headers = ${JSON.stringify(headers)};
    http.createServer((req, res) => { res.writeHead(200, { ...headers, 'content-length': body.length }); res.end(body); })
      .listen(${port}, '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => err, '/');
  return wrap(child, url);
}

export interface LoadResult {
  rps: number;
  /** Latency in ms. With a fixed number of connections the mean, tail included, sets the rate. */
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** Requests answered in each second of the run (the first holds connection set-up and JIT warm-up). */
  per_second: number[];
}

export async function load(opts: autocannon.Options): Promise<LoadResult> {
  const perSecond: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: 50, duration: 10, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
    // autocannon passes each second's counts to 'tick'; @types/autocannon declares no argument.
    (instance as NodeJS.EventEmitter).on('tick', (tick: { counter: number }) => perSecond.push(tick.counter));
  });
  return {
    rps: Math.round(result.requests.average),
    mean: Math.round(result.latency.mean * 100) / 100,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
    per_second: perSecond.filter((n, i) => n > 0 || i < perSecond.length - 1), // autocannon's last tick can be empty
  };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const portBase = 41_000 + Math.floor(Math.random() * 1000) * 10;

/** The slug of the title with the most reviews: what the read and web benchmarks request. */
export async function mostReviewedSlug(databaseUrl: string): Promise<string> {
  const q = 'select slug from titles order by review_count desc, id limit 1';
  if (databaseUrl.startsWith('sqlite:')) {
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    const row = db.prepare(q).get() as { slug: string };
    db.close();
    return row.slug;
  }
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const slug = (await c.query(q)).rows[0].slug as string;
  await c.end();
  return slug;
}
