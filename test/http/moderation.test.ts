// Review integrity over real HTTP (issue 5), under the product's default policy: warnings and holds
// when writing, reports that hold a review, the moderation queue with the side-by-side view, the
// actions (each needs a reason), the public log, account suspension, and what the author sees.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../support/databases.js';
import { Client, PRODUCT_QUALITY, startServer, type Reply, type TestServer } from '../support/server.js';
import { newAdmin, newTitle, newUser, type TestUser } from '../support/factories.js';
import { expectError } from './contract-helpers.js';
import { mulberry32 } from '../../src/domain/random.js';

const WORDS = (
  'harbour lantern quiet signal orchard winter letters station river garden mirror bridge tide voices ' +
  'kitchen detective crown machine wedding neighbours empire streets season island road shadows promise ' +
  'pacing writing lead score ending dialogue editing humour villain direction costume cinematography'
).split(' ');

/** A made-up review of about `n` words, the same for the same seed. */
function text(seed: number, n = 90): string {
  const rng = mulberry32(seed);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rng() * WORDS.length)]!);
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 10) {
    const s = words.slice(i, i + 10).join(' ');
    sentences.push(s.charAt(0).toUpperCase() + s.slice(1) + '.');
  }
  return sentences.join(' ');
}

/** The text with one word replaced (similarity about 0.88). */
const edited = (t: string) => t.replace(/ (\w+) /, ' changedword ');

async function write(user: TestUser, slug: string, body: string) {
  const res = await user.client.post(`/api/v1/titles/${slug}/reviews`, { headline: 'A considered view', body, rating: 7 });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { review: any; quality: { warnings: any[]; suggested_body: string | null } };
}

