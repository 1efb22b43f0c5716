import { afterEach, describe, expect, it } from 'vitest';
import { hostOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const login = (app: TestApp, username: string, password: string, ip = '203.0.113.7') =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { host: hostOf('acme') },
    remoteAddress: ip,
    payload: { username, password },
  });

describe('login rate limits', () => {
  it('blocks a user name after five failures with 429 and Retry-After, even with the right password', async () => {
    t = await startTestApp();
    for (let i = 0; i < 5; i++) expect((await login(t, 'admin', `wrong-${i}`)).statusCode).toBe(401);
    const blocked = await login(t, 'admin', 'admin');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    // Another user from another address is not affected.
    expect((await login(t, 'gast', 'gast', '198.51.100.1')).statusCode).toBe(200);
    // The window passes; the user may try again.
    t.clock.advance(901_000);
    expect((await login(t, 'admin', 'admin')).statusCode).toBe(200);
  });

  it('treats user names case-insensitively for counting', async () => {
    t = await startTestApp();
    for (const name of ['Admin', 'ADMIN', 'admin', 'aDmin', 'admiN']) await login(t, name, 'wrong');
    expect((await login(t, 'admin', 'admin')).statusCode).toBe(429);
  });

  it('blocks a client address after its failures across many user names', async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '3' } });
    for (const name of ['a', 'b', 'c']) expect((await login(t, name, 'x')).statusCode).toBe(401);
    const blocked = await login(t, 'admin', 'admin');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await login(t, 'admin', 'admin', '192.0.2.55')).statusCode).toBe(200);
  });

  it('forgives a user name its failures after a successful login', async () => {
    t = await startTestApp();
    for (let i = 0; i < 4; i++) await login(t, 'admin', 'wrong');
    expect((await login(t, 'admin', 'admin')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(t, 'admin', 'wrong');
    expect((await login(t, 'admin', 'admin')).statusCode).toBe(200);
  });
});
