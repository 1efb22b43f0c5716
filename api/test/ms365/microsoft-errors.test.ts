import type { AttemptResponse } from '@ecm365/shared';
import { CONTOSO_TENANT_ID } from '@ecm365/emulators';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerConsentPage } from '@ecm365/emulators';
import { Agent, fetch } from 'undici';
import { asUser, followCallback, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, TEST_CLIENT, type SignedIn, type TestApp } from '../support/test-app.js';

const clientCredentials = { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret };

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterEach(() => t.microsoft.controls.reset());
afterAll(() => t.close());

async function failedAttempt(choice: { account?: string; action: 'accept' | 'cancel' }): Promise<AttemptResponse> {
  const { attempt } = await walkConnector(t, admin, choice);
  expect(attempt.status).toBe('failed');
  return attempt;
}

describe('Microsoft errors in the connector window (SPEC §5)', () => {
  it('cancelled at Microsoft: not set up, try again', async () => {
    const attempt = await failedAttempt({ action: 'cancel' });
    expect(attempt.error).toMatchObject({
      kind: 'cancelled',
      aadstsCode: 'AADSTS65004',
      message: expect.stringContaining('Bitte versuchen Sie es erneut'),
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(attempt.error?.adminConsentUrl).toBeUndefined();
  });

  it('admin approval required (AADSTS90094): explains it and offers an admin-consent link to forward', async () => {
    t.microsoft.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const attempt = await failedAttempt({ account: 'ohne-zugriff@contoso.example', action: 'accept' });
    expect(attempt.error).toMatchObject({ kind: 'consent_required', aadstsCode: 'AADSTS90094' });
    const link = new URL(attempt.error?.adminConsentUrl ?? '');
    // Microsoft's page for a browser: the emulator serves it over plain http.
    expect(link.origin).toBe(t.microsoft.browserOrigin);
    expect(link.pathname).toBe('/organizations/v2.0/adminconsent');
    expect(link.searchParams.get('client_id')).toBe(TEST_CLIENT.clientId);
    expect(link.searchParams.get('redirect_uri')).toBe('http://ecm365.test/api/v1/ms365/callback');
    // Required by Microsoft (AADSTS900144 without it): the requested Graph permissions, resource-qualified.
    expect(link.searchParams.get('scope')).toBe('https://graph.microsoft.com/User.Read');
    // A random value, bound server-side; nothing of the attempt in it.
    const state = link.searchParams.get('state') ?? '';
    expect(state).toMatch(/^admin-consent\.[A-Za-z0-9_-]{32}$/);
    expect(state).not.toContain(attempt.attemptId);
  });

  it('consent missing (consent_required, AADSTS65001): the same explanation and an admin-consent link', async () => {
    const { microsoftRedirect } = await walkConnector(t, admin, {
      account: 'admin@contoso.example',
      action: 'accept',
      stopBeforeCallback: true,
    });
    // What Microsoft sends when the user may not consent: error instead of code, with our state.
    const back = new URL(microsoftRedirect);
    const refused = new URL(back.origin + back.pathname);
    refused.searchParams.set('error', 'consent_required');
    refused.searchParams.set(
      'error_description',
      "AADSTS65001: The user or administrator has not consented to use the application with ID '…'.\r\n" +
        'Trace ID: 0f0e0d0c-0000-4000-8000-000000000001\r\nCorrelation ID: 7a1b2c3d-0000-4000-8000-00000000abcd',
    );
    refused.searchParams.set('state', back.searchParams.get('state') ?? '');
    await followCallback(t, admin, refused.href);
    const attemptId = (back.searchParams.get('state') ?? '').split('.')[0] ?? '';
    const attempt = (await asUser(t, admin).get(`/api/v1/ms365/connect/${attemptId}`)).json<AttemptResponse>();
    expect(attempt.error).toMatchObject({
      kind: 'consent_required',
      aadstsCode: 'AADSTS65001',
      correlationId: '7a1b2c3d-0000-4000-8000-00000000abcd',
    });
    expect(new URL(attempt.error?.adminConsentUrl ?? '').searchParams.get('scope')).toContain(
      'https://graph.microsoft.com/',
    );
  });

  it('the administrator follows the link: consent at Microsoft, the state is checked on the way back, once', async () => {
    t.microsoft.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const attempt = await failedAttempt({ account: 'ohne-zugriff@contoso.example', action: 'accept' });
    const { location } = await answerConsentPage(attempt.error?.adminConsentUrl ?? '', {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    const back = new URL(location);
    expect(back.searchParams.get('admin_consent')).toBe('True');
    const callback = (url: string) =>
      t.app.inject({ method: 'GET', url: url.replace(back.origin, ''), headers: { host: 'ecm365.test' } });
    const granted = await callback(location);
    expect(granted.statusCode).toBe(303);
    expect(granted.headers.location).toBe('http://ecm365.test/admin-consent?result=granted');
    // The same return again (a reload, or someone replaying it) is no longer a confirmation.
    expect((await callback(location)).headers.location).toBe('http://ecm365.test/admin-consent?result=invalid');
    // Users of the tenant can sign in now.
    const next = await walkConnector(t, admin, { account: 'ohne-zugriff@contoso.example', action: 'accept' });
    expect(next.attempt.status).toBe('code_ready');
  });

  it('an admin-consent return with a state we never handed out is not taken for a confirmation', async () => {
    for (const state of ['admin-consent.x', `admin-consent.${'A'.repeat(32)}`, '']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ms365/callback?admin_consent=True&tenant=${CONTOSO_TENANT_ID}&state=${state}`,
        headers: { host: 'ecm365.test' },
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location, state).toBe('http://ecm365.test/admin-consent?result=invalid');
    }
  });

  it('the administrator declines: the return says so', async () => {
    t.microsoft.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const attempt = await failedAttempt({ account: 'ohne-zugriff@contoso.example', action: 'accept' });
    const { location } = await answerConsentPage(attempt.error?.adminConsentUrl ?? '', { action: 'cancel' });
    const back = new URL(location);
    expect(back.searchParams.get('error')).toBe('access_denied');
    const refused = await t.app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: { host: 'ecm365.test' },
    });
    expect(refused.headers.location).toBe('http://ecm365.test/admin-consent?result=failed');
  });

  it("a personal or another tenant's account: sign in with the organisation's work account", async () => {
    const attempt = await failedAttempt({ account: 'privat@outlook.example', action: 'accept' });
    expect(attempt.error).toMatchObject({ kind: 'wrong_account_type', aadstsCode: 'AADSTS50020' });
    expect(attempt.error?.message).toContain('Geschäftskonto');
  });

  it('our app configuration broken (expired secret): a service problem, logged loudly', async () => {
    const logsBefore = t.logs.length;
    t.microsoft.controls.expireClientSecret(TEST_CLIENT.clientId, true);
    const attempt = await failedAttempt({ account: 'admin@contoso.example', action: 'accept' });
    expect(attempt.error).toMatchObject({ kind: 'service_configuration', aadstsCode: 'AADSTS7000222' });
    expect(attempt.error?.message).toContain('support@ecm.online');
    // Only the lines written during this test.
    const loud = t.logs
      .slice(logsBefore)
      .map((line) => JSON.parse(line))
      .filter((line) => line.level >= 50);
    expect(loud.some((line) => line.msg === 'Microsoft rejected the app configuration')).toBe(true);
  });

  it('the sign-in took too long (AADSTS70008, code expired): start again — not an MFA re-sign-in', async () => {
    t.microsoft.controls.setTokenLifetimes({ authCodeSeconds: 0 });
    const attempt = await failedAttempt({ account: 'admin@contoso.example', action: 'accept' });
    expect(attempt.error).toMatchObject({ kind: 'sign_in_expired', aadstsCode: 'AADSTS70008' });
    expect(attempt.error?.message).toContain('zu lange gedauert oder wurde bereits verwendet');
    expect(attempt.error?.message).not.toContain('mehrstufige');
  });

  it('the sign-in was already used (AADSTS54005, code redeemed before): start again', async () => {
    const { microsoftRedirect } = await walkConnector(t, admin, {
      account: 'admin@contoso.example',
      action: 'accept',
      stopBeforeCallback: true,
    });
    // Someone (or a replayed page) redeemed the code first; Microsoft burns a code on any use.
    const code = new URL(microsoftRedirect).searchParams.get('code') ?? '';
    const first = await fetch(`${t.microsoft.authority()}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, ...clientCredentials }),
      dispatcher: new Agent({ connect: { ca: t.microsoft.caCertPem } }),
    });
    expect(first.status).toBe(400);
    await followCallback(t, admin, microsoftRedirect);
    const attemptId = (new URL(microsoftRedirect).searchParams.get('state') ?? '').split('.')[0] ?? '';
    const attempt = (await asUser(t, admin).get(`/api/v1/ms365/connect/${attemptId}`)).json<AttemptResponse>();
    expect(attempt.error).toMatchObject({ kind: 'sign_in_expired', aadstsCode: 'AADSTS54005' });
  });

  it('Microsoft unavailable while redeeming: temporary, try again later', async () => {
    t.microsoft.controls.failNext({ target: 'token', status: 503, times: 10 });
    const attempt = await failedAttempt({ account: 'admin@contoso.example', action: 'accept' });
    expect(attempt.error).toMatchObject({ kind: 'temporarily_unavailable' });
  });

  it('an unknown or replayed state leads to the explained "invalid state" page', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/callback?code=abc&state=made-up',
      headers: { host: 'ecm365.test' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('http://ecm365.test/connector/unknown?error=invalid_state');
  });

  it('a state from an earlier trip to Microsoft changes nothing', async () => {
    const user = asUser(t, admin);
    const { attemptId } = (await user.post('/api/v1/ms365/connect')).json();
    const location = (await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`)).headers.location as string;
    const state = new URL(location).searchParams.get('state') as string;
    await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' }, attemptId);
    const code = (await user.get(`/api/v1/ms365/connect/${attemptId}/code`)).json().code;
    const replay = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/callback?error=access_denied&state=${encodeURIComponent(state)}`,
      headers: { host: admin.host, cookie: admin.cookie },
    });
    expect(replay.statusCode).toBe(303);
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}/code`)).json().code).toBe(code);
  });
});
