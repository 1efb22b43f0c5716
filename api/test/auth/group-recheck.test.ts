import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MS365_GROUP } from '@ecm365/emulators';
import { asUser } from '../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterEach(() => t.elo.controls.reset());
afterAll(() => t.close());

const MINUTE = 60_000;

/** What the background job does every minute. */
const runChecks = () => t.services.groupChecks.checkDue();

/** Time passes by `minutes` with the job running every minute, as in production. */
async function minutesPass(minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i++) {
    t.clock.advance(MINUTE);
    await runChecks();
  }
}

const mayConnect = async (who: SignedIn) => (await asUser(t, who).post('/api/v1/ms365/connect')).statusCode;
const accessOf = async (who: SignedIn) => (await asUser(t, who).get('/api/v1/ms365/access')).json();
const takeOut = (member: string) =>
  t.elo.controls.setGroupMembership({ repository: 'acme', member, group: DEMO_MS365_GROUP, isMember: false });
const eloCalls = (fn: string) => t.elo.controls.calls().filter((call) => call.repository === 'acme' && call.fn === fn);
const groupCheckAudit = () =>
  t.database.db
    .selectFrom('auditEvents')
    .select(['actor', 'outcome', 'details'])
    .where('action', '=', 'auth.group_check')
    .orderBy('id')
    .execute();

describe('losing the group takes effect in a running session', () => {
  it('takes the Microsoft 365 rights from a member removed from the group within the check interval', async () => {
    const direkt = await signIn(t.app, 'direkt', 'direkt');
    expect(await mayConnect(direkt)).toBe(201);

    takeOut('direkt');
    await minutesPass(5);

    expect(await mayConnect(direkt)).toBe(403);
    expect(await accessOf(direkt)).toMatchObject({ allowed: false, reason: 'not_member' });
    const session = (await asUser(t, direkt).get('/api/v1/auth/session')).json();
    expect(session.ms365Access).toMatchObject({ allowed: false });
    expect(eloCalls('alive').length).toBeGreaterThan(0);
    expect((await groupCheckAudit()).at(-1)).toMatchObject({
      actor: 'direkt',
      outcome: 'failure',
      details: { reason: 'not_member' },
    });
  });

  it('also when the membership came through a nested group', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    takeOut('IT-Administration');
    await minutesPass(5);
    expect(await mayConnect(admin)).toBe(403);
  });

  it('keeps a member in the group signed in with the rights for hours: alive keeps the ELO ticket from expiring', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const alivesBefore = eloCalls('alive').length;
    // Two hours, far beyond ELO's ticket lifetime (600 s without use), with the portal used now and then.
    for (let quarter = 0; quarter < 8; quarter++) {
      await minutesPass(15);
      expect(await accessOf(admin)).toMatchObject({ allowed: true, reason: 'group_member' });
    }
    expect(eloCalls('alive').length - alivesBefore).toBeGreaterThanOrEqual(24);
    expect(await mayConnect(admin)).toBe(201);
  });

  it('gives the rights to a user added to the group meanwhile', async () => {
    const gast = await signIn(t.app, 'gast', 'gast');
    expect(await mayConnect(gast)).toBe(403);
    t.elo.controls.setGroupMembership({ repository: 'acme', member: 'gast', group: DEMO_MS365_GROUP, isMember: true });
    await minutesPass(5);
    expect(await mayConnect(gast)).toBe(201);
  });
});

describe('when the membership cannot be checked', () => {
  it('takes the rights while ELO is down, and they stay away until the next login', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    t.elo.controls.setAvailability('down');
    await minutesPass(5);
    expect(await mayConnect(admin)).toBe(403);
    expect((await groupCheckAudit()).at(-1)).toMatchObject({
      outcome: 'failure',
      details: { reason: 'elo_unavailable' },
    });

    t.elo.controls.setAvailability('up');
    await minutesPass(10);
    expect(await mayConnect(admin)).toBe(403);
    const again = await signIn(t.app, 'admin', 'admin');
    expect(await mayConnect(again)).toBe(201);
  });

  it('takes the rights when ELO has let the ticket expire (the checks stopped for longer than its lifetime)', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    t.clock.advance(11 * MINUTE); // no check ran: ELO drops the ticket after 600 s without use
    await runChecks();
    expect(await mayConnect(admin)).toBe(403);
    expect((await groupCheckAudit()).at(-1)).toMatchObject({ details: { reason: 'elo_session_expired' } });
  });

  it('takes the rights by itself when ELO has not confirmed the membership for 15 minutes', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    t.clock.advance(14 * MINUTE);
    expect(await mayConnect(admin)).toBe(201);
    t.clock.advance(MINUTE); // no check ran at all (jobs stalled)
    expect(await mayConnect(admin)).toBe(403);
    await runChecks(); // the ELO ticket has expired meanwhile: the rights stay away
    expect(await mayConnect(admin)).toBe(403);
  });
});

describe('the kept ELO session', () => {
  it('is stored only encrypted and ended at ELO at sign-out', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const row = await t.database.db
      .selectFrom('sessions')
      .select(['eloTicket'])
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.eloTicket).toMatch(/^enc1:/);
    const logoutsBefore = eloCalls('logout').length;
    expect((await asUser(t, admin).post('/api/v1/auth/logout')).statusCode).toBe(204);
    await expect.poll(() => eloCalls('logout').length).toBe(logoutsBefore + 1);
  });
});
