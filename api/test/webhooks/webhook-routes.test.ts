import type { CreatedWebhook, WebhookInfo } from '@ecm365/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { webhookSecretContext } from '../../src/modules/webhooks/webhook-payload.js';
import { reencryptWebhookSecrets } from '../../src/modules/webhooks/reencrypt-webhook-secrets.js';
import { asUser } from '../support/connect-flow.js';
import { signIn, startTestApp, TEST_ENCRYPTION_KEY, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
let otherAdmin: SignedIn;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
  otherAdmin = await signIn(t.app, 'admin', 'admin', 'other');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.deleteFrom('webhooks').execute();
});

const register = (who: SignedIn, body: object) => asUser(t, who).post('/api/v1/webhooks', body);
const validHook = { url: 'https://hooks.example.com/ecm365', events: ['ms365.connection.connected'] };

describe('webhook registration', () => {
  it('answers 201 with the id and a whsec_ secret shown once; the list never shows it, the table holds it encrypted', async () => {
    const created = await register(admin, { ...validHook, description: 'ERP' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { id, secret } = created.json<CreatedWebhook>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const list = await asUser(t, admin).get('/api/v1/webhooks');
    expect(list.json<WebhookInfo[]>()).toEqual([
      {
        id,
        url: validHook.url,
        events: validHook.events,
        description: 'ERP',
        createdAt: expect.any(String),
        createdBy: 'admin',
      },
    ]);
    expect(list.body).not.toContain(secret);
    const stored = await t.database.db.selectFrom('webhooks').select('secret').executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^enc1:/);
    expect(stored.secret).not.toContain(secret.slice(6));
  });

  it('key rotation re-encrypts the secret under the new key; it still decrypts to the same secret', async () => {
    const { id, secret } = (await register(admin, validHook)).json<CreatedWebhook>();
    const rotated = new KeyRing([{ id: 'test2', key: Buffer.alloc(32, 0x33) }, TEST_ENCRYPTION_KEY]);
    expect(await reencryptWebhookSecrets(t.database.db, rotated)).toEqual({ webhooks: 1 });
    expect(await reencryptWebhookSecrets(t.database.db, rotated)).toEqual({ webhooks: 0 });
    const stored = await t.database.db
      .selectFrom('webhooks')
      .select('secret')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.secret.startsWith('enc1:test2:')).toBe(true);
    const onlyNewKey = new KeyRing([{ id: 'test2', key: Buffer.alloc(32, 0x33) }]);
    expect(onlyNewKey.decrypt(stored.secret, webhookSecretContext(id))).toBe(secret);
  });

  it('refuses unknown events, no events and unknown fields (400 validation_failed)', async () => {
    for (const body of [
      { ...validHook, events: ['ms365.connection.exploded'] },
      { ...validHook, events: [] },
      { ...validHook, secret: 'mine' },
      { events: validHook.events },
    ]) {
      const response = await register(admin, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('refuses URLs that cannot be a webhook target (400 webhook_url_not_allowed)', async () => {
    for (const url of [
      'ftp://hooks.example.com/',
      'not a url',
      'https://user:pw@hooks.example.com/',
      'http://0.0.0.0/',
    ]) {
      const response = await register(admin, { ...validHook, url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'webhook_url_not_allowed',
        details: { reason: expect.any(String) },
      });
    }
  });

  it('keeps tenants apart: another tenant neither lists, deletes, tests nor reads the deliveries of a webhook', async () => {
    const { id } = (await register(admin, validHook)).json<CreatedWebhook>();
    expect((await asUser(t, otherAdmin).get('/api/v1/webhooks')).json()).toEqual([]);
    for (const [method, url] of [
      ['delete', `/api/v1/webhooks/${id}`],
      ['post', `/api/v1/webhooks/${id}/test`],
      ['get', `/api/v1/webhooks/${id}/deliveries`],
    ] as const) {
      const response = await asUser(t, otherAdmin)[method](url);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await asUser(t, admin).get('/api/v1/webhooks')).json()).toHaveLength(1);
  });

  it('deletes a webhook (204), then answers 404 for it; ids that are not ids are 404 too', async () => {
    const { id } = (await register(admin, validHook)).json<CreatedWebhook>();
    expect((await asUser(t, admin).delete(`/api/v1/webhooks/${id}`)).statusCode).toBe(204);
    expect((await asUser(t, admin).delete(`/api/v1/webhooks/${id}`)).statusCode).toBe(404);
    expect((await asUser(t, admin).get('/api/v1/webhooks/not-a-uuid/deliveries')).statusCode).toBe(404);
  });

  it('needs a signed-in user of the group, and a CSRF token with the cookie', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: { host: admin.host } })).statusCode,
    ).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { host: admin.host, cookie: admin.cookie },
      payload: validHook,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    const guest = await signIn(t.app, 'gast', 'gast');
    expect((await asUser(t, guest).get('/api/v1/webhooks')).json().error.code).toBe('access_denied');
  });

  it('works with an API token with the scope webhooks:write (no CSRF token needed), not without it', async () => {
    const tokenWith = async (scopes?: string[]) =>
      (await asUser(t, admin).post('/api/v1/api-tokens', { name: 'hooks', ...(scopes ? { scopes } : {}) })).json()
        .token as string;
    const registerWith = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { host: admin.host, authorization: `Bearer ${token}` },
        payload: validHook,
      });
    expect((await registerWith(await tokenWith(['webhooks:write']))).statusCode).toBe(201);
    // A token that names no scopes has ms365:read + ms365:write, as tokens made before scopes existed.
    const refused = await registerWith(await tokenWith());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'insufficient_scope', details: { scope: 'webhooks:write' } });
  });

  it('caps the number of webhooks per tenant (409 webhook_limit_reached)', async () => {
    for (let i = 0; i < 20; i++) expect((await register(admin, validHook)).statusCode).toBe(201);
    const over = await register(admin, validHook);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('webhook_limit_reached');
  });
});

describe('webhook URLs in a production-like configuration', () => {
  it('refuses loopback, private and link-local targets, also spelled as names or mapped addresses, when ops do not allow them', async () => {
    const strict = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } });
    try {
      const user = await signIn(strict.app, 'admin', 'admin');
      for (const url of [
        'http://127.0.0.1:8080/',
        'https://localhost/',
        'https://10.1.2.3/',
        'https://[::1]/',
        'https://169.254.169.254/',
        'https://[::ffff:127.0.0.1]/',
      ]) {
        const response = await asUser(strict, user).post('/api/v1/webhooks', { ...validHook, url });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.code).toBe('webhook_url_not_allowed');
      }
    } finally {
      await strict.close();
    }
  });
});
