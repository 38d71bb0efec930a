// Reviews over real HTTP: writing, quality hints, editing with revisions, moderation, listing orders
// and paging, helpfulness votes and reports (CONTRACT.md, "Reviews", "Helpfulness votes", "Reports").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.js';
import { Client, startServer, type Reply, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';
import { expectError, expectReviewShape, sortedKeys, wilson } from './contract-helpers.js';

type Title = Awaited<ReturnType<typeof newTitle>>;

const paragraphs = (body: string) => body.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');

async function walk(client: Client, path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: Reply = await client.get(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(sortedKeys(res.body)).toEqual(['items', 'next_cursor']);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    expect(++pages).toBeLessThan(50);
  } while (cursor !== null);
  return items;
}

const newestFirst = (a: any, b: any) => (a.created_at === b.created_at ? b.id - a.id : a.created_at < b.created_at ? 1 : -1);

async function reviewCount(server: TestServer): Promise<number> {
  const row = await server.ctx.db.kysely.selectFrom('reviews').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let admin: TestUser;
    let moderator: TestUser;
    let anon: Client;

    beforeAll(async () => {
      server = await startServer(engine);
      admin = await newAdmin(server);
      moderator = await newUser(server, { role: 'moderator' });
      anon = new Client(server.url);
    });
    afterAll(() => server.close());

    describe('writing a review', () => {
      let title: Title;
      beforeAll(async () => {
        title = await newTitle(server, admin, { episodes: 16 });
      });

      it('answers 201 {review, quality} with exactly the Review fields', async () => {
        const author = await newUser(server);
        const res = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, {
          headline: '  A slow burn that pays off  ',
          body: 'The first half takes its time.\n\nThe last four episodes are superb.',
          rating: 8.5,
          scores: { story: 9, acting: 8.5, music: 7 },
          watch_status: 'completed',
          episodes_seen: 16,
          contains_spoilers: true,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(sortedKeys(res.body)).toEqual(['quality', 'review']);
        const r = res.body.review;
        expectReviewShape(r, { anonymous: false });
        expect(r).toMatchObject({
          title: { slug: title.slug, name: title.name, year: 2024 },
          author: { handle: author.handle, display_name: author.handle },
          headline: 'A slow burn that pays off',
          body: 'The first half takes its time.\n\nThe last four episodes are superb.',
          rating: 8.5,
          scores: { story: 9, acting: 8.5, music: 7, rewatch: null },
          watch_status: 'completed',
          episodes_seen: 16,
          contains_spoilers: true,
          status: 'published',
          helpful: { yes: 0, no: 0 },
          helpful_score: 0,
          my_vote: null,
        });
        expect(res.body.quality).toEqual({ warnings: [], suggested_body: null });

        const got = await anon.get(`/api/v1/reviews/${r.id}`);
        expect(got.status).toBe(200);
        expect(sortedKeys(got.body)).toEqual(['review']);
        expectReviewShape(got.body.review, { anonymous: true });
        const { my_vote: _mv, ...withoutMyVote } = r;
        expect(got.body.review).toEqual(withoutMyVote);
      });

      it('defaults the optional fields', async () => {
        const author = await newUser(server);
        const res = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'Short', body: '', rating: 1 });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.review).toMatchObject({
          rating: 1,
          body: '',
          scores: { story: null, acting: null, music: null, rewatch: null },
          watch_status: null,
          episodes_seen: null,
          contains_spoilers: false,
        });
      });

      it('allows one review per person per title: a second is 409 review_exists', async () => {
        const author = await newUser(server);
        await newReview(author, title.slug);
        const before = await reviewCount(server);
        const res = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'Again', body: 'Twice.', rating: 3 });
        expectError(res, 409, 'review_exists');
        expect(await reviewCount(server)).toBe(before);
        // The same person may review another title.
        const other = await newTitle(server, admin);
        expect((await newReview(author, other.slug)).id).toBeGreaterThan(0);
      });

      it('refuses episodes_seen above the title’s episodes (400, field episodes_seen)', async () => {
        const author = await newUser(server);
        const res = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'Too many', body: 'x', rating: 5, episodes_seen: 17 });
        expectError(res, 400, 'validation_failed', 'episodes_seen');
        const ok = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'Exactly all', body: 'x', rating: 5, episodes_seen: 16 });
        expect(ok.status).toBe(201);
      });

      it('anonymous callers cannot write (401); unknown titles are 404', async () => {
        expectError(await anon.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'h', body: 'b', rating: 5 }), 401, 'unauthenticated');
        const author = await newUser(server);
        expectError(await author.client.post('/api/v1/titles/no-such-title/reviews', { headline: 'h', body: 'b', rating: 5 }), 404, 'not_found');
      });

      it('shows my_vote only to signed-in callers: absent for anonymous, null / true / false otherwise', async () => {
        const author = await newUser(server);
        const voter = await newUser(server);
        const bystander = await newUser(server);
        const t = await newTitle(server, admin);
        const review = await newReview(author, t.slug);

        expect('my_vote' in (await anon.get(`/api/v1/reviews/${review.id}`)).body.review).toBe(false);
        for (const item of (await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items) expect('my_vote' in item).toBe(false);
        for (const item of (await anon.get(`/api/v1/users/${author.handle}/reviews`)).body.items) expect('my_vote' in item).toBe(false);

        expect((await bystander.client.get(`/api/v1/reviews/${review.id}`)).body.review.my_vote).toBeNull();
        expect((await author.client.get(`/api/v1/reviews/${review.id}`)).body.review.my_vote).toBeNull();

        await voter.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true });
        expect((await voter.client.get(`/api/v1/reviews/${review.id}`)).body.review.my_vote).toBe(true);
        expect((await voter.client.get(`/api/v1/titles/${t.slug}/reviews`)).body.items[0].my_vote).toBe(true);
        expect((await voter.client.get(`/api/v1/users/${author.handle}/reviews`)).body.items[0].my_vote).toBe(true);
        await voter.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: false });
        expect((await voter.client.get(`/api/v1/reviews/${review.id}`)).body.review.my_vote).toBe(false);
        expect((await voter.client.get(`/api/v1/titles/${t.slug}/reviews`)).body.items[0].my_vote).toBe(false);
        expect((await bystander.client.get(`/api/v1/titles/${t.slug}/reviews`)).body.items[0].my_vote).toBeNull();
        expect('my_vote' in (await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items[0]).toBe(false);
      });
    });

    describe('quality: repeated paragraphs', () => {
      // Paragraph 2 repeats 0 (case and white space), 4 repeats 1 (NFKC: full-width letters), 5 repeats 0.
      const body = [
        'The acting is wonderful.',
        '',
        'Music carries every scene.',
        '',
        'the   ACTING is   wonderful.  ',
        'A new thought in between.',
        'Ｍｕｓｉｃ carries every scene.',
        '\t The acting is wonderful.',
      ].join('\n');
      const expected = [
        { code: 'repeated_paragraph', paragraph: 2, same_as: 0 },
        { code: 'repeated_paragraph', paragraph: 4, same_as: 1 },
        { code: 'repeated_paragraph', paragraph: 5, same_as: 0 },
      ];

      function expectRepeatQuality(quality: any) {
        expect(sortedKeys(quality)).toEqual(['suggested_body', 'warnings']);
        const repeats = quality.warnings.filter((w: any) => w.code === 'repeated_paragraph');
        expect(repeats.map((w: any) => ({ code: w.code, paragraph: w.paragraph, same_as: w.same_as }))).toEqual(expected);
        for (const w of repeats) {
          expect(sortedKeys(w)).toEqual(['code', 'message', 'paragraph', 'same_as']);
          expect(typeof w.message).toBe('string');
          expect(w.message.length).toBeGreaterThan(0);
        }
        expect(typeof quality.suggested_body).toBe('string');
        expect(paragraphs(quality.suggested_body)).toEqual(['The acting is wonderful.', 'Music carries every scene.', 'A new thought in between.']);
      }

      it('POST /reviews/check reports each repeat with a suggested body, and saves nothing', async () => {
        const writer = await newUser(server);
        const before = await reviewCount(server);
        const revisionsBefore = await server.ctx.db.kysely.selectFrom('review_revisions').selectAll().execute();
        const res = await writer.client.post('/api/v1/reviews/check', { headline: 'Draft', body });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(sortedKeys(res.body)).toEqual(['quality']);
        expectRepeatQuality(res.body.quality);
        expect(await reviewCount(server)).toBe(before);
        expect(await server.ctx.db.kysely.selectFrom('review_revisions').selectAll().execute()).toEqual(revisionsBefore);

        // The suggested body has nothing left to remove.
        const again = await writer.client.post('/api/v1/reviews/check', { headline: 'Draft', body: res.body.quality.suggested_body });
        expect(again.body.quality).toEqual({ warnings: [], suggested_body: null });
      });

      it('a body without repeats has no warnings and suggested_body null', async () => {
        const res = await anon.post('/api/v1/reviews/check', { headline: 'Fine', body: 'One.\n\nTwo.\n\nThree.' });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ quality: { warnings: [], suggested_body: null } });
      });

      it('creating a review answers the same quality, and GET shows it to the author and moderators only', async () => {
        const t = await newTitle(server, admin);
        const author = await newUser(server);
        const other = await newUser(server);
        const res = await author.client.post(`/api/v1/titles/${t.slug}/reviews`, { headline: 'Repeats', body, rating: 6 });
        expect(res.status).toBe(201);
        expectRepeatQuality(res.body.quality);
        expect(res.body.review.body).toBe(body); // saved as written
        const id = res.body.review.id;

        const asAuthor = await author.client.get(`/api/v1/reviews/${id}`);
        expect(sortedKeys(asAuthor.body)).toEqual(['quality', 'review']);
        expectRepeatQuality(asAuthor.body.quality);
        const asModerator = await moderator.client.get(`/api/v1/reviews/${id}`);
        expectRepeatQuality(asModerator.body.quality);
        expect(sortedKeys((await other.client.get(`/api/v1/reviews/${id}`)).body)).toEqual(['review']);
        expect(sortedKeys((await anon.get(`/api/v1/reviews/${id}`)).body)).toEqual(['review']);

        // Editing the repeats away clears the warnings.
        const patched = await author.client.patch(`/api/v1/reviews/${id}`, { body: res.body.quality.suggested_body });
        expect(patched.status).toBe(200);
        expect(sortedKeys(patched.body)).toEqual(['quality', 'review']);
        expect(patched.body.quality).toEqual({ warnings: [], suggested_body: null });
        expect((await author.client.get(`/api/v1/reviews/${id}`)).body.quality).toEqual({ warnings: [], suggested_body: null });
      });
    });

    describe('editing, deleting and moderating', () => {
      let title: Title;
      beforeAll(async () => {
        title = await newTitle(server, admin, { episodes: 10 });
      });

      it('PATCH by the author answers {review, quality} and keeps the earlier text as a revision', async () => {
        const author = await newUser(server);
        const created = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, { headline: 'First take', body: 'Original body.', rating: 6 });
        const id = created.body.review.id;
        const res = await author.client.patch(`/api/v1/reviews/${id}`, { headline: 'Second take', body: 'Edited body.', rating: 7.5 });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(sortedKeys(res.body)).toEqual(['quality', 'review']);
        expectReviewShape(res.body.review, { anonymous: false });
        expect(res.body.review).toMatchObject({ id, headline: 'Second take', body: 'Edited body.', rating: 7.5 });
        expect(res.body.review.created_at).toBe(created.body.review.created_at);
        expect(res.body.review.updated_at >= created.body.review.updated_at).toBe(true);

        const revisions = await server.ctx.db.kysely.selectFrom('review_revisions').selectAll().where('review_id', '=', id).orderBy('id').execute();
        expect(revisions).toHaveLength(1);
        expect(revisions[0]).toMatchObject({ headline: 'First take', body: 'Original body.', rating_x2: 12 });

        await author.client.patch(`/api/v1/reviews/${id}`, { body: 'Third body.' });
        const after = await server.ctx.db.kysely.selectFrom('review_revisions').selectAll().where('review_id', '=', id).orderBy('id').execute();
        expect(after.map((r) => [r.headline, r.body])).toEqual([
          ['First take', 'Original body.'],
          ['Second take', 'Edited body.'],
        ]);
        expect((await anon.get(`/api/v1/reviews/${id}`)).body.review).toMatchObject({ headline: 'Second take', body: 'Third body.', rating: 7.5 });
      });

      it('PATCH checks the same rules as writing (episodes_seen)', async () => {
        const author = await newUser(server);
        const review = await newReview(author, title.slug);
        expectError(await author.client.patch(`/api/v1/reviews/${review.id}`, { episodes_seen: 11 }), 400, 'validation_failed', 'episodes_seen');
        expect((await author.client.patch(`/api/v1/reviews/${review.id}`, { episodes_seen: 10 })).status).toBe(200);
      });

      it('PATCH with no field to change is 400 validation_failed and changes nothing', async () => {
        const author = await newUser(server);
        const review = await newReview(author, title.slug, { contains_spoilers: true });
        expectError(await author.client.patch(`/api/v1/reviews/${review.id}`, {}), 400, 'validation_failed');
        expect((await anon.get(`/api/v1/reviews/${review.id}`)).body.review.contains_spoilers).toBe(true);
      });

      it('PATCH changes only the fields it names (a spoiler mark stays when the headline is edited)', async () => {
        const author = await newUser(server);
        const created = await author.client.post(`/api/v1/titles/${title.slug}/reviews`, {
          headline: 'Spoilers ahead',
          body: 'The twist is that…',
          rating: 7,
          scores: { story: 8 },
          watch_status: 'watching',
          episodes_seen: 5,
          contains_spoilers: true,
        });
        const before = created.body.review;
        const res = await author.client.patch(`/api/v1/reviews/${before.id}`, { headline: 'Spoilers ahead, edited' });
        expect(res.status).toBe(200);
        const { headline: _h, updated_at: _u, ...unchanged } = before;
        expect(res.body.review).toMatchObject({ ...unchanged, headline: 'Spoilers ahead, edited' });
        expect(res.body.review.contains_spoilers).toBe(true);
        expect((await anon.get(`/api/v1/reviews/${before.id}`)).body.review.contains_spoilers).toBe(true);
        // …and the spoiler filter still leaves it out.
        const listed = await anon.get(`/api/v1/titles/${title.slug}/reviews?spoilers=exclude&limit=100`);
        expect(listed.body.items.map((r: any) => r.id)).not.toContain(before.id);
      });

      it('another member may neither PATCH (403) nor DELETE (403) a review', async () => {
        const author = await newUser(server);
        const other = await newUser(server);
        const review = await newReview(author, title.slug);
        expectError(await other.client.patch(`/api/v1/reviews/${review.id}`, { headline: 'Vandalised' }), 403, 'forbidden');
        expectError(await other.client.del(`/api/v1/reviews/${review.id}`), 403, 'forbidden');
        expectError(await anon.patch(`/api/v1/reviews/${review.id}`, { headline: 'Vandalised' }), 401, 'unauthenticated');
        expectError(await anon.del(`/api/v1/reviews/${review.id}`), 401, 'unauthenticated');
        const now = (await anon.get(`/api/v1/reviews/${review.id}`)).body.review;
        expect(now.headline).toBe('A careful look');
        const revisions = await server.ctx.db.kysely.selectFrom('review_revisions').selectAll().where('review_id', '=', review.id).execute();
        expect(revisions).toEqual([]);
      });

      it('the author may not change the status (only moderators may)', async () => {
        const author = await newUser(server);
        const review = await newReview(author, title.slug);
        expectError(await author.client.patch(`/api/v1/reviews/${review.id}`, { status: 'hidden' }), 403, 'forbidden');
        expect((await anon.get(`/api/v1/reviews/${review.id}`)).body.review.status).toBe('published');
      });

      it('the author deletes their review (204); then it is 404', async () => {
        const author = await newUser(server);
        const review = await newReview(author, title.slug);
        expect((await author.client.del(`/api/v1/reviews/${review.id}`)).status).toBe(204);
        expectError(await anon.get(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        expectError(await author.client.del(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        // …and may write a new one.
        expect((await newReview(author, title.slug)).id).not.toBe(review.id);
      });

      it('a moderator may DELETE anyone’s review', async () => {
        const author = await newUser(server);
        const review = await newReview(author, title.slug);
        expect((await moderator.client.del(`/api/v1/reviews/${review.id}`)).status).toBe(204);
        expectError(await anon.get(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        expect((await anon.get(`/api/v1/titles/${title.slug}/reviews?limit=100`)).body.items.map((r: any) => r.id)).not.toContain(review.id);
      });

      it('a moderator hides a review: anonymous GET is 404, lists leave it out, the moderator list keeps it', async () => {
        const t = await newTitle(server, admin);
        const author = await newUser(server);
        const kept = await newReview(await newUser(server), t.slug);
        const review = await newReview(author, t.slug);
        // Warm the anonymous first-page cache first: hiding must still show at once.
        expect((await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items).toHaveLength(2);

        const res = await moderator.client.patch(`/api/v1/reviews/${review.id}`, { status: 'hidden' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.review.status).toBe('hidden');
        expect(res.body.review.headline).toBe('A careful look');
        expect((await server.ctx.db.kysely.selectFrom('review_revisions').selectAll().where('review_id', '=', review.id).execute()).length).toBe(0);

        expectError(await anon.get(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        expectError(await (await newUser(server)).client.get(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        for (const sort of ['helpful', 'recent', 'rating_high', 'rating_low']) {
          const list = await anon.get(`/api/v1/titles/${t.slug}/reviews?sort=${sort}`);
          expect(list.body.items.map((r: any) => r.id)).toEqual([kept.id]);
        }
        expect((await (await newUser(server)).client.get(`/api/v1/titles/${t.slug}/reviews`)).body.items.map((r: any) => r.id)).toEqual([kept.id]);
        expect((await anon.get(`/api/v1/users/${author.handle}/reviews`)).body.items).toEqual([]);
        expect((await anon.get(`/api/v1/users/${author.handle}`)).body.stats.reviews).toBe(0);

        const modList = await moderator.client.get(`/api/v1/titles/${t.slug}/reviews`);
        const hidden = modList.body.items.find((r: any) => r.id === review.id);
        expect(hidden?.status).toBe('hidden');
        expect(modList.body.items).toHaveLength(2);

        // Moderators can publish it again.
        expect((await moderator.client.patch(`/api/v1/reviews/${review.id}`, { status: 'published' })).status).toBe(200);
        expect((await anon.get(`/api/v1/reviews/${review.id}`)).status).toBe(200);
        expect((await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items).toHaveLength(2);
      });
    });

    describe('listing orders and paging', () => {
      let title: Title;
      const reviews: any[] = [];
      // rating, spoilers, [yes, no]
      const plan: [number, boolean, [number, number]][] = [
        [8, false, [3, 0]],
        [6, false, [1, 0]],
        [9.5, true, [2, 2]],
        [6, false, [0, 0]],
        [3, false, [0, 1]],
        [10, true, [3, 1]],
        [8, false, [1, 0]],
      ];

      beforeAll(async () => {
        title = await newTitle(server, admin);
        const voters: TestUser[] = [];
        for (let i = 0; i < 4; i++) voters.push(await newUser(server));
        for (const [rating, spoilers, [yes, no]] of plan) {
          const author = await newUser(server);
          const r = await newReview(author, title.slug, { rating, contains_spoilers: spoilers, headline: `Rated ${rating}` });
          let v = 0;
          for (let i = 0; i < yes; i++) expect((await voters[v++]!.client.put(`/api/v1/reviews/${r.id}/vote`, { helpful: true })).status).toBe(200);
          for (let i = 0; i < no; i++) expect((await voters[v++]!.client.put(`/api/v1/reviews/${r.id}/vote`, { helpful: false })).status).toBe(200);
        }
        const all = await moderator.client.get(`/api/v1/titles/${title.slug}/reviews?limit=100`);
        reviews.push(...all.body.items);
        expect(reviews).toHaveLength(plan.length);
      });

      const ids = (xs: any[]) => xs.map((r) => r.id);

      it('helpful (the default): by Wilson lower bound, then yes + no, then newest first', async () => {
        for (const r of reviews) expect(r.helpful_score).toBeCloseTo(wilson(r.helpful.yes, r.helpful.no), 9);
        const expected = [...reviews].sort((a, b) => {
          const sa = wilson(a.helpful.yes, a.helpful.no);
          const sb = wilson(b.helpful.yes, b.helpful.no);
          if (Math.abs(sa - sb) > 1e-12) return sb - sa;
          const ta = a.helpful.yes + a.helpful.no;
          const tb = b.helpful.yes + b.helpful.no;
          if (ta !== tb) return tb - ta;
          return newestFirst(a, b);
        });
        for (const client of [anon, moderator.client]) {
          const res = await client.get(`/api/v1/titles/${title.slug}/reviews`);
          expect(ids(res.body.items)).toEqual(ids(expected));
          const explicit = await client.get(`/api/v1/titles/${title.slug}/reviews?sort=helpful`);
          expect(ids(explicit.body.items)).toEqual(ids(expected));
        }
        for (const r of (await anon.get(`/api/v1/titles/${title.slug}/reviews`)).body.items) expectReviewShape(r, { anonymous: true });
      });

      it('recent: newest first', async () => {
        const res = await anon.get(`/api/v1/titles/${title.slug}/reviews?sort=recent`);
        expect(ids(res.body.items)).toEqual(ids([...reviews].sort(newestFirst)));
      });

      it('rating_high and rating_low order by rating', async () => {
        const high = (await anon.get(`/api/v1/titles/${title.slug}/reviews?sort=rating_high`)).body.items;
        const low = (await anon.get(`/api/v1/titles/${title.slug}/reviews?sort=rating_low`)).body.items;
        expect(high.map((r: any) => r.rating)).toEqual([...plan.map((p) => p[0])].sort((a, b) => b - a));
        expect(low.map((r: any) => r.rating)).toEqual([...plan.map((p) => p[0])].sort((a, b) => a - b));
        expect(ids(high)).toEqual(ids([...reviews].sort((a, b) => b.rating - a.rating || newestFirst(a, b))));
        expect(ids(low)).toEqual(ids([...reviews].sort((a, b) => a.rating - b.rating || newestFirst(a, b))));
      });

      it('spoilers=exclude leaves out reviews marked as containing spoilers', async () => {
        const res = await anon.get(`/api/v1/titles/${title.slug}/reviews?spoilers=exclude&sort=recent`);
        expect(ids(res.body.items)).toEqual(ids(reviews.filter((r) => !r.contains_spoilers).sort(newestFirst)));
        const inc = await anon.get(`/api/v1/titles/${title.slug}/reviews?spoilers=include&sort=recent`);
        expect(inc.body.items).toHaveLength(reviews.length);
      });

      it('rating_min and rating_max bound the rating, inclusive', async () => {
        const res = await anon.get(`/api/v1/titles/${title.slug}/reviews?rating_min=6&rating_max=9.5&sort=recent`);
        expect(ids(res.body.items)).toEqual(ids(reviews.filter((r) => r.rating >= 6 && r.rating <= 9.5).sort(newestFirst)));
        const min = await anon.get(`/api/v1/titles/${title.slug}/reviews?rating_min=8.5&sort=recent`);
        expect(ids(min.body.items)).toEqual(ids(reviews.filter((r) => r.rating >= 8.5).sort(newestFirst)));
        const max = await anon.get(`/api/v1/titles/${title.slug}/reviews?rating_max=3&sort=recent`);
        expect(ids(max.body.items)).toEqual(ids(reviews.filter((r) => r.rating <= 3).sort(newestFirst)));
        expectError(await anon.get(`/api/v1/titles/${title.slug}/reviews?rating_min=9&rating_max=3`), 400, 'validation_failed');
      });

      it('limit=2 and next_cursor walk every review exactly once, in the same order, for every sort and filter', async () => {
        for (const sort of ['helpful', 'recent', 'rating_high', 'rating_low']) {
          for (const extra of ['', '&spoilers=exclude', '&rating_min=6']) {
            for (const client of [anon, moderator.client]) {
              const whole = await client.get(`/api/v1/titles/${title.slug}/reviews?sort=${sort}${extra}&limit=100`);
              expect(whole.body.next_cursor).toBeNull();
              const walked = await walk(client, `/api/v1/titles/${title.slug}/reviews?sort=${sort}${extra}&limit=2`);
              const walkedIds = ids(walked);
              expect(new Set(walkedIds).size, `${sort}${extra}`).toBe(walkedIds.length);
              expect(walkedIds, `${sort}${extra}`).toEqual(ids(whole.body.items));
            }
          }
        }
      });

      it('an invalid cursor is 400 validation_failed, field cursor', async () => {
        const base = `/api/v1/titles/${title.slug}/reviews`;
        const recentCursor = (await anon.get(`${base}?sort=recent&limit=2`)).body.next_cursor as string;
        const bad = [
          'not-a-cursor!!',
          Buffer.from('{"a":1}').toString('base64url'),
          Buffer.from('[1,2,3]').toString('base64url'),
          Buffer.from('not json').toString('base64url'),
        ];
        for (const cursor of bad) {
          expectError(await anon.get(`${base}?cursor=${encodeURIComponent(cursor)}`), 400, 'validation_failed', 'cursor');
        }
        // A cursor from another order does not fit this one.
        expectError(await anon.get(`${base}?sort=helpful&cursor=${encodeURIComponent(recentCursor)}`), 400, 'validation_failed', 'cursor');
      });
    });

    describe('helpfulness votes', () => {
      let title: Title;
      let author: TestUser;
      beforeAll(async () => {
        title = await newTitle(server, admin);
        author = await newUser(server);
      });

      async function tally(reviewId: number) {
        const rows = await server.ctx.db.kysely.selectFrom('votes').select('helpful').where('review_id', '=', reviewId).execute();
        return { yes: rows.filter((r) => r.helpful === 1).length, no: rows.filter((r) => r.helpful === 0).length };
      }

      it('yes, change, repeat and delete move the counts as the contract says', async () => {
        const t = await newTitle(server, admin);
        const review = await newReview(author, t.slug);
        const voter = await newUser(server);
        const other = await newUser(server);
        const url = `/api/v1/reviews/${review.id}/vote`;
        const expectVote = (res: Reply, yes: number, no: number, myVote: boolean | null) => {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(sortedKeys(res.body)).toEqual(['helpful', 'helpful_score', 'my_vote']);
          expect(res.body.helpful).toEqual({ yes, no });
          expect(res.body.helpful_score).toBeCloseTo(wilson(yes, no), 9);
          expect(res.body.my_vote).toBe(myVote);
        };

        expectVote(await voter.client.put(url, { helpful: true }), 1, 0, true);
        expectVote(await voter.client.put(url, { helpful: true }), 1, 0, true); // repeating changes nothing
        expectVote(await other.client.put(url, { helpful: true }), 2, 0, true);
        expectVote(await voter.client.put(url, { helpful: false }), 1, 1, false); // change
        expectVote(await voter.client.put(url, { helpful: false }), 1, 1, false);
        expectVote(await voter.client.del(url), 1, 0, null); // withdraw
        expectVote(await voter.client.del(url), 1, 0, null); // withdrawing again changes nothing
        expectVote(await other.client.put(url, { helpful: false }), 0, 1, false);
        expect(await tally(review.id)).toEqual({ yes: 0, no: 1 });

        const got = (await anon.get(`/api/v1/reviews/${review.id}`)).body.review;
        expect(got.helpful).toEqual({ yes: 0, no: 1 });
        expect(got.helpful_score).toBe(0);
        // The anonymous first page reflects votes at once (no stale cache).
        const listed = (await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items[0];
        expect(listed.helpful).toEqual({ yes: 0, no: 1 });
        expectVote(await other.client.put(url, { helpful: true }), 1, 0, true);
        expect((await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items[0].helpful).toEqual({ yes: 1, no: 0 });
      });

      it('voting on one’s own review is 403 own_review', async () => {
        const review = await newReview(await newUser(server), (await newTitle(server, admin)).slug);
        const mine = await newUser(server);
        const own = await newReview(mine, title.slug);
        expectError(await mine.client.put(`/api/v1/reviews/${own.id}/vote`, { helpful: true }), 403, 'own_review');
        expectError(await mine.client.del(`/api/v1/reviews/${own.id}/vote`), 403, 'own_review');
        expect(await tally(own.id)).toEqual({ yes: 0, no: 0 });
        expect((await mine.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true })).status).toBe(200);
      });

      it('anonymous voting is 401; an unknown or unpublished review is 404', async () => {
        const t = await newTitle(server, admin);
        const review = await newReview(await newUser(server), t.slug);
        const voter = await newUser(server);
        expectError(await anon.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true }), 401, 'unauthenticated');
        expectError(await anon.del(`/api/v1/reviews/${review.id}/vote`), 401, 'unauthenticated');
        expectError(await voter.client.put('/api/v1/reviews/2000000000/vote', { helpful: true }), 404, 'not_found');

        expect((await voter.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true })).status).toBe(200);
        // Hidden straight in the database, so that this test does not depend on the moderation PATCH
        // (tested above).
        await server.ctx.db.kysely.updateTable('reviews').set({ status: 'hidden' }).where('id', '=', review.id).execute();
        const other = await newUser(server);
        expectError(await other.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true }), 404, 'not_found');
        expectError(await voter.client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: false }), 404, 'not_found');
        expectError(await voter.client.del(`/api/v1/reviews/${review.id}/vote`), 404, 'not_found');
        expect(await tally(review.id)).toEqual({ yes: 1, no: 0 });
      });

      it('a vote body must be {"helpful": boolean}', async () => {
        const review = await newReview(await newUser(server), (await newTitle(server, admin)).slug);
        const voter = await newUser(server);
        for (const body of [{}, { helpful: 'yes' }, { helpful: 1 }, { helpful: null }, { helpful: true, extra: 1 }]) {
          const res = await voter.client.put(`/api/v1/reviews/${review.id}/vote`, body);
          expectError(res, 400, 'validation_failed');
        }
        expect(await tally(review.id)).toEqual({ yes: 0, no: 0 });
      });
    });

    describe('reports', () => {
      it('201 with the report; a second report by the same person is 409; one’s own review is 403', async () => {
        const t = await newTitle(server, admin);
        const author = await newUser(server);
        const reporter = await newUser(server);
        const review = await newReview(author, t.slug);
        const res = await reporter.client.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'spam', note: 'Links to a shop.' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.report).toMatchObject({ review_id: review.id, reason: 'spam', note: 'Links to a shop.' });

        const again = await reporter.client.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'abuse' });
        expect(again.status).toBe(409);
        expect(sortedKeys(again.body)).toEqual(['error']);
        expect(again.body.error.code).toMatch(/^[a-z_]+$/);

        expectError(await author.client.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'other' }), 403, 'forbidden');
        expectError(await anon.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'spam' }), 401, 'unauthenticated');
        expectError(await reporter.client.post('/api/v1/reviews/2000000000/reports', { reason: 'spam' }), 404, 'not_found');
        expectError(await (await newUser(server)).client.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'boring' }), 400, 'validation_failed', 'reason');

        // Reports from 3 different accounts send the review to `pending` (issue 5); readers can no
        // longer see it, so later reports find nothing (404).
        for (const [i, reason] of ['spam', 'spoilers_unmarked', 'abuse', 'plagiarism', 'other'].entries()) {
          const who = await newUser(server);
          expect((await who.client.post(`/api/v1/reviews/${review.id}/reports`, { reason })).status).toBe(i < 2 ? 201 : 404);
        }
        const rows = await server.ctx.db.kysely.selectFrom('reports').selectAll().where('review_id', '=', review.id).execute();
        expect(rows).toHaveLength(3);
      });
    });
  });
}
