import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshotDir = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // No --ignore-certificate-errors: the Microsoft emulator's pages a browser sees are served over plain http,
      // as in the demo, so a certificate warning would fail the tests the way it would stop a new user.
    ],
  });
}

export interface PortalContext {
  context: BrowserContext;
  page: Page;
  /** Console errors about the Content Security Policy and uncaught page errors seen so far. */
  problems: string[];
}

/**
 * A fresh browser profile (cookies, storage, HTTP cache) with clipboard access, German UI, and problem tracking;
 * `storageState` starts it with another profile's cookies and storage (a session), still with a cold cache.
 */
export async function newPortal(
  browser: Browser,
  options: { width?: number; height?: number; storageState?: BrowserContextOptions['storageState'] } = {},
): Promise<PortalContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    storageState: options.storageState,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  const problems: string[] = [];
  context.on('page', (page) => trackProblems(page, problems));
  const page = await context.newPage();
  return { context, page, problems };
}

function trackProblems(page: Page, problems: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
}

/** Signs in on the portal at `origin` (default its public URL; the e2e also tries it as 127.0.0.1). */
export async function login(page: Page, username: string, password: string, origin = baseUrl()): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('ELO-Benutzername').fill(username);
  await page.getByLabel('Kennwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${origin}/`);
}

/** Runs axe-core in the page and fails on serious or critical findings (WCAG 2.x A/AA and best practices). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through DevTools rather than a <script> tag: the portal's CSP (script-src 'self') refuses inline
  // scripts, and it should stay switched on while testing.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  });
  expect(violations, `accessibility findings on ${what}`).toEqual([]);
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Writes docs/screenshots/<name>.png from the top of the page. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let transitions and the focus ring settle, and keep the caret out of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(150);
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: options.fullPage ?? false,
    animations: 'disabled',
  });
}
