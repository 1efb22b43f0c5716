import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPortal, type PortalContext } from '../support/browser.js';
import {
  LIGHTHOUSE_MOBILE,
  paintLine,
  readPaintTiming,
  throttle,
  type PaintTiming,
  type Throttling,
} from '../support/paint-timing.js';

/**
 * First and largest contentful paint of the two pages a customer sees first, each from a fresh browser profile
 * (cold HTTP cache), once as this machine serves them and once with Lighthouse's mobile throttling. The figures are
 * printed, one line each; they depend on the machine and its load, so nothing here asserts on them.
 */
describe('first paint', () => {
  let browser: Browser;
  let sessionState: Awaited<ReturnType<PortalContext['context']['storageState']>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    const { context, page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    sessionState = await context.storageState();
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const conditions: { label: string; throttling: Throttling | null }[] = [
    { label: 'no throttling', throttling: null },
    { label: LIGHTHOUSE_MOBILE.label, throttling: LIGHTHOUSE_MOBILE },
  ];

  async function measure(
    path: string,
    throttling: Throttling | null,
    shown: (page: Page) => Promise<void>,
    storageState?: typeof sessionState,
  ): Promise<PaintTiming> {
    const { context, page, problems } = await newPortal(browser, { storageState });
    if (throttling) await throttle(context, page, throttling);
    await page.goto(`${baseUrl()}${path}`);
    await shown(page);
    const timing = await readPaintTiming(page);
    expect(problems).toEqual([]);
    await context.close();
    return timing;
  }

  for (const { label, throttling } of conditions) {
    it(`measures the login page from a cold cache (${label})`, async () => {
      const timing = await measure('/login', throttling, (page) =>
        page.getByRole('heading', { name: 'Anmelden' }).waitFor(),
      );
      console.log(paintLine('/login', label, timing));
      expect(Number.isFinite(timing.fcpMs), 'the browser reported a first contentful paint').toBe(true);
    });

    it(`measures the Microsoft 365 page after login from a cold cache (${label})`, async () => {
      const timing = await measure(
        '/microsoft-365',
        throttling,
        async (page) => {
          await page.getByTestId('connection-status').first().waitFor();
          expect(page.url()).toBe(`${baseUrl()}/microsoft-365`);
        },
        sessionState,
      );
      console.log(paintLine('/microsoft-365 (signed in)', label, timing));
      expect(Number.isFinite(timing.fcpMs), 'the browser reported a first contentful paint').toBe(true);
    });
  }
});
