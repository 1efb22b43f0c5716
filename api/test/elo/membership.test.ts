import { DEMO_ELO_REPOSITORY, DEMO_MS365_GROUP, startEloEmulator, type RunningEloEmulator } from '@ecm365/emulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EloIxGateway } from '../../src/adapters/elo/index.js';

let elo: RunningEloEmulator;

beforeAll(async () => {
  elo = await startEloEmulator({
    repositories: {
      demo: DEMO_ELO_REPOSITORY,
      'no-lookups': { ...DEMO_ELO_REPOSITORY, allowGroupLookups: false },
      'no-lookups-nested': { ...DEMO_ELO_REPOSITORY, allowGroupLookups: false, groupListIncludesNested: true },
    },
  });
});
beforeEach(() => elo.controls.reset());
afterAll(() => elo.close());

const authenticate = (gateway: EloIxGateway, repository: string, user: string, password = user) =>
  gateway.authenticate({ baseUrl: elo.baseUrl(repository), username: user, password, groupName: DEMO_MS365_GROUP });

describe('membership through the recursive lookup', () => {
  const gateway = new EloIxGateway({ timeoutMs: 2000 });

  it('finds admin in the group through the nested group IT-Administration', async () => {
    expect(await authenticate(gateway, 'demo', 'admin')).toEqual({
      userId: '11',
      userName: 'admin',
      isGroupMember: true,
      membershipSource: 'recursive_lookup',
      session: { ticket: expect.any(String), lifetimeSeconds: 600 },
    });
  });

  it('reports gast as not a member', async () => {
    expect(await authenticate(gateway, 'demo', 'gast')).toMatchObject({
      isGroupMember: false,
      membershipSource: 'recursive_lookup',
    });
  });

  it('finds a direct member and answers ELO’s spelling of the user name', async () => {
    expect(await authenticate(gateway, 'demo', 'DIREKT', 'direkt')).toMatchObject({
      userId: '13',
      userName: 'direkt',
      isGroupMember: true,
    });
  });

  it('reports nobody as a member of a group that does not exist', async () => {
    const identity = await gateway.authenticate({
      baseUrl: elo.baseUrl(),
      username: 'admin',
      password: 'admin',
      groupName: 'Gibt-es-nicht',
    });
    expect(identity.isGroupMember).toBe(false);
  });

  it('keeps the IX session of the login open for the re-checks, and ends it on request', async () => {
    const identity = await authenticate(gateway, 'demo', 'admin');
    const fns = elo.controls.calls().map((call) => call.fn);
    expect(fns[0]).toBe('login');
    expect(fns).toContain('getUserNames');
    expect(fns).not.toContain('logout');
    await gateway.endSession({ baseUrl: elo.baseUrl(), ticket: identity.session.ticket });
    expect(elo.controls.calls().at(-1)?.fn).toBe('logout');
    const recheck = {
      baseUrl: elo.baseUrl(),
      ticket: identity.session.ticket,
      userId: '11',
      groupName: DEMO_MS365_GROUP,
    };
    expect(await gateway.recheckMembership(recheck)).toEqual({ kind: 'session_expired' });
  });

  it('reads the selector numbers from getConstants, whatever they are and however they are written', async () => {
    const renumbered = await startEloEmulator({
      constants: { selectorNumbers: { BY_IDS: 7001, GROUPS_OF_MEMBER_RECURSIVE: 7002 }, bsetAsNumber: true },
    });
    try {
      const identity = await new EloIxGateway({ timeoutMs: 2000 }).authenticate({
        baseUrl: renumbered.baseUrl(),
        username: 'admin',
        password: 'admin',
        groupName: DEMO_MS365_GROUP,
      });
      expect(identity).toMatchObject({ isGroupMember: true, membershipSource: 'recursive_lookup' });
    } finally {
      await renumbered.close();
    }
  });
});

