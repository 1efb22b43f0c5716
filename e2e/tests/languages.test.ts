import { randomBytes } from 'node:crypto';
import { formatMs365Code, type ImportMessagesResponse } from '@ecm365/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiSession, resetMs365 } from '../support/api.js';
import { baseUrl, launchBrowser, newPortal, screenshot } from '../support/browser.js';
import { readCode } from '../support/connector.js';
import { dropInvoiceMail, eloControl } from '../support/invoice-import.js';
import { linesInOtherLanguage, localeTexts } from '../support/languages.js';

/** The demo ELO's invoice mask (emulators/src/elo/fixtures.ts), refused for a while to make a mail fail. */
const MASK = { repository: 'demo', mask: 'Rechnung' };

/**
 * The portal walked as a new user in each language, from the browser's language alone: sign-in with a wrong
 * password, the Microsoft 365 page, a wrong code, the connector window with Microsoft's "no" and with a code, and
 * the test results of a mailbox the user cannot open, and the import activity with a mail ELO refused (texts the
 * server writes, rendered from their codes). On every screen no line may read as the other language (names and seed
 * terms aside: support/languages.ts; on the activity page the mails' own subjects, senders and file names).
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
    await eloControl('masks/accept', MASK);
  });
  afterAll(async () => {
    await eloControl('masks/accept', MASK);
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
      const check = async (where: Page, screen: string, data: string[] = []) => {
        seen[screen] = await linesInOtherLanguage(where, locale, data);
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

      // The import activity with a failed mail: connected again with an account that may open the mailbox, ELO
      // refusing the invoice mask, „Jetzt prüfen“; the failed mail shows its reason in the page's language.
      // The portal reuses an open connector window (it would only be focused): close the last one first.
      await connector.close();
      await disconnectByApi();
      await eloControl('masks/reject', MASK);
      await page.reload();
      await page.getByTestId('connection-status').first().waitFor();
      const reconnect = await openConnector(page, text('ms365.connect.button'), text('connector.pending.start'));
      await consent(reconnect, text('connector.pending.start'), 'admin@contoso.example');
      await readCode(reconnect);
      await page.getByTestId('code-received').waitFor();
      await page.getByRole('button', { name: text('ms365.code.submit') }).click();
      await page.getByTestId('test-results').waitFor();
      await reconnect.close();
      const subject = `RE-${Date.now().toString(36).toUpperCase()}-${locale}`;
      await dropInvoiceMail(page, {
        subject,
        fileName: `${subject}.pdf`,
        from: { name: 'Muster AG', address: 'billing@muster.example' },
      });
      const card = page.getByTestId('invoice-card');
      await card.getByRole('button', { name: text('invoiceImport.run') }).click();
      await card.getByRole('link', { name: text('invoiceImport.activityLink') }).click();
      await page.getByRole('heading', { level: 1, name: text('invoiceImport.activity.title') }).waitFor();
      const failedMail = page
        .getByTestId('import-messages')
        .locator('li[data-message-id]')
        .filter({ hasText: subject });
      await failedMail
        .getByTestId('import-message-state')
        .filter({ hasText: text('invoiceImport.activity.states.failed') })
        .waitFor({ timeout: 45_000 });
      await expect(failedMail.getByTestId('import-message-error').textContent()).resolves.toContain(
        text('invoiceImport.problems.elo_rejected'),
      );
      await eloControl('masks/accept', MASK);
      // What the mails say (subjects, senders, file names, ELO paths) is data in the customer's words, not text.
      await check(page, 'import activity with a failed mail', await mailData(page));
      await page.mouse.move(0, 0);
      await screenshot(page, `languages-${locale}-import-activity`, { fullPage: true });

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

/** Deletes the connection, the invoice import left on (the portal then offers to connect again). */
async function disconnectByApi(): Promise<void> {
  const api = await apiSession();
  const removed = await api.DELETE('/api/v1/ms365/connection');
  if (removed.response.status !== 204) throw new Error(`DELETE connection answered ${removed.response.status}`);
}

/** The activity list's data in the customer's words (what mails say), as the page's session reads it. */
async function mailData(page: Page): Promise<string[]> {
  const response = await page.request.get(`${baseUrl()}/api/v1/ms365/features/invoice-mail-import/messages?limit=100`);
  const body = (await response.json()) as ImportMessagesResponse;
  return body.items
    .flatMap((item) => [
      item.subject,
      item.from,
      ...item.documents.flatMap((document) => [
        document.name,
        document.eloPath ?? '',
        document.einvoice?.profile ?? '',
      ]),
      ...(item.notes ?? []).map((note) => note.document ?? ''),
    ])
    .filter((value) => value !== '');
}
