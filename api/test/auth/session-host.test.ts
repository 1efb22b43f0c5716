import { SESSION_COOKIE } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_DOMAIN, hostOf, sessionCookieOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

/** acme is the default tenant here: plain hosts (the public host, localhost, a foreign Host) serve it. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { DEFAULT_TENANT: 'acme' } });
});
afterAll(() => t.close());

const sessionOn = (cookie: string, host: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { host, cookie } });

const loginOn = async (host: string, body: Record<string, string>) => {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host }, payload: body });
  const id = sessionCookieOf(response);
  return { response, cookie: id ? `${SESSION_COOKIE}=${id}` : '' };
};

const HOSTS = {
  acme: hostOf('acme'),
  other: hostOf('other'),
  selfhost: hostOf('selfhost'),
  unknownTenant: hostOf('gibtsnicht'),
  nested: `a.b.${BASE_DOMAIN}`,
  publicHost: BASE_DOMAIN,
  localhost: 'localhost',
  foreign: 'evil.example',
};

async function hostsAccepting(cookie: string): Promise<string[]> {
  const accepted: string[] = [];
  for (const [name, host] of Object.entries(HOSTS)) {
    if ((await sessionOn(cookie, host)).statusCode === 200) accepted.push(name);
  }
  return accepted;
}

describe('a session cookie only on its own host', () => {
  it("accepts tenant other's session on other's host and nowhere else: not on the default, selfhost, unknown or foreign hosts", async () => {
    const other = await signIn(t.app, 'admin', 'admin', 'other');
    expect(await hostsAccepting(other.cookie)).toEqual(['other']);
  });

  it("accepts the default tenant's tenant-host session only on its tenant host", async () => {
    const acme = await signIn(t.app, 'admin', 'admin', 'acme');
    expect(await hostsAccepting(acme.cookie)).toEqual(['acme']);
  });

  it('accepts a session made on the default host only on default hosts, for the default tenant', async () => {
    const { response, cookie } = await loginOn('localhost', { username: 'admin', password: 'admin' });
    expect(response.statusCode).toBe(200);
    expect(response.json().tenant.slug).toBe('acme');
    expect(await hostsAccepting(cookie)).toEqual(['nested', 'publicHost', 'localhost', 'foreign']);
  });

  it('refuses a login on the default host for any tenant but the default one', async () => {
    const { response, cookie } = await loginOn(HOSTS.publicHost, {
      username: 'admin',
      password: 'admin',
      tenant: 'other',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('unknown_tenant');
    expect(cookie).toBe('');
  });

  it('accepts a selfhost session only on selfhost', async () => {
    const { response, cookie } = await loginOn(HOSTS.selfhost, {
      username: 'admin',
      password: 'admin',
      tenant: 'other',
    });
    expect(response.statusCode).toBe(200);
    expect(await hostsAccepting(cookie)).toEqual(['selfhost']);
  });
});

describe('without a default tenant', () => {
  it('serves no session and no login on the default host', async () => {
    const app = await startTestApp();
    try {
      const login = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: 'localhost' },
        payload: { username: 'admin', password: 'admin', tenant: 'acme' },
      });
      expect(login.statusCode).toBe(404);
      const acme = await signIn(app.app, 'admin', 'admin', 'acme');
      const onLocalhost = await app.app.inject({
        method: 'GET',
        url: '/api/v1/auth/session',
        headers: { host: 'localhost', cookie: acme.cookie },
      });
      expect(onLocalhost.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
