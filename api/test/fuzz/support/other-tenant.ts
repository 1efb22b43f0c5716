import type { ConnectResponse, CreatedApiToken } from '@ecm365/shared';
import { expect } from 'vitest';
import { asUser, obtainCode } from '../../support/connect-flow.js';
import { signIn, type SignedIn, type TestApp } from '../../support/test-app.js';

/** The Microsoft account tenant `other` connects with: its name must never show up in acme's replies. */
export const OTHER_ACCOUNT = 'it@fabrikam.example';
export const OTHER_TENANT_NAME = 'Other GmbH';

/** Everything tenant `other` owns that acme's requests will try to reach. */
export interface OtherTenant {
  admin: SignedIn;
  tenantId: string;
  /** An attempt with an unredeemed MS365 code, and that code. */
  codeAttemptId: string;
  code: string;
  /** A pending attempt (never went to Microsoft). */
  pendingAttemptId: string;
  apiTokenId: string;
  apiToken: string;
}

/** Tenant `other`: connected (to fabrikam), with a fresh unredeemed code, a pending attempt and an API token. */
export async function setUpOtherTenant(t: TestApp): Promise<OtherTenant> {
  const admin = await signIn(t.app, 'admin', 'admin', 'other');
  const user = asUser(t, admin);
  const connected = await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin, OTHER_ACCOUNT) });
  expect(connected.statusCode).toBe(200);
  expect(
    (await user.put('/api/v1/ms365/features/invoice-mail-import', { enabled: true, mailbox: OTHER_ACCOUNT }))
      .statusCode,
  ).toBe(200);
  const code = await obtainCode(t, admin, OTHER_ACCOUNT);
  const tenant = await t.database.db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', 'other')
    .executeTakeFirstOrThrow();
  const codeAttempt = await t.database.db
    .selectFrom('ms365Attempts')
    .select('id')
    .where('tenantId', '=', tenant.id)
    .where('status', '=', 'code_ready')
    .executeTakeFirstOrThrow();
  const pendingAttemptId = (await user.post('/api/v1/ms365/connect')).json<ConnectResponse>().attemptId;
  const token = (await user.post('/api/v1/api-tokens', { name: 'other integration' })).json<CreatedApiToken>();
  return {
    admin,
    tenantId: tenant.id,
    codeAttemptId: codeAttempt.id,
    code,
    pendingAttemptId,
    apiTokenId: token.id,
    apiToken: token.token,
  };
}

/** Tenant `other`'s rows (minus the API token's last-use time), to compare before and after the fuzz. */
export async function snapshotOf(t: TestApp, other: OtherTenant): Promise<string> {
  const { db } = t.database;
  const rows = await Promise.all([
    db.selectFrom('ms365Attempts').selectAll().where('tenantId', '=', other.tenantId).orderBy('id').execute(),
    db.selectFrom('ms365Connections').selectAll().where('tenantId', '=', other.tenantId).execute(),
    db.selectFrom('tenantFeatures').selectAll().where('tenantId', '=', other.tenantId).execute(),
    db
      .selectFrom('apiTokens')
      .select(['id', 'name', 'tokenHash', 'expiresAt', 'createdAt'])
      .where('tenantId', '=', other.tenantId)
      .execute(),
    db.selectFrom('tenants').selectAll().where('id', '=', other.tenantId).execute(),
  ]);
  return JSON.stringify(rows);
}
