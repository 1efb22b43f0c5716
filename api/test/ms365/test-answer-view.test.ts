import type { ConnectionResponse, ConnectionTestResponse, RedeemResponse } from '@ecm365/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { StatementLog } from '../support/statement-log.js';
import { createTestDatabase } from '../support/test-database.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
const log = new StatementLog();
const MAILBOX = 'rechnungen@contoso.example';

const statusRead = (text: string) => text.includes('from (select') && text.includes('left join ms365_connections');
const mailInsert = (text: string) => text.startsWith('insert into "notification_mails"');

const status = async () => {
  const response = await asUser(t, admin).get('/api/v1/ms365/connection');
  expect(response.statusCode).toBe(200);
  return response.json<ConnectionResponse>();
};
const setUp = async () => {
  const response = await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
  expect(response.statusCode).toBe(200);
  return response.json<RedeemResponse>();
};
const test = async () => {
  const response = await asUser(t, admin).post('/api/v1/ms365/connection/test');
  expect(response.statusCode).toBe(200);
  return response.json<ConnectionTestResponse>();
};

beforeAll(async () => {
  const database = await createTestDatabase();
  // No status cache: each GET below reads the database, the yardstick for the answers.
  t = await startTestApp({
    env: { STATUS_CACHE_TTL_MS: '0', SUPPORT_EMAIL: 'support@ecm.test' },
    database: { ...database, db: database.db.withPlugin(log) },
  });
  admin = await signIn(t.app, 'admin', 'admin');
  const put = await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', {
    enabled: true,
    mailbox: MAILBOX,
  });
  expect(put.statusCode).toBe(200);
});
afterAll(() => t.close());
beforeEach(() => t.microsoft.controls.reset());

describe('the answers of the set-up and of a test show the connection as the status read does (issue 13)', () => {
  it('after the set-up: connected, the test, the support mail just queued; without reading the connection again', async () => {
    let redeemed: RedeemResponse | undefined;
    const statements = await log.during(async () => {
      redeemed = await setUp();
    });
    expect(redeemed?.test.ok).toBe(true);
    expect(redeemed?.connection).toMatchObject({
      status: 'connected',
      lastTest: redeemed?.test,
      supportNotification: { status: 'pending', email: 'support@ecm.test' },
    });
    expect(statements.filter(statusRead)).toEqual([]);
    expect(statements.filter(mailInsert)).toHaveLength(1);
    expect(redeemed?.connection).toEqual(await status());
  });

  it('a second passing test neither queues the support mail again nor reads the connection again', async () => {
    await setUp();
    let tested: ConnectionTestResponse | undefined;
    const statements = await log.during(async () => {
      tested = await test();
    });
    expect(tested?.ok).toBe(true);
    expect(statements.filter(mailInsert)).toEqual([]);
    expect(statements.filter(statusRead)).toEqual([]);
    const { connection, ...result } = tested as ConnectionTestResponse;
    expect(connection.lastTest).toEqual(result);
    expect(connection).toEqual(await status());
  });

  it('a failing test: the error and its failure as stored, the support mail of the set-up still shown', async () => {
    await setUp();
    t.microsoft.controls.setMailboxAccess('admin@contoso.example', MAILBOX, false);
    const failed = await test();
    expect(failed.ok).toBe(false);
    expect(failed.connection).toMatchObject({
      status: 'error',
      lastFailure: { reason: 'invoice-mail-import.mailbox' },
      supportNotification: { status: 'pending' },
    });
    expect(failed.connection).toEqual(await status());
  });

  it('a set-up whose test fails queues no support mail, and the first passing test after it does', async () => {
    t.microsoft.controls.setMailboxAccess('admin@contoso.example', MAILBOX, false);
    const redeemed = await setUp();
    expect(redeemed.test.ok).toBe(false);
    expect(redeemed.connection.supportNotification).toBeUndefined();
    expect(redeemed.connection).toEqual(await status());

    t.microsoft.controls.setMailboxAccess('admin@contoso.example', MAILBOX, true);
    let passed: ConnectionTestResponse | undefined;
    const statements = await log.during(async () => {
      passed = await test();
    });
    expect(statements.filter(mailInsert)).toHaveLength(1);
    expect(passed?.connection).toMatchObject({ status: 'connected', supportNotification: { status: 'pending' } });
    expect(passed?.connection).toEqual(await status());
  });
});
