import { CONTOSO_TENANT_ID } from '@ecm365/emulators';
import type { RedeemResponse } from '@ecm365/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser, codeOf, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

/**
 * Microsoft reached as in production: configuration only (MS365_CLIENT_ID/SECRET, MS365_AUTHORITY, MS365_GRAPH_URL,
 * MS365_CA_FILE), no metadata handed over. The openid-configuration and the signing keys come over the network,
 * through the dispatcher that trusts the extra CA next to the system ones.
 */
let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp({ microsoftBy: 'configuration' });
  admin = await signIn(t.app, 'admin', 'admin');
});
afterEach(() => t.microsoft.controls.reset());
afterAll(() => t.close());

describe('Microsoft set up by configuration alone', () => {
  it('connects and tests, validating the id_token against the discovered issuer and keys', async () => {
    expect(t.config.ms365.kind).toBe('microsoft');
    const keysBefore = t.microsoft.controls.stats().jwksRequests;
    const { attempt, attemptId } = await walkConnector(t, admin, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(attempt.status).toBe('code_ready');
    expect(t.microsoft.controls.stats().jwksRequests).toBeGreaterThan(keysBefore);
    const redeemed = await asUser(t, admin).post('/api/v1/ms365/connection', {
      code: await codeOf(t, admin, attemptId),
    });
    expect(redeemed.json<RedeemResponse>().test.ok).toBe(true);
  });

  it.each(['foreign_issuer', 'foreign_audience', 'bad_signature'] as const)(
    'refuses an id_token with %s',
    async (tamper) => {
      t.microsoft.controls.tamperIdTokens({ tamper });
      const { attempt } = await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' });
      expect(attempt.error?.kind).toBe('id_token_invalid');
    },
  );

  it("builds the admin-consent link on the authority's host, with scope and a bound state", async () => {
    t.microsoft.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const { attempt } = await walkConnector(t, admin, { account: 'ohne-zugriff@contoso.example', action: 'accept' });
    const link = new URL(attempt.error?.adminConsentUrl ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`${t.microsoft.origin}/organizations/v2.0/adminconsent`);
    expect(link.searchParams.get('scope')).toBe('https://graph.microsoft.com/User.Read');
    expect(link.searchParams.get('state')).toMatch(/^admin-consent\./);
  });
});
