// The server-rendered web site over real HTTP with JavaScript off: page status codes, HTML 404s,
// escaping of user text, JSON-LD, CSRF refusals, the form flows (sign up, write, edit, vote, report,
// sign out) as plain form posts with 303 redirects, compression, assets, and the anonymous title
// page cache dropped by a vote or a new review.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.js';
import { TEST_ENGINES } from '../support/databases.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';

/** A browser without JavaScript: a cookie jar, form posts, redirects not followed. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; html: string; location: string | null }> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (!headers.has('accept')) headers.set('accept', 'text/html');
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, html: await res.text(), location: res.headers.get('location') };
  }

  get(path: string) {
    return this.fetch(path);
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.fetch(path, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** The CSRF token of the first form on a page. */
  static token(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error('no CSRF field on the page');
    return m[1]!;
  }
}

const jsonLd = (html: string): any[] => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

for (const engine of TEST_ENGINES) {
  describe(`web pages on ${engine}`, () => {
    let server: TestServer;
    let admin: TestUser;
    let author: TestUser;
    let title: { id: number; slug: string; name: string };
    let reviewId: number;

    beforeAll(async () => {
      server = await startServer(engine);
      admin = await newAdmin(server);
      author = await newUser(server);
      title = await newTitle(server, admin, { name: 'My Mister', year: 2018, episodes: 16, synopsis: 'A quiet drama.', credits: [{ person: 'Lee Sun-kyun', role: 'cast', character: 'Park Dong-hoon' }] });
      reviewId = (
        await newReview(author, title.slug, {
          headline: '<script>alert("x")</script> & more',
          body: 'First paragraph <b>bold?</b>\nSecond paragraph.',
          rating: 9,
          scores: { story: 9.5 },
          watch_status: 'completed',
          episodes_seen: 16,
        })
      ).id;
    });

    afterAll(async () => {
      await server?.close();
    });

    it('answers every page type with HTML, and unknown slugs and ids with an HTML 404', async () => {
      const b = new Browser(server.url);
      const person = /href="\/people\/([^"]+)"/.exec((await b.get(`/titles/${title.slug}`)).html)![1]!;
      for (const path of ['/', `/titles/${title.slug}`, `/people/${person}`, `/reviews/${reviewId}`, `/users/${author.handle}`, '/search?q=mister', '/login', '/register']) {
        const res = await b.get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
        expect(res.html.startsWith('<!doctype html>'), path).toBe(true);
        expect(res.html, path).toContain('<main id="main"');
      }
      for (const path of ['/titles/no-such-title', '/people/nobody-at-all', '/reviews/999999', '/reviews/abc', '/reviews/9999999999', '/reviews/9999999999999999', '/users/nobody_here']) {
        const res = await new Browser(server.url).fetch(path, { headers: { accept: '*/*' } });
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
        expect(res.html, path).toContain('<h1>Not found</h1>');
      }
      // The JSON API keeps its JSON errors.
      const api = await fetch(`${server.url}/api/v1/titles/no-such-title`, { headers: { accept: 'text/html' } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/json');
    });

    it('shows the title page: facts, credits, score, histogram, controls and review cards', async () => {
      const { html } = await new Browser(server.url).get(`/titles/${title.slug}`);
      expect(html).toContain('<h1>My Mister</h1>');
      expect(html).toMatch(/href="\/people\/[^"]+">Lee Sun-kyun<\/a>/);
      expect(html).toContain('class="histogram"');
      expect(html).toContain('>Write a review<');
      expect(html).toContain('<label for="rc-sort">Sort by</label>');
      for (const label of ['Most helpful', 'Newest', 'Highest rated', 'Lowest rated', 'Minimum rating', 'Maximum rating', 'Hide spoilers', 'Apply']) expect(html).toContain(label);
      expect(text(html)).toContain('Completed · 16 of 16 episodes');
      expect(text(html)).toContain('0 of 0 people found this review helpful');
      expect(html).toContain('aria-labelledby="vq-');
      expect(html).toContain('>Was this review helpful to you?<');
      expect(html).toMatch(new RegExp(`<article class="review" id="review-${reviewId}" aria-labelledby="rh-${reviewId}">`));
    });

    it('escapes user text everywhere it appears', async () => {
      for (const path of [`/titles/${title.slug}`, `/reviews/${reviewId}`, `/users/${author.handle}`, '/']) {
        const { html } = await new Browser(server.url).get(path);
        expect(html, path).not.toContain('<script>alert');
        expect(html, path).not.toContain('<b>bold?</b>');
        expect(html, path).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; more');
      }
      // Inside JSON-LD, `<` is escaped so the text cannot close the script element.
      const { html } = await new Browser(server.url).get(`/reviews/${reviewId}`);
      expect(html).toContain('\\u003cscript>alert');
    });

    it('carries the metadata others read: canonical, Open Graph and valid schema.org JSON-LD', async () => {
      const { html } = await new Browser(server.url).get(`/titles/${title.slug}`);
      expect(html).toContain(`<link rel="canonical" href="${server.ctx.config.baseUrl}/titles/${title.slug}"/>`);
      expect(html).toContain('<meta property="og:type" content="video.tv_show"/>');
      expect(html).toMatch(/<meta name="description" content="A quiet drama."\/>/);
      const [series] = jsonLd(html);
      expect(series['@type']).toBe('TVSeries');
      expect(series.name).toBe('My Mister');
      expect(series.aggregateRating).toMatchObject({ '@type': 'AggregateRating', ratingValue: 9, ratingCount: 1, bestRating: 10 });
      expect(series.review[0]).toMatchObject({ '@type': 'Review', reviewRating: { ratingValue: 9 }, author: { '@type': 'Person', name: author.handle } });

      const [review] = jsonLd((await new Browser(server.url).get(`/reviews/${reviewId}`)).html);
      expect(review).toMatchObject({ '@type': 'Review', name: '<script>alert("x")</script> & more', reviewRating: { ratingValue: 9, bestRating: 10 }, itemReviewed: { '@type': 'TVSeries', name: 'My Mister' } });
      const person = /href="(\/people\/[^"]+)"/.exec(html)![1]!;
      const [p] = jsonLd((await new Browser(server.url).get(person)).html);
      expect(p).toMatchObject({ '@type': 'Person', name: 'Lee Sun-kyun' });
    });

    it('refuses form posts without a valid CSRF token with a 403 page, and cross-site ones too', async () => {
      const b = new Browser(server.url);
      const form = { handle: 'csrf_person', email: 'csrf@example.test', password: 'long enough password' };
      let res = await b.post('/register', form);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.html).toContain('This form has expired');
      const token = Browser.token((await b.get('/register')).html);
      res = await b.post('/register', { ...form, _csrf: `${token}x` });
      expect(res.status).toBe(403);
      res = await b.post('/register', { ...form, _csrf: token }, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      // A token from another browser does not fit this one's cookie.
      const other = new Browser(server.url);
      const otherToken = Browser.token((await other.get('/register')).html);
      res = await b.post('/register', { ...form, _csrf: otherToken });
      expect(res.status).toBe(403);
      res = await b.post('/register', { ...form, _csrf: token });
      expect(res.status).toBe(303);
      // Signed in, the token is the session's: the anonymous one no longer works.
      res = await b.post(`/reviews/${reviewId}/vote`, { helpful: 'yes', _csrf: token });
      expect(res.status).toBe(403);
      const sessionToken = Browser.token((await b.get(`/titles/${title.slug}`)).html);
      res = await b.post(`/reviews/${reviewId}/vote`, { helpful: 'yes', _csrf: sessionToken });
      expect(res.status).toBe(303);
      await b.post(`/reviews/${reviewId}/vote`, { helpful: 'clear', _csrf: sessionToken });
      // The JSON API does not take form bodies at all.
      const api = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'login=a&password=b' });
      expect(api.status).toBe(415);
    });

    it('signs up, writes, fixes and edits a review, votes, reports and signs out with plain form posts', async () => {
      const b = new Browser(server.url);
      // Sign up, returning to the title page.
      let res = await b.get(`/register?next=${encodeURIComponent(`/titles/${title.slug}`)}`);
      res = await b.post(`/register?next=${encodeURIComponent(`/titles/${title.slug}`)}`, { _csrf: Browser.token(res.html), handle: 'x', email: 'nope', password: 'short' });
      expect(res.status).toBe(400);
      expect(res.html).toContain('aria-describedby="f-handle-help f-handle-error"');
      expect(res.html).toContain('A handle is 3 to 30 letters, digits or underscores.');
      expect(res.html).toContain('value="nope"'); // what was typed stays
      res = await b.post(`/register?next=${encodeURIComponent(`/titles/${title.slug}`)}`, { _csrf: Browser.token(res.html), handle: 'form_writer', email: 'fw@example.test', password: 'long enough password' });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/titles/${title.slug}`);
      expect(b.cookies.has('marquee_session')).toBe(true);

      // The write form: every field, errors beside them, hints naming the repeated paragraph.
      res = await b.get(`/titles/${title.slug}/review`);
      expect(res.status).toBe(200);
      for (const label of ['Headline', 'Review', 'Rating', 'Story', 'Acting', 'Music', 'Rewatch value', 'Watch status', 'Episodes seen', 'This review contains spoilers', 'Publish review']) {
        expect(res.html).toContain(`>${label}<`);
      }
      const token = Browser.token(res.html);
      const repeated = 'The pacing is patient.\nThe acting is superb.\nThe pacing is patient.';
      res = await b.post(`/titles/${title.slug}/review`, { _csrf: token, headline: '', body: repeated, rating: '', episodes_seen: '40' });
      expect(res.status).toBe(422);
      expect(res.html).toContain('id="f-headline-error"');
      expect(res.html).toContain('id="f-rating-error"');
      expect(res.html).toContain('This title has only 16 episodes.');
      expect(res.html).toContain('Paragraph 3 repeats paragraph 1.');
      expect(res.html).toContain('>Remove repeated paragraphs<');
      expect(res.html).toContain('>The pacing is patient.\nThe acting is superb.\nThe pacing is patient.</textarea>');
      // Lengths count characters as the API does: 120 emoji fit a headline (240 UTF-16 units), 121 do not.
      // (No rating, so neither is saved.)
      res = await b.post(`/titles/${title.slug}/review`, { _csrf: token, headline: '🎬'.repeat(120), body: repeated, rating: '' });
      expect([res.status, res.html.includes('id="f-rating-error"'), res.html.includes('id="f-headline-error"')]).toEqual([422, true, false]);
      res = await b.post(`/titles/${title.slug}/review`, { _csrf: token, headline: '🎬'.repeat(121), body: repeated, rating: '' });
      expect([res.status, res.html.includes('id="f-headline-error"')]).toEqual([422, true]);
      // "Check writing hints" without JavaScript: the form comes back with its hints; nothing is saved.
      res = await b.post(`/titles/${title.slug}/review`, { _csrf: token, headline: 'Patient', body: repeated, rating: '8', action: 'check' });
      expect(res.status).toBe(200);
      expect(res.html).toContain('Paragraph 3 repeats paragraph 1.');
      expect(res.html).toContain('value="Patient"');
      const writer = await server.ctx.services.accounts.byHandle('form_writer');
      expect(await server.ctx.services.reviews.ownReview({ id: writer.id, role: 'member' }, title.slug)).toBeNull();
      // "Remove repeated paragraphs" without JavaScript: the form comes back with the suggested body.
      res = await b.post(`/titles/${title.slug}/review`, { _csrf: token, headline: 'Patient', body: repeated, rating: '8', action: 'remove_repeats' });
      expect(res.status).toBe(200);
      expect(res.html).toContain('>The pacing is patient.\nThe acting is superb.</textarea>');
      res = await b.post(`/titles/${title.slug}/review`, {
        _csrf: token,
        headline: 'Patient and kind',
        body: 'The pacing is patient.\nThe acting is superb.',
        rating: '8.5',
        story: '9',
        watch_status: 'watching',
        episodes_seen: '8',
        contains_spoilers: 'on',
      });
      expect(res.status).toBe(303);
      const id = Number(/^\/reviews\/(\d+)\?saved=1$/.exec(res.location!)![1]);
      res = await b.get(res.location!);
      expect(res.html).toContain('Your review is saved.');
      expect(text(res.html)).toContain('Watching · 8 of 16 episodes');
      expect(res.html).toContain('<summary>This review may contain spoilers — show</summary>');

      // Edit: the form is filled in and says "Save changes".
      res = await b.get(`/titles/${title.slug}/review`);
      expect(res.html).toContain('>Save changes<');
      expect(res.html).toContain('value="Patient and kind"');
      expect(res.html).toMatch(/<option value="8.5" selected>/);
      res = await b.post(`/titles/${title.slug}/review`, { _csrf: token, headline: 'Patient, kind, wise', body: 'Still patient.', rating: '9' });
      expect(res.status).toBe(303);
      expect((await server.ctx.services.reviews.get(null, id)).review).toMatchObject({ headline: 'Patient, kind, wise', rating: 9, contains_spoilers: false });

      // Vote on someone else's review: pressed state and count, changeable, withdrawable.
      const back = `http://127.0.0.1/titles/${title.slug}`;
      res = await b.post(`/reviews/${reviewId}/vote`, { _csrf: token, helpful: 'yes' }, { referer: back.replace('127.0.0.1', new URL(server.url).host) });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/titles/${title.slug}#review-${reviewId}`);
      let page = (await b.get(`/titles/${title.slug}`)).html;
      const card = (html: string) => html.slice(html.indexOf(`id="review-${reviewId}"`)).split('</article>')[0]!;
      expect(card(page)).toMatch(/value="clear" data-helpful="yes" aria-pressed="true">Yes/);
      expect(text(card(page))).toContain('1 of 1 person found this review helpful');
      await b.post(`/reviews/${reviewId}/vote`, { _csrf: token, helpful: 'no' });
      page = (await b.get(`/titles/${title.slug}`)).html;
      expect(card(page)).toMatch(/data-helpful="no" aria-pressed="true">No/);
      expect(text(card(page))).toContain('0 of 1 person found this review helpful');
      await b.post(`/reviews/${reviewId}/vote`, { _csrf: token, helpful: 'clear' });
      expect(text(card((await b.get(`/titles/${title.slug}`)).html))).toContain('0 of 0 people found this review helpful');
      // One's own review has no vote buttons.
      expect((await b.get(`/reviews/${id}`)).html).toContain('This is your review.');

      // Report.
      res = await b.get(`/reviews/${reviewId}/report`);
      expect(res.status).toBe(200);
      res = await b.post(`/reviews/${reviewId}/report`, { _csrf: token, reason: '' });
      expect(res.status).toBe(422);
      res = await b.post(`/reviews/${reviewId}/report`, { _csrf: token, reason: 'spam', note: 'Looks copied.' });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/reviews/${reviewId}?reported=1`);
      res = await b.post(`/reviews/${reviewId}/report`, { _csrf: token, reason: 'spam' });
      expect(res.status).toBe(409);
      expect(res.html).toContain('You already reported this review.');

      // Sign out, then sign in again.
      res = await b.post('/logout', { _csrf: token });
      expect(res.status).toBe(303);
      expect(b.cookies.has('marquee_session')).toBe(false);
      expect((await b.get('/')).html).toContain('>Sign in<');
      res = await b.get('/login');
      const loginToken = Browser.token(res.html);
      res = await b.post('/login', { _csrf: loginToken, login: 'form_writer', password: 'wrong password!' });
      expect(res.status).toBe(401);
      expect(res.html).toContain('value="form_writer"');
      res = await b.post('/login?next=/users/form_writer', { _csrf: loginToken, login: 'fw@example.test', password: 'long enough password' });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/users/form_writer');
      // An absolute next= is not followed off-site.
      await b.post('/logout', { _csrf: Browser.token((await b.get('/')).html) });
      res = await b.get('/login');
      res = await b.post('/login?next=//evil.example/x', { _csrf: Browser.token(res.html), login: 'form_writer', password: 'long enough password' });
      expect(res.location).toBe('/');
    });

    it('sends anonymous readers to sign in instead of voting or writing', async () => {
      const b = new Browser(server.url);
      let res = await b.post(`/reviews/${reviewId}/vote`, { helpful: 'yes' });
      expect(res.status).toBe(303);
      expect(res.location).toMatch(/^\/login\?next=/);
      res = await b.get(`/titles/${title.slug}/review`);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/login?next=${encodeURIComponent(`/titles/${title.slug}/review`)}`);
    });

    it('serves the anonymous title page from prepared bytes, dropped by a vote and by a new review', async () => {
      const anon = new Browser(server.url);
      const count = async () => /(\d+) of (\d+) (?:person|people) found this review helpful/.exec(text(card((await anon.get(`/titles/${title.slug}`)).html)))!.slice(1, 3).join('/');
      const card = (html: string) => html.slice(html.indexOf(`id="review-${reviewId}"`)).split('</article>')[0]!;
      const before = await count();
      expect(await count()).toBe(before); // now cached
      const voter = await newUser(server);
      expect((await voter.client.put(`/api/v1/reviews/${reviewId}/vote`, { helpful: true })).status).toBe(200);
      const [yes, total] = before.split('/').map(Number) as [number, number];
      expect(await count()).toBe(`${yes + 1}/${total + 1}`);
      // A new review shows on the next anonymous read.
      await newReview(voter, title.slug, { headline: 'Fresh eyes on an old favourite' });
      expect((await anon.get(`/titles/${title.slug}`)).html).toContain('Fresh eyes on an old favourite');
      // The home page too.
      expect((await anon.get('/')).html).toContain('Fresh eyes on an old favourite');
      // Anonymous pages set no cookies (they are the same bytes for everyone).
      const res = await anon.get(`/titles/${title.slug}`);
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('compresses pages and assets by Accept-Encoding, and caches hashed assets for good', async () => {
      const plain = await fetch(`${server.url}/titles/${title.slug}`, { headers: { 'accept-encoding': 'identity' } });
      const body = await plain.text();
      for (const [enc, decode] of [['br', zlib.brotliDecompressSync], ['gzip', zlib.gunzipSync]] as const) {
        const res = await fetch(`${server.url}/titles/${title.slug}`, { headers: { 'accept-encoding': enc } });
        expect(res.headers.get('content-encoding')).toBe(enc);
        expect(res.headers.get('vary')).toContain('Accept-Encoding');
        // fetch decodes the body itself; the bytes on the wire are smaller than the page.
        expect(await res.text()).toBe(body);
        expect(Number(res.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(body) / 2);
        expect(typeof decode).toBe('function');
      }
      const css = /href="(\/assets\/site\.[0-9a-f]{10}\.css)"/.exec(body)![1]!;
      const js = /src="(\/assets\/site\.[0-9a-f]{10}\.js)"/.exec(body)![1]!;
      for (const path of [css, js]) {
        const res = await fetch(server.url + path, { headers: { 'accept-encoding': 'br' } });
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(res.headers.get('content-encoding')).toBe('br');
        const again = await fetch(server.url + path, { headers: { 'if-none-match': res.headers.get('etag')! } });
        expect(again.status).toBe(304);
      }
      expect((await fetch(`${server.url}/assets/site.0000000000.css`)).status).toBe(404);
    });
  });
}
