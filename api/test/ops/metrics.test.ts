import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { METRICS_TOKEN: 'scrape-me' } });
});
afterAll(() => t.close());

const scrape = async () => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: 'Bearer scrape-me' },
  });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  return response.body;
};

/** The value of one sample line, e.g. `ecm365_logins_total{outcome="success"}`; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text
    .split('\n')
    .find((row) => row.startsWith(`${name}{`) && wanted.every((label) => row.includes(label)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('GET /metrics', () => {
  it('needs the scrape token when one is configured', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
  });

  it('shows the counters moving: requests, logins, connections, ELO and Microsoft calls', async () => {
    const before = await scrape();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme') },
      payload: { username: 'admin', password: 'nope' },
    });
    const admin = await signIn(t.app, 'admin', 'admin');
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    const after = await scrape();

    const requests = (text: string) =>
      sample(text, 'ecm365_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/auth/login',
        status_code: '200',
      });
    expect(requests(after) - requests(before)).toBe(1);
    expect(
      sample(after, 'ecm365_logins_total', { outcome: 'success' }) -
        sample(before, 'ecm365_logins_total', { outcome: 'success' }),
    ).toBe(1);
    expect(sample(after, 'ecm365_logins_total', { outcome: 'invalid_credentials' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'ecm365_ms365_connections', { status: 'connected' })).toBe(1);
    expect(
      sample(after, 'ecm365_external_calls_total', { system: 'elo', operation: 'login', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, 'ecm365_external_calls_total', { system: 'microsoft', operation: 'redeem_code', outcome: 'ok' }),
    ).toBe(1);
    expect(
      sample(after, 'ecm365_external_calls_total', { system: 'microsoft', operation: 'graph_me', outcome: 'ok' }),
    ).toBe(1);
    expect(after).toContain('ecm365_external_call_duration_seconds_bucket');
  });

  it("has Node's process metrics under their standard names (for the usual dashboards), not under ecm365_", async () => {
    const text = await scrape();
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'process_start_time_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_version_info',
    ])
      expect(text).toMatch(new RegExp(`^${name}[ {]`, 'm'));
    expect(text).not.toMatch(/^ecm365_(process|nodejs)_/m);
  });
});
