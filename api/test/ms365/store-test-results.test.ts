import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { newConnectionRow } from '../../src/modules/ms365/connection/connection-row.js';
import {
  deleteConnection,
  findConnection,
  storeTestResults,
  upsertConnection,
  type TestResultUpdate,
} from '../../src/modules/ms365/connection/connection.repository.js';
import { queueMail } from '../../src/modules/notifications/notification.repository.js';
import { supportMailKey } from '../../src/modules/notifications/support-mail.js';
import { insertTenant } from '../../src/modules/tenants/tenant.repository.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
const keys = new KeyRing([TEST_ENCRYPTION_KEY]);
const tenantIds: string[] = [];

async function addConnectedTenant(n: number): Promise<string> {
  const tenant = await insertTenant(database.db, {
    slug: `store-${n}`,
    name: `Store ${n}`,
    eloIxUrl: 'https://elo.example/ix-Archive/ix',
  });
  const row = newConnectionRow(
    {
      tenantId: tenant.id,
      account: {
        homeAccountId: `home-${n}`,
        username: `admin${n}@contoso.example`,
        displayName: `Admin ${n}`,
        microsoftTenantId: 'contoso',
      },
      scopes: ['Mail.ReadWrite'],
      serializedCache: '{}',
      connectedBy: 'admin',
      now: new Date('2026-12-01T08:00:00Z'),
    },
    keys,
  );
  await database.db.transaction().execute((trx) => upsertConnection(trx, row));
  return tenant.id;
}

const result = (tenantId: string, status: TestResultUpdate['status'], at: Date): TestResultUpdate => ({
  tenantId,
  status,
  lastTest: JSON.stringify({ ok: status === 'connected', testedAt: at.toISOString(), checks: [] }),
  at,
  nextCheckAt: new Date(at.getTime() + 3_600_000),
  lastFailure: status === 'connected' ? null : JSON.stringify({ check: 'token', at: at.toISOString() }),
});

beforeAll(async () => {
  // Pool of 4: two transactions of the concurrency case and their statements never wait for a connection.
  database = await createTestDatabase({ poolSize: 4 });
  for (let n = 0; n < 4; n++) tenantIds.push(await addConnectedTenant(n));
});
afterAll(() => database.drop());

