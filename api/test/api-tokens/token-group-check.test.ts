import { DEMO_ELO_SERVICE_ACCOUNT, DEMO_MS365_GROUP } from '@ecm365/emulators';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  t.elo.controls.reset();
  await t.services.eloServiceAccounts.set('acme', DEMO_ELO_SERVICE_ACCOUNT.userName, DEMO_ELO_SERVICE_ACCOUNT.password);
});
afterAll(() => t.close());

const DAY_MS = 86_400_000;

/** Signed in afresh each time: the tests move the clock by days, beyond any session's lifetime. */
const session = (user: 'admin' | 'direkt'): Promise<SignedIn> => signIn(t.app, user, user);

async function tokenOf(user: 'admin' | 'direkt', name: string) {
  const response = await asUser(t, await session(user)).post('/api/v1/api-tokens', { name, scopes: ['ms365:read'] });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; token: string };
}

const statusWith = async (token: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/connection',
      headers: { host: hostOf('acme'), authorization: `Bearer ${token}` },
    })
  ).statusCode;

const leaveGroup = (member: string) =>
  t.elo.controls.setGroupMembership({ repository: 'acme', member, group: DEMO_MS365_GROUP, isMember: false });

describe("an API token when its creator leaves the ELO group (re-checked daily with the tenant's service account)", () => {
  it('is not asked about again within a day of its last check', async () => {
    await t.services.eloServiceAccounts.set(
      'acme',
      DEMO_ELO_SERVICE_ACCOUNT.userName,
      DEMO_ELO_SERVICE_ACCOUNT.password,
    );
    const { token } = await tokenOf('direkt', 'fresh');
    leaveGroup('direkt');
    const report = await t.services.tokenGroupChecks.checkDue();
    expect(report.revoked).toBe(0);
    expect(await statusWith(token)).toBe(200);
  });

  it('stops working at the next check after the creator left; tokens of members keep working', async () => {
    await t.services.eloServiceAccounts.set(
      'acme',
      DEMO_ELO_SERVICE_ACCOUNT.userName,
      DEMO_ELO_SERVICE_ACCOUNT.password,
    );
    const leaving = await tokenOf('direkt', 'leaving');
    const staying = await tokenOf('admin', 'staying');
    expect(await statusWith(leaving.token)).toBe(200);
    leaveGroup('direkt');
    t.clock.advance(DAY_MS + 60_000);

    const report = await t.services.tokenGroupChecks.checkDue();
    expect(report.revoked).toBeGreaterThanOrEqual(1);
    expect(report.confirmed).toBeGreaterThanOrEqual(1);
    expect(await statusWith(leaving.token)).toBe(401);
    expect(await statusWith(staying.token)).toBe(200);

    const listed = (await asUser(t, await session('admin')).get('/api/v1/api-tokens')).json() as Array<{
      id: string;
      revokedAt: string | null;
    }>;
    expect(listed.find((row) => row.id === leaving.id)?.revokedAt).not.toBeNull();
    expect(listed.find((row) => row.id === staying.id)?.revokedAt).toBeNull();
    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select(['actor', 'outcome', 'details'])
      .where('action', '=', 'api_token.group_check')
      .execute();
    expect(audit).toContainEqual({
      actor: 'direkt',
      outcome: 'failure',
      details: expect.objectContaining({ tokenId: leaving.id, reason: 'not_member', revoked: true }),
    });
    // Coming back into the group does not revive it: a new token must be made.
    t.elo.controls.setGroupMembership({
      repository: 'acme',
      member: 'direkt',
      group: DEMO_MS365_GROUP,
      isMember: true,
    });
    t.clock.advance(DAY_MS + 60_000);
    await t.services.tokenGroupChecks.checkDue();
    expect(await statusWith(leaving.token)).toBe(401);
  });

  it('a check that cannot be made (ELO down, no service account, account refused) revokes nothing', async () => {
    await t.services.eloServiceAccounts.set(
      'acme',
      DEMO_ELO_SERVICE_ACCOUNT.userName,
      DEMO_ELO_SERVICE_ACCOUNT.password,
    );
    const { token } = await tokenOf('admin', 'outage');
    leaveGroup('admin');
    leaveGroup('IT-Administration');
    t.clock.advance(DAY_MS + 60_000);

    t.elo.controls.setAvailability('down');
    expect((await t.services.tokenGroupChecks.checkDue()).revoked).toBe(0);
    t.elo.controls.setAvailability('up');
    await t.services.eloServiceAccounts.set('acme', DEMO_ELO_SERVICE_ACCOUNT.userName, 'wrong-password');
    expect((await t.services.tokenGroupChecks.checkDue()).revoked).toBe(0);
    await t.services.eloServiceAccounts.clear('acme');
    const skipped = await t.services.tokenGroupChecks.checkDue();
    expect(skipped).toMatchObject({ revoked: 0 });
    expect(skipped.unchecked).toBeGreaterThanOrEqual(1);
    expect(await statusWith(token)).toBe(200);

    // Once ELO can be asked again, the answer counts.
    await t.services.eloServiceAccounts.set(
      'acme',
      DEMO_ELO_SERVICE_ACCOUNT.userName,
      DEMO_ELO_SERVICE_ACCOUNT.password,
    );
    expect((await t.services.tokenGroupChecks.checkDue()).revoked).toBeGreaterThanOrEqual(1);
    expect(await statusWith(token)).toBe(401);
  });
});
