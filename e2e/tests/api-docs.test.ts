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
});
