// Real Chromium for the page tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
// download; `.ci/run` installs the package). Headless, no sandbox (tests run as root), no GPU, no
// background traffic, and a fresh profile: Playwright's launch() makes a new mkdtemp user data dir
// (playwright_chromiumdev_profile-*) for every browser and deletes it on close — launch() refuses a
// --user-data-dir argument, and test/web/harness.test.ts checks the profile really is a fresh
// temporary folder.
//
// Under CI=true a missing Chromium fails the browser tests; elsewhere they are skipped with a note.
// MARQUEE_CHROMIUM points at another binary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.MARQUEE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const chromiumInstalled = fs.existsSync(CHROMIUM);

/** Skip browser tests only outside CI, and only when Chromium is missing. */
export const skipBrowserTests = !chromiumInstalled && process.env.CI !== 'true';
if (skipBrowserTests) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');


export async function launchBrowser(): Promise<Browser> {
  if (!chromiumInstalled) throw new Error(`no Chromium at ${CHROMIUM}: install it with apt-get install -y chromium (or set MARQUEE_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface ContextOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  colorScheme?: 'light' | 'dark';
}

/** The options of each context whose JavaScript is off (axe runs on a copy of its pages). */
const scriptsOff = new WeakMap<BrowserContext, Parameters<Browser['newContext']>[0]>();

/** One person's browser: its own cookies, JavaScript on or off, a phone or desktop viewport. */
export async function newContext(browser: Browser, opts: ContextOptions = {}): Promise<BrowserContext> {
  const width = opts.width ?? 1280;
  const options = {
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width, height: width < 600 ? 844 : 900 },
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    locale: 'en-US',
    timezoneId: 'UTC',
  } as const;
  const context = await browser.newContext(options);
  if (!options.javaScriptEnabled) scriptsOff.set(context, options);
  // Every wait (a hint appearing, a count changing) gives up after this long, and the test fails.
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * What went wrong on a page while a test used it: script errors, console errors, any 5xx, and any
 * failed sub-resource (stylesheet, script, image, XHR). A document's own status (a 404 page) is the
 * test's to check; the favicon Chromium asks for by itself is not the page's doing.
 */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`script error on ${page.url()}: ${err.message}`));
  page.on('console', (msg) => {
    // "Failed to load resource" repeats a response seen below, without its address.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const path = new URL(res.url()).pathname;
    if (res.status() >= 500 || (res.status() >= 400 && type !== 'document' && path !== '/favicon.ico')) errors.push(`${res.status()} from ${res.url()} (${type})`);
  });
  page.on('requestfailed', (req) => {
    if (new URL(req.url()).pathname !== '/favicon.ico') errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  return { errors };
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, each with
 * the rule, what it means, and the elements at fault. It is evaluated through the DevTools protocol,
 * so a Content-Security-Policy that forbids inline code does not stop it.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const options = scriptsOff.get(page.context());
  if (!options) {
    await page.evaluate(axeSource);
    return runAxe(page);
  }
  // axe.run waits on timers, which never fire where scripts are disabled (lifting that through the
  // DevTools protocol does not take). So the page as it stands now — its DOM, minus its scripts, which
  // never ran — is served at its own address to a twin context with scripts on, and axe runs there.
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('axeViolations needs a page of a launched browser');
  const twin = await browser.newContext({ ...options, javaScriptEnabled: true });
  try {
    const copy = await twin.newPage();
    const url = page.url();
    if (/^https?:/.test(url)) {
      await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await copy.goto(url);
    } else {
      await copy.setContent(html);
    }
    await copy.evaluate(axeSource);
    return await runAxe(copy);
  } finally {
    await twin.close();
  }
}

async function runAxe(page: Page): Promise<AxeFinding[]> {
  const results = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return (r.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: (v.impact ?? 'unknown') as string,
      help: `${v.help} (${v.helpUrl})`,
      nodes: (v.nodes as any[]).slice(0, 5).map((n) => `${(n.target as string[]).join(' ')} — ${String(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable report of axe findings for an assertion message. */
export function describeViolations(where: string, found: AxeFinding[]): string {
  if (found.length === 0) return `${where}: no serious or critical violations`;
  return `${where}: ${found.length} serious/critical accessibility violation(s)\n${found
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      at ${n}`).join('\n')}`)
    .join('\n')}`;
}

/** A full-page screenshot into test-results/screenshots/{name}-{width}.png (git ignores test-results/). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const width = page.viewportSize()?.width ?? 0;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** The temporary folder Chromium's profile lives in, as chrome://version reports it. */
export async function profilePath(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://version');
    return (await page.locator('#profile_path').textContent())?.trim() ?? '';
  } finally {
    await page.close();
  }
}

export const tmpRoot = os.tmpdir();
