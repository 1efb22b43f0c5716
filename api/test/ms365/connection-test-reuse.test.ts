import type { ConnectionResponse, ConnectionTestResult } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConnection } from '../../src/modules/ms365/connection/connection.repository.js';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
const MAILBOX = 'rechnungen@contoso.example';
const IMPORT_PROBE_CALLS = ['graph_mail_delta', 'graph_mail_find_folder', 'graph_mail_create_folder'];

/** The app's own count of its calls to Microsoft, by operation. */
async function microsoftCalls(): Promise<Record<string, number>> {
  const metric = await t.services.metrics.externalCalls.get();
  const calls: Record<string, number> = {};
  for (const value of metric.values) {
    if (value.labels.system !== 'microsoft') continue;
    const operation = String(value.labels.operation);
    calls[operation] = (calls[operation] ?? 0) + value.value;
  }
  return calls;
}

/** Calls to Microsoft made while `work` runs, by operation (absent = none). */
async function callsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await microsoftCalls();
  await work();
  const after = await microsoftCalls();
  return Object.fromEntries(
    Object.entries(after)
      .map(([operation, count]) => [operation, count - (before[operation] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
}

const probeCalls = (calls: Record<string, number>) =>
  IMPORT_PROBE_CALLS.reduce((sum, operation) => sum + (calls[operation] ?? 0), 0);

const manualTest = async () => {
  const response = await asUser(t, admin).post('/api/v1/ms365/connection/test');
  expect(response.statusCode).toBe(200);
  const result = response.json<ConnectionTestResult>();
  expect(result.ok).toBe(true);
  return result;
};

beforeAll(async () => {
  // The status cache on for a minute: the serialised view must still follow every write and every language.
  t = await startTestApp({ env: { STATUS_CACHE_TTL_MS: '60000' } });
  admin = await signIn(t.app, 'admin', 'admin');
  const put = await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', {
    enabled: true,
    mailbox: MAILBOX,
  });
  expect(put.statusCode).toBe(200);
  const redeemed = await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
  expect(redeemed.statusCode).toBe(200);
  expect(redeemed.json().test.ok).toBe(true);
});
afterAll(() => t.close());

describe('a connection test right after the set-up (issue 13: the connect flow)', () => {
  it('takes the still-valid access token from the cache and reuses the passed import probe; the Inbox is opened', async () => {
    let result: ConnectionTestResult | undefined;
    const calls = await callsDuring(async () => {
      result = await manualTest();
    });
    expect(calls.acquire_token ?? 0).toBe(0);
    expect(probeCalls(calls)).toBe(0);
    expect(calls).toMatchObject({ graph_me: 1, graph_inbox: 1 });
    expect(result?.checks.map((check) => check.id)).toEqual(['token', 'profile', 'invoice-mail-import.mailbox']);
  });

  it("the health monitor's test refreshes the token and probes the import for real", async () => {
    const tenant = await t.services.db
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow();
    const row = await findConnection(t.services.db, tenant.id);
    if (!row) throw new Error('no connection');
    const calls = await callsDuring(() =>
      t.services.connection.testAndRecord(row, { forceRefresh: true, trigger: 'monitor' }),
    );
    expect(calls.acquire_token).toBe(1);
    expect(calls.graph_mail_delta).toBe(1);
    // The delta answered from the Inbox: it is not opened a second time on its own.
    expect(calls.graph_inbox ?? 0).toBe(0);
  });

  it("changing the import's settings makes the next test probe again", async () => {
    const put = await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: MAILBOX,
    });
    expect(put.statusCode).toBe(200);
    expect(probeCalls(await callsDuring(manualTest))).toBeGreaterThan(0);
    expect(probeCalls(await callsDuring(manualTest))).toBe(0);
  });
});

describe('the cached status read', () => {
  const read = async (language: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/connection',
      headers: { host: admin.host, cookie: admin.cookie, 'accept-language': language },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    return response.json<ConnectionResponse>();
  };
  const profileText = (status: ConnectionResponse) =>
    status.lastTest?.checks.find((check) => check.id === 'profile')?.message;

  it('answers each language in its own words, from one cached status', async () => {
    const german = await read('de-DE,de;q=0.9');
    const english = await read('en-GB,en;q=0.9');
    expect(profileText(german)).toBe('Verbunden als Anna Admin (admin@contoso.example).');
    expect(profileText(english)).not.toBe(profileText(german));
    expect(profileText(english)).toContain('Anna Admin');
    expect(await read('de-DE,de;q=0.9')).toEqual(german);
    expect(await read('en-GB,en;q=0.9')).toEqual(english);
  });

  it('shows the next test at once, in every language', async () => {
    const before = await read('en');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const tested = await manualTest();
    expect(tested.testedAt).not.toBe(before.lastTest?.testedAt);
    expect((await read('en')).lastTest?.testedAt).toBe(tested.testedAt);
    expect((await read('de')).lastTest?.testedAt).toBe(tested.testedAt);
  });
});
