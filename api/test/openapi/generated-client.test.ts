import { createEcm365Client } from '@ecm365/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  // 127.0.0.1 names no tenant: it serves the default tenant, and a session made there is valid there.
  t = await startTestApp({ env: { DEFAULT_TENANT: 'acme' } });
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

describe('an integrator with @ecm365/client (generated from /openapi.json)', () => {
  it('signs in, creates an API token, and reads the connection status with it', async () => {
    // The CSRF token of the session, once there is one: the client sends it on every unsafe request.
    const session: { csrfToken?: string } = {};
    const api = createEcm365Client({ baseUrl, csrf: () => session.csrfToken });

    const login = await api.POST('/api/v1/auth/login', {
      body: { username: 'admin', password: 'admin', tenant: 'acme' },
    });
    expect(login.response.status).toBe(200);
    const cookie = login.response.headers.get('set-cookie')?.split(';')[0] as string;
    session.csrfToken = login.data?.csrfToken;
    expect(login.data?.ms365Access.allowed).toBe(true);

    const created = await api.POST('/api/v1/api-tokens', {
      body: { name: 'ERP import', expiresInDays: 90 },
      headers: { cookie },
    });
    expect(created.response.status).toBe(201);
    const token = created.data?.token as string;

    const integrator = createEcm365Client({ baseUrl, headers: { authorization: `Bearer ${token}` } });
    const status = await integrator.GET('/api/v1/ms365/connection');
    expect(status.response.status).toBe(200);
    expect(status.data).toMatchObject({
      status: 'not_connected',
      features: [{ id: 'invoice-mail-import', enabled: false }],
    });

    const enabled = await integrator.PUT('/api/v1/ms365/features/invoice-mail-import', {
      body: { enabled: true, mailbox: 'rechnungen@contoso.example' },
    });
    expect(enabled.data).toMatchObject({ enabled: true, mailbox: 'rechnungen@contoso.example' });

    const refused = await integrator.POST('/api/v1/ms365/connection', { body: { code: 'not a code' } });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.error.code).toBe('invalid_code_format');
  });
});
