import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a crash between code redemption and saving the connection', () => {
  it('loses nothing: the code stays redeemable and no half connection is stored', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const code = await obtainCode(t, admin);

    // The save fails inside the transaction, after the code was claimed: what a crash or lost connection does.
    await sql`create function ecm365_fail_save() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash while saving the connection'; end $$`.execute(t.database.db);
    await sql`create trigger fail_save before insert or update on ms365_connections
      for each row execute function ecm365_fail_save()`.execute(t.database.db);
    const crashed = await asUser(t, admin).post('/api/v1/ms365/connection', { code });
    expect(crashed.statusCode).toBe(500);
    expect(crashed.json().error).toMatchObject({ code: 'internal_error' });
    expect(crashed.body).not.toContain('simulated crash');

    const attempts = await t.database.db.selectFrom('ms365Attempts').select(['status', 'tokenCache']).execute();
    expect(attempts).toEqual([{ status: 'code_ready', tokenCache: expect.stringMatching(/^enc1:/) }]);
    expect(await t.database.db.selectFrom('ms365Connections').selectAll().execute()).toEqual([]);

    await sql`drop trigger fail_save on ms365_connections`.execute(t.database.db);
    const retried = await asUser(t, admin).post('/api/v1/ms365/connection', { code });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().connection.status).toBe('connected');
  });
});
