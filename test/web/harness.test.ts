// The browser harness itself: the real Chromium starts with a fresh temporary profile, JavaScript can
// really be turned off, axe-core really reports violations, screenshots are written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser, newContext, profilePath, screenshot, skipBrowserTests, tmpRoot } from '../support/browser.js';

describe.skipIf(skipBrowserTests)('browser harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs Debian Chromium 100 or newer with a fresh profile in a temporary folder, removed afterwards', async () => {
    expect(Number(browser.version().split('.')[0])).toBeGreaterThanOrEqual(100);
    const other = await launchBrowser();
    const profiles = [await profilePath(await newContext(browser)), await profilePath(await newContext(other))];
    for (const p of profiles) expect(path.resolve(p).startsWith(path.resolve(tmpRoot) + path.sep), p).toBe(true);
    expect(profiles[0]).not.toBe(profiles[1]);
    await other.close();
    expect(fs.existsSync(profiles[1]!)).toBe(false);
  });

  it('turns JavaScript off for a context that asks', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.setContent('<p id="out">static</p><script>document.getElementById("out").textContent = "scripted"</script>');
      expect(await page.locator('#out').textContent()).toBe(javaScriptEnabled ? 'scripted' : 'static');
      await context.close();
    }
  });

  it('reports serious and critical axe violations readably, even with JavaScript off', { timeout: 60_000 }, async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    // Served at an http address (routed inside the browser; nothing listens there), as real pages are.
    let html = '<html><head><title>t</title></head><body><main><h1>Form</h1><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>';
    await page.route('http://sample.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto('http://sample.invalid/');
    const found = await axeViolations(page);
    const ids = found.map((v) => v.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
    expect(describeViolations('sample', found)).toMatch(/\[critical\] (image-alt|label): .*\n\s+at (img|input)/);
    html = '<html lang="en"><head><title>t</title></head><body><main><h1>Form</h1><label>Name <input type="text"></label></main></body></html>';
    await page.reload();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('writes full-page screenshots named by page and width', async () => {
    const context = await newContext(browser, { width: 390 });
    const page = await context.newPage();
    await page.setContent('<h1>Screenshot</h1>');
    const file = await screenshot(page, 'harness');
    expect(path.basename(file)).toBe('harness-390.png');
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    fs.rmSync(file);
    await context.close();
  });
});
