// Every page type of the web site in real Chromium, on the demo catalog: it answers with HTML and the
// right status, axe-core finds no serious or critical accessibility violation (390 px and 1280 px,
// light colour scheme, and 1280 px dark), nothing is wider than the viewport, no script error or failed
// resource, and full-page screenshots at 390 px and 1280 px (and 1280 px dark) are written to
// test-results/screenshots/ (git ignores that folder) for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser, newContext, screenshot, skipBrowserTests, watchPage } from '../support/browser.js';
import { Client, startServer, type TestServer } from '../support/server.js';
import { newUser } from '../support/factories.js';
import { seedDemo } from '../../src/services/seed/demo.js';

interface Fixture {
  title: { slug: string; name: string };
  person: string;
  review: { id: number; headline: string; author: string };
}

interface PageType {
  name: string;
  path: (f: Fixture) => string;
  status: number;
  /** Needs a signed-in reader. */
  signedIn?: boolean;
  /** Something every correct rendering of it shows. */
  shows: (f: Fixture) => string;
}

const PAGE_TYPES: PageType[] = [
  { name: 'home', path: () => '/', status: 200, shows: (f) => f.title.name },
  { name: 'title', path: (f) => `/titles/${f.title.slug}`, status: 200, shows: (f) => f.review.headline },
  { name: 'title-signed-in', path: (f) => `/titles/${f.title.slug}`, status: 200, signedIn: true, shows: () => 'Write a review' },
  { name: 'person', path: (f) => `/people/${f.person}`, status: 200, shows: (f) => f.title.name },
  { name: 'review', path: (f) => `/reviews/${f.review.id}`, status: 200, shows: (f) => f.review.headline },
  { name: 'user', path: (f) => `/users/${f.review.author}`, status: 200, shows: (f) => f.review.headline },
  { name: 'search', path: (f) => `/search?q=${encodeURIComponent(f.title.name.split(' ').slice(0, 2).join(' '))}`, status: 200, shows: (f) => f.title.name },
  { name: 'write', path: (f) => `/titles/${f.title.slug}/review`, status: 200, signedIn: true, shows: () => 'Publish review' },
  { name: 'login', path: () => '/login', status: 200, shows: () => 'Handle or email' },
  { name: 'register', path: () => '/register', status: 200, shows: () => 'Handle' },
  { name: 'not-found', path: () => '/titles/no-such-title-anywhere', status: 404, shows: () => 'Not found' },
];

/**
 * Each page is looked at in these three views: axe in each (colour contrast differs between the
 * schemes; layout between the widths), a screenshot of each ({name}-390, {name}-1280, {name}-dark-1280).
 */
const VIEWS = [
  { width: 390, colorScheme: 'light', shot: '' },
  { width: 1280, colorScheme: 'light', shot: '' },
  { width: 1280, colorScheme: 'dark', shot: '-dark' },
] as const;

describe.skipIf(skipBrowserTests).sequential('every page type in Chromium: accessible, screenshotted', () => {
  let browser: Browser;
  let server: TestServer;
  let fixture: Fixture;
  const reader = { handle: 'page_reader', password: 'correct horse battery' };
  /** Per view: an anonymous context and a signed-in one (null where signing in failed, with why). */
  const contexts: { anon: BrowserContext; signed: BrowserContext | null; signInError: string | null }[] = [];

  beforeAll(async () => {
    server = await startServer('sqlite');
    await seedDemo(server.ctx);
    await newUser(server, { handle: reader.handle });
    const api = new Client(server.url);
    const titles = (await api.get('/api/v1/titles?limit=100')).body.items as { slug: string; name: string; review_count: number; credits: { person: { slug: string } }[] }[];
    const top = [...titles].sort((a, b) => b.review_count - a.review_count)[0]!;
    const reviews = (await api.get(`/api/v1/titles/${top.slug}/reviews?limit=100`)).body.items as { id: number; headline: string; contains_spoilers: boolean; author: { handle: string } }[];
    const review = reviews.find((r) => !r.contains_spoilers) ?? reviews[0]!;
    fixture = {
      title: { slug: top.slug, name: top.name },
      person: top.credits[0]!.person.slug,
      review: { id: review.id, headline: review.headline, author: review.author.handle },
    };
    browser = await launchBrowser();
    for (const view of VIEWS) {
      const anon = await newContext(browser, view);
      const signed = await newContext(browser, view);
      let signInError: string | null = null;
      try {
        await signIn(signed);
      } catch (err) {
        signInError = (err as Error).message.split('\n')[0]!;
      }
      contexts.push({ anon, signed: signInError ? null : signed, signInError });
    }
  });

  afterAll(async () => {
    for (const c of contexts) {
      await c.anon.close().catch(() => undefined);
      await c.signed?.close().catch(() => undefined);
    }
    await browser?.close();
    await server?.close();
  });

  /** Signs the context in through the login form. */
  async function signIn(context: BrowserContext): Promise<void> {
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Handle or email', { exact: true }).fill(reader.handle);
      await page.getByLabel('Password', { exact: true }).fill(reader.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    } finally {
      await page.close();
    }
  }

  it.each(PAGE_TYPES)('$name: HTML with its status, no serious or critical axe violation, screenshots at 390 and 1280 px', { timeout: 240_000 }, async (p) => {
    const failures: string[] = [];
    const path = p.path(fixture);
    for (const [i, view] of VIEWS.entries()) {
      const where = `${p.name} (${path}, ${view.width} px, ${view.colorScheme})`;
      const { anon, signed, signInError } = contexts[i]!;
      const context = p.signedIn ? signed : anon;
      if (!context) {
        failures.push(`${where}: not looked at, signing in failed: ${signInError}`);
        continue;
      }
      const page = await context.newPage();
      const watch = watchPage(page);
      try {
        const res = await page.goto(server.url + path);
        if (res?.status() !== p.status) failures.push(`${where}: status ${res?.status()}, expected ${p.status}`);
        if (!(res?.headers()['content-type'] ?? '').startsWith('text/html')) failures.push(`${where}: content-type ${res?.headers()['content-type']}`);
        const shows = p.shows(fixture);
        if ((await page.getByText(shows, { exact: false }).count()) === 0) failures.push(`${where}: does not show "${shows}"`);
        const found = await axeViolations(page);
        if (found.length) failures.push(describeViolations(where, found));
        // Nothing wider than the viewport (no sideways scrolling on a phone).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) failures.push(`${where}: the page is ${overflow} px wider than the viewport`);
        await screenshot(page, `${p.name}${view.shot}`);
        for (const e of watch.errors) failures.push(`${where}: ${e}`);
      } catch (err) {
        failures.push(`${where}: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('the 404 page is a real HTML page for an unknown title, person, review and profile', async () => {
    const api = new Client(server.url);
    for (const path of ['/titles/no-such-title', '/people/no-such-person', '/reviews/999999999', '/users/no_such_user']) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(String(res.body), path).toMatch(/<html[^>]*lang=/);
    }
  });
});
