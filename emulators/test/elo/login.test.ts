import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ELO_REPOSITORY, startEloEmulator, type RunningEloEmulator } from '../../src/elo/index.js';
import { CI, ix, loginBody, loginTicket } from './ix-client.js';

let emulator: RunningEloEmulator;
let base: string;

beforeAll(async () => {
  emulator = await startEloEmulator({
    repositories: {
      demo: DEMO_ELO_REPOSITORY,
      nested: { ...DEMO_ELO_REPOSITORY, groupListIncludesNested: true },
      modern: { ...DEMO_ELO_REPOSITORY, passwordLoginDisabled: true },
    },
  });
  base = emulator.baseUrl();
});
afterAll(() => emulator.close());

describe('login', () => {
  it('answers clientInfo with a ticket, the lifetime and the UserInfo with direct group ids', async () => {
    const { status, json } = await ix(base, 'login', loginBody('admin', 'admin'));
    expect(status).toBe(200);
    expect(json).toEqual({
      result: {
        clientInfo: { ticket: expect.any(String), ...CI },
        ticketLifetime: 600,
        user: {
          id: 11,
          name: 'admin',
          guid: expect.stringMatching(/^\(.+\)$/),
          type: 1,
          flags: 0,
          flags2: 0,
          groupList: [9002, 9004],
          desc: 'Demo-Administrator',
        },
      },
    });
  });

  it('treats the user name case-insensitively', async () => {
    const { json } = await ix(base, 'login', loginBody('ADMIN', 'admin'));
    expect(json.result).toMatchObject({ user: { name: 'admin' } });
  });

  it('lists nested groups in groupList when the fixture says so', async () => {
    const { json } = await ix(emulator.baseUrl('nested'), 'login', loginBody('admin', 'admin'));
    expect((json.result as { user: { groupList: number[] } }).user.groupList.sort()).toEqual([9001, 9002, 9004]);
  });

  it.each([
    ['wrong password', 'admin', 'wrong'],
    ['unknown user', 'nobody', 'admin'],
    ['locked user', 'gesperrt', 'gesperrt'],
    ['a group name', 'Buchhaltung', ''],
  ])('answers [ELOIX:3008] with HTTP 200 for a %s', async (_case, user, password) => {
    const { status, json } = await ix(base, 'login', loginBody(user, password));
    expect(status).toBe(200);
    expect(json).toEqual({ exception: expect.stringMatching(/^\[ELOIX:3008\]/) });
  });

  it('answers [ELOIX:3007] saying password login is disabled when Modern Authentication is on', async () => {
    const { json } = await ix(emulator.baseUrl('modern'), 'login', loginBody('admin', 'admin'));
    expect(json.exception).toMatch(/^\[ELOIX:3007\].*password login is disabled/i);
  });

  it('requires the ci object', async () => {
    const { json } = await ix(base, 'login', {
      userName: 'admin',
      userPwd: 'admin',
      clientComputer: 'x',
      runAsUser: '',
    });
    expect(json.exception).toMatch(/^\[ELOIX:\d+\].*ci/);
    expect(json.result).toBeUndefined();
  });
});

describe('tickets', () => {
  it('logout ends the session: the ticket then answers [ELOIX:2001]', async () => {
    const ticket = await loginTicket(base, 'gast', 'gast');
    expect(await ix(base, 'logout', { ci: { ...CI, ticket } })).toEqual({ status: 200, json: { result: null } });
    const { json } = await ix(base, 'logout', { ci: { ...CI, ticket } });
    expect(json.exception).toMatch(/^\[ELOIX:2001\]/);
  });

  it('accepts the ticket as Authorization: Bearer', async () => {
    const ticket = await loginTicket(base, 'gast', 'gast');
    const { json } = await ix(base, 'logout', {}, { authorization: `Bearer ${ticket}` });
    expect(json).toEqual({ result: null });
  });

  it('rejects a ticket of another repository', async () => {
    const ticket = await loginTicket(base, 'gast', 'gast');
    const { json } = await ix(emulator.baseUrl('nested'), 'logout', { ci: { ticket } });
    expect(json.exception).toMatch(/^\[ELOIX:2001\]/);
  });

  it('expires a ticket after ticketLifetime without use', async () => {
    const shortLived = await startEloEmulator({ ticketLifetimeSeconds: 1 });
    try {
      const { json } = await ix(shortLived.baseUrl(), 'login', loginBody('gast', 'gast'));
      const { ticketLifetime, clientInfo } = json.result as { ticketLifetime: number; clientInfo: { ticket: string } };
      expect(ticketLifetime).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const after = await ix(shortLived.baseUrl(), 'logout', { ci: { ticket: clientInfo.ticket } });
      expect(after.json.exception).toMatch(/^\[ELOIX:2001\]/);
    } finally {
      await shortLived.close();
    }
  });
});
