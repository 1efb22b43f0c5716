import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.js';
import { ReadinessProbe } from '../../src/db/readiness.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('the readiness probe', () => {
  it('reports a pending migration until it is applied, then stays ready', async () => {
    await migrateDown(database.db);
    const probe = new ReadinessProbe(database.db);
    expect(await probe.check()).toEqual({ database: 'ok', migrations: 'pending' });

    await migrateToLatest(database.db);
    expect(await probe.check()).toEqual({ database: 'ok', migrations: 'ok' });
    expect(await probe.check()).toEqual({ database: 'ok', migrations: 'ok' });
  });

  it('reports an unreachable database', async () => {
    const gone = await createTestDatabase();
    const probe = new ReadinessProbe(gone.db);
    await gone.drop();
    expect(await probe.check()).toEqual({ database: 'unreachable', migrations: 'unknown' });
  });
});
