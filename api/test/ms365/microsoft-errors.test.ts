import type { AttemptResponse } from '@ecm365/shared';
import { CONTOSO_TENANT_ID } from '@ecm365/emulators';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, TEST_CLIENT, type SignedIn, type TestApp } from '../support/test-app.js';

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

  it('admin approval required: explains it and offers an admin-consent link to forward', async () => {
    t.microsoft.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const attempt = await failedAttempt({ account: 'ohne-zugriff@contoso.example', action: 'accept' });
    expect(attempt.error).toMatchObject({ kind: 'consent_required', aadstsCode: 'AADSTS90094' });
    const link = new URL(attempt.error?.adminConsentUrl ?? '');
    expect(link.origin).toBe(t.microsoft.origin);
    expect(link.pathname).toBe('/organizations/v2.0/adminconsent');
    expect(link.searchParams.get('client_id')).toBe(TEST_CLIENT.clientId);
    expect(link.searchParams.get('redirect_uri')).toBe('http://ecm365.test/api/v1/ms365/callback');
    expect(link.searchParams.get('state')).toMatch(/^admin-consent\./);
  });

  it('sends the administrator back to a confirmation page after admin consent', async () => {
    const granted = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ms365/callback?admin_consent=True&tenant=${CONTOSO_TENANT_ID}&state=admin-consent.x`,
      headers: { host: 'ecm365.test' },
    });
    expect(granted.statusCode).toBe(303);
    expect(granted.headers.location).toBe('http://ecm365.test/admin-consent?result=granted');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/callback?error=access_denied&error_subcode=cancel&state=admin-consent.x',
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
