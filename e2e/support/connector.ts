import { parseMs365Code } from '@ecm365/shared';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { baseUrl } from './browser.js';

export async function openMs365Page(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Microsoft 365' }).click();
  await page.waitForURL(`${baseUrl()}/microsoft-365`);
  await page.getByTestId('connection-status').first().waitFor();
}

/** Clicks the portal's connect button and returns the connector window it opens. */
export async function openConnectorPopup(page: Page): Promise<Page> {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Verbindung zu Microsoft 365 herstellen' }).click();
  const popup = await popupOpened;
  await popup.waitForURL(/\/connector\/[^/]+$/);
  await popup.setViewportSize({ width: 560, height: 720 });
  return popup;
}

/**
 * In the connector window: „Verbindung herstellen“ → the Microsoft emulator's sign-in and consent page → choose the
 * account → „Akzeptieren“ (or „Abbrechen“) → back in the connector window.
 */
export async function consentAs(connector: Page, account: string, button: 'accept' | 'cancel' = 'accept') {
  await connector.getByRole('button', { name: 'Verbindung herstellen' }).click();
  await connector.locator('#signin-form').waitFor();
  await connector.locator(`input[name=account][value="${account}"]`).check();
  await connector.locator(button === 'accept' ? '#accept' : '#cancel').click();
  await connector.waitForURL(
    (url) => url.origin === new URL(baseUrl()).origin && url.pathname.startsWith('/connector/'),
  );
}

export async function readCode(connector: Page): Promise<string> {
  const element = connector.getByTestId('ms365-code');
  await element.waitFor();
  const code = ((await element.textContent()) ?? '').trim();
  // A valid code (check character included), shown in its canonical form.
  expect(parseMs365Code(code)).toEqual({ ok: true, canonical: code });
  return code;
}

export async function finishSetup(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Einrichtung abschließen & Verbindung testen' }).click();
  await page.getByTestId('test-results').waitFor();
}

export async function disconnect(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: 'Weitere Einstellungen' });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await page.getByTestId('disconnect').click();
  const dialog = page.getByRole('alertdialog', { name: 'Verbindung trennen/löschen?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Verbindung trennen/löschen' }).click();
  await page.getByTestId('disconnected').waitFor();
}

/** Contoso, the demo tenant of admin@contoso.example (emulators/src/microsoft/README.md). */
export const CONTOSO_TENANT_ID = '71504dc3-e810-4f09-95aa-5960b9354205';

/** Drives the Microsoft emulator's controls through the browser context (it trusts the self-signed certificate). */
export async function microsoftControl(page: Page, control: string, body?: unknown): Promise<void> {
  const response = await page.context().request.post(`${inject('microsoftUrl')}/_emulator/${control}`, {
    data: body ?? {},
    ignoreHTTPSErrors: true,
  });
  if (!response.ok()) throw new Error(`emulator control ${control}: ${response.status()} ${await response.text()}`);
}
