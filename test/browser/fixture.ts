// Browser-test fixture: a real server (buildApp on PGlite) listening on 127.0.0.1:0 with a small
// demo-like organisation inserted here, the web UI built when web/src is newer than web/dist, and
// Debian chromium driven by playwright-core in a fresh context (its own profile: no cookies, storage
// or cache of another file). Under vitest the chromium is the run's one (test/setup/browser.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/config.js';
import { openTestDatabase } from '../helpers/database.js';
import type { Database } from '../../src/store/open-database.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../setup/browser.js';
import { insertWorkbenchData, type WorkbenchData } from './seed.js';

export { CHROMIUM };
export const hasChromium = existsSync(CHROMIUM);

/**
 * A browser for one test file: a connection to the run's chromium when the browser project's
 * global setup started one, else a chromium of its own (a file run outside vitest). Closing it
 * closes the file's contexts and, for its own chromium, the browser.
 */
export async function openBrowser(): Promise<Browser> {
  const ws = process.env.DXE_TEST_CHROMIUM_WS;
  if (ws) return chromium.connect(ws);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The browser tests' pages: Chinese, Beijing time, a laptop screen. */
export const PAGE_OPTIONS: BrowserContextOptions = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1440, height: 900 },
};
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Screenshots go to test-results/ on every run; `UPDATE_SCREENSHOTS=1 npx vitest run test/browser`
// refreshes the ones the docs show, so a plain test run never rewrites tracked files.
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, 'docs/screenshots')
  : join(ROOT, 'test-results/screenshots');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when missing or older than web/src; one builder at a time (mkdir lock). */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(ROOT, 'web/dist/index.html');
  const stale = () => !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(join(ROOT, 'web/src')), statSync(join(ROOT, 'web/vite.config.ts')).mtimeMs);
  if (!stale()) return;
  const lock = join(ROOT, 'web/.build-lock');
  for (let i = 0; i < 240; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
      if (!stale()) return;
    }
  }
  try {
    if (stale()) execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Harness {
  app: FastifyInstance;
  database: Database;
  baseUrl: string;
  data: WorkbenchData;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function startHarness(opts: { seed?: (database: Database, now: Date) => Promise<WorkbenchData> } = {}): Promise<Harness> {
  await ensureWebBuilt();
  const database = await openTestDatabase();
  const now = new Date();
  const data = await (opts.seed ?? insertWorkbenchData)(database, now);
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent', TIMERS: 'off' }), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await openBrowser();
  const context = await browser.newContext(PAGE_OPTIONS);
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    data,
    context,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      await database.close();
    },
  };
}

export async function login(page: Page, baseUrl: string, name: string, password = 'dxe-demo'): Promise<void> {
  await page.goto(`${baseUrl}/inbox`);
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('ws-status').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Picks `option` in the antd Select inside the element with `testId` (the dropdown renders in a portal). */
export async function pickOption(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId).locator('.ant-select').first();
  const multiple = ((await select.getAttribute('class')) ?? '').includes('ant-select-multiple');
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    // A single select must now show the option. On a loaded CI machine a click on an option still
    // opening (or one taken by the closing dropdown beside it) was once lost, and the test then
    // failed far from the cause; the pick is checked here and, for a single select, tried again
    // once. (Clicking a multiple select's option twice would take it off again: no retry there.)
    if (multiple) return;
    const shown = async () => (await select.textContent().catch(() => '')) ?? '';
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !(await shown()).includes(option)) await page.waitForTimeout(100);
    if ((await shown()).includes(option)) return;
    if (attempt >= 2) throw new Error(`pickOption: ${testId} does not show "${option}" after two picks (shows "${await shown()}")`);
    await page.keyboard.press('Escape');
  }
}

/**
 * The usual start of a workbench browser test: a harness with `seed`, one page that records its
 * uncaught errors, logged in as `name` (or not logged in when `name` is null).
 */
export async function startPage(
  seed: NonNullable<Parameters<typeof startHarness>[0]>['seed'],
  name: string | null,
): Promise<{ h: Harness; page: Page; pageErrors: string[] }> {
  const h = await startHarness({ seed });
  const page = await h.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  if (name) await login(page, h.baseUrl, name);
  return { h, page, pageErrors };
}

/**
 * Confirms the open case-choice modal (售后 → a choice → 确认) and waits until it has closed: the
 * transition was taken. A server refusal shown in the modal fails the test with its words. On a
 * loaded CI machine one confirm once left the case where it was with no error shown (the click was
 * lost); the modal still open without an error is confirmed once more, as an agent would.
 */
export async function confirmChoice(page: Page): Promise<void> {
  const button = page.getByTestId('choice-confirm');
  for (let attempt = 1; ; attempt++) {
    await button.click();
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await button.count()) > 0) await page.waitForTimeout(100);
    if ((await button.count()) === 0) return;
    const error = page.locator('.ant-modal .ant-alert-error');
    if ((await error.count()) > 0) throw new Error(`case choice refused: ${(await error.first().textContent()) ?? ''}`);
    if (attempt >= 2) throw new Error('case choice: the modal stayed open after two confirms, with no error shown');
  }
}