describe('fallback to user.groupList when membership lookups are forbidden', () => {
  const gateway = new EloIxGateway({ timeoutMs: 2000 });

  it('misses the nested membership when groupList holds only direct groups', async () => {
    expect(await authenticate(gateway, 'no-lookups', 'admin')).toMatchObject({
      userId: '11',
      userName: 'admin',
      isGroupMember: false,
      membershipSource: 'group_list',
    });
  });

  it('finds the nested membership when groupList includes nested groups', async () => {
    expect(await authenticate(gateway, 'no-lookups-nested', 'admin')).toMatchObject({
      isGroupMember: true,
      membershipSource: 'group_list',
    });
  });

  it('finds a direct member either way and never grants gast', async () => {
    for (const repository of ['no-lookups', 'no-lookups-nested']) {
      expect(await authenticate(gateway, repository, 'direkt')).toMatchObject({
        isGroupMember: true,
        membershipSource: 'group_list',
      });
      expect(await authenticate(gateway, repository, 'gast')).toMatchObject({
        isGroupMember: false,
        membershipSource: 'group_list',
      });
    }
  });

  it('reports not a member when the group id cannot be resolved', async () => {
    const identity = await gateway.authenticate({
      baseUrl: elo.baseUrl('no-lookups-nested'),
      username: 'admin',
      password: 'admin',
      groupName: 'Gibt-es-nicht',
    });
    expect(identity).toMatchObject({ isGroupMember: false, membershipSource: 'group_list' });
  });
});

describe('constants cache', () => {
  it('fetches getConstants once for many logins, also when they start together', async () => {
    const gateway = new EloIxGateway({ timeoutMs: 2000 });
    await Promise.all(['admin', 'gast', 'direkt', 'admin', 'gast'].map((user) => authenticate(gateway, 'demo', user)));
    await authenticate(gateway, 'demo', 'admin');
    const calls = elo.controls.calls();
    expect(calls.filter((call) => call.fn === 'getConstants')).toHaveLength(1);
    expect(calls.filter((call) => call.fn === 'login')).toHaveLength(6);
  });

  it('fetches again after the TTL', async () => {
    const gateway = new EloIxGateway({ timeoutMs: 2000, constantsTtlMs: 50 });
    await authenticate(gateway, 'demo', 'gast');
    await new Promise((resolve) => setTimeout(resolve, 80));
    await authenticate(gateway, 'demo', 'gast');
    expect(elo.controls.calls().filter((call) => call.fn === 'getConstants')).toHaveLength(2);
  });
});

describe('re-checking the membership with the kept IX session', () => {
  const gateway = new EloIxGateway({ timeoutMs: 2000 });
  const recheck = async (repository: string, user: string, userId: string) => {
    const { session } = await authenticate(gateway, repository, user);
    return (change?: () => void) => {
      change?.();
      return gateway.recheckMembership({
        baseUrl: elo.baseUrl(repository),
        ticket: session.ticket,
        userId,
        groupName: DEMO_MS365_GROUP,
      });
    };
  };
  const takeOut = (repository: string, member: string) => () =>
    elo.controls.setGroupMembership({ repository, member, group: DEMO_MS365_GROUP, isMember: false });

  it('renews the ticket with alive and answers the membership as the directory has it now', async () => {
    const again = await recheck('demo', 'direkt', '13');
    expect(await again()).toEqual({ kind: 'checked', isGroupMember: true });
    expect(elo.controls.calls().map((call) => call.fn)).toContain('alive');
    expect(await again(takeOut('demo', 'direkt'))).toEqual({ kind: 'checked', isGroupMember: false });
  });

  it('sees a nested membership end when the intermediate group leaves the group', async () => {
    const again = await recheck('demo', 'admin', '11');
    expect(await again(takeOut('demo', 'IT-Administration'))).toEqual({ kind: 'checked', isGroupMember: false });
  });

  it('reads a fresh groupList from the directory when membership lookups are forbidden', async () => {
    const again = await recheck('no-lookups', 'direkt', '13');
    expect(await again()).toEqual({ kind: 'checked', isGroupMember: true });
    expect(await again(takeOut('no-lookups', 'direkt'))).toEqual({ kind: 'checked', isGroupMember: false });
  });

  it('answers session_expired for a ticket ELO no longer knows, and throws elo_unavailable when ELO is away', async () => {
    const again = await recheck('demo', 'direkt', '13');
    await expect(again(() => elo.controls.setAvailability('down'))).rejects.toMatchObject({ code: 'elo_unavailable' });
    elo.controls.setAvailability('up');
    expect(await again(() => elo.controls.reset())).toEqual({ kind: 'session_expired' });
  });
});
