import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterAll(() => t.close());

const withBearer = (
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  slug = 'acme',
) =>
  t.app.inject({
    method,
    url,
    headers: { host: hostOf(slug), authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });

async function createToken(who: SignedIn, body: object = { name: 'ERP import' }) {
  const response = await asUser(t, who).post('/api/v1/api-tokens', body);
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('API tokens', () => {
  it('are shown once, listed without the secret, and stored only as a hash', async () => {
    const created = await createToken(admin, { name: 'ERP import', expiresInDays: 30 });
    expect(created).toMatchObject({ name: 'ERP import', createdBy: 'admin', lastUsedAt: null });
    expect(created.token).toMatch(/^ecm365_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const list = await asUser(t, admin).get('/api/v1/api-tokens');
    expect(list.body).not.toContain(created.token);
    expect(list.json()).toContainEqual(expect.objectContaining({ id: created.id, name: 'ERP import' }));
    const stored = JSON.stringify(await t.database.db.selectFrom('apiTokens').selectAll().execute());
    expect(stored).not.toContain(created.token);
  });

  it('work as Bearer on the Microsoft 365 routes without CSRF, and record their use', async () => {
    const { id, token } = await createToken(admin);
    const status = await withBearer(token, 'GET', '/api/v1/ms365/connection');
    expect(status.statusCode).toBe(200);
    expect(status.json().status).toBe('not_connected');
    const feature = await withBearer(token, 'PUT', '/api/v1/ms365/features/invoice-mail-import', {
      enabled: false,
      mailbox: null,
    });
    expect(feature.statusCode).toBe(200);
    const connect = await withBearer(token, 'POST', '/api/v1/ms365/connect');
    expect(connect.statusCode).toBe(201);
    const listed = (await asUser(t, admin).get('/api/v1/api-tokens'))
      .json()
      .find((row: { id: string }) => row.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actor'])
      .where('action', '=', 'ms365.feature')
      .execute();
    expect(audit).toContainEqual({ action: 'ms365.feature', actor: 'admin' });
  });

  it('are not accepted for session routes and cannot mint more tokens', async () => {
    const { token } = await createToken(admin);
    expect((await withBearer(token, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await withBearer(token, 'POST', '/api/v1/api-tokens', { name: 'more' })).statusCode).toBe(401);
  });

  it('stop working when deleted or expired', async () => {
    const { id, token } = await createToken(admin);
    expect((await asUser(t, admin).delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    const deleted = await withBearer(token, 'GET', '/api/v1/ms365/connection');
    expect(deleted.statusCode).toBe(401);
    expect(deleted.json().error.code).toBe('not_authenticated');

    const expiring = await createToken(admin, { name: 'short', expiresInDays: 1 });
    expect((await withBearer(expiring.token, 'GET', '/api/v1/ms365/connection')).statusCode).toBe(200);
    t.clock.advance(86_400_000 + 1000);
    onTestFinished(() => t.clock.advance(-(86_400_000 + 1000))); // also when an assertion fails
    expect((await withBearer(expiring.token, 'GET', '/api/v1/ms365/connection')).statusCode).toBe(401);
  });

  it('are scoped to their tenant', async () => {
    const { id, token } = await createToken(admin);
    const otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
    expect(
      (await asUser(t, otherAdmin).get('/api/v1/api-tokens')).json().map((row: { id: string }) => row.id),
    ).not.toContain(id);
    expect((await asUser(t, otherAdmin).delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(404);
    // Like a session, a token belongs to its tenant's host: on other's host it is nobody's.
    const onOtherHost = await withBearer(token, 'GET', '/api/v1/ms365/connection', undefined, 'other');
    expect(onOtherHost.statusCode).toBe(401);
    expect((await withBearer(token, 'GET', '/api/v1/ms365/connection')).statusCode).toBe(200);
  });

  it('can only be created by users allowed by the group rule', async () => {
    const gast = await signIn(t.app, 'gast', 'gast');
    const response = await asUser(t, gast).post('/api/v1/api-tokens', { name: 'nope' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Zugriff nicht erlaubt');
  });

  it('reject junk bearer values and bad input', async () => {
    for (const value of ['', 'x', 'ecm365_' + 'a'.repeat(43), 'Basic abc']) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/ms365/connection',
        headers: { host: hostOf('acme'), authorization: value.startsWith('Basic') ? value : `Bearer ${value}` },
      });
      expect(response.statusCode, value).toBe(401);
    }
    for (const body of [
      {},
      { name: '' },
      { name: 'x', expiresInDays: 0 },
      { name: 'x', expiresInDays: 1.5 },
      { name: 'x', scope: 'all' },
    ]) {
      expect((await asUser(t, admin).post('/api/v1/api-tokens', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await asUser(t, admin).delete('/api/v1/api-tokens/not-a-uuid')).statusCode).toBe(404);
  });
});
