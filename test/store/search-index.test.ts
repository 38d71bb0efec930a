// The review word index is compacted by every rebuild (SQLite: one FTS5 segment), and compacting
// changes no result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { searchDialect } from '../../src/store/dialect/search.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser } from '../support/factories.js';

describe('review word index on sqlite', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });

  const segments = async (table: string) =>
    Number((await sql<{ n: number }>`select count(distinct segid) as n from ${sql.table(`${table}_idx`)}`.execute(server.ctx.db.kysely)).rows[0]!.n);

  it('is merged into one segment by compacting and by a rebuild, with the same search results', async () => {
    const admin = await newAdmin(server);
    const title = await newTitle(server, admin);
    // Each review commits on its own, and each commit adds a segment to the index.
    for (let i = 0; i < 7; i++) {
      const author = await newUser(server);
      await newReview(author, title.slug, { headline: `Lantern light ${i}`, body: `Paragraph about the lantern scene number ${i}.\n\nAnd the harbour.` });
    }
    expect(await segments('reviews_fts')).toBeGreaterThan(1);
    const search = (q: string) => server.ctx.services.search.search(null, { q, type: 'reviews', limit: 20 }).then((p) => p.items.map((r) => r.id));
    const before = [await search('lantern'), await search('harbour scene'), await search('light')];
    expect(before[0]).toHaveLength(7);

    const db = server.ctx.db.kysely;
    await searchDialect(db).compactReviewIndex(db);
    expect(await segments('reviews_fts')).toBe(1);
    expect(await segments('reviews_head_fts')).toBe(1);
    expect([await search('lantern'), await search('harbour scene'), await search('light')]).toEqual(before);

    // More writes add segments again; a rebuild (`marquee search reindex --reviews`) compacts too.
    for (let i = 0; i < 5; i++) await newReview(await newUser(server), title.slug, { headline: `Harbour ${i}`, body: 'Another look at the lantern.' });
    expect(await segments('reviews_fts')).toBeGreaterThan(1);
    await server.ctx.services.search.reindex({ reviews: true });
    expect(await segments('reviews_fts')).toBe(1);
    expect(await search('lantern')).toHaveLength(12);
  });
});
