// Search in real Chromium: the header box suggests titles and people while typing (an accessible
// combobox: arrows, Enter, Escape), and the /search page shows one result type per tab, with and
// without JavaScript, with no serious accessibility violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser, newContext, skipBrowserTests, watchPage } from '../support/browser.js';
import { startServer, type TestServer } from '../support/server.js';
import { seedDemo } from '../../src/services/seed/demo.js';

describe.skipIf(skipBrowserTests).sequential('search in Chromium', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer('sqlite');
    await seedDemo(server.ctx);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('suggestions: typing lists matching people and titles; arrows and Enter open one; Escape closes', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${server.url}/`);
    const box = page.locator('#site-q');
    await expect(box.getAttribute('role')).resolves.toBe('combobox');
    await box.pressSequentially('hwang da', { delay: 20 });
    const option = page.getByRole('option', { name: /Hwang Da-seul/ });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.pressSequentially('s', { delay: 20 }); // "hwang das": still Hwang Da-seul
    await option.waitFor();
    const options = page.getByRole('option');
    const names = await options.allTextContents();
    const index = names.findIndex((n) => n.startsWith('Hwang Da-seul'));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(index).getAttribute('id'));
    expect(await options.nth(index).getAttribute('aria-selected')).toBe('true');
    await Promise.all([page.waitForURL(/\/people\/hwang-da-seul$/), box.press('Enter')]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('a Korean substring suggests the title, and a click opens it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('#site-q').pressSequentially('사랑법', { delay: 20 });
    const option = page.getByRole('option', { name: /Love in the Big City/ }).first();
    await option.waitFor();
    await Promise.all([page.waitForURL(/\/titles\/love-in-the-big-city/), option.click()]);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`the results page has a tab per type (JavaScript ${javaScriptEnabled ? 'on' : 'off'}) and no serious accessibility violation`, async () => {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(`${server.url}/search?q=${encodeURIComponent('Hwang Da Seul')}`);
      const tabs = page.getByRole('navigation', { name: 'What to search' }).getByRole('link');
      expect(await tabs.allTextContents()).toEqual(['Titles', 'People', 'Reviews']);
      expect(await tabs.nth(0).getAttribute('aria-current')).toBe('page');
      await Promise.all([page.waitForURL(/type=people/), tabs.nth(1).click()]);
      expect(await page.getByRole('link', { name: 'Hwang Da-seul' }).count()).toBe(1);
      expect(await page.getByRole('navigation', { name: 'What to search' }).getByRole('link', { name: 'People' }).getAttribute('aria-current')).toBe('page');
      const found = await axeViolations(page);
      expect(found, describeViolations('search page', found)).toEqual([]);
      await page.goto(`${server.url}/search?q=${encodeURIComponent('the')}&type=reviews`);
      expect(await page.locator('article').count()).toBeGreaterThan(0);
      expect(watch.errors).toEqual([]);
      await context.close();
    });
  }
});
