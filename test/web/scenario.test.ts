// The web site as two people use it, in real Chromium, once with JavaScript and once without:
// A and B sign up; A writes a review whose body repeats two of its paragraphs, sees the hints, removes
// the repeats and publishes; B votes Yes on it, then changes to No, and the counts and the order of
// the title's reviews follow (for B, and for an anonymous reader of the cached page); a review marked
// as containing spoilers stays folded until shown, and "Hide spoilers" leaves it out.
//
// The other reviews are made through the API with votes chosen so that each of B's votes moves A's
// review to a different place under "Most helpful" (helpful_score is the Wilson lower bound):
//   X 3 yes 1 no → 0.301   Y 2 yes 2 no → 0.150   Z, S no votes → 0 (Z newer than S)
//   A with V's yes → 0.207;  + B's yes (2/2) → 0.342;  + B's no instead (1/2) → 0.095
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext, skipBrowserTests, watchPage } from '../support/browser.js';
import { Client, startServer, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser, type TestUser } from '../support/factories.js';

const PASSWORD = 'correct horse battery staple';
const P1 = 'The first episodes set up the two leads with patience, and the city itself becomes a third character.';
const P2 = 'The middle stretch sags: a subplot about the office goes nowhere and eats two whole episodes.';
const P3 = 'The ending earns its quiet mood, and the last scene on the rooftop stays with you for days.';
const SPOILER_LINE = 'In the finale the narrator turns out to have been writing letters to himself all along.';
const HELPFUL = 'Was this review helpful to you?';

interface World {
  server: TestServer;
  slug: string;
  voters: TestUser[];
  headlines: { X: string; Y: string; Z: string; S: string };
}

/** A title with four reviews by other people, voted through the API. */
async function buildWorld(server: TestServer): Promise<World> {
  const admin = await newAdmin(server);
  const title = await newTitle(server, admin, { name: 'Letters from the Rooftop', kind: 'series', year: 2024, episodes: 16 });
  const voters = await Promise.all([1, 2, 3, 4].map(() => newUser(server)));
  const author = () => newUser(server);
  const headlines = { X: 'Patient and warm', Y: 'Uneven but worth it', Z: 'A quiet surprise', S: 'About that finale' };
  // Oldest first: S, X, Y, Z (A writes after these).
  const s = await newReview(await author(), title.slug, {
    headline: headlines.S,
    body: `${SPOILER_LINE}\n\nIt recolours every earlier scene, which is why the reveal works so well on a second watch.`,
    rating: 7,
    contains_spoilers: true,
  });
  const x = await newReview(await author(), title.slug, {
    headline: headlines.X,
    body: 'Slow at first, then completely absorbing. The performances carry scenes that would fall flat elsewhere.',
    rating: 9,
  });
  const y = await newReview(await author(), title.slug, {
    headline: headlines.Y,
    body: 'Some episodes drag and the soundtrack is overused, but the central friendship is drawn with real care.',
    rating: 6,
  });
  await newReview(await author(), title.slug, {
    headline: headlines.Z,
    body: 'I expected a romance and got a study of loneliness in a big city. Not what I wanted, yet I kept watching.',
    rating: 8,
  });
  const vote = async (voter: TestUser, id: number, helpful: boolean) => {
    const res = await voter.client.put(`/api/v1/reviews/${id}/vote`, { helpful });
    if (res.status !== 200) throw new Error(`vote failed: ${res.status} ${JSON.stringify(res.body)}`);
  };
  for (const [i, v] of voters.entries()) {
    await vote(v, x.id, i < 3);
    await vote(v, y.id, i < 2);
  }
  expect(s.helpful).toEqual({ yes: 0, no: 0 });
  return { server, slug: title.slug, voters, headlines };
}

interface ApiReview {
  id: number;
  author: { handle: string };
  headline: string;
  body: string;
  rating: number;
  scores: { story: number | null };
  watch_status: string | null;
  episodes_seen: number | null;
  helpful: { yes: number; no: number };
}

/** The title's published reviews, as the JSON API gives them to anyone. */
async function reviewsOf(server: TestServer, slug: string): Promise<ApiReview[]> {
  const res = await new Client(server.url).get(`/api/v1/titles/${slug}/reviews?sort=recent&limit=100`);
  if (res.status !== 200) throw new Error(`reviews: ${res.status}`);
  return res.body.items as ApiReview[];
}

/** A body's paragraphs: its non-blank lines (the contract's definition). */
const paragraphs = (body: string) => body.split('\n').map((l) => l.trim()).filter(Boolean);

