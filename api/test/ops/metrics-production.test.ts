import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_CLIENT, TEST_ENCRYPTION_KEY, type TestApp } from '../support/test-app.js';

/** The settings production requires besides those the test app brings (database, base domain). */
const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://ecm365.test',
  TRUST_PROXY_HOPS: '1',
  MS365_CLIENT_ID: TEST_CLIENT.clientId,
  MS365_CLIENT_SECRET: TEST_CLIENT.clientSecret,
  ENCRYPTION_KEYS: `${TEST_ENCRYPTION_KEY.id}:${TEST_ENCRYPTION_KEY.key.toString('base64')}`,
};

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

describe('GET /metrics in production', () => {
  it('is off (404) without METRICS_TOKEN, so a deployment that set none publishes nothing', async () => {
    const t = await startTestApp({ env: PRODUCTION });
    apps.push(t);
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(response.body).not.toContain('ecm365_');
    expect(response.body).not.toContain('process_cpu');
  });

  it('stays off when METRICS_TOKEN is set but empty (an uncommented `METRICS_TOKEN=` in .env)', async () => {
    const t = await startTestApp({ env: { ...PRODUCTION, METRICS_TOKEN: ' ' } });
    apps.push(t);
    const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer  ' } });
    expect(response.statusCode).toBe(404);
  });

  it('serves the scraper that sends METRICS_TOKEN, and no one else', async () => {
    const t = await startTestApp({ env: { ...PRODUCTION, METRICS_TOKEN: 'scrape-me' } });
    apps.push(t);
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const scraped = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-me' },
    });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('ecm365_http_request_duration_seconds');
  });
});
