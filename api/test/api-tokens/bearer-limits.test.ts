import { afterEach, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const countStatuses = (responses: Array<{ statusCode: number }>) =>
  responses.reduce<Record<number, number>>((counts, { statusCode }) => {
    counts[statusCode] = (counts[statusCode] ?? 0) + 1;
    return counts;
  }, {});

describe('wrong bearer tokens under parallel requests', () => {
  it('looks up exactly 20 of 40 simultaneous wrong tokens from one address; a valid token still works elsewhere', async () => {
    t = await startTestApp();
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    const created = await asUser(app, admin).post('/api/v1/api-tokens', { name: 'ERP' });
    const { token } = created.json<{ token: string }>();
    const withToken = (bearer: string, ip: string) =>
      app.app.inject({
        method: 'GET',
        url: '/api/v1/ms365/connection',
        headers: { host: hostOf('acme'), authorization: `Bearer ${bearer}` },
        remoteAddress: ip,
      });

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => withToken(`ecm365_${'x'.repeat(40)}${i}`, '203.0.113.50')),
    );
    expect(countStatuses(responses)).toEqual({ 401: 20, 429: 20 });
    const blocked = responses.find((response) => response.statusCode === 429);
    expect(blocked?.json().error.code).toBe('too_many_attempts');
    expect(blocked?.headers['retry-after']).toBeDefined();

    expect((await withToken(token, '203.0.113.51')).statusCode).toBe(200);
    // Valid tokens give their try back: 25 requests with it from a fresh address are never limited.
    const valid = await Promise.all(Array.from({ length: 25 }, () => withToken(token, '203.0.113.52')));
    expect(countStatuses(valid)).toEqual({ 200: 25 });
  });
});
