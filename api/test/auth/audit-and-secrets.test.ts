import { randomBytes } from 'node:crypto';
import { formatMs365Code } from '@ecm365/shared';
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

  it('keeps secrets that a client misplaced in a URL out of the log, recognised by name and by shape', async () => {
    const signedIn = await signIn(t.app, 'admin', 'admin');
    const token = `ecm365_${randomBytes(32).toString('base64url')}`;
    const code = formatMs365Code(randomBytes(17));
    const jwt = `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.${randomBytes(64).toString('base64url')}`;
    const urls = [
      `/api/v1/ms365/connection?token=${token}`,
      `/api/v1/ms365/connection?api_key=${token}`,
      `/api/v1/ms365/connection?ecm365_session=${signedIn.sessionId}`,
      `/api/v1/ms365/connection?csrfToken=${signedIn.csrfToken}`,
      `/api/v1/ms365/connection?q=${code}`,
      `/api/v1/ms365/connection?id=${jwt}`,
      `/api/v1/ms365/connect/${token}/authorize`,
    ];
    const before = t.logs.length;
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url, headers: { host: signedIn.host } });
      expect(response.statusCode).toBeLessThan(500);
    }
    const logs = t.logs.slice(before).join('\n');
    expect(logs).toContain('/api/v1/ms365/connection?token=[redacted]');
    expect(logs).toContain('/api/v1/ms365/connect/[redacted]/authorize');
    for (const secret of [token, signedIn.sessionId, signedIn.csrfToken, code, jwt]) {
      expect(logs).not.toContain(secret);
    }
  });
});
