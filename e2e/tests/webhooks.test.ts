import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, login, newPortal, screenshot } from '../support/browser.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('the Webhooks page', () => {
  let browser: Browser;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // An integrator's endpoint on this machine (demo mode allows loopback targets; production would not).
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/ecm365`;
  });
  afterAll(async () => {
    await browser?.close();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('adds a webhook, shows its secret once, sends a signed test, lists the delivery and deletes it', async () => {
    const { page, problems } = await newPortal(browser);
    await login(page, 'admin', 'admin');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(`${baseUrl()}/webhooks`);
    await page.getByRole('heading', { name: 'Eingerichtete Webhooks' }).waitFor();

    await page.getByLabel('Adresse (URL)').fill(receiverUrl);
    await page.getByLabel('Beschreibung (optional)').fill('E2E-Empfänger');
    await page.getByRole('button', { name: 'Webhook hinzufügen' }).click();
    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.waitFor();
    const secret = ((await secretBox.locator('code').textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'webhooks');
    await screenshot(page, 'webhooks', { fullPage: true });

    await page.getByRole('button', { name: 'Ich habe es gespeichert' }).click();
    expect(await page.getByText(secret).count()).toBe(0);

    await page.getByRole('button', { name: 'Testen' }).click();
    await page.getByTestId('delivery-delivered').waitFor();
    expect(await page.getByTestId('delivery-delivered').textContent()).toContain('HTTP 204');
    // The receiver got a Standard Webhooks signature it can check with the secret it was shown.
    const [request] = received;
    const id = String(request?.headers['webhook-id']);
    const timestamp = String(request?.headers['webhook-timestamp']);
    const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(`${id}.${timestamp}.${request?.body}`)
      .digest('base64');
    expect(String(request?.headers['webhook-signature']).split(' ')).toContain(`v1,${expected}`);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ id, type: 'webhook.test', tenant: { slug: 'demo' } });

    await page.getByRole('button', { name: 'Löschen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Webhook löschen' }).click();
    await page.getByTestId('webhooks-empty').waitFor();
    expect(problems).toEqual([]);
  });
});
