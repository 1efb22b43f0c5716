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

/** How many logins reached tenant acme's ELO. */
const eloLogins = (app: TestApp) =>
  app.elo.controls.calls().filter((call) => call.repository === 'acme' && call.fn === 'login').length;

const countStatuses = (responses: Array<{ statusCode: number }>) =>
  responses.reduce<Record<number, number>>((counts, { statusCode }) => {
    counts[statusCode] = (counts[statusCode] ?? 0) + 1;
    return counts;
  }, {});

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

describe('login limits under parallel requests', () => {
  it('lets exactly five of 30 simultaneous wrong passwords for one user, from 30 addresses, reach ELO', async () => {
    t = await startTestApp();
    const app = t;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(app, 'admin', `wrong-${i}`, `198.51.100.${i + 1}`)),
    );
    expect(eloLogins(app)).toBe(5);
    expect(countStatuses(responses)).toEqual({ 401: 5, 429: 25 });
    const blocked = responses.find((response) => response.statusCode === 429);
    expect(blocked?.json().error.code).toBe('too_many_attempts');
    expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets exactly 20 of 40 simultaneous failed logins from one address reach ELO', async () => {
    t = await startTestApp();
    const app = t;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(app, `user-${i}`, 'wrong', '203.0.113.9')),
    );
    expect(eloLogins(app)).toBe(20);
    expect(countStatuses(responses)).toEqual({ 401: 20, 429: 20 });
    // Another address is not affected.
    expect((await login(app, 'admin', 'admin', '203.0.113.10')).statusCode).toBe(200);
  });

  it('gives the tries of successful logins back, so a burst of right passwords is not limited', async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_USER: '3', LOGIN_MAX_FAILURES_PER_IP: '3' } });
    const app = t;
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all(Array.from({ length: 3 }, () => login(app, 'admin', 'admin', '192.0.2.1')));
      expect(countStatuses(responses)).toEqual({ 200: 3 });
    }
    expect((await login(app, 'admin', 'wrong', '192.0.2.1')).statusCode).toBe(401);
  });

  it('does not count ELO being unavailable against the user or the address', async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_USER: '2', LOGIN_MAX_FAILURES_PER_IP: '2' } });
    const app = t;
    app.elo.controls.setAvailability('down');
    // One after the other: tries in flight do count (that is what holds a burst), finished ones are given back.
    for (let i = 0; i < 4; i++) expect((await login(app, 'admin', 'admin', '192.0.2.2')).statusCode).toBe(502);
    app.elo.controls.setAvailability('up');
    expect((await login(app, 'admin', 'admin', '192.0.2.2')).statusCode).toBe(200);
  });
});
