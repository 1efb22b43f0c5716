import type { AttemptResponse } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, followCallback, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterAll(() => t.close());

describe('the callback', () => {
  it('redeems Microsoft’s code once when it arrives twice at the same time (reload, double navigation)', async () => {
    const walked = await walkConnector(t, admin, {
      account: 'admin@contoso.example',
      action: 'accept',
      stopBeforeCallback: true,
    });
    const before = t.microsoft.controls.stats().tokenRequests.authorization_code ?? 0;
    t.microsoft.controls.setLatency({ target: 'token', ms: 300 }); // both callbacks are in flight together
    const landed = await Promise.all([
      followCallback(t, admin, walked.microsoftRedirect),
      followCallback(t, admin, walked.microsoftRedirect),
    ]);
    t.microsoft.controls.setLatency({ target: 'token', ms: 0 });

    expect(landed[0]).toBe(landed[1]); // both end in the connector window, without an error
    expect(landed[0]).not.toContain('error=');
    expect((t.microsoft.controls.stats().tokenRequests.authorization_code ?? 0) - before).toBe(1);
    const attempt = (await asUser(t, admin).get(`/api/v1/ms365/connect/${walked.attemptId}`)).json<AttemptResponse>();
    expect(attempt.status).toBe('code_ready');
    const callbacks = await t.database.db
      .selectFrom('auditEvents')
      .select(['outcome'])
      .where('action', '=', 'ms365.callback')
      .execute();
    expect(callbacks).toEqual([{ outcome: 'success' }]);
  });
});
