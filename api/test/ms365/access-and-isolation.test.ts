import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { asUser, codeOf, walkConnector } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ROUTES: Array<[method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object]> = [
  ['POST', '/api/v1/ms365/connect'],
  ['GET', '/api/v1/ms365/connect/some-attempt'],
  ['GET', '/api/v1/ms365/connect/some-attempt/authorize'],
  ['GET', '/api/v1/ms365/connect/some-attempt/code'],
  ['POST', '/api/v1/ms365/connection', { code: 'X' }],
  ['GET', '/api/v1/ms365/connection'],
  ['POST', '/api/v1/ms365/connection/test'],
  ['DELETE', '/api/v1/ms365/connection'],
  ['PUT', '/api/v1/ms365/features/invoice-mail-import', { enabled: false, mailbox: null }],
];

const call = (who: SignedIn | undefined, [method, url, payload]: (typeof ROUTES)[number], csrf = true) =>
  t.app.inject({
    method,
    url,
    headers: {
      host: who?.host ?? hostOf('acme'),
      ...(who ? { cookie: who.cookie } : {}),
      ...(who && csrf ? { 'x-csrf-token': who.csrfToken } : {}),
    },
    ...(payload ? { payload } : {}),
  });

describe('who may use the Microsoft 365 routes', () => {
  it.each(ROUTES)('%s %s answers 403 "Zugriff nicht erlaubt" to a user outside the group', async (...route) => {
    const gast = await signIn(t.app, 'gast', 'gast');
    const response = await call(gast, route);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'access_denied', message: 'Zugriff nicht erlaubt' });
  });

  it.each(ROUTES)('%s %s answers 401 without a session', async (...route) => {
    expect((await call(undefined, route)).statusCode).toBe(401);
  });

  it.each(ROUTES.filter(([method]) => method !== 'GET'))('%s %s needs the CSRF token', async (...route) => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const response = await call(admin, route, false);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('lets everyone in during the grace period', async () => {
    await t.database.db.updateTable('tenants').set({ graceUntil: '2999-01-01' }).where('slug', '=', 'acme').execute();
    // Reset even when an assertion fails: the other tests need the group rule in force.
    onTestFinished(async () => {
      await t.database.db.updateTable('tenants').set({ graceUntil: null }).where('slug', '=', 'acme').execute();
    });
    const gast = await signIn(t.app, 'gast', 'gast');
    expect((await asUser(t, gast).post('/api/v1/ms365/connect')).statusCode).toBe(201);
  });
});

