import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, login, newPortal, screenshot } from '../support/browser.js';

const hostUrl = (host: string) => baseUrl().replace('localhost', host);

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the login form, passes the accessibility scan, and signs in with ELO user and password', async () => {
    const { page, problems } = await newPortal(browser);
    await page.goto(`${baseUrl()}/microsoft-365`);
    await page.waitForURL(/\/login\?redirect=/);
    await expect(page.getByRole('heading', { name: 'Anmelden' }).isVisible()).resolves.toBe(true);
    // Only self-hosted customers name their ELO themselves.
    expect(await page.getByLabel('Kundenname').count()).toBe(0);
    await expectAccessible(page, 'login');
    await screenshot(page, 'login');

    await page.getByLabel('ELO-Benutzername').fill('admin');
    await page.getByLabel('Kennwort').fill('admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${baseUrl()}/microsoft-365`);
    expect(problems).toEqual([]);
  });

  it('says so when the password is wrong', async () => {
    const { page } = await newPortal(browser);
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('ELO-Benutzername').fill('admin');
    await page.getByLabel('Kennwort').fill('falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('ELO-Benutzername oder Kennwort ist falsch');
  });

  it('says so when no customer portal exists at the address', async () => {
    const { page } = await newPortal(browser);
    await page.goto(`${hostUrl('unbekannt.localhost')}/login`);
    await page.getByLabel('ELO-Benutzername').fill('admin');
    await page.getByLabel('Kennwort').fill('admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Unter dieser Adresse ist kein Kundenportal',
    );
  });

  it('asks self-hosted customers for their customer name', async () => {
    const { page } = await newPortal(browser);
    await page.goto(`${hostUrl('selfhost.localhost')}/login`);
    await page.getByLabel('Kundenname').fill('gibtsnicht');
    await page.getByLabel('ELO-Benutzername').fill('admin');
    await page.getByLabel('Kennwort').fill('admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Diesen Kunden kennen wir nicht');

    await page.getByLabel('Kundenname').fill('demo');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${hostUrl('selfhost.localhost')}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Willkommen, admin');
  });

  it('tells how long to wait after too many failed attempts', async () => {
    const { page } = await newPortal(browser);
    await page.goto(`${baseUrl()}/login`);
    const username = `gesperrt-${Date.now()}`;
    await page.getByLabel('ELO-Benutzername').fill(username);
    let message = '';
    for (let attempt = 0; attempt < 8 && !message.includes('Bitte warten Sie'); attempt++) {
      await page.getByLabel('Kennwort').fill(`falsch-${attempt}`);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('alert').waitFor();
      await page.waitForFunction(() => !document.querySelector('button[aria-busy]'));
      message = (await page.getByRole('alert').textContent()) ?? '';
    }
    expect(message).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche\. Bitte warten Sie \d+ (Minuten|Sekunden)/);
    await expect(page.getByRole('button', { name: 'Anmelden' }).isDisabled()).resolves.toBe(true);
  });

  it('signs out', async () => {
    const { page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${baseUrl()}/login`);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Sie wurden abgemeldet.');
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL(`${baseUrl()}/login`);
  });
});
