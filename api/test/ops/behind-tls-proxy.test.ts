import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkConnector } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

/** The portal behind a TLS proxy that TRUST_PROXY_HOPS does not trust: every request reaches it as plain http. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL: 'https://ecm365.test', TRUST_PROXY_HOPS: '0' } });
});
afterAll(() => t.close());

const warnings = () =>
  t.logs
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((line) => line.level >= 40)
    .map((line) => line.msg);

describe('behind a TLS proxy that is not trusted', () => {
  it("never sends Microsoft's callback on to the host it already is on", async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    // followCallback (in walkConnector) fails on a callback that keeps redirecting to callbacks.
    const result = await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' });
    expect(new URL(result.microsoftRedirect).host).toBe('ecm365.test');
    expect(result.connectorLocation).toMatch(new RegExp(`^https://ecm365\\.test/connector/${result.attemptId}(\\?|$)`));
  });

  it('says once, loudly, that requests arrive as plain http while PUBLIC_URL is https', async () => {
    for (let i = 0; i < 3; i++)
      await t.app.inject({ method: 'GET', url: '/healthz', headers: { host: hostOf('acme') } });
    const said = warnings().filter((message) => message.startsWith('PUBLIC_URL is https, but this request arrived'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('set TRUST_PROXY_HOPS to the number of proxies in front');
  });

  it('says once that X-Forwarded-For arrives while no proxy is trusted (all clients share one address)', async () => {
    for (const address of ['203.0.113.7', '198.51.100.9']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { host: hostOf('acme'), 'x-forwarded-for': address },
      });
      expect(response.statusCode).toBe(200);
    }
    const said = warnings().filter((message) => message.includes('X-Forwarded-For, but TRUST_PROXY_HOPS=0'));
    expect(said).toHaveLength(1);
  });
});
