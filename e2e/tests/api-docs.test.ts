import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPortal } from '../support/browser.js';

describe('the API documentation for integrators', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders Swagger UI at /docs from /openapi.json under the portal’s security headers', async () => {
    const { page, problems } = await newPortal(browser);
    await page.goto(`${baseUrl()}/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await expect(page.locator('.swagger-ui .info .title').textContent()).resolves.toContain('ecm365 API');
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/ms365/connection/test' }).first().waitFor();
    expect(problems).toEqual([]);
  });

  it('"Try it out" calls the host the document came from (servers is relative)', async () => {
    const { page, problems } = await newPortal(browser);
    await page.goto(`${baseUrl()}/docs`);
    const health = page.locator('#operations-ops-getHealth');
    await health.locator('.opblock-summary').click();
    await health.getByRole('button', { name: 'Try it out' }).click();
    const answered = page.waitForResponse((response) => response.url() === `${baseUrl()}/healthz`);
    await health.getByRole('button', { name: 'Execute' }).click();
    expect((await answered).status()).toBe(200);
    await expect(health.locator('.request-url').textContent()).resolves.toContain(`${baseUrl()}/healthz`);
    expect(problems).toEqual([]);
  });
});