async function walkLog(client: Client, limit: number): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const res: Reply = await client.get(`/api/v1/moderation/log?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (cursor === null) return items;
  }
  throw new Error('the log did not end');
}

for (const engine of TEST_ENGINES) {
  describe(engine, () => {
    let server: TestServer;
    let admin: TestUser;
    let moderator: TestUser;
    let anon: Client;
    let seed = 1000;

    beforeAll(async () => {
      server = await startServer(engine, PRODUCT_QUALITY);
      admin = await newAdmin(server);
      moderator = await newUser(server, { role: 'moderator' });
      anon = new Client(server.url);
    });
    afterAll(() => server.close());

    describe('the default policy when writing', () => {
      it('repeats and short text warn: the review is published and the author told', async () => {
        const t = await newTitle(server, admin);
        const author = await newUser(server);
        const repeated = `${text(seed++)}\n\n${text(seed++)}\n\n${text(seed - 2)}`;
        const r1 = await write(author, t.slug, repeated);
        expect(r1.review.status).toBe('published');
        expect(r1.quality.warnings.map((w: any) => w.code)).toContain('repeated_paragraph');

        const t2 = await newTitle(server, admin);
        const r2 = await write(author, t2.slug, 'Too short to help anyone.');
        expect(r2.review.status).toBe('published');
        expect(r2.quality.warnings).toEqual([expect.objectContaining({ code: 'too_short', length: 25, min_length: 200 })]);
        expect(r2.review.status_reason).toBeUndefined();
        expect((await anon.get(`/api/v1/reviews/${r2.review.id}`)).status).toBe(200);
      });

      it('a near-duplicate of the author’s own review on another title warns, naming it', async () => {
        const author = await newUser(server);
        const body = text(seed++);
        const first = await write(author, (await newTitle(server, admin)).slug, body);
        const second = await write(author, (await newTitle(server, admin)).slug, edited(body));
        expect(second.review.status).toBe('published');
        const w = second.quality.warnings.find((x: any) => x.code === 'near_duplicate');
        expect(Object.keys(w).sort()).toEqual(['code', 'message', 'review_id', 'similarity']);
        expect(w.review_id).toBe(first.review.id);
        expect(w.similarity).toBeGreaterThanOrEqual(0.8);
        expect(w.similarity).toBeLessThan(1);
      });

      it('a near-duplicate of another account’s review is held (pending) and the author sees why', async () => {
        const t = await newTitle(server, admin);
        const body = text(seed++);
        const originalWriter = await newUser(server);
        const original = await write(originalWriter, t.slug, body);
        const copier = await newUser(server);
        const copy = await write(copier, t.slug, edited(body));
        expect(copy.review.status).toBe('pending');
        expect(copy.review.status_reason).toMatch(new RegExp(`similar to review ${original.review.id} by another account`));
        expect(copy.quality.warnings).toEqual([expect.objectContaining({ code: 'near_duplicate', review_id: original.review.id })]);

        // Readers do not see it; its author does, with the status and the reason.
        expectError(await anon.get(`/api/v1/reviews/${copy.review.id}`), 404, 'not_found');
        expect((await anon.get(`/api/v1/titles/${t.slug}/reviews`)).body.items.map((r: any) => r.id)).toEqual([original.review.id]);
        const mine = await copier.client.get(`/api/v1/reviews/${copy.review.id}`);
        expect(mine.status).toBe(200);
        expect(mine.body.review).toMatchObject({ status: 'pending', status_reason: copy.review.status_reason });
        expect(mine.body.quality.warnings[0].code).toBe('near_duplicate');

        // Votes on a pending review are not allowed.
        expectError(await (await newUser(server)).client.put(`/api/v1/reviews/${copy.review.id}/vote`, { helpful: true }), 404, 'not_found');

        // The hold is in the public log, by the system.
        const log = await anon.get('/api/v1/moderation/log?limit=100');
        const entry = log.body.items.find((e: any) => e.target.review_id === copy.review.id);
        expect(entry).toMatchObject({ moderator: null, action: 'hold', to_status: 'pending', target: { type: 'review' } });
        expect(entry.reason).toBe(copy.review.status_reason);

        // The original's author edits: changing the rating, or fixing a word, never makes the later copy
        // count against the original.
        const rerated = await originalWriter.client.patch(`/api/v1/reviews/${original.review.id}`, { rating: 9 });
        expect([rerated.status, rerated.body.review.status]).toEqual([200, 'published']);
        expect(rerated.body.quality.warnings.some((w: any) => w.code === 'near_duplicate')).toBe(false);
        const retouched = await originalWriter.client.patch(`/api/v1/reviews/${original.review.id}`, { body: `${body} Worth it.` });
        expect([retouched.status, retouched.body.review.status]).toEqual([200, 'published']);
        expect(retouched.body.quality.warnings.some((w: any) => w.code === 'near_duplicate')).toBe(false);

        // Editing the text into something original releases the hold (the policy, again).
        const fixed = await copier.client.patch(`/api/v1/reviews/${copy.review.id}`, { body: text(seed++) });
        expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
        expect(fixed.body.review.status).toBe('published');
        expect(fixed.body.review.status_reason).toBeUndefined();
        expect((await anon.get(`/api/v1/reviews/${copy.review.id}`)).status).toBe(200);
      });

      it('a hidden or removed review is not a near-duplicate source', async () => {
        const t = await newTitle(server, admin);
        const body = text(seed++);
        const original = await write(await newUser(server), t.slug, body);
        const hide = await moderator.client.post(`/api/v1/moderation/reviews/${original.review.id}/actions`, { action: 'hide', reason: 'Off-topic.' });
        expect(hide.status, JSON.stringify(hide.body)).toBe(200);
        const copy = await write(await newUser(server), t.slug, body);
        expect(copy.review.status).toBe('published');
        expect(copy.quality.warnings.some((w: any) => w.code === 'near_duplicate')).toBe(false);
      });
    });

    describe('reports', () => {
      it('3 different accounts’ reports send a review to pending, logged by the system; publishing closes them', async () => {
        const t = await newTitle(server, admin);
        const author = await newUser(server);
        const { review } = await write(author, t.slug, text(seed++));
        for (let i = 0; i < 3; i++) {
          const who = await newUser(server);
          expect((await who.client.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'spam', note: `report ${i}` })).status).toBe(201);
          const seen = await author.client.get(`/api/v1/reviews/${review.id}`);
          expect(seen.body.review.status).toBe(i < 2 ? 'published' : 'pending');
        }
        const mine = await author.client.get(`/api/v1/reviews/${review.id}`);
        expect(mine.body.review.status_reason).toBe('Held for a moderator: reported by 3 accounts.');
        expectError(await (await newUser(server)).client.put(`/api/v1/reviews/${review.id}/vote`, { helpful: true }), 404, 'not_found');
        const entry = (await anon.get('/api/v1/moderation/log?limit=100')).body.items.find((e: any) => e.target.review_id === review.id);
        expect(entry).toMatchObject({ moderator: null, action: 'hold', from_status: 'published', to_status: 'pending' });
        expect(entry.reason).toMatch(/reported by 3 accounts/);

        // In the queue with its three reports.
        const queue = await moderator.client.get('/api/v1/moderation/queue?limit=100');
        const item = queue.body.items.find((i: any) => i.review.id === review.id);
        expect(item.flags).toEqual(['pending', 'reported']);
        expect(item.reports.map((r: any) => r.note)).toEqual(['report 0', 'report 1', 'report 2']);
        expect(item.reports.every((r: any) => r.open && r.reporter.handle)).toBe(true);

        // A moderator publishes it: it leaves the queue, and those reports no longer count.
        const pub = await moderator.client.post(`/api/v1/moderation/reviews/${review.id}/actions`, { action: 'publish', reason: 'The reports do not hold up.' });
        expect(pub.status, JSON.stringify(pub.body)).toBe(200);
        expect(pub.body.review.status).toBe('published');
        const after = await moderator.client.get('/api/v1/moderation/queue?limit=100');
        expect(after.body.items.map((i: any) => i.review.id)).not.toContain(review.id);
        // Two more accounts are not enough; a third new one holds it again.
        for (let i = 0; i < 3; i++) {
          expect((await (await newUser(server)).client.post(`/api/v1/reviews/${review.id}/reports`, { reason: 'abuse' })).status).toBe(201);
          expect((await author.client.get(`/api/v1/reviews/${review.id}`)).body.review.status).toBe(i < 2 ? 'published' : 'pending');
        }
      });
    });

    describe('the moderation queue', () => {
      it('moderators only: 401 anonymous, 403 members', async () => {
        expectError(await anon.get('/api/v1/moderation/queue'), 401, 'unauthenticated');
        expectError(await (await newUser(server)).client.get('/api/v1/moderation/queue'), 403, 'forbidden');
        expect((await admin.client.get('/api/v1/moderation/queue')).status).toBe(200);
      });

      it('shows a held near-duplicate with both texts side by side and the shared passages marked', async () => {
        const t = await newTitle(server, admin);
        const body = text(seed++);
        const original = await write(await newUser(server), t.slug, body);
        const copyBody = `An honest opening of my own. ${body}`;
        const copy = await write(await newUser(server), t.slug, copyBody);
        expect(copy.review.status).toBe('pending');

        let item: any;
        let cursor: string | null = null;
        const seen: number[] = [];
        do {
          const res: Reply = await moderator.client.get(`/api/v1/moderation/queue?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(res.status).toBe(200);
          seen.push(...res.body.items.map((i: any) => i.review.id));
          item ??= res.body.items.find((i: any) => i.review.id === copy.review.id);
          cursor = res.body.next_cursor;
        } while (cursor);
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        expect(new Set(seen).size).toBe(seen.length);

        expect(item.flags).toEqual(['pending']);
        expect(item.review).toMatchObject({ status: 'pending', body: copyBody });
        expect(item.review.status_reason).toMatch(/similar/);
        expect(item.warnings).toEqual([expect.objectContaining({ code: 'near_duplicate', review_id: original.review.id })]);
        const nd = item.near_duplicate;
        expect(nd).toMatchObject({ review_id: original.review.id, other: { id: original.review.id, body, status: 'published' } });
        expect(nd.similarity).toBeGreaterThanOrEqual(0.8);
        // The whole original is shared; in the copy, everything but the added opening.
        expect(nd.shared.other).toEqual([{ start: 0, end: body.length - 1 }]);
        expect(nd.shared.review).toHaveLength(1);
        expect(copyBody.slice(nd.shared.review[0].start, nd.shared.review[0].end)).toBe(body.slice(0, -1));
      });
    });

    describe('actions', () => {
      it('each needs a reason: 400 without one, or with a blank one', async () => {
        const { review } = await write(await newUser(server), (await newTitle(server, admin)).slug, text(seed++));
        const path = `/api/v1/moderation/reviews/${review.id}/actions`;
        expectError(await moderator.client.post(path, { action: 'hide' }), 400, 'validation_failed');
        expectError(await moderator.client.post(path, { action: 'hide', reason: '   ' }), 400, 'validation_failed', 'reason');
        expectError(await moderator.client.post(path, { action: 'explode', reason: 'x' }), 400, 'validation_failed');
        const user = await newUser(server);
        expectError(await moderator.client.post(`/api/v1/moderation/users/${user.handle}/actions`, { action: 'suspend' }), 400, 'validation_failed');
        expect((await anon.get(`/api/v1/reviews/${review.id}`)).status).toBe(200);
      });

      it('hide, restore, remove: statuses move, members and anonymous are refused, a wrong transition is 409', async () => {
        const author = await newUser(server);
        const { review } = await write(author, (await newTitle(server, admin)).slug, text(seed++));
        const path = `/api/v1/moderation/reviews/${review.id}/actions`;
        expectError(await anon.post(path, { action: 'hide', reason: 'x' }), 401, 'unauthenticated');
        expectError(await author.client.post(path, { action: 'hide', reason: 'x' }), 403, 'forbidden');
        expectError(await moderator.client.post(path, { action: 'restore', reason: 'Nothing to restore.' }), 409, 'status_conflict');

        const hidden = await moderator.client.post(path, { action: 'hide', reason: 'Spoils the finale without a mark.' });
        expect(hidden.body.review).toMatchObject({ status: 'hidden', status_reason: 'Spoils the finale without a mark.' });
        expectError(await anon.get(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        expect((await author.client.get(`/api/v1/reviews/${review.id}`)).body.review).toMatchObject({ status: 'hidden', status_reason: 'Spoils the finale without a mark.' });

        expect((await moderator.client.post(path, { action: 'restore', reason: 'Marked as spoilers now.' })).body.review.status).toBe('published');
        expect((await anon.get(`/api/v1/reviews/${review.id}`)).status).toBe(200);
        expect((await moderator.client.post(path, { action: 'remove', reason: 'Harassment.' })).body.review.status).toBe('removed');
        expectError(await author.client.get(`/api/v1/reviews/${review.id}`), 404, 'not_found');
        expectError(await moderator.client.post('/api/v1/moderation/reviews/2000000000/actions', { action: 'hide', reason: 'x' }), 404, 'not_found');
      });

      it('the old PATCH status path is logged too, with its reason or a default one', async () => {
        const { review } = await write(await newUser(server), (await newTitle(server, admin)).slug, text(seed++));
        expect((await moderator.client.patch(`/api/v1/reviews/${review.id}`, { status: 'hidden', reason: 'Duplicate account.' })).status).toBe(200);
        expect((await moderator.client.patch(`/api/v1/reviews/${review.id}`, { status: 'published' })).status).toBe(200);
        const entries = (await anon.get('/api/v1/moderation/log?limit=100')).body.items.filter((e: any) => e.target.review_id === review.id);
        expect(entries.map((e: any) => [e.action, e.moderator?.handle, e.to_status])).toEqual([
          ['restore', moderator.handle, 'published'],
          ['hide', moderator.handle, 'hidden'],
        ]);
        expect(entries[1].reason).toBe('Duplicate account.');
        expect(entries[0].reason).toMatch(/without a reason/);
      });

      it('suspending an account blocks its writes; reinstating restores them; both are logged', async () => {
        const member = await newUser(server);
        const t = await newTitle(server, admin);
        const path = `/api/v1/moderation/users/${member.handle}/actions`;
        expectError(await (await newUser(server)).client.post(path, { action: 'suspend', reason: 'x' }), 403, 'forbidden');
        expectError(await moderator.client.post(`/api/v1/moderation/users/${admin.handle}/actions`, { action: 'suspend', reason: 'x' }), 403, 'forbidden');
        const res = await moderator.client.post(path, { action: 'suspend', reason: 'Spam account.' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toEqual({ user: { handle: member.handle, suspended: true } });
        expectError(await moderator.client.post(path, { action: 'suspend', reason: 'Again.' }), 409, 'status_conflict');
        expectError(await member.client.post(`/api/v1/titles/${t.slug}/reviews`, { headline: 'h', body: text(seed++), rating: 5 }), 403, 'account_suspended');

        expect((await moderator.client.post(path, { action: 'reinstate', reason: 'Appeal accepted.' })).status).toBe(200);
        await write(member, t.slug, text(seed++));
        const entries = (await anon.get('/api/v1/moderation/log?limit=100')).body.items.filter((e: any) => e.target.handle === member.handle);
        expect(entries.map((e: any) => [e.action, e.reason, e.moderator.handle])).toEqual([
          ['reinstate', 'Appeal accepted.', moderator.handle],
          ['suspend', 'Spam account.', moderator.handle],
        ]);
        expectError(await moderator.client.post('/api/v1/moderation/users/nobody_here_x/actions', { action: 'suspend', reason: 'x' }), 404, 'not_found');
      });
    });

    describe('pages', () => {
      const csrfOf = (client: Client) => createHash('sha256').update(`csrf|${client.cookie!.split('=')[1]}`).digest('base64url');
      const form = (client: Client, path: string, fields: Record<string, string>) =>
        client.request('POST', path, new URLSearchParams({ _csrf: csrfOf(client), ...fields }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

      it('/moderations is public HTML; /moderation is for moderators, with the side-by-side marks and action forms', async () => {
        const log = await anon.get('/moderations');
        expect(log.status).toBe(200);
        expect(log.headers.get('content-type')).toMatch(/text\/html/);
        expect(log.body).toContain('<h1>Moderation log</h1>');
        expect(log.body).toContain('reported by 3 accounts');
        // Every page's footer links the public log; only moderators and admins get the header link to the queue.
        expect(log.body).toContain('<a href="/moderations">Moderation log</a>');
        expect(log.body).not.toContain('href="/moderation"');
        const asMember = await (await newUser(server)).client.get('/moderations');
        expect(asMember.body).toContain('<a href="/settings/import">Import / export</a>');
        expect(asMember.body).not.toContain('href="/moderation"');
        expect((await moderator.client.get('/moderations')).body).toContain('<a href="/moderation">Moderation</a>');
        expect((await admin.client.get('/moderations')).body).toContain('<a href="/moderation">Moderation</a>');

        expect((await anon.request('GET', '/moderation', undefined, {})).status).toBe(200); // redirected to /login by fetch
        expect((await (await newUser(server)).client.get('/moderation')).status).toBe(403);
        const t = await newTitle(server, admin);
        const body = text(seed++);
        await write(await newUser(server), t.slug, body);
        const copy = await write(await newUser(server), t.slug, `Mine first. ${body}`);
        let queue = await moderator.client.get('/moderation');
        for (let guard = 0; !String(queue.body).includes(`id="review-${copy.review.id}"`) && guard < 20; guard++) {
          const next = /href="(\/moderation\?cursor=[^"]+)"/.exec(queue.body)?.[1];
          if (!next) break;
          queue = await moderator.client.get(next.replace(/&amp;/g, '&'));
        }
        expect(queue.status).toBe(200);
        expect(queue.body).toContain(`id="review-${copy.review.id}"`);
        expect(queue.body).toMatch(/<mark>[^<]+<\/mark>/);
        expect(queue.body).toContain(`action="/moderation/reviews/${copy.review.id}"`);

        // A form post with the CSRF token and a reason publishes it; without a reason nothing changes.
        const bad = await form(moderator.client, `/moderation/reviews/${copy.review.id}`, { action: 'publish', reason: '' });
        expect(bad.status).toBe(400);
        const ok = await form(moderator.client, `/moderation/reviews/${copy.review.id}`, { action: 'publish', reason: 'Quotes the other review with credit.' });
        expect(ok.status).toBe(200); // fetch follows the 303 back to the queue
        expect((await anon.get(`/api/v1/reviews/${copy.review.id}`)).status).toBe(200);
        const refused = await moderator.client.request('POST', `/moderation/reviews/${copy.review.id}`, 'action=hide&reason=x', { 'content-type': 'application/x-www-form-urlencoded' });
        expect(refused.status).toBe(403); // no CSRF token
      });
    });

    describe('the public log', () => {
      it('anyone reads it, newest first, paged with a cursor; every entry has when, who, what and why', async () => {
        const all = await walkLog(anon, 100);
        const paged = await walkLog(anon, 3);
        expect(paged).toEqual(all);
        expect(all.length).toBeGreaterThan(8);
        const ids = all.map((e) => e.id);
        expect(ids).toEqual([...ids].sort((a, b) => b - a));
        for (const e of all) {
          expect(Object.keys(e).sort()).toEqual(['action', 'created_at', 'from_status', 'id', 'moderator', 'reason', 'target', 'to_status']);
          expect(e.reason.length).toBeGreaterThan(0);
          expect(e.target.description.length).toBeGreaterThan(0);
        }
        expectError(await anon.get('/api/v1/moderation/log?cursor=garbage!'), 400, 'validation_failed', 'cursor');
      });
    });
  });
}
