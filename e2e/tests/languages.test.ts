import { randomBytes } from 'node:crypto';
import { formatMs365Code } from '@ecm365/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetMs365 } from '../support/api.js';
import { baseUrl, launchBrowser, newPortal, screenshot } from '../support/browser.js';
import { readCode } from '../support/connector.js';
import { linesInOtherLanguage, localeTexts } from '../support/languages.js';

/**
 * The portal walked as a new user in each language, from the browser's language alone: sign-in with a wrong
 * password, the Microsoft 365 page, a wrong code, the connector window with Microsoft's "no" and with a code, and
 * the test results of a mailbox the user cannot open (texts the server writes, rendered from their codes). On every
 * screen no line may read as the other language (names and seed terms aside: support/languages.ts).
 */
describe('the portal in English and in German', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await resetMs365();
  });

  const cases = [
    { locale: 'en', browserLocale: 'en-US' },
    { locale: 'de', browserLocale: 'de-DE' },
  ] as const;

  for (const { locale, browserLocale } of cases) {
    it(`walks login, Microsoft 365 page, connector window and errors in ${locale} without the other language`, async () => {
      const text = localeTexts(locale);
      const { page, problems } = await newPortal(browser, { locale: browserLocale });
      const seen: Record<string, string[]> = {};
      const check = async (where: Page, screen: string) => {
        seen[screen] = await linesInOtherLanguage(where, locale);
      };

      await page.goto(`${baseUrl()}/login`);
      await page.getByRole('heading', { name: text('login.title') }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
      await check(page, 'login');

      await page.getByLabel(text('login.username')).fill('admin');
      await page.getByLabel(text('login.password')).fill('wrong');
      await page.getByRole('button', { name: text('login.submit') }).click();
      await page.getByText(text('login.errors.invalidCredentials')).waitFor();
      await check(page, 'login with a wrong password');
      await screenshot(page, `languages-${locale}-login-error`);

      await page.getByLabel(text('login.password')).fill('admin');
      await page.getByRole('button', { name: text('login.submit') }).click();
      await page.waitForURL(`${baseUrl()}/`);
      await check(page, 'overview');

      await page
        .getByRole('navigation', { name: text('nav.label') })
        .getByRole('link', { name: 'Microsoft 365' })
        .click();
      await page.getByTestId('connection-status').first().waitFor();
      await check(page, 'Microsoft 365, not connected');

      await page.getByLabel(text('ms365.code.label')).fill(formatMs365Code(randomBytes(17)));
      await page.getByRole('button', { name: text('ms365.code.submit') }).click();
      await page.getByTestId('redeem-error').waitFor();
      await expect(page.getByTestId('redeem-error').textContent()).resolves.toContain(text('ms365.code.invalid'));
      await check(page, 'Microsoft 365, wrong code');
      await screenshot(page, `languages-${locale}-ms365-wrong-code`, { fullPage: true });

      // Microsoft's "no" (the user cancels): the server's explanation, rendered from its code.
      const cancelled = await openConnector(page, text('ms365.connect.button'), text('connector.pending.start'));
      await check(cancelled, 'connector window');
      await consent(cancelled, text('connector.pending.start'), 'admin@contoso.example', 'cancel');
      await cancelled.getByTestId('connector-failed').waitFor();
      await check(cancelled, 'connector window, cancelled at Microsoft');
      await screenshot(cancelled, `languages-${locale}-connector-cancelled`);
      await cancelled.close();

      // A mailbox the connected user cannot open: a failing check with its hint, and the last failure.
      await page.getByLabel(text('ms365.invoice.enabled')).check();
      await page.getByLabel(text('ms365.invoice.mailbox')).fill('rechnungen@contoso.example');
      await page.getByRole('button', { name: text('ms365.invoice.save') }).click();
      await page.getByText(text('ms365.invoice.saved')).waitFor();
      const connector = await openConnector(page, text('ms365.connect.button'), text('connector.pending.start'));
      await consent(connector, text('connector.pending.start'), 'ohne-zugriff@contoso.example');
      await readCode(connector);
      await check(connector, 'connector window with the code');
      await screenshot(connector, `languages-${locale}-connector-code`);
      await page.getByTestId('code-received').waitFor();
      await page.getByRole('button', { name: text('ms365.code.submit') }).click();
      await page.getByTestId('test-results').waitFor();
      const failed = page.getByTestId('test-results').locator('li[data-ok="false"]');
      await expect(failed.count()).resolves.toBe(1);
      await check(page, 'Microsoft 365, a failing mailbox check');
      await screenshot(page, `languages-${locale}-ms365-failed-check`, { fullPage: true });

      // Reloaded, the stored result comes from the status, with the last failure.
      await page.reload();
      await page.getByTestId('test-results').waitFor();
      await check(page, 'Microsoft 365 after a reload');

      expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((screen) => [screen, []])));
      expect(problems).toEqual([]);
    });
  }

  it('remembers the language switched to, over the browser’s own', async () => {
    const { page } = await newPortal(browser, { locale: 'en-US' });
    await page.goto(`${baseUrl()}/login`);
    await page.getByRole('heading', { name: localeTexts('en')('login.title') }).waitFor();
    await page.getByRole('button', { name: 'DE – Deutsch' }).click();
    await page.getByRole('heading', { name: localeTexts('de')('login.title') }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: localeTexts('de')('login.title') }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
  });
});

/** Opens the connector window from the portal's button and waits for its own „Connect“ button. */
async function openConnector(page: Page, button: string, start: string): Promise<Page> {
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: button }).click();
  const popup = await opened;
  await popup.waitForURL(/\/connector\/[^/]+$/);
  await popup.setViewportSize({ width: 560, height: 720 });
  await popup.getByRole('button', { name: start }).waitFor();
  return popup;
}

/** Like support/connector.ts's consentAs, with the connector's button named in the page's language. */
async function consent(connector: Page, start: string, account: string, choice: 'accept' | 'cancel' = 'accept') {
  await connector.getByRole('button', { name: start }).click();
  await connector.locator('#signin-form').waitFor();
  await connector.locator(`input[name=account][value="${account}"]`).check();
  await connector.locator(choice === 'accept' ? '#accept' : '#cancel').click();
  await connector.waitForURL(
    (url) => url.origin === new URL(baseUrl()).origin && url.pathname.startsWith('/connector/'),
  );
}
