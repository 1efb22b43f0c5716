import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { ServerError } from '@azure/msal-node';
import { fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../src/microsoft/index.js';
import { CLIENT_ID, connect, createMsalClient, useTestEmulator } from './support.js';

const ms = useTestEmulator();

async function request(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${ms.emulator.origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
    dispatcher: ms.agent,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('discovery', () => {
  it('should publish an Entra-shaped openid-configuration with the {tenantid} issuer placeholder', async () => {
    const config = JSON.parse(ms.emulator.authorityMetadata()) as Record<string, string>;
    expect(config.issuer).toBe(`${ms.emulator.origin}/{tenantid}/v2.0`);
    // The browser's page without a certificate warning; what msal calls itself stays on TLS.
    expect(config.authorization_endpoint).toBe(`${ms.emulator.browserOrigin}/organizations/oauth2/v2.0/authorize`);
    expect(ms.emulator.browserOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(config.token_endpoint).toBe(`${ms.emulator.origin}/organizations/oauth2/v2.0/token`);
    const served = await request('GET', '/organizations/v2.0/.well-known/openid-configuration');
    expect(served.json()).toEqual(config);
  });

  it('should resolve a tenant domain to its GUID and reject unknown tenants (AADSTS90002)', async () => {
    const byDomain = (await request('GET', '/contoso.example/v2.0/.well-known/openid-configuration')).json();
    expect(byDomain.issuer).toBe(`${ms.emulator.origin}/${CONTOSO_TENANT_ID}/v2.0`);
    const unknown = await request('GET', '/nirgendwo.example/v2.0/.well-known/openid-configuration');
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('should sign tokens with the key published in the JWKS', async () => {
    const { accessToken } = await connect(ms.emulator, createMsalClient(ms.emulator, ms.agent), ms.agent);
    const { keys } = (await request('GET', '/organizations/discovery/v2.0/keys')).json() as { keys: JsonWebKey[] };
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const key = createPublicKey({ key: keys[0] ?? {}, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: CONTOSO_TENANT_ID,
      upn: 'admin@contoso.example',
    });
    expect(claims.scp).toBe('User.Read Mail.ReadWrite.Shared openid profile');
  });
});

describe('controls over HTTP', () => {
  it('should fail the next token request with 503 and count it', async () => {
    const set = await request('POST', '/_emulator/fail-next', { target: 'token', status: 503, retryAfterSeconds: 0 });
    expect(set.status).toBe(204);
    const err = await connect(ms.emulator, createMsalClient(ms.emulator, ms.agent), ms.agent).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).errorCode).toBe('temporarily_unavailable');
    const stats = (await request('GET', '/_emulator/stats')).json();
    expect(stats).toMatchObject({ tokenRequests: { authorization_code: 1 }, accessTokensIssued: 0 });
  });

  it('should reject bad input with 400 and a message', async () => {
    const cases: Array<[string, unknown]> = [
      ['/_emulator/fail-next', { target: 'graph', status: 418 }],
      ['/_emulator/fail-next', { target: 'both', status: 429 }],
      ['/_emulator/revoke-refresh-tokens', { upn: 'niemand@contoso.example' }],
      ['/_emulator/token-lifetimes', { accessTokenSeconds: -1 }],
      ['/_emulator/latency', { target: 'graph', ms: '100' }],
      [
        '/_emulator/mailbox-access',
        { upn: 'admin@contoso.example', mailbox: 'rechnungen@contoso.example', allowed: 'yes' },
      ],
      ['/_emulator/admin-consent-required', { tenantId: CONTOSO_TENANT_ID, required: true, extra: 1 }],
      ['/_emulator/client-secret-expired', ['not', 'an', 'object']],
    ];
    for (const [path, body] of cases) {
      const answer = await request('POST', path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.json(), path).toMatchObject({ error: { code: 'invalid_control_input' } });
    }
  });

  it('should set everything through HTTP and reset it again', async () => {
    const calls: Array<[string, unknown]> = [
      ['revoke-refresh-tokens', { upn: 'admin@contoso.example' }],
      ['admin-consent-required', { tenantId: CONTOSO_TENANT_ID, required: true }],
      ['admin-consent-granted', { tenantId: CONTOSO_TENANT_ID, clientId: CLIENT_ID, granted: true }],
      ['interaction-required', { upn: 'admin@contoso.example', required: true }],
      ['token-lifetimes', { accessTokenSeconds: 60, refreshTokenSeconds: 3600, authCodeSeconds: 60 }],
      ['client-secret-expired', { clientId: CLIENT_ID, expired: true }],
      ['latency', { target: 'token', ms: 10 }],
      ['mailbox-access', { upn: 'ohne-zugriff@contoso.example', mailbox: 'rechnungen@contoso.example', allowed: true }],
      ['reset', {}],
    ];
    for (const [path, body] of calls)
      expect((await request('POST', `/_emulator/${path}`, body)).status, path).toBe(204);
    expect((await request('POST', '/_emulator/reset')).status).toBe(204);
    const result = await connect(ms.emulator, createMsalClient(ms.emulator, ms.agent), ms.agent);
    expect(result.account?.username).toBe('admin@contoso.example');
  });

  it('should hand out the CA certificate', async () => {
    const answer = await request('GET', '/_emulator/ca.pem');
    expect(answer.text).toBe(ms.emulator.caCertPem);
    expect(answer.text).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});

describe('junk input', () => {
  const junk: Array<[string, string, string?, string?]> = [
    ['GET', '/organizations/oauth2/v2.0/authorize'],
    ['GET', '/organizations/oauth2/v2.0/authorize?client_id=a&client_id=b'],
    ['GET', `/organizations/oauth2/v2.0/authorize?client_id=${CLIENT_ID}&redirect_uri=%ZZ`],
    ['GET', '/%00/oauth2/v2.0/authorize'],
    ['GET', '/organizations/v2.0/adminconsent?client_id[]=x'],
    ['POST', '/organizations/login', 'interaction=nope&action=accept', 'application/x-www-form-urlencoded'],
    ['POST', '/organizations/login', '', 'application/x-www-form-urlencoded'],
    ['POST', '/organizations/login', '{"a":1}', 'application/json'],
    ['GET', '/v1.0/users/%E0%A4%A/mailFolders/inbox'],
    ['GET', '/v1.0/me/mailFolders/inbox/messages?$top=abc'],
    ['GET', '/v1.0/nothing/here'],
    ['GET', '/__proto__/discovery/v2.0/keys'],
    ['POST', '/_emulator/fail-next', '{', 'application/json'],
    ['POST', '/_emulator/reset', 'x'.repeat(70_000), 'application/json'],
    ['PUT', '/organizations/oauth2/v2.0/token', 'a=b', 'application/x-www-form-urlencoded'],
  ];

  it('should answer every request with a 4xx, never a 5xx', async () => {
    for (const [method, path, body, type] of junk) {
      const answer = await request(method, path, body, type);
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      expect(answer.text, `${method} ${path}`).not.toMatch(/\bat .+\.ts:\d+/);
    }
  });
});
