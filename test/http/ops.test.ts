// Operations and the API's self-description: health, readiness, metrics, the OpenAPI document, and
// what unknown addresses answer (CONTRACT.md, "General").
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, TEST_ENGINES } from '../support/databases.js';
import { spawnServer } from '../support/process.js';
import { Client, startServer, type TestServer } from '../support/server.js';
import { expectError } from './contract-helpers.js';

const DOCS_OPENAPI = path.resolve(import.meta.dirname, '../../docs/openapi.json');

/** Every /api/v1 operation CONTRACT.md names, as OpenAPI path keys and methods. */
const CONTRACT_OPERATIONS: Record<string, string[]> = {
  '/api/v1/auth/register': ['post'],
  '/api/v1/auth/login': ['post'],
  '/api/v1/auth/logout': ['post'],
  '/api/v1/me': ['get'],
  '/api/v1/tokens': ['post'],
  '/api/v1/tokens/{id}': ['delete'],
  '/api/v1/users/{handle}': ['get'],
  '/api/v1/users/{handle}/reviews': ['get'],
  '/api/v1/titles': ['get', 'post'],
  '/api/v1/titles/{slug}': ['get', 'patch'],
  '/api/v1/people/{slug}': ['get'],
  '/api/v1/titles/{slug}/my-rating': ['get', 'put', 'delete'],
  '/api/v1/titles/{slug}/reviews': ['get', 'post'],
  '/api/v1/reviews/{id}': ['get', 'patch', 'delete'],
  '/api/v1/reviews/check': ['post'],
  '/api/v1/reviews/{id}/vote': ['put', 'delete'],
  '/api/v1/reviews/{id}/reports': ['post'],
  // '/api/v1/search' belongs to the catalog-search issue (#6) and is added to this list with it.
  '/api/v1/openapi.json': ['get'],
};

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let anon: Client;

    beforeAll(async () => {
      server = await startServer(engine);
      anon = new Client(server.url);
    });
    afterAll(() => server.close());

    describe('health', () => {
      it('GET /healthz is 200 while the process is up', async () => {
        const res = await anon.get('/healthz');
        expect(res.status).toBe(200);
      });

      it('GET /readyz is 200 when the database answers', async () => {
        const res = await anon.get('/readyz');
        expect(res.status).toBe(200);
      });

      it('GET /readyz is 503 in the envelope when the database does not answer', async () => {
        const broken = await startServer(engine);
        try {
          expect((await new Client(broken.url).get('/readyz')).status).toBe(200);
          await broken.ctx.db.close();
          const res = await new Client(broken.url).get('/readyz');
          expectError(res, 503, 'unavailable');
          // The process itself is still up.
          expect((await new Client(broken.url).get('/healthz')).status).toBe(200);
        } finally {
          await broken.close();
        }
      });
    });

    if (engine === 'postgres') {
      it('`marquee serve` survives PostgreSQL closing its idle connections, and answers again', async () => {
        const db = await createTestDatabase('postgres');
        const proc = await spawnServer(db.url);
        let exitedWith: string | null = null;
        proc.child.once('exit', (code, signal) => (exitedWith = `code ${code} signal ${signal}`));
        try {
          // Several requests at once, so the pool holds several idle connections.
          const client = new Client(proc.url);
          const warm = await Promise.all(Array.from({ length: 6 }, () => client.get('/api/v1/titles')));
          for (const res of warm) expect(res.status).toBe(200);
          // What a PostgreSQL restart, a failover or an administrator does to idle connections.
          const admin = new pg.Client({ connectionString: db.url });
          await admin.connect();
          const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
          await admin.end();
          expect(killed.rowCount).toBeGreaterThan(0);
          await new Promise((r) => setTimeout(r, 500));
          expect(exitedWith, 'the server process died').toBeNull();
          // The pool reconnects: the server answers and the database is ready again.
          let ready = 0;
          for (let i = 0; i < 20 && ready !== 200; i++) {
            ready = (await client.get('/readyz').catch(() => ({ status: 0 }))).status;
            if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
          }
          expect(ready).toBe(200);
          expect((await client.get('/api/v1/titles')).status).toBe(200);
        } finally {
          await proc.stop();
          await new Promise((r) => setTimeout(r, 150));
          await db.drop();
        }
      });
    }

    describe('metrics', () => {
      it('GET /metrics is Prometheus text counting HTTP requests by method, route and status', async () => {
        await anon.get('/healthz');
        await anon.get('/api/v1/titles');
        await anon.get('/api/v1/titles/no-such-title');
        const res = await anon.get('/metrics');
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        const text = res.body as string;
        expect(text).toContain('# TYPE marquee_http_requests_total counter');
        expect(text).toMatch(/^marquee_http_requests_total\{[^}]*method="GET"[^}]*\} \d+/m);
        expect(text).toMatch(/^marquee_http_requests_total\{(?=[^}]*route="\/api\/v1\/titles")(?=[^}]*status="200")[^}]*\} [1-9]\d*$/m);
        expect(text).toMatch(/^marquee_http_requests_total\{(?=[^}]*route="\/api\/v1\/titles\/:slug")(?=[^}]*status="404")[^}]*\} [1-9]\d*$/m);
        // Every sample line parses as `name{labels} value`.
        for (const line of text.split('\n')) {
          if (line === '' || line.startsWith('#')) continue;
          expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$/);
        }
      });
    });

    describe('OpenAPI', () => {
      let doc: any;
      beforeAll(async () => {
        const res = await anon.get('/api/v1/openapi.json');
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        doc = res.body;
      });

      it('is an OpenAPI 3.1 document', () => {
        expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
        expect(typeof doc.info?.title).toBe('string');
        expect(typeof doc.info?.version).toBe('string');
        expect(typeof doc.paths).toBe('object');
      });

      it.each(Object.entries(CONTRACT_OPERATIONS))('documents %s (%s)', (p, methods) => {
        expect(Object.keys(doc.paths), `missing path ${p}`).toContain(p);
        for (const m of methods) {
          expect(Object.keys(doc.paths[p]), `missing ${m.toUpperCase()} ${p}`).toContain(m);
          expect(typeof doc.paths[p][m].responses).toBe('object');
        }
      });

      it('documents only /api/v1 paths, each path parameter named as in the path', () => {
        for (const [p, item] of Object.entries<any>(doc.paths)) {
          expect(p.startsWith('/api/v1/')).toBe(true);
          const inPath = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
          for (const op of Object.values<any>(item)) {
            const declared = (op.parameters ?? []).filter((x: any) => x.in === 'path').map((x: any) => x.name);
            expect(declared.sort(), p).toEqual([...inPath].sort());
          }
        }
      });

      it('describes the error envelope and the contract’s objects', () => {
        const schemas = Object.keys(doc.components?.schemas ?? {});
        for (const name of ['Error', 'User', 'Title', 'Score', 'Person', 'Review', 'Quality', 'Warning']) expect(schemas).toContain(name);
      });

      it('equals the checked-in docs/openapi.json', () => {
        expect(fs.existsSync(DOCS_OPENAPI), 'docs/openapi.json does not exist').toBe(true);
        const checkedIn = JSON.parse(fs.readFileSync(DOCS_OPENAPI, 'utf8'));
        expect(doc).toEqual(checkedIn);
      });
    });

    describe('unknown addresses', () => {
      it('an unknown /api path is 404 in the JSON envelope, whatever the Accept header', async () => {
        for (const p of ['/api/v1/nothing', '/api/v1/titles/x/y/z', '/api/nothing', '/api/v1']) {
          expectError(await anon.get(p), 404, 'not_found');
          const html = await anon.request('GET', p, undefined, { accept: 'text/html,application/xhtml+xml' });
          expectError(html, 404, 'not_found');
        }
      });

      it('an unknown page asked for as HTML is 404 with an HTML page', async () => {
        const res = await anon.request('GET', '/no-such-page-anywhere', undefined, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.body as string).toMatch(/<html[\s>]/i);
        expect(res.body as string).toContain('404');
        expect(res.body as string).not.toMatch(/\bat .+\.(ts|js):\d+/);
      });

      it('an unknown page asked for without HTML in Accept is 404 in the JSON envelope', async () => {
        expectError(await anon.get('/no-such-page-anywhere'), 404, 'not_found');
      });
    });
  });
}
