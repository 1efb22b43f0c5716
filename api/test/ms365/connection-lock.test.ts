import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { ConnectionLock } from '../../src/modules/ms365/connection/connection-lock.js';
import { newConnectionRow } from '../../src/modules/ms365/connection/connection-row.js';
import {
  findConnection,
  replaceConnectionTokenCache,
  upsertConnection,
} from '../../src/modules/ms365/connection/connection.repository.js';
import { insertTenant } from '../../src/modules/tenants/tenant.repository.js';
import { TEST_ENCRYPTION_KEY } from '../support/test-app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase({ poolSize: 4 });
  const tenant = await insertTenant(database.db, {
    slug: 'lock-read',
    name: 'Lock Read',
    eloIxUrl: 'https://elo.example/ix-Archive/ix',
  });
  tenantId = tenant.id;
  const row = newConnectionRow(
    {
      tenantId,
      account: {
        homeAccountId: 'home',
        username: 'admin@contoso.example',
        displayName: 'Admin',
        microsoftTenantId: 'c',
      },
      scopes: ['User.Read'],
      serializedCache: '{}',
      connectedBy: 'admin',
      now: new Date('2026-12-03T08:00:00Z'),
    },
    new KeyRing([TEST_ENCRYPTION_KEY]),
  );
  await database.db.transaction().execute((trx) => upsertConnection(trx, row));
});
afterAll(() => database.drop());

describe("a connection's refresh lock (two instances: a lock each, one database)", () => {
  it('hands the waiting instance the token cache the holder stored before it let go, not the one before', async () => {
    const first = new ConnectionLock(database.db);
    const second = new ConnectionLock(database.db);
    const before = (await findConnection(database.db, tenantId))?.tokenCache;
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));

    const rotation = first.run(tenantId, async (locked, tokenCache) => {
      expect(tokenCache).toBe(before);
      held();
      await released;
      // What a refresh does before it unlocks: the rotated cache, stored by compare-and-set.
      return replaceConnectionTokenCache(locked, tenantId, tokenCache ?? '', 'rotated-cache', new Date());
    });
    await holding;
    let seen: string | undefined;
    const waiting = second.run(tenantId, async (_locked, tokenCache) => {
      seen = tokenCache;
    });
    // The second instance waits for the lock (and reads nothing) while the first holds it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toBeUndefined();
    release();

    expect(await rotation).toBe(true);
    await waiting;
    expect(seen).toBe('rotated-cache');
  });

  it('answers no cache for a tenant without a connection, and the lock is taken and let go all the same', async () => {
    const lock = new ConnectionLock(database.db);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await lock.run(missing, async (_locked, tokenCache) => tokenCache ?? 'none')).toBe('none');
    // Let go: another instance gets it at once.
    expect(await new ConnectionLock(database.db).run(missing, async () => 'again')).toBe('again');
  });
});