/** The headlines of the review cards on the page, top to bottom. */
async function reviewOrder(page: Page): Promise<string[]> {
  return page.getByRole('article').evaluateAll((els) => els.map((e) => e.querySelector('h2, h3')?.textContent?.trim() ?? '?'));
}

/** Fills a labelled control whether it is an input, a textarea or a select. */
async function setField(control: Locator, value: string): Promise<void> {
  const tag = await control.evaluate((e) => e.tagName.toLowerCase());
  if (tag === 'select') {
    const options = await control.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent?.trim() ?? '' })));
    const match = options.find((o) => o.value === value) ?? options.find((o) => o.label === value) ?? options.find((o) => Number(o.value) === Number(value));
    if (!match) throw new Error(`no option ${value} in ${JSON.stringify(options)}`);
    await control.selectOption(match.value);
  } else {
    await control.fill(value);
  }
}

async function signUp(page: Page, base: string, handle: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Sign up', exact: true }).click();
  await page.waitForURL(/\/register/);
  await page.getByLabel('Handle', { exact: true }).fill(handle);
  await page.getByLabel('Email', { exact: true }).fill(`${handle}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
}

/** The hint about a repeated paragraph, in the page's live region. */
const hint = (page: Page, text: string) => page.locator('[role="status"], [aria-live]').filter({ hasText: text });

async function runScenario(browser: Browser, javaScriptEnabled: boolean): Promise<void> {
  const server = await startServer('sqlite');
  const contexts: Awaited<ReturnType<typeof newContext>>[] = [];
  try {
    const world = await buildWorld(server);
    const base = server.url;
    const titleUrl = `${base}/titles/${world.slug}`;
    const suffix = javaScriptEnabled ? 'js' : 'nojs';
    const open = async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      contexts.push(context);
      const page = await context.newPage();
      return { page, watch: watchPage(page) };
    };

    // --- A signs up and writes a review whose body repeats paragraphs 1 and 2 at the end.
    const a = await open();
    const handleA = `ana_${suffix}`;
    await signUp(a.page, base, handleA);
    await a.page.goto(titleUrl);
    await a.page.getByRole('link', { name: 'Write a review', exact: true }).click();
    await a.page.waitForURL(`${titleUrl}/review`);
    const headlineA = 'A city that listens back';
    await a.page.getByLabel('Headline', { exact: true }).fill(headlineA);
    await setField(a.page.getByLabel('Rating', { exact: true }), '8.5');
    await setField(a.page.getByLabel('Story', { exact: true }), '9');
    await setField(a.page.getByLabel('Watch status', { exact: true }), 'completed');
    await setField(a.page.getByLabel('Episodes seen', { exact: true }), '16');
    const bodyField = a.page.getByLabel('Review', { exact: true });
    await bodyField.fill([P1, P2, P3, P1, P2].join('\n\n'));

    if (!javaScriptEnabled) {
      // Without a script the hints come from the server: sending the form (with a "Check…" button
      // where the form has one, else "Publish review") shows them before anything is published.
      const check = a.page.getByRole('button', { name: /^Check\b/ });
      await ((await check.count()) > 0 ? check.first() : a.page.getByRole('button', { name: 'Publish review', exact: true })).click();
      await a.page.waitForLoadState();
    }
    await hint(a.page, 'Paragraph 4 repeats paragraph 1').waitFor();
    await hint(a.page, 'Paragraph 5 repeats paragraph 2').waitFor();
    // Nothing is published while the hints are only shown.
    expect((await reviewsOf(server, world.slug)).length).toBe(4);

    await a.page.getByRole('button', { name: 'Remove repeated paragraphs', exact: true }).click();
    await expect.poll(() => a.page.getByLabel('Review', { exact: true }).inputValue().then(paragraphs), { timeout: 10_000 }).toEqual([P1, P2, P3]);
    await expect.poll(() => hint(a.page, 'repeats paragraph').count(), { timeout: 10_000 }).toBe(0);
    // What A filled in survives the removal.
    expect(await a.page.getByLabel('Headline', { exact: true }).inputValue()).toBe(headlineA);

    await a.page.getByRole('button', { name: 'Publish review', exact: true }).click();
    await a.page.waitForURL((u) => !u.pathname.endsWith('/review'));
    const published = (await reviewsOf(server, world.slug)).find((r) => r.author.handle === handleA);
    if (!published) throw new Error(`${handleA}'s review is not among the published reviews`);
    expect(published.headline).toBe(headlineA);
    expect([published.rating, published.scores.story, published.watch_status, published.episodes_seen]).toEqual([8.5, 9, 'completed', 16]);
    expect(paragraphs(published.body)).toEqual([P1, P2, P3]);
    // A's own card offers no vote on it.
    await a.page.goto(titleUrl);
    const ownCard = a.page.getByRole('article', { name: headlineA });
    await ownCard.waitFor();
    expect(await ownCard.getByRole('button', { name: 'Yes', exact: true }).count()).toBe(0);

    // Someone else found it helpful already: 1 of 1.
    const v = await world.voters[0]!.client.put(`/api/v1/reviews/${published.id}/vote`, { helpful: true });
    expect(v.status).toBe(200);
    const { X, Y, Z, S } = world.headlines;

    // --- B signs up, reads the title page, votes Yes, then changes to No.
    const b = await open();
    await signUp(b.page, base, `ben_${suffix}`);
    await b.page.goto(titleUrl);
    expect(await reviewOrder(b.page)).toEqual([X, headlineA, Y, Z, S]);
    const card = () => b.page.getByRole('article', { name: headlineA });
    const group = () => card().getByRole('group', { name: HELPFUL });
    const yes = () => group().getByRole('button', { name: 'Yes', exact: true });
    const no = () => group().getByRole('button', { name: 'No', exact: true });
    await card().getByText('1 of 1', { exact: false }).waitFor();
    expect(await yes().getAttribute('aria-pressed')).not.toBe('true');
    expect(await no().getAttribute('aria-pressed')).not.toBe('true');

    await yes().click();
    await card().getByText('2 of 2 people found this review helpful', { exact: true }).waitFor();
    await expect.poll(() => yes().getAttribute('aria-pressed')).toBe('true');
    expect(await no().getAttribute('aria-pressed')).toBe('false');
    await b.page.goto(titleUrl);
    expect(await reviewOrder(b.page)).toEqual([headlineA, X, Y, Z, S]);
    expect(await yes().getAttribute('aria-pressed')).toBe('true');
    await card().getByText('2 of 2 people found this review helpful', { exact: true }).waitFor();

    await no().click();
    await card().getByText('1 of 2 people found this review helpful', { exact: true }).waitFor();
    await expect.poll(() => no().getAttribute('aria-pressed')).toBe('true');
    expect(await yes().getAttribute('aria-pressed')).toBe('false');
    await b.page.goto(titleUrl);
    expect(await reviewOrder(b.page)).toEqual([X, Y, headlineA, Z, S]);
    expect(await no().getAttribute('aria-pressed')).toBe('true');
    await card().getByText('1 of 2 people found this review helpful', { exact: true }).waitFor();

    // The stored counts agree, and so does the page an anonymous reader gets (from the page cache).
    expect((await reviewsOf(server, world.slug)).find((r) => r.id === published.id)?.helpful).toEqual({ yes: 1, no: 1 });
    const anon = await open();
    await anon.page.goto(titleUrl);
    expect(await reviewOrder(anon.page)).toEqual([X, Y, headlineA, Z, S]);
    await anon.page.getByRole('article', { name: headlineA }).getByText('1 of 2 people found this review helpful', { exact: true }).waitFor();

    // --- The spoiler review stays folded until B asks to see it.
    const spoilerCard = b.page.getByRole('article', { name: S });
    const secret = spoilerCard.getByText(SPOILER_LINE);
    const reveal = spoilerCard.getByText('This review may contain spoilers — show', { exact: true });
    await reveal.waitFor();
    expect(await secret.isVisible()).toBe(false);
    await b.page.waitForTimeout(300); // nothing unfolds it by itself
    expect(await secret.isVisible()).toBe(false);
    await reveal.click();
    await secret.waitFor({ state: 'visible' });

    // "Hide spoilers" leaves it out altogether.
    await b.page.getByLabel('Hide spoilers', { exact: true }).check();
    await b.page.getByRole('button', { name: 'Apply', exact: true }).click();
    await b.page.waitForURL(/spoilers=exclude/);
    expect(await reviewOrder(b.page)).toEqual([X, Y, headlineA, Z]);

    for (const p of [a, b, anon]) expect(p.watch.errors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await server.close();
  }
}

describe.skipIf(skipBrowserTests).sequential('two people on the web site, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('with JavaScript: hints while writing, votes in place, spoilers folded', async () => {
    await runScenario(browser, true);
  });

  it('without JavaScript: the same, through plain forms', async () => {
    await runScenario(browser, false);
  });
});