describe('tenant and session isolation', () => {
  it("another tenant's attempt id and code get nowhere", async () => {
    const acmeAdmin = await signIn(t.app, 'admin', 'admin', 'acme');
    const { attemptId } = await walkConnector(t, acmeAdmin, { account: 'admin@contoso.example', action: 'accept' });
    const code = (await asUser(t, acmeAdmin).get(`/api/v1/ms365/connect/${attemptId}/code`)).json().code;

    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    const other = asUser(t, otherAdmin);
    for (const path of ['', '/authorize', '/code']) {
      const response = await other.get(`/api/v1/ms365/connect/${attemptId}${path}`);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('attempt_not_found');
    }
    expect((await other.post('/api/v1/ms365/connection', { code })).json().error.code).toBe('invalid_code');
    expect((await other.get('/api/v1/ms365/connection')).json().status).toBe('not_connected');

    // acme's connection is untouched by all that, and other's disconnect does not reach it.
    expect((await asUser(t, acmeAdmin).post('/api/v1/ms365/connection', { code })).statusCode).toBe(200);
    expect((await other.delete('/api/v1/ms365/connection')).statusCode).toBe(204);
    expect((await asUser(t, acmeAdmin).get('/api/v1/ms365/connection')).json().status).toBe('connected');
  });

  it('shows the code only to the session that started the attempt', async () => {
    const first = await signIn(t.app, 'admin', 'admin');
    const { attemptId } = await walkConnector(t, first, { account: 'admin@contoso.example', action: 'accept' });
    const second = await signIn(t.app, 'admin', 'admin');
    expect((await asUser(t, second).get(`/api/v1/ms365/connect/${attemptId}/code`)).statusCode).toBe(404);
    expect((await asUser(t, first).get(`/api/v1/ms365/connect/${attemptId}/code`)).statusCode).toBe(200);
  });

  it('sends a callback that reaches a host where this browser has no session to the connector, to be explained', async () => {
    // E.g. the portal was opened as 127.0.0.1 while its public URL says localhost: Microsoft returns to the latter.
    const admin = await signIn(t.app, 'admin', 'admin');
    const fresh = (await asUser(t, admin).post('/api/v1/ms365/connect')).json();
    const microsoftUrl = (await asUser(t, admin).get(`/api/v1/ms365/connect/${fresh.attemptId}/authorize`)).headers
      .location as string;
    const state = new URL(microsoftUrl).searchParams.get('state') as string;
    const arrival = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/callback?code=some-code&state=${encodeURIComponent(state)}`,
      headers: { host: admin.host },
    });
    expect(arrival.headers.location).toBe(
      `http://acme.ecm365.test/connector/${fresh.attemptId}?error=session_mismatch`,
    );
    // What the connector page then asks: 401, which it explains (no session under this address) instead of a
    // bare login form.
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/connect/${fresh.attemptId}`,
      headers: { host: admin.host },
    });
    expect(page.statusCode).toBe(401);
    expect(page.json().error.code).toBe('not_authenticated');
  });

  it("does not complete an attempt in someone else's browser (OAuth login CSRF)", async () => {
    const attacker = await signIn(t.app, 'admin', 'admin');
    const victim = await signIn(t.app, 'direkt', 'direkt');
    const user = asUser(t, attacker);
    const { attemptId } = (await user.post('/api/v1/ms365/connect')).json();
    // The attacker's Microsoft link is opened by the victim; Microsoft redirects the victim's browser back to us.
    const microsoftUrl = (await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`)).headers.location as string;
    const state = new URL(microsoftUrl).searchParams.get('state') as string;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/callback?code=victims-code&state=${encodeURIComponent(state)}`,
      headers: { host: victim.host, cookie: victim.cookie },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`http://acme.ecm365.test/connector/${attemptId}?error=session_mismatch`);
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}`)).json().status).toBe('pending');
  });

  it('redirects a callback that arrives on the public host to the tenant host, where the session lives', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const user = asUser(t, admin);
    const { attemptId } = (await user.post('/api/v1/ms365/connect')).json();
    const state = new URL(
      (await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`)).headers.location as string,
    ).searchParams.get('state') as string;
    const hop = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/callback?code=c&state=${encodeURIComponent(state)}`,
      headers: { host: 'ecm365.test' },
    });
    expect(hop.statusCode).toBe(303);
    const next = new URL(hop.headers.location as string);
    expect(next.origin).toBe('http://acme.ecm365.test');
    expect(next.pathname).toBe('/api/v1/ms365/callback');
    expect(next.searchParams.get('state')).toBe(state);
  });

  it('never sends the connector to a foreign origin', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ms365/connect',
      headers: {
        host: admin.host,
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'x-forwarded-host': 'evil.example',
      },
    });
    expect(response.json().connectorUrl.startsWith('http://acme.ecm365.test/connector/')).toBe(true);
  });

  it('follows the return host a state names only to a portal origin, and never for an unknown state', async () => {
    const hinted = (origin: string) => `made-up.${'x'.repeat(32)}.${Buffer.from(origin).toString('base64url')}`;
    const arrive = (state: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/ms365/callback?code=c&state=${encodeURIComponent(state)}`,
        headers: { host: 'ecm365.test' },
      });
    // A foreign origin in a forged state: not followed; the state is unknown.
    const foreign = await arrive(hinted('https://evil.example'));
    expect(foreign.statusCode).toBe(303);
    expect(foreign.headers.location).toBe('http://ecm365.test/connector/unknown?error=invalid_state');
    // A tenant host: followed there (as any link to that host could), where the unknown state ends the same way.
    const tenant = await arrive(hinted('http://acme.ecm365.test'));
    const next = new URL(tenant.headers.location as string);
    expect(`${next.origin}${next.pathname}`).toBe('http://acme.ecm365.test/api/v1/ms365/callback');
    const there = await t.app.inject({
      method: 'GET',
      url: `${next.pathname}${next.search}`,
      headers: { host: next.host },
    });
    expect(there.headers.location).toBe('http://ecm365.test/connector/unknown?error=invalid_state');
  });

  it('keeps the code hidden from a redeemed attempt, and from a plain status read', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const user = asUser(t, admin);
    const { attemptId } = await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' });
    const code = await codeOf(t, admin, attemptId);
    expect((await user.post('/api/v1/ms365/connection', { code })).statusCode).toBe(200);

    const shown = await user.get(`/api/v1/ms365/connect/${attemptId}/code`);
    expect(shown.statusCode).toBe(410);
    expect(shown.json().error.code).toBe('code_redeemed');
    expect(shown.body).not.toContain(code);
    const attempt = await user.get(`/api/v1/ms365/connect/${attemptId}`);
    expect(attempt.json().status).toBe('redeemed');
    expect(attempt.body).not.toContain(code);
    const status = await user.get('/api/v1/ms365/connection');
    expect(status.json().status).toBe('connected');
    expect(status.body).not.toContain(code);
  });
});

describe('routes without a request body', () => {
  it('reject a body with fields as unknown fields, and accept none or {}', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const user = asUser(t, admin);
    const withField = await user.post('/api/v1/ms365/connect', { scope: 'everything' });
    expect(withField.statusCode).toBe(400);
    expect(withField.json().error.code).toBe('validation_failed');
    expect((await user.post('/api/v1/ms365/connect', {})).statusCode).toBe(201);
    expect((await user.post('/api/v1/ms365/connect')).statusCode).toBe(201);
    expect((await user.post('/api/v1/ms365/connection/test', { now: true })).statusCode).toBe(400);
  });
});