describe('storing test results (one statement: the rows before, locked, and the update)', () => {
  it('writes each result and answers each row as it was before, in tenant order', async () => {
    const [a, b] = tenantIds as [string, string];
    const at = new Date('2026-12-01T09:00:00Z');
    const before = await database.db
      .transaction()
      .execute((trx) => storeTestResults(trx, [result(b, 'error', at), result(a, 'needs_reauth', at)]));
    expect(before.map((row) => [row.before.tenantId, row.before.status])).toEqual(
      [a, b].sort().map((tenantId) => [tenantId, 'connected']),
    );
    expect(before.every((row) => row.before.accountUsername.endsWith('@contoso.example'))).toBe(true);
    // As the result left each row: what the status read shows after the commit.
    const afterB = before.find((row) => row.before.tenantId === b)?.after;
    expect(afterB).toMatchObject({
      tenantId: b,
      status: 'error',
      accountUsername: 'admin1@contoso.example',
      lastTest: { ok: false, testedAt: at.toISOString(), checks: [] },
      lastFailure: { check: 'token', at: at.toISOString() },
    });
    expect(afterB?.lastCheckedAt?.toISOString()).toBe(at.toISOString());
    expect(afterB?.nextCheckAt?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(before.every((row) => row.supportMail === undefined)).toBe(true);

    const storedA = await findConnection(database.db, a);
    const storedB = await findConnection(database.db, b);
    expect(storedA?.status).toBe('needs_reauth');
    expect(storedB?.status).toBe('error');
    expect(storedB?.lastCheckedAt?.toISOString()).toBe(at.toISOString());
    expect(storedB?.nextCheckAt?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(storedB?.lastFailure).toEqual({ check: 'token', at: at.toISOString() });

    // A passing result keeps the last failure; the row before now says "error".
    const later = new Date('2026-12-01T09:30:00Z');
    const again = await database.db
      .transaction()
      .execute((trx) => storeTestResults(trx, [result(b, 'connected', later)]));
    expect(again.map((row) => row.before.status)).toEqual(['error']);
    const passed = await findConnection(database.db, b);
    expect(passed?.status).toBe('connected');
    expect(passed?.lastFailure).toEqual({ check: 'token', at: at.toISOString() });
    // The answer's row keeps the last failure as the stored row does.
    expect(again[0]?.after).toMatchObject({ status: 'connected', lastFailure: passed?.lastFailure });
  });

  it('skips a connection removed while its test ran, and answers nothing for it', async () => {
    const gone = await addConnectedTenant(9);
    await deleteConnection(database.db, gone);
    const kept = tenantIds[2] as string;
    const at = new Date('2026-12-01T11:00:00Z');
    const before = await database.db
      .transaction()
      .execute((trx) => storeTestResults(trx, [result(gone, 'connected', at), result(kept, 'connected', at)]));
    expect(before.map((row) => row.before.tenantId)).toEqual([kept]);
    expect(await findConnection(database.db, gone)).toBeUndefined();
    expect((await findConnection(database.db, kept))?.lastCheckedAt?.toISOString()).toBe(at.toISOString());
  });

  it('holds the lock to the end of the transaction, and overlapping pages given in opposite order do not deadlock', async () => {
    const [, , c, d] = tenantIds as [string, string, string, string];
    const first = new Date('2026-12-01T12:00:00Z');
    const second = new Date('2026-12-01T12:00:01Z');
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStored!: () => void;
    const firstHasStored = new Promise<void>((resolve) => (firstStored = resolve));

    const firstPage = database.db.transaction().execute(async (trx) => {
      const before = await storeTestResults(trx, [result(c, 'error', first), result(d, 'error', first)]);
      firstStored();
      await firstMayCommit;
      return before;
    });
    await firstHasStored;
    let secondDone = false;
    const secondPage = database.db
      .transaction()
      .execute((trx) => storeTestResults(trx, [result(d, 'connected', second), result(c, 'connected', second)]))
      .finally(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The second waits for the first's locks rather than reading the rows as they were before the first.
    expect(secondDone).toBe(false);
    releaseFirst();

    const [beforeFirst, beforeSecond] = await Promise.all([firstPage, secondPage]);
    expect(beforeFirst.map((row) => row.before.status)).toEqual(['connected', 'connected']);
    // The second saw the first's results as "before": a change of status is reported once, by the first.
    expect(beforeSecond.map((row) => row.before.status)).toEqual(['error', 'error']);
    expect((await findConnection(database.db, c))?.status).toBe('connected');
    expect((await findConnection(database.db, d))?.lastCheckedAt?.toISOString()).toBe(second.toISOString());
  });

  it("answers the set-up's support mail when one is queued, and not another set-up's", async () => {
    const tenantId = tenantIds[3] as string;
    const connection = await findConnection(database.db, tenantId);
    if (!connection) throw new Error('missing connection');
    const queue = (connectedAt: Date, createdAt: Date) =>
      database.db.transaction().execute((trx) =>
        queueMail(trx, {
          tenantId,
          dedupeKey: supportMailKey(tenantId, connectedAt),
          kind: 'support_setup',
          recipient: null,
          payload: {},
          at: createdAt,
        }),
      );
    const store = (at: Date) =>
      database.db.transaction().execute((trx) => storeTestResults(trx, [result(tenantId, 'connected', at)]));
    // A mail of an earlier set-up of the tenant is not this set-up's.
    await queue(new Date(connection.connectedAt.getTime() - 60_000), new Date('2026-12-01T07:00:00Z'));
    expect((await store(new Date('2026-12-01T13:00:00Z')))[0]?.supportMail).toBeUndefined();

    const queuedAt = new Date('2026-12-01T13:00:01.234Z');
    expect(await queue(connection.connectedAt, queuedAt)).toBe(true);
    const [stored] = await store(new Date('2026-12-01T13:00:02Z'));
    expect(stored?.supportMail).toEqual({ status: 'pending', createdAt: queuedAt, sentAt: null });
  });
});
