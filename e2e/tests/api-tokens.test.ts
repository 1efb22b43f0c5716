import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, login, newPortal, screenshot } from '../support/browser.js';

describe('the API-Tokens page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a token with ms365:token, shows it once, lists its scopes and expiry', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'API-Tokens' }).click();
    await page.waitForURL(`${baseUrl()}/api-tokens`);
    await page.getByRole('heading', { name: 'Vorhandene API-Tokens' }).waitFor();

    await page.getByLabel('Name').fill('ELO-Skript Rechnungen');
    await page.getByTestId('scope-ms365:token').check();
    await page.getByLabel('Gültigkeit').selectOption('30');
    await page.getByRole('button', { name: 'API-Token erstellen' }).click();
    const shown = page.getByTestId('api-token-value');
    await shown.waitFor();
    const token = ((await shown.textContent()) ?? '').trim();
    expect(token).toMatch(/^ecm365_/);
    await expectAccessible(page, 'api-tokens');
    await screenshot(page, 'api-tokens', { fullPage: true });

    // The token works for what it was given: it describes itself, and may ask for a Microsoft access token
    // (200 when the demo tenant is connected, 409 not_connected when not; never 403 insufficient_scope).
    const current = await fetch(`${baseUrl()}/api/v1/api-tokens/current`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await current.json()).toMatchObject({
      name: 'ELO-Skript Rechnungen',
      scopes: ['ms365:read', 'ms365:token'],
    });
    const accessToken = await fetch(`${baseUrl()}/api/v1/ms365/connection/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect([200, 409]).toContain(accessToken.status);

    await page.getByRole('button', { name: 'Ich habe es gespeichert' }).click();
    expect(await page.getByText(token).count()).toBe(0);
    const item = page.locator('li', { hasText: 'ELO-Skript Rechnungen' });
    expect(await item.getByTestId('api-token-scopes').textContent()).toContain('ms365:token');
    expect(await item.getByTestId('api-token-expiry').textContent()).toContain('gültig bis');

    await item.getByRole('button', { name: 'Löschen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'API-Token löschen' }).click();
    await page.getByTestId('api-tokens-empty').waitFor();
    expect(problems).toEqual([]);
  });
});
