import { afterEach, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const statuses = (responses: Array<{ statusCode: number }>) =>
  responses.map((response) => response.statusCode).sort((a, b) => a - b);

describe('caps per tenant and minute', () => {
  it('caps connect attempts: 429 too_many_attempts with Retry-After, for the tenant only, until the minute passed', async () => {
    t = await startTestApp({ env: { TENANT_CONNECTS_PER_MINUTE: '3' } });
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    const direkt = await signIn(app.app, 'direkt', 'direkt');
    const responses = await Promise.all([
      ...Array.from({ length: 3 }, () => asUser(app, admin).post('/api/v1/ms365/connect')),
      ...Array.from({ length: 2 }, () => asUser(app, direkt).post('/api/v1/ms365/connect')),
    ]);
    expect(statuses(responses)).toEqual([201, 201, 201, 429, 429]);
    const capped = responses.find((response) => response.statusCode === 429);
    expect(capped?.json().error).toMatchObject({ code: 'too_many_attempts' });
    const retryAfter = Number(capped?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const other = await signIn(app.app, 'admin', 'admin', 'other');
    expect((await asUser(app, other).post('/api/v1/ms365/connect')).statusCode).toBe(201);
    app.clock.advance(61_000);
    expect((await asUser(app, admin).post('/api/v1/ms365/connect')).statusCode).toBe(201);
  });

  it('caps connection tests; the test right after a redemption does not count', async () => {
    t = await startTestApp({ env: { TENANT_CONNECTION_TESTS_PER_MINUTE: '2' } });
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    const code = await obtainCode(app, admin);
    expect((await asUser(app, admin).post('/api/v1/ms365/connection', { code })).statusCode).toBe(200);
    const meCalls = () => app.microsoft.controls.stats().graphRequests['/v1.0/me'] ?? 0;
    const before = meCalls();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => asUser(app, admin).post('/api/v1/ms365/connection/test')),
    );
    expect(statuses(responses)).toEqual([200, 200, 429, 429]);
    expect(Number(responses.find((r) => r.statusCode === 429)?.headers['retry-after'])).toBeGreaterThan(0);
    expect(meCalls() - before).toBe(2); // the capped tests never reached Microsoft
    app.clock.advance(61_000);
    expect((await asUser(app, admin).post('/api/v1/ms365/connection/test')).statusCode).toBe(200);
  });

  it('caps API-token creation', async () => {
    t = await startTestApp({ env: { TENANT_API_TOKENS_PER_MINUTE: '2' } });
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    const responses = await Promise.all(
      Array.from({ length: 3 }, (_, i) => asUser(app, admin).post('/api/v1/api-tokens', { name: `t${i}` })),
    );
    expect(statuses(responses)).toEqual([201, 201, 429]);
    expect((await asUser(app, admin).get('/api/v1/api-tokens')).json()).toHaveLength(2);
  });
});
