import { formatMs365Code } from '@ecm365/shared';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterAll(() => t.close());

const trail = () =>
  t.database.db
    .selectFrom('auditEvents')
    .select(['tenantSlug', 'actor', 'action', 'outcome', 'details', 'ip'])
    .where('action', 'like', 'ms365.%')
    .orderBy('id')
    .execute();

// The audit rows of the flow are written in the statement or transaction of the change they record (issue 13):
// every step still leaves its row, with tenant, actor, outcome, details and address.
describe('the audit trail of a connect flow', () => {
  it('records connect, callback, redemption and test; a wrong code and a code used twice too', async () => {
    const code = await obtainCode(t, admin);
    const user = asUser(t, admin);
    expect((await user.post('/api/v1/ms365/connection', { code: formatMs365Code(randomBytes(17)) })).statusCode).toBe(
      400,
    );
    expect((await user.post('/api/v1/ms365/connection', { code })).statusCode).toBe(200);
    // Redeemed once: the same code again is a wrong code.
    expect((await user.post('/api/v1/ms365/connection', { code })).statusCode).toBe(400);

    const who = { tenantSlug: 'acme', actor: 'admin', ip: '127.0.0.1' };
    expect(await trail()).toEqual([
      { ...who, action: 'ms365.connect', outcome: 'success', details: {} },
      { ...who, action: 'ms365.callback', outcome: 'success', details: { account: 'admin@contoso.example' } },
      { ...who, action: 'ms365.redeem', outcome: 'failure', details: { code: 'invalid_code' } },
      { ...who, action: 'ms365.redeem', outcome: 'success', details: { account: 'admin@contoso.example' } },
      { ...who, action: 'ms365.test', outcome: 'success', details: { status: 'connected', failed: [] } },
      { ...who, action: 'ms365.redeem', outcome: 'failure', details: { code: 'invalid_code' } },
    ]);
  });
});
