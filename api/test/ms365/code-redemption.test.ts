import { randomBytes } from 'node:crypto';
import { formatMs365Code } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, codeOf, obtainCode, walkConnector } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const redeem = (who: SignedIn, code: string) => asUser(t, who).post('/api/v1/ms365/connection', { code });
const errorCodeOf = async (response: ReturnType<typeof redeem>) => (await response).json().error?.code;

describe('redeeming the MS365 code (SPEC §4)', () => {
  it('catches a typo by the check character before asking the database', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const code = await obtainCode(t, admin);
    const typo = code.replace(/^(.)/, (c) => (c === '7' ? '8' : '7'));
    const response = await redeem(admin, typo);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'invalid_code_format' });
    expect(response.body).not.toContain(code);
    expect(await errorCodeOf(redeem(admin, 'hello'))).toBe('invalid_code_format');
    expect((await redeem(admin, code)).statusCode).toBe(200); // the typo did not burn the real code
  });

  it('answers one invalid_code for unknown, used, expired and foreign codes', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    expect(await errorCodeOf(redeem(admin, formatMs365Code(randomBytes(17))))).toBe('invalid_code');

    const used = await obtainCode(t, admin);
    expect((await redeem(admin, used)).statusCode).toBe(200);
    expect(await errorCodeOf(redeem(admin, used))).toBe('invalid_code');

    const expiring = await signIn(t.app, 'admin', 'admin');
    const { attemptId } = (await asUser(t, expiring).post('/api/v1/ms365/connect')).json();
    const walked = await walkConnector(t, expiring, { account: 'admin@contoso.example', action: 'accept' }, attemptId);
    expect(walked.attempt.status).toBe('code_ready');
    const stale = await codeOf(t, expiring, attemptId);
    t.clock.advance(10 * 60_000 + 1000);
    expect(await errorCodeOf(redeem(expiring, stale))).toBe('invalid_code');
    // The very attempt whose code came too late is expired (not redeemed).
    expect((await asUser(t, expiring).get(`/api/v1/ms365/connect/${attemptId}`)).json().status).toBe('expired');
  });

  it('shows the code only while fresh: 410 code_expired afterwards', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const user = asUser(t, admin);
    const { attemptId } = (await user.post('/api/v1/ms365/connect')).json();
    await walkConnector(t, admin, { account: 'admin@contoso.example', action: 'accept' }, attemptId);
    expect((await user.get(`/api/v1/ms365/connect/${attemptId}/code`)).statusCode).toBe(200);
    t.clock.advance(10 * 60_000 + 1000);
    const late = await user.get(`/api/v1/ms365/connect/${attemptId}/code`);
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('code_expired');
  });

  it('accepts a code only from the ELO user who started the attempt, in the same tenant', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const code = await obtainCode(t, admin);
    const colleague = await signIn(t.app, 'direkt', 'direkt'); // also in the group, same tenant
    expect(await errorCodeOf(redeem(colleague, code))).toBe('invalid_code');
    const otherTenant = await signIn(t.app, 'admin', 'admin', 'other');
    expect(await errorCodeOf(redeem(otherTenant, code))).toBe('invalid_code');
    const sameUserNewSession = await signIn(t.app, 'admin', 'admin');
    expect((await redeem(sameUserNewSession, code)).statusCode).toBe(200);
  });

  it('blocks a session after five wrong codes with 429 and Retry-After', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const good = await obtainCode(t, admin);
    for (let i = 0; i < 5; i++)
      expect(await errorCodeOf(redeem(admin, formatMs365Code(randomBytes(17))))).toBe('invalid_code');
    const blocked = await redeem(admin, good);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets exactly one of 50 concurrent redemptions of one code succeed', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const code = await obtainCode(t, admin);
    const sessions = await Promise.all(Array.from({ length: 5 }, () => signIn(t.app, 'admin', 'admin')));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => redeem(sessions[i % sessions.length] as SignedIn, code)),
    );
    const statuses = results.map((result) => result.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.every((status) => [200, 400, 429].includes(status))).toBe(true);
  });
});
