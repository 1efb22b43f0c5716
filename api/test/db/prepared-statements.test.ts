import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from '../../src/db/prepared-statements.js';
import { findLiveSessions } from '../../src/modules/sessions/session.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
beforeAll(async () => {
  // One connection: what it prepared is visible to the next query in pg_prepared_statements.
  database = await createTestDatabase({ poolSize: 1 });
});
afterAll(() => database.drop());

const preparedTexts = async () =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db)).rows.map(
    (row) => row.statement,
  );

describe('named prepared statements for hot lookups', () => {
  it('prepares the session lookup once per connection and answers as before; other statements stay unnamed', async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      const found = await findLiveSessions(database.db, [`no-such-hash-${i}`], now, new Date(now.getTime() - 60_000));
      expect(found.size).toBe(0);
    }
    const texts = await preparedTexts();
    expect(texts.filter((text) => text.includes('from sessions s join tenants t'))).toHaveLength(1);
    expect(texts.some((text) => text.includes('pg_prepared_statements'))).toBe(false);
  });

  it('passes parameters and maps the result as an unnamed query does', async () => {
    const query = () => sql<{ doubledValue: number }>`select ${21}::int * 2 as doubled_value`;
    const prepared = await executePrepared(database.db, query());
    const plain = await query().execute(database.db);
    expect(prepared.rows).toEqual([{ doubledValue: 42 }]);
    expect(prepared.rows).toEqual(plain.rows);
  });
});
