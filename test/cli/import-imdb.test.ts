// `marquee import imdb DIR` as a user runs it (node bin/marquee.js), on every engine: a JSON summary
// on stdout, skipped lines as FILE:LINE: reason on stderr with exit 0, one-line failures with a
// non-zero exit, and an import into a database that `serve` has open, visible through the API.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '../support/databases.js';
import { spawnServer } from '../support/process.js';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/marquee.js');
const DATA = path.resolve(import.meta.dirname, '../../../shared/data/imdb-tsv');
const NOLAN = path.join(DATA, 'MPMarshall1-nolan');
const ARTEM = path.join(DATA, 'ArtemChapaev');
const haveData = fs.existsSync(DATA);
if (!haveData && process.env.CI === 'true') throw new Error(`${DATA} is missing: the IMDb import tests need the shared data`);

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
  describe.skipIf(!haveData)(`marquee import imdb on ${engine}`, () => {
    let db: TestDatabase;
    let tmp: string;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-imdb-cli-'));
    });
    afterAll(async () => {
      await db?.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('imports while serve has the database open; the API shows the titles, aliases and credits', async () => {
      // The shared machine is busy: a server slower than spawnServer's 20 s to get ready is tried again.
      const server = await spawnServer(db.url).catch(() => spawnServer(db.url)).catch(() => spawnServer(db.url));
      try {
        const nolan = await marquee(db.url, 'import', 'imdb', NOLAN);
        expect(nolan.code).toBe(0);
        expect(nolan.stderr).toBe('');
        const summary = JSON.parse(nolan.stdout);
        expect(summary.titles).toMatchObject({ accepted: 14, inserted: 14 });
        const artem = await marquee(db.url, 'import', 'imdb', ARTEM, '--types', 'movie,short', '--since', '1894', '--min-votes', '200');
        expect(artem.code).toBe(0);
        expect(JSON.parse(artem.stdout).titles).toMatchObject({ read: 15, accepted: 13 }); // 1893 and 177 votes left out

        const res = await fetch(`${server.url}/api/v1/titles/inception-2010`);
        expect(res.status).toBe(200);
        const { title } = (await res.json()) as { title: { name: string; year: number; kind: string; credits: { person: { name: string }; role: string }[] } };
        expect(title).toMatchObject({ name: 'Inception', year: 2010, kind: 'film' });
        expect(title.credits.map((c) => `${c.role}:${c.person.name}`)).toEqual(['director:Christopher Nolan', 'writer:Christopher Nolan']);
        const sneeze = (await (await fetch(`${server.url}/api/v1/titles/edison-kinetoscopic-record-of-a-sneeze-1894`)).json()) as { title: { aliases: string[] } };
        expect(sneeze.title.aliases).toContain('フレッド・オット－のくしゃみ');
        // The import indexed what it added for search: a title by an alias, a person by name.
        const byAlias = (await (await fetch(`${server.url}/api/v1/search?q=${encodeURIComponent('Fred Otts Niesen')}`)).json()) as { items: { slug: string }[] };
        expect(byAlias.items.map((i) => i.slug)).toContain('edison-kinetoscopic-record-of-a-sneeze-1894');
        const person = (await (await fetch(`${server.url}/api/v1/search?type=people&q=nolan`)).json()) as { items: { slug: string }[] };
        expect(person.items.map((i) => i.slug)).toEqual(['christopher-nolan']);
      } finally {
        await server.stop();
      }
    }, 240_000);

    it('reports each malformed line as FILE:LINE: reason on stderr and still exits 0', async () => {
      const dir = path.join(tmp, 'bad');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'title.basics.tsv'),
        [
          'tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres',
          'tt9000001\tmovie\tA Good One\tA Good One\t0\t2020\t\\N\t90\tDrama',
          'tt9000002\tmovie\tToo Few\t0\t2020\t\\N\t90\tDrama',
          'tt9000003\tmovie\tBad Year\tBad Year\t0\tMMXX\t\\N\t90\tDrama',
          'tt9000004\ttvEpisode\tEpisode\tEpisode\t0\t2020\t\\N\t30\tDrama',
          'nm9000005\tmovie\tWrong Id\tWrong Id\t0\t2020\t\\N\t90\tDrama',
        ].join('\n'),
      );
      const res = await marquee(db.url, 'import', 'imdb', dir);
      expect(res.code).toBe(0);
      const file = path.join(dir, 'title.basics.tsv');
      expect(res.stderr.trim().split('\n')).toEqual([
        `${file}:3: expected 9 tab-separated fields, found 8`,
        `${file}:4: startYear "MMXX" is not a year`,
        `${file}:6: tconst "nm9000005" is not an IMDb title id (tt and digits)`,
      ]);
      expect(JSON.parse(res.stdout)).toMatchObject({ malformed: 3, titles: { read: 2, accepted: 1, inserted: 1 } });
    }, 120_000);

    it('fails with a one-line message and a non-zero exit', async () => {
      const cases: [string[], RegExp][] = [
        [['import', 'imdb', path.join(tmp, 'nowhere')], /not a directory/],
        [['import', 'imdb', tmp], /title\.basics\.tsv \(or \.tsv\.gz\) not found/],
        [['import', 'imdb', NOLAN, '--types', 'tvEpisode'], /tvEpisode titles cannot be imported/],
        [['import', 'imdb', NOLAN, '--types', 'film'], /unknown IMDb title type "film"/],
        [['import', 'imdb', NOLAN, '--since', 'last year'], /--since must be a year/],
        [['import', 'imdb', ARTEM.replace('ArtemChapaev', 'MPMarshall1-nolan'), '--min-votes', 'many'], /--min-votes must be a whole number/],
      ];
      for (const [args, message] of cases) {
        const res = await marquee(db.url, ...args);
        expect(res.code, args.join(' ')).not.toBe(0);
        expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(res.stderr).toMatch(message);
      }
    }, 240_000);
  });
}
