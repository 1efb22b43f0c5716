import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { connectionCacheContext } from '../../src/modules/ms365/connection/connection-tokens.js';
import { reencryptSecrets } from '../../src/modules/ms365/connection/reencrypt-secrets.js';
import { eloTicketContext } from '../../src/modules/sessions/group-check-policy.js';
import { asUser, codeOf, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, TEST_CLIENT, TEST_ENCRYPTION_KEY, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOG_LEVEL: 'trace' } });
});
afterAll(() => t.close());

/** An encrypted value as the key ring writes it: `enc1:<key id>:<iv>:<ciphertext>:<tag>`. */
const ENVELOPE = /enc1:[\w-]+:[\w-]+:[\w-]+:[\w-]+/g;
/**
 * A JWT by its shape: base64url JSON header and payload (both start with `{"`, so `eyJ`), dot-separated, then the
 * signature. A bare `eyJ…` run also turns up in random base64url ids and hashes now and then.
 */
const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]*/;

async function dumpDatabase(): Promise<string> {
  const tables = [
    'tenants',
    'sessions',
    'audit_events',
    'throttle_counters',
    'ms365_attempts',
    'ms365_connections',
    'tenant_features',
  ];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const result = await sql<{
        rows: string;
      }>`select coalesce(json_agg(t), '[]')::text as rows from ${sql.table(table)} t`.execute(t.database.db);
      return result.rows[0]?.rows ?? '';
    }),
  );
  return parts.join('\n');
}

describe('secrets at rest and in logs', () => {
  it('keeps no token, code or secret in clear text in the database or the logs', async () => {
    t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    const admin = await signIn(t.app, 'admin', 'admin');
    const user = asUser(t, admin);
    await user.put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
    });
    const walked = await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' });
    const code = await codeOf(t, admin, walked.attemptId);
    const pending = await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' }); // a second, unredeemed code
    const unredeemed = await codeOf(t, admin, pending.attemptId);
    expect((await user.post('/api/v1/ms365/connection', { code })).json().test.ok).toBe(true);
    expect((await user.post('/api/v1/ms365/connection/test')).json().ok).toBe(true); // a refresh, persisted

    const microsoftCode = new URL(walked.microsoftRedirect).searchParams.get('code') as string;
    const state = new URL(walked.microsoftRedirect).searchParams.get('state') as string;
    const secrets = [
      code,
      unredeemed,
      code.replace(/-/g, ''),
      microsoftCode,
      state,
      TEST_CLIENT.clientSecret,
      admin.sessionId,
    ];
    // The ELO ticket the session keeps for the group re-checks: only ever stored encrypted, never logged.
    const ring = new KeyRing([TEST_ENCRYPTION_KEY]);
    for (const row of await t.database.db.selectFrom('sessions').select(['idHash', 'eloTicket']).execute()) {
      secrets.push(ring.decrypt(row.eloTicket as string, eloTicketContext(row.idHash)));
    }

    const dump = await dumpDatabase();
    expect(dump).toContain('admin@contoso.example'); // the dump is real
    for (const secret of secrets) expect(dump).not.toContain(secret);
    // Encrypted values are random base64url, which can spell anything (even "eyJ…"): they are checked to be
    // envelopes, and the clear-text patterns below look at everything else.
    const envelopes = dump.match(ENVELOPE) ?? [];
    expect(envelopes.length).toBeGreaterThanOrEqual(3); // the connection's cache, the attempts' flow secrets
    const clearText = dump.replace(ENVELOPE, 'enc1:…');
    const stored = await t.database.db
      .selectFrom('ms365Connections')
      .select(['tenantId', 'tokenCache'])
      .executeTakeFirstOrThrow();
    const cache = new KeyRing([TEST_ENCRYPTION_KEY]).decrypt(
      stored.tokenCache,
      connectionCacheContext(stored.tenantId),
    );
    expect(cache).toMatch(JWT); // the pattern does find the tokens in play
    expect(clearText).not.toMatch(JWT); // no JWT (access or id token)
    expect(clearText).not.toMatch(/RefreshToken|"secret"|refresh_token/); // no MSAL cache in clear text

    const logs = t.logs.join('\n');
    expect(t.logs.length).toBeGreaterThan(10); // the logs are real: one line per request and more
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(JWT);
  });

  it('re-encrypts everything under the newest key (rotation), once', async () => {
    const newKey = { id: 'k2', key: randomBytes(32) };
    const rotated = new KeyRing([newKey, TEST_ENCRYPTION_KEY]);
    const report = await reencryptSecrets(t.database.db, rotated);
    expect(report.connections).toBe(1);
    expect(report.attempts).toBeGreaterThanOrEqual(2);
    expect(report.sessions).toBeGreaterThanOrEqual(1);
    expect(await reencryptSecrets(t.database.db, rotated)).toMatchObject({ connections: 0, attempts: 0, sessions: 0 });

    const row = await t.database.db
      .selectFrom('ms365Connections')
      .select(['tenantId', 'tokenCache'])
      .executeTakeFirstOrThrow();
    expect(row.tokenCache.startsWith('enc1:k2:')).toBe(true);
    // The old key can be dropped now: the new key alone opens the cache.
    const cache = new KeyRing([newKey]).decrypt(row.tokenCache, connectionCacheContext(row.tenantId));
    expect(JSON.parse(cache)).toHaveProperty('RefreshToken');
    const attempts = await t.database.db.selectFrom('ms365Attempts').select('flowSecrets').execute();
    expect(attempts.every((attempt) => attempt.flowSecrets.startsWith('enc1:k2:'))).toBe(true);
    const sessions = await t.database.db.selectFrom('sessions').select(['idHash', 'eloTicket']).execute();
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) {
      expect(session.eloTicket?.startsWith('enc1:k2:')).toBe(true);
      // The ELO ticket opens under the new key alone, bound to its session.
      expect(new KeyRing([newKey]).decrypt(session.eloTicket as string, eloTicketContext(session.idHash))).not.toBe('');
    }
  });
});
