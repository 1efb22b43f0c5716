import { randomBytes } from 'node:crypto';
import { formatMs365Code } from '@ecm365/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetMs365 } from '../support/api.js';
import { baseUrl, expectAccessible, launchBrowser, login, newPortal, screenshot } from '../support/browser.js';
import {
  CONTOSO_TENANT_ID,
  microsoftControl,
  consentAs,
  disconnect,
  finishSetup,
  openConnectorPopup,
  openMs365Page,
  readCode,
} from '../support/connector.js';

describe('connecting Microsoft 365', () => {
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

  it('walks the whole flow: menu, popup, consent, code, copy & paste, finish & test, disconnect', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    await expect(page.getByTestId('connection-status').textContent()).resolves.toContain('Nicht verbunden');
    await expect(page.getByTestId('important-note').textContent()).resolves.toContain('WICHTIG!');
    await expectAccessible(page, 'Microsoft 365, not connected');
    await screenshot(page, 'ms365-not-connected', { fullPage: true });

    const connector = await openConnectorPopup(page);
    await connector.getByRole('button', { name: 'Verbindung herstellen' }).waitFor();
    await expectAccessible(connector, 'connector window before consent');
    await consentAs(connector, 'admin@contoso.example');
    const code = await readCode(connector);
    await expect(connector.getByTestId('code-warning').textContent()).resolves.toContain(
      'Bitte nehmen Sie zur Kenntnis, dass dieser Code nicht für Dritte bestimmt ist, da dies die Sicherheit Ihres Microsoft 365 Kontos gefährden kann.',
    );
    await expectAccessible(connector, 'connector window with code');
    await screenshot(connector, 'connector-code');

    await connector.getByRole('button', { name: 'Code kopieren' }).click();
    await expect(connector.getByRole('status').filter({ hasText: 'kopiert' }).textContent()).resolves.toContain(
      'Code in die Zwischenablage kopiert',
    );

    // Paste as a user would (the automatic hand-over is covered by the next test).
    const field = page.getByLabel('MS365 Code');
    await field.fill('');
    await field.focus();
    await page.keyboard.press('Control+V');
    await expect(field.inputValue()).resolves.toBe(code);

    await finishSetup(page);
    await expect(page.getByTestId('test-summary').textContent()).resolves.toContain('Alle Prüfungen erfolgreich');
    const checks = page.getByTestId('test-results').locator('li');
    expect(await checks.count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('test-results').locator('li[data-ok="false"]').count()).toBe(0);
    await expect(page.getByTestId('connection-status').first().textContent()).resolves.toContain('Verbunden');
    await expect(page.getByTestId('connected-account').textContent()).resolves.toContain('admin@contoso.example');
    await expectAccessible(page, 'Microsoft 365, connected');
    await screenshot(page, 'ms365-connected', { fullPage: true });

    // The confirmation can be dismissed with Escape; nothing happens then.
    await page.getByRole('button', { name: 'Weitere Einstellungen' }).click();
    await page.getByTestId('disconnect').click();
    const dialog = page.getByRole('alertdialog', { name: 'Verbindung trennen/löschen?' });
    await dialog.waitFor();
    await expectAccessible(page, 'disconnect confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByTestId('disconnect').evaluate((button) => button === document.activeElement)).resolves.toBe(
      true,
    );
    await expect(page.getByTestId('connection-status').first().textContent()).resolves.toContain('Verbunden');

    await disconnect(page);
    await expect(page.getByTestId('connection-status').first().textContent()).resolves.toContain('Nicht verbunden');
    expect(problems).toEqual([]);
  });

  it("reaches Microsoft's sign-in page without a certificate warning, as a new user's browser would", async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    const connector = await openConnectorPopup(page);
    await connector.getByRole('button', { name: 'Verbindung herstellen' }).click();
    // The browser trusts nothing extra here: a self-signed certificate would stop it on Chromium's warning page.
    await connector.locator('#signin-form').waitFor();
    const signInPage = new URL(connector.url());
    expect(signInPage.protocol).toBe('http:');
    expect(signInPage.pathname).toBe('/organizations/oauth2/v2.0/authorize');
    await expect(connector.locator('#app-name').textContent()).resolves.toContain('ecm.online');
    await screenshot(connector, 'microsoft-sign-in');
    await connector.locator('input[name=account][value="admin@contoso.example"]').check();
    await connector.locator('#accept').click();
    await readCode(connector);
    expect(problems).toEqual([]);
  });

  it('explains it when the portal was opened as 127.0.0.1 but Microsoft returns to localhost', async () => {
    const { page } = await newPortal(browser);
    const otherAddress = baseUrl().replace('//localhost:', '//127.0.0.1:');
    expect(otherAddress).not.toBe(baseUrl());
    await login(page, 'admin', 'admin', otherAddress);
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Microsoft 365' }).click();
    await page.getByTestId('connection-status').first().waitFor();
    const connector = await openConnectorPopup(page);
    expect(new URL(connector.url()).origin).toBe(otherAddress);
    await consentAs(connector, 'admin@contoso.example');
    // Microsoft returned to the public URL, where this browser has no session: explained, not a bare login form.
    const explained = connector.getByTestId('connector-signed-out');
    await explained.waitFor();
    await expect(explained.textContent()).resolves.toContain(baseUrl());
    await expect(explained.textContent()).resolves.toContain('127.0.0.1 statt localhost');
    expect(await connector.locator('input[type=password]').count()).toBe(0);
    await expectAccessible(connector, 'connector window after a return to another address');
    await screenshot(connector, 'connector-other-address');
  });

  it('hands the code to the portal page by itself; the user still confirms', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    const connector = await openConnectorPopup(page);
    await consentAs(connector, 'admin@contoso.example');
    const code = await readCode(connector);

    await page.getByTestId('code-received').waitFor();
    await expect(page.getByLabel('MS365 Code').inputValue()).resolves.toBe(code);
    await connector.getByText('Der Code wurde in das Kundenportal übernommen.').waitFor();
    // Not connected until the user clicks.
    await expect(page.getByTestId('connection-status').first().textContent()).resolves.toContain('Nicht verbunden');

    await finishSetup(page);
    await expect(page.getByTestId('test-summary').textContent()).resolves.toContain('Alle Prüfungen erfolgreich');
    await connector.getByText('Die Verbindung ist hergestellt.').waitFor();
    expect(problems).toEqual([]);
  });

  it('explains a blocked popup and continues in a normal tab through the fallback link', async () => {
    const { context, page, problems } = await newPortal(browser);
    await context.addInitScript(() => {
      window.open = () => null;
    });
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    await page.getByRole('button', { name: 'Verbindung zu Microsoft 365 herstellen' }).click();
    const hint = page.getByTestId('popup-blocked');
    await hint.waitFor();
    await expect(hint.textContent()).resolves.toContain(
      'Sollte sich das Fenster nicht öffnen, prüfen Sie bitte die Pop-up-Blocker Einstellungen Ihres Webbrowsers.',
    );

    const tabOpened = context.waitForEvent('page');
    await page.getByTestId('connector-fallback-link').click();
    const tab = await tabOpened;
    await tab.waitForURL(/\/connector\//);
    await consentAs(tab, 'admin@contoso.example');
    const code = await readCode(tab);
    await page.getByTestId('code-received').waitFor();
    await expect(page.getByLabel('MS365 Code').inputValue()).resolves.toBe(code);
    await finishSetup(page);
    await expect(page.getByTestId('test-summary').textContent()).resolves.toContain('Alle Prüfungen erfolgreich');
    expect(problems).toEqual([]);
  });

  it('reports a mailbox the connected user cannot open, with the WICHTIG warning as the hint', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);

    // Saved before connecting: the connection then asks for the mailbox permission as well. (Only the set-up card
    // counts; the hint under the mailbox field always names the permission.)
    const setupScopes = page.locator('section[aria-labelledby="ms365-setup-title"] code');
    const requested = setupScopes.filter({ hasText: 'Mail.ReadWrite.Shared' });
    await setupScopes.first().waitFor();
    await expect(requested.count()).resolves.toBe(0);
    await page.getByLabel('Rechnungs-Import via E-Mail nutzen').check();
    await page.getByLabel('E-Mail Postfach für den Import').fill('rechnungen@contoso.example');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.getByText('Gespeichert').waitFor();
    await requested.waitFor();

    const connector = await openConnectorPopup(page);
    await consentAs(connector, 'ohne-zugriff@contoso.example');
    await readCode(connector);
    await page.getByTestId('code-received').waitFor();
    await finishSetup(page);

    await expect(page.getByTestId('test-summary').textContent()).resolves.toMatch(/1 von \d+ Prüfungen fehlgeschlagen/);
    const failed = page.getByTestId('test-results').locator('li[data-ok="false"]');
    expect(await failed.count()).toBe(1);
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('rechnungen@contoso.example');
    expect(text).toMatch(/WICHTIG/);
    expect(text).toMatch(/Berechtigungen zum Zugriff auf das E-Mail.Postfach/);
    expect(problems).toEqual([]);
  });

  it('rejects an unknown or expired code with an explanation', async () => {
    const { page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    await page.getByLabel('MS365 Code').fill(formatMs365Code(randomBytes(17)));
    await page.getByRole('button', { name: 'Einrichtung abschließen & Verbindung testen' }).click();
    const error = page.getByTestId('redeem-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('Der MS365 Code ist ungültig oder abgelaufen.');
  });

  it('catches a typo in the code before asking the server', async () => {
    const { page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    const code = formatMs365Code(randomBytes(17));
    const typo = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    await page.getByLabel('MS365 Code').fill(typo);
    await expect(page.locator('#ms365-code-error').textContent()).resolves.toContain('kein gültiger MS365 Code');
  });

  it('explains in the connector window when the user cancels at Microsoft', async () => {
    const { page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    const connector = await openConnectorPopup(page);
    await consentAs(connector, 'admin@contoso.example', 'cancel');
    const failed = connector.getByTestId('connector-failed');
    await failed.waitFor();
    await expect(failed.textContent()).resolves.toContain('Die Verbindung konnte nicht hergestellt werden');
    await expect(failed.textContent()).resolves.toMatch(/abgebrochen/);
    await expectAccessible(connector, 'connector window with an error');
  });

  it('offers the admin consent link to forward when the Microsoft tenant requires admin approval', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    await microsoftControl(page, 'admin-consent-required', { tenantId: CONTOSO_TENANT_ID, required: true });
    try {
      const connector = await openConnectorPopup(page);
      await consentAs(connector, 'admin@contoso.example');
      const failed = connector.getByTestId('connector-failed');
      await failed.waitFor();
      await expect(failed.textContent()).resolves.toContain('AADSTS90094');
      const link = connector.getByTestId('admin-consent-link');
      await expect(link.getAttribute('href')).resolves.toMatch(/\/adminconsent\?/);
      await expect(connector.getByRole('button', { name: 'Link kopieren' }).isVisible()).resolves.toBe(true);
      await expectAccessible(connector, 'connector window asking for admin consent');

      // The Microsoft 365 administrator opens the forwarded link, consents, and lands on our confirmation page.
      const admin = await page.context().newPage();
      await admin.goto((await link.getAttribute('href')) as string);
      await admin.locator('input[name=account][value="admin@contoso.example"]').check();
      await admin.locator('#accept').click();
      await admin.waitForURL((url) => url.pathname === '/admin-consent');
      await expect(admin.getByTestId('admin-consent-result').textContent()).resolves.toContain('Zustimmung erteilt');
      await expectAccessible(admin, 'admin consent confirmation');

      // Now the user can connect (a fresh connector window).
      await connector.close();
      const retry = await openConnectorPopup(page);
      await consentAs(retry, 'ohne-zugriff@contoso.example');
      await retry.getByTestId('ms365-code').waitFor();
    } finally {
      await microsoftControl(page, 'reset');
    }
    expect(problems).toEqual([]);
  });

  it('keeps the page working for a signed-in user whose session ends meanwhile', async () => {
    const { context, page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await openMs365Page(page);
    await context.clearCookies();
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.waitForURL(/\/login\?redirect=(%2F|\/)microsoft-365/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Ihre Sitzung ist abgelaufen');
    await page.getByLabel('ELO-Benutzername').fill('admin');
    await page.getByLabel('Kennwort').fill('admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${baseUrl()}/microsoft-365`);
  });
});
