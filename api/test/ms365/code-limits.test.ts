import { randomBytes } from 'node:crypto';
import { formatMs365Code } from '@ecm365/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const unknownCode = () => formatMs365Code(randomBytes(17));

const redeem = (app: TestApp, who: SignedIn, code: string, ip = '127.0.0.1') =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/ms365/connection',
    headers: { host: who.host, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    remoteAddress: ip,
    payload: { code },
  });

const errorCodes = (responses: Array<{ json: () => { error?: { code?: string } } }>) =>
  responses.reduce<Record<string, number>>((counts, response) => {
    const code = response.json().error?.code ?? 'ok';
    counts[code] = (counts[code] ?? 0) + 1;
    return counts;
  }, {});

/** Wrong codes that were looked up: each leaves one failed redemption in the audit log. */
const checkedCodes = async (app: TestApp) =>
  (
    await app.database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'ms365.redeem')
      .where('outcome', '=', 'failure')
      .execute()
  ).length;

describe('wrong MS365 codes under parallel requests', () => {
  it('checks exactly five of 20 simultaneous wrong codes of one session', async () => {
    t = await startTestApp();
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(app, admin, unknownCode())));
    expect(errorCodes(responses)).toEqual({ invalid_code: 5, too_many_attempts: 15 });
    expect(await checkedCodes(app)).toBe(5);
    const blocked = responses.find((response) => response.statusCode === 429);
    expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits one ELO user across sessions: ten wrong codes from four parallel sessions', async () => {
    t = await startTestApp();
    const app = t;
    const sessions = await Promise.all(Array.from({ length: 4 }, () => signIn(app.app, 'admin', 'admin')));
    const responses = await Promise.all(
      sessions.flatMap((session, i) =>
        Array.from({ length: 5 }, () => redeem(app, session, unknownCode(), `198.51.100.${i + 1}`)),
      ),
    );
    expect(errorCodes(responses)).toEqual({ invalid_code: 10, too_many_attempts: 10 });
    // Another user of the tenant is not affected.
    const direkt = await signIn(app.app, 'direkt', 'direkt');
    expect((await redeem(app, direkt, unknownCode(), '198.51.100.9')).json().error.code).toBe('invalid_code');
  });

  it('limits one address across users and sessions', async () => {
    t = await startTestApp({ env: { CODE_MAX_FAILURES_PER_IP: '6' } });
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    const direkt = await signIn(app.app, 'direkt', 'direkt');
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, () => redeem(app, admin, unknownCode(), '203.0.113.77')),
      ...Array.from({ length: 4 }, () => redeem(app, direkt, unknownCode(), '203.0.113.77')),
    ]);
    expect(errorCodes(responses)).toEqual({ invalid_code: 6, too_many_attempts: 2 });
    expect((await redeem(app, direkt, unknownCode(), '203.0.113.78')).json().error.code).toBe('invalid_code');
  });

  it('leaves no try counted on the other keys of a refused redemption', async () => {
    t = await startTestApp();
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    for (let i = 0; i < 5; i++) expect((await redeem(app, admin, unknownCode(), '198.51.100.20')).statusCode).toBe(400);
    const counters = () =>
      app.database.db
        .selectFrom('throttleCounters')
        .select(['key', 'failures'])
        .where('key', 'like', 'redeem%')
        .orderBy('key')
        .execute();
    const before = await counters();
    // The session is at its limit: the one statement that takes all three tries takes the user's and the
    // address' too, and gives them back when it finds the session's refused.
    expect((await redeem(app, admin, unknownCode(), '198.51.100.20')).json().error.code).toBe('too_many_attempts');
    expect(await counters()).toEqual(before);
    expect(before.map((row) => row.failures)).toEqual([5, 5, 5]);
  });

  it('gives a redeemed code its tries back and still redeems a right code after four wrong ones', async () => {
    t = await startTestApp({ env: { CODE_MAX_FAILURES_PER_IP: '5' } });
    const app = t;
    const admin = await signIn(app.app, 'admin', 'admin');
    for (let i = 0; i < 4; i++) expect((await redeem(app, admin, unknownCode())).statusCode).toBe(400);
    const code = await obtainCode(app, admin);
    expect((await redeem(app, admin, code)).statusCode).toBe(200);
    expect((await redeem(app, admin, unknownCode())).json().error.code).toBe('invalid_code');
    expect((await redeem(app, admin, unknownCode())).json().error.code).toBe('too_many_attempts');
    expect((await asUser(app, admin).get('/api/v1/ms365/connection')).json().status).toBe('connected');
  });
});
