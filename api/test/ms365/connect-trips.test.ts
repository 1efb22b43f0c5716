import { answerConsentPage } from '@ecm365/emulators';
import type { AttemptResponse, ConnectResponse } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, followCallback } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterAll(() => t.close());

describe('every trip to Microsoft („Verbindung herstellen“) is a new one', () => {
  it('sends a fresh PKCE challenge, nonce and state each time, and only the latest trip can complete', async () => {
    const user = asUser(t, admin);
    const { attemptId } = (await user.post('/api/v1/ms365/connect')).json<ConnectResponse>();
    const trip = async () => {
      const authorize = await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`);
      expect(authorize.statusCode).toBe(302);
      return new URL(authorize.headers.location as string);
    };
    const first = await trip();
    const second = await trip();
    for (const parameter of ['code_challenge', 'nonce', 'state']) {
      expect(second.searchParams.get(parameter), parameter).toBeTruthy();
      expect(second.searchParams.get(parameter), parameter).not.toBe(first.searchParams.get(parameter));
    }

    // The user finishes the first window's sign-in after all: its state no longer belongs to the attempt.
    const staleBack = (await answerConsentPage(first, { account: 'admin@contoso.example', action: 'accept' })).location;
    expect(await followCallback(t, admin, staleBack)).toBe('http://ecm365.test/connector/unknown?error=invalid_state');
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}`)).json<AttemptResponse>().status).toBe('pending');

    // The latest trip completes: its code redeems with its own verifier, its id_token carries its own nonce.
    const back = (await answerConsentPage(second, { account: 'admin@contoso.example', action: 'accept' })).location;
    await followCallback(t, admin, back);
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}`)).json<AttemptResponse>().status).toBe('code_ready');
  });
});
