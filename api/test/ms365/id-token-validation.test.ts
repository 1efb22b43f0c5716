import { ID_TOKEN_TAMPERS } from '@ecm365/emulators';
import type { AttemptResponse } from '@ecm365/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterEach(() => t.microsoft.controls.reset());
afterAll(() => t.close());

const consent = () => walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' });

async function attemptRow(attemptId: string) {
  return t.database.db
    .selectFrom('ms365Attempts')
    .select(['status', 'tokenCache', 'codeHash', 'account'])
    .where('id', '=', attemptId)
    .executeTakeFirstOrThrow();
}

const logLinesSince = (mark: number) =>
  t.logs.slice(mark).map((line) => ({ raw: line, ...(JSON.parse(line) as { level: number; msg: string }) }));

describe('the id_token of every code redemption is validated (OpenID Connect)', () => {
  it.each(ID_TOKEN_TAMPERS)(
    'an id_token with %s creates no redeemable attempt, is explained, and logged loudly without the token',
    async (tamper) => {
      const mark = t.logs.length;
      t.microsoft.controls.tamperIdTokens({ tamper });
      const { attempt, attemptId } = await consent();

      expect(attempt.status).toBe('failed');
      expect(attempt.error).toMatchObject({
        kind: 'id_token_invalid',
        message: expect.stringContaining('Die Anmeldung bei Microsoft konnte nicht bestätigt werden'),
      });
      const code = await asUser(t, admin).get(`/api/v1/ms365/connect/${attemptId}/code`);
      expect(code.statusCode).toBe(404);
      expect(await attemptRow(attemptId)).toEqual({
        status: 'failed',
        tokenCache: null,
        codeHash: null,
        account: null,
      });

      const loud = logLinesSince(mark).filter(
        (line) => line.level >= 50 && line.msg === 'Microsoft id_token rejected: the sign-in could not be confirmed',
      );
      expect(loud).toHaveLength(1);
      // The reason names the failed check; no JWT (header "eyJ…") in any line of this test.
      expect(loud[0]?.raw).toMatch(/"reason":"[a-z_]+"/);
      expect(logLinesSince(mark).some((line) => /eyJ[A-Za-z0-9_-]{10,}\./.test(line.raw))).toBe(false);
    },
  );

  it('accepts the untampered id_token of the next sign-in', async () => {
    t.microsoft.controls.tamperIdTokens({ tamper: 'foreign_audience' });
    expect((await consent()).attempt.status).toBe('failed');
    expect((await consent()).attempt.status).toBe('code_ready');
  });

  it('fetches the signing keys again when Microsoft rolls them, and once only for an unknown key', async () => {
    expect((await consent()).attempt.status).toBe('code_ready');
    const fetches = () => t.microsoft.controls.stats().jwksRequests;

    // Cached: a second sign-in with the same key fetches nothing.
    const cached = fetches();
    expect((await consent()).attempt.status).toBe('code_ready');
    expect(fetches()).toBe(cached);

    // A new key: one fetch, and the sign-in goes through.
    await t.microsoft.controls.rotateSigningKey();
    const beforeRotation = fetches();
    expect((await consent()).attempt.status).toBe('code_ready');
    expect(fetches()).toBe(beforeRotation + 1);

    // A key no one publishes: one more fetch, then refused.
    t.microsoft.controls.tamperIdTokens({ tamper: 'unknown_key' });
    const beforeUnknown = fetches();
    const refused: AttemptResponse = (await consent()).attempt;
    expect(refused.error?.kind).toBe('id_token_invalid');
    expect(fetches()).toBe(beforeUnknown + 1);
  });
});
