// A real Marquee over real HTTP on a free port, on a fresh database, plus a small client.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { openContext, type AppContext } from '../../src/context.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from './databases.js';

export interface TestServer {
  engine: TestEngine;
  url: string;
  ctx: AppContext;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The factories write many short, identical reviews; under the product's defaults (issue 5) each
 * would be warned as too short and every copy held as another account's near-duplicate. Test servers
 * therefore turn those two checks off unless a test passes its own values (test/http/moderation.test.ts
 * runs the defaults: `startServer(engine, PRODUCT_QUALITY)`).
 */
export const QUIET_QUALITY = { MARQUEE_MIN_REVIEW_LENGTH: '0', MARQUEE_QUALITY_POLICY: 'near_duplicate=allow' };
/** The product's quality defaults, for tests of the policy itself. */
export const PRODUCT_QUALITY = { MARQUEE_MIN_REVIEW_LENGTH: '', MARQUEE_QUALITY_POLICY: '' };

export async function startServer(engine: TestEngine, env: Record<string, string> = {}, overrides: Partial<Config> = {}): Promise<TestServer> {
  const db = await createTestDatabase(engine);
  const config = loadConfig({ MARQUEE_RATE_LIMIT: 'off', LOG_LEVEL: 'silent', ...QUIET_QUALITY, ...env, DATABASE_URL: db.url }, overrides);
  const ctx = await openContext(config, { logger: pino({ level: 'silent' }), listen: engine === 'postgres' });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    engine,
    url: `http://127.0.0.1:${port}`,
    ctx,
    db,
    async close() {
      await app.close();
      await ctx.close();
      await db.drop();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client with its own cookie jar (one per person) or a bearer token. */
export class Client {
  cookie: string | null = null;
  constructor(
    readonly base: string,
    public token: string | null = null,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) h['content-type'] ??= 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.token) h.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      // (Preact's types bring in the DOM lib, whose BodyInit is narrower about Uint8Array than Node's.)
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as unknown as string) : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  del = <T = any>(path: string) => this.request<T>('DELETE', path);
}
