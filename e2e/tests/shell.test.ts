import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, login, newPortal, screenshot } from '../support/browser.js';

describe('the app shell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows user, customer and the menu on the left; the overview passes the accessibility scan', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    const header = page.getByRole('banner');
    await expect(header.textContent()).resolves.toContain('admin');
    await expect(header.textContent()).resolves.toContain('Demo GmbH');

    const burger = page.getByRole('button', { name: 'Menü' });
    await expect(burger.getAttribute('aria-expanded')).resolves.toBe('true');
    const menu = page.getByRole('navigation', { name: 'Hauptmenü' });
    const box = await menu.boundingBox();
    expect(box?.x).toBe(0);
    expect((await menu.getByRole('link').allInnerTexts()).map((text) => text.trim())).toEqual([
      'Übersicht',
      'Microsoft 365',
      'Webhooks',
      'API-Tokens',
    ]);
    await expectAccessible(page, 'overview');

    // The burger hides and shows the menu on wide screens too.
    await burger.click();
    await expect(menu.isHidden()).resolves.toBe(true);
    await burger.click();
    await menu.getByRole('link', { name: 'Microsoft 365' }).click();
    await page.waitForURL(`${baseUrl()}/microsoft-365`);
    expect(problems).toEqual([]);
  });

  it('collapses the menu to the burger button on narrow screens and works with the keyboard', async () => {
    const { page } = await newPortal(browser, { width: 390, height: 800 });
    await login(page, 'admin', 'admin');
    const burger = page.getByRole('button', { name: 'Menü' });
    const menu = page.getByRole('navigation', { name: 'Hauptmenü' });
    await expect(burger.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(menu.isHidden()).resolves.toBe(true);

    await burger.focus();
    await page.keyboard.press('Enter');
    await expect(burger.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Übersicht'));
    await expect(menu.textContent()).resolves.toContain('Demo GmbH');
    // The page behind the drawer takes no focus: Tab stays in the menu and the header.
    const main = page.locator('main');
    await expect(main.evaluate((element) => (element as HTMLElement).inert)).resolves.toBe(true);
    await expectAccessible(page, 'narrow screen with the menu open');

    // Escape closes and gives the focus back to the burger.
    await page.keyboard.press('Escape');
    await expect(menu.isHidden()).resolves.toBe(true);
    await expect(burger.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('Übersicht'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl()}/microsoft-365`);
    await expect(menu.isHidden()).resolves.toBe(true);
    // The new page has the focus (screen readers hear the change).
    await page.waitForFunction(() => document.activeElement === document.querySelector('main'));
    await expect(main.evaluate((element) => (element as HTMLElement).inert)).resolves.toBe(false);
  });

  it('switches to English and remembers it', async () => {
    const { page } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await page.getByRole('button', { name: 'EN – English' }).click();
    // English is loaded on demand: wait for the text rather than reading it at once.
    await page.getByRole('heading', { level: 1, name: /Welcome, admin/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Welcome, admin/ }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await page.getByRole('button', { name: 'DE – Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: /Willkommen, admin/ }).waitFor();
  });

  it('shows "Zugriff nicht erlaubt" with the reason to a user outside the ELO group', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'gast', 'gast');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Microsoft 365' }).click();
    await page.waitForURL(`${baseUrl()}/microsoft-365`);
    const denied = page.getByTestId('access-denied');
    await denied.waitFor();
    await expect(denied.getByRole('heading').textContent()).resolves.toBe('Zugriff nicht erlaubt');
    await expect(denied.textContent()).resolves.toContain(
      'ist nicht in der ELO-Gruppe „online.ecm.microsoft365“ und hat daher nicht die notwendige Berechtigung',
    );
    await expect(denied.textContent()).resolves.toContain('Um die Sicherheit Ihres ELO-Systems zu gewährleisten');
    expect(await page.getByRole('button', { name: 'Verbindung zu Microsoft 365 herstellen' }).count()).toBe(0);
    await expectAccessible(page, 'Zugriff nicht erlaubt');
    await screenshot(page, 'access-denied');
    expect(problems).toEqual([]);
  });
});
