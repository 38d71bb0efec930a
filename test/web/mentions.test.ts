// Mention links in real Chromium (issue 6): a review card shows its mentions as links, and "Read
// more" (web/assets/site.js, which fetches the whole review) keeps the links of the text it adds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, skipBrowserTests, watchPage } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { newAdmin, newReview, newTitle, newUser } from '../support/factories.js';

describe.skipIf(skipBrowserTests)('mention links in Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let slugs: { parasite: string; okja: string };

  beforeAll(async () => {
    server = await startServer('sqlite');
    browser = await launchBrowser();
    const admin = await newAdmin(server);
    const parasite = await newTitle(server, admin, { name: 'Parasite', kind: 'film', year: 2019, episodes: null, original_name: '기생충' });
    const okja = await newTitle(server, admin, { name: 'Okja', kind: 'film', year: 2017, episodes: null });
    slugs = { parasite: parasite.slug, okja: okja.slug };
    // Long enough that the card shows an excerpt: Parasite in it, Okja only after "Read more".
    const body = ['Like Parasite, it <b>bites</b>.', ...Array.from({ length: 12 }, (_, i) => `Paragraph ${i} ${'goes on and on '.repeat(8)}`), 'Okja comes last, 기생충은 too.'].join('\n');
    await newReview(await newUser(server), okja.slug, { headline: 'A long one', body });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('links in the excerpt, and in the text "Read more" adds', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/titles/${slugs.okja}`);
    const mentions = page.locator('.review-body a.mention');
    expect(await mentions.allTextContents()).toEqual(['Parasite']);
    expect(await mentions.first().getAttribute('href')).toBe(`/titles/${slugs.parasite}`);
    expect(await page.locator('.review-body').first().textContent()).toContain('<b>bites</b>'); // text, not markup
    await page.locator('a[data-read-more]').first().click();
    await page.locator('.review-body a.mention', { hasText: 'Okja' }).waitFor();
    expect(await mentions.allTextContents()).toEqual(['Parasite', 'Okja', '기생충']);
    expect(await mentions.nth(2).getAttribute('title')).toBe('Parasite');
    expect(await mentions.nth(1).getAttribute('href')).toBe(`/titles/${slugs.okja}`);
    // Following a link opens the title page.
    await mentions.first().click();
    await page.waitForURL(`${server.url}/titles/${slugs.parasite}`);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
