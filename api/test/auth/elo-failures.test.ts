import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterEach(() => t.elo.controls.reset());
afterAll(() => t.close());

const login = () =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { host: hostOf('acme') },
    payload: { username: 'admin', password: 'admin' },
  });

describe('when ELO misbehaves', () => {
  it('answers 502 elo_unavailable when ELO is down', async () => {
    t.elo.controls.setAvailability('down');
    const response = await login();
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('elo_unavailable');
  });

  it('answers 502 elo_unavailable within a bounded time when ELO is slow', async () => {
    t.elo.controls.setLatency(5000);
    const started = Date.now();
    const response = await login();
    expect(response.statusCode).toBe(502);
    expect(Date.now() - started).toBeLessThan(4000); // ELO_TIMEOUT_MS is 1500 in tests
  });

  it('explains that password login is switched off on this ELO', async () => {
    t.elo.controls.setPasswordLoginDisabled('acme', true);
    const response = await login();
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({
      code: 'password_login_disabled',
      message: 'Anmeldung mit ELO-Benutzer und Kennwort ist auf diesem ELO deaktiviert.',
    });
  });

  it('does not count ELO outages as failed logins', async () => {
    t.elo.controls.setAvailability('down');
    for (let i = 0; i < 6; i++) expect((await login()).statusCode).toBe(502);
    t.elo.controls.reset();
    expect((await login()).statusCode).toBe(200);
  });
});
