import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, SECRET_USER, signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOG_LEVEL: 'trace' } });
});
afterAll(() => t.close());

describe('audit trail and secrets', () => {
  it('records login success, failure and logout with who, tenant and outcome', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme') },
      payload: { username: 'gast', password: 'falsch' },
    });
    const signedIn = await signIn(t.app, 'admin', 'admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { host: signedIn.host, cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });
    const events = await t.database.db
      .selectFrom('auditEvents')
      .select(['tenantSlug', 'actor', 'action', 'outcome', 'details'])
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      {
        tenantSlug: 'acme',
        actor: 'gast',
        action: 'auth.login',
        outcome: 'failure',
        details: { code: 'invalid_credentials' },
      },
      { tenantSlug: 'acme', actor: 'admin', action: 'auth.login', outcome: 'success', details: { groupMember: true } },
      { tenantSlug: 'acme', actor: 'admin', action: 'auth.logout', outcome: 'success', details: {} },
    ]);
  });

  it('never writes the password, the cookie, the session id or the CSRF token to logs or tables', async () => {
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme') },
      payload: { username: SECRET_USER.name, password: `${SECRET_USER.password}-wrong` },
    });
    expect(failed.statusCode).toBe(401);
    const signedIn = await signIn(t.app, SECRET_USER.name, SECRET_USER.password);
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host: signedIn.host, cookie: signedIn.cookie },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { host: signedIn.host, cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });

    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(5); // the trace level really logged the requests
    for (const secret of [SECRET_USER.password, signedIn.sessionId, signedIn.csrfToken]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(/ecm365_session=/);

    const tables = await sql<{ dump: string }>`
      select (select coalesce(json_agg(s), '[]') from sessions s)::text
          || (select coalesce(json_agg(a), '[]') from audit_events a)::text
          || (select coalesce(json_agg(l), '[]') from throttle_counters l)::text as dump`.execute(t.database.db);
    const dump = tables.rows[0]?.dump ?? '';
    expect(dump).toContain(SECRET_USER.name);
    expect(dump).not.toContain(SECRET_USER.password);
    expect(dump).not.toContain(signedIn.sessionId);
  });
});
