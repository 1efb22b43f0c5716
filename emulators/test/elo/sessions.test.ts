import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEloEmulator, type RunningEloEmulator } from '../../src/elo/index.js';
import { CI, ix, loginTicket } from './ix-client.js';

let emulator: RunningEloEmulator;
let base: string;
let nowMs = Date.now();
let recursive: { bset: string };

beforeAll(async () => {
  emulator = await startEloEmulator({ ticketLifetimeSeconds: 600, now: () => nowMs });
  base = emulator.baseUrl();
  const { json } = await ix(base, 'getConstants', {});
  recursive = (json.result as { CHECKOUT_USERS: Record<string, { bset: string }> }).CHECKOUT_USERS
    .GROUPS_OF_MEMBER_RECURSIVE as { bset: string };
});
afterEach(() => emulator.controls.reset());
afterAll(() => emulator.close());

const alive = (ticket: string) => ix(base, 'alive', { ci: { ...CI, ticket } });
const groupsOf = async (ticket: string, user: string) => {
  const { json } = await ix(base, 'getUserNames', { ci: { ...CI, ticket }, ids: [user], checkoutUsersZ: recursive });
  return json.exception ?? (json.result as Array<{ name: string }>).map((entry) => entry.name).sort();
};

describe('alive and ticket expiry', () => {
  it('alive answers null and keeps a ticket valid past its lifetime counted from the login', async () => {
    const ticket = await loginTicket(base, 'direkt', 'direkt');
    nowMs += 500_000;
    expect((await alive(ticket)).json).toEqual({ result: null });
    nowMs += 500_000; // 1000 s after the login, 500 s after alive
    expect(await groupsOf(ticket, 'direkt')).toContain('online.ecm.microsoft365');
  });

  it('lets a ticket that was idle for its lifetime expire: alive and every other call answer [ELOIX:2001]', async () => {
    const ticket = await loginTicket(base, 'direkt', 'direkt');
    nowMs += 600_001;
    expect((await alive(ticket)).json.exception).toMatch(/^\[ELOIX:2001\]/);
    expect(await groupsOf(ticket, 'direkt')).toMatch(/^\[ELOIX:2001\]/);
  });

  it('answers [ELOIX:2001] to alive without a ticket, with an unknown one and after logout', async () => {
    expect((await ix(base, 'alive', { ci: CI })).json.exception).toMatch(/^\[ELOIX:2001\]/);
    expect((await alive('made-up')).json.exception).toMatch(/^\[ELOIX:2001\]/);
    const ticket = await loginTicket(base, 'admin', 'admin');
    await ix(base, 'logout', { ci: { ...CI, ticket } });
    expect((await alive(ticket)).json.exception).toMatch(/^\[ELOIX:2001\]/);
  });
});

describe('changing group memberships at run time', () => {
  it('takes a user out of a group: an open ticket stays valid and the next lookup answers the new state', async () => {
    const ticket = await loginTicket(base, 'direkt', 'direkt');
    emulator.controls.setGroupMembership({
      repository: 'demo',
      member: 'direkt',
      group: 'online.ecm.microsoft365',
      isMember: false,
    });
    expect((await alive(ticket)).json).toEqual({ result: null });
    expect(await groupsOf(ticket, 'direkt')).toEqual(['Jeder']);
  });

  it('works for nested membership over HTTP, refuses unknown names, and reset() restores the fixture', async () => {
    const control = (body: unknown) =>
      fetch(`${emulator.origin}/_emulator/group-membership`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ticket = await loginTicket(base, 'admin', 'admin');
    const change = { repository: 'demo', member: 'IT-Administration', group: 'online.ecm.microsoft365' };
    expect((await control({ ...change, isMember: false })).status).toBe(200);
    expect(await groupsOf(ticket, 'admin')).toEqual(['IT-Administration', 'Jeder']);
    expect((await control({ ...change, member: 'niemand', isMember: false })).status).toBe(400);
    expect((await control({ ...change, group: 'Tippfehler', isMember: false })).status).toBe(400);
    expect((await control({ ...change, repository: 'nope', isMember: false })).status).toBe(404);
    expect((await control({ ...change, isMember: 'no' })).status).toBe(400);

    emulator.controls.reset();
    const fresh = await loginTicket(base, 'admin', 'admin');
    expect(await groupsOf(fresh, 'admin')).toEqual(['IT-Administration', 'Jeder', 'online.ecm.microsoft365']);
  });
});
