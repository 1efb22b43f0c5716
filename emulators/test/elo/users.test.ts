import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ELO_REPOSITORY, startEloEmulator, type RunningEloEmulator } from '../../src/elo/index.js';
import { CI, ix, loginTicket } from './ix-client.js';

let emulator: RunningEloEmulator;
let base: string;
let ticket: string;
let selectors: Record<string, { bset: string }>;

const names = (result: unknown) => (result as Array<{ name: string }>).map((entry) => entry.name).sort();

beforeAll(async () => {
  emulator = await startEloEmulator({
    repositories: { demo: DEMO_ELO_REPOSITORY, locked: { ...DEMO_ELO_REPOSITORY, allowGroupLookups: false } },
  });
  base = emulator.baseUrl();
  ticket = await loginTicket(base, 'gast', 'gast');
  const { json } = await ix(base, 'getConstants', {});
  selectors = (json.result as { CHECKOUT_USERS: typeof selectors }).CHECKOUT_USERS;
});
afterAll(() => emulator.close());

const getUserNames = (ids: unknown[], selector: string) =>
  ix(base, 'getUserNames', { ci: { ...CI, ticket }, ids, checkoutUsersZ: selectors[selector] });

describe('getConstants', () => {
  it('needs no login and lists the CHECKOUT_USERS selectors as string bsets among other constants', async () => {
    const { status, json } = await ix(base, 'getConstants', {});
    expect(status).toBe(200);
    const result = json.result as Record<string, unknown>;
    expect(Object.keys(result).length).toBeGreaterThan(3);
    for (const name of ['BY_IDS', 'GROUPS_OF_MEMBER', 'GROUPS_OF_MEMBER_RECURSIVE', 'MEMBERS_OF_GROUP', 'ALL_USERS']) {
      expect(selectors[name]).toEqual({ bset: expect.stringMatching(/^\d+$/) });
    }
  });

  it('can report other numbers, as numbers, and then answers to those', async () => {
    const other = await startEloEmulator({ constants: { selectorNumbers: { BY_IDS: 1001 }, bsetAsNumber: true } });
    try {
      const { json } = await ix(other.baseUrl(), 'getConstants', {});
      expect((json.result as { CHECKOUT_USERS: unknown }).CHECKOUT_USERS).toMatchObject({ BY_IDS: { bset: 1001 } });
      const otherTicket = await loginTicket(other.baseUrl(), 'gast', 'gast');
      const answer = await ix(other.baseUrl(), 'getUserNames', {
        ci: { ticket: otherTicket },
        ids: ['12'],
        checkoutUsersZ: { bset: '1001' },
      });
      expect(names(answer.json.result)).toEqual(['gast']);
    } finally {
      await other.close();
    }
  });
});

describe('getUserNames', () => {
  it('BY_IDS answers UserName entries for ids, names and GUIDs', async () => {
    const { json } = await getUserNames(['12', 'online.ecm.microsoft365'], 'BY_IDS');
    expect(json.result).toEqual([
      { id: 12, name: 'gast', guid: expect.any(String), type: 1 },
      { id: 9001, name: 'online.ecm.microsoft365', guid: expect.any(String), type: 0 },
    ]);
    const guid = (json.result as Array<{ guid: string }>)[0]!.guid;
    expect(names((await getUserNames([guid], 'BY_IDS')).json.result)).toEqual(['gast']);
  });

  it('GROUPS_OF_MEMBER answers only the direct groups', async () => {
    expect(names((await getUserNames(['11'], 'GROUPS_OF_MEMBER')).json.result)).toEqual(['IT-Administration', 'Jeder']);
  });

  it('GROUPS_OF_MEMBER_RECURSIVE includes groups reached through nested groups', async () => {
    const { json } = await getUserNames(['11'], 'GROUPS_OF_MEMBER_RECURSIVE');
    expect(names(json.result)).toEqual(['IT-Administration', 'Jeder', 'online.ecm.microsoft365']);
    expect((json.result as Array<{ type: number }>).every((entry) => entry.type === 0)).toBe(true);
    expect(names((await getUserNames(['12'], 'GROUPS_OF_MEMBER_RECURSIVE')).json.result)).toEqual([
      'Buchhaltung',
      'Jeder',
    ]);
  });

  it('MEMBERS_OF_GROUP answers the direct members, users and groups', async () => {
    const { json } = await getUserNames(['online.ecm.microsoft365'], 'MEMBERS_OF_GROUP');
    expect(names(json.result)).toEqual(['IT-Administration', 'direkt', 'gesperrt']);
  });

  it('answers an exception for an unknown selector, an unknown id or a missing ticket', async () => {
    const unknownSelector = await ix(base, 'getUserNames', {
      ci: { ticket },
      ids: ['12'],
      checkoutUsersZ: { bset: '424242' },
    });
    expect(unknownSelector.json.exception).toMatch(/^\[ELOIX:\d+\]/);
    expect((await getUserNames(['nobody'], 'BY_IDS')).json.exception).toMatch(/^\[ELOIX:\d+\]/);
    const noTicket = await ix(base, 'getUserNames', { ci: CI, ids: ['12'], checkoutUsersZ: selectors.BY_IDS });
    expect(noTicket.json.exception).toMatch(/^\[ELOIX:2001\]/);
    const badTicket = await ix(base, 'getUserNames', {
      ci: { ticket: 'forged' },
      ids: ['12'],
      checkoutUsersZ: selectors.BY_IDS,
    });
    expect(badTicket.json.exception).toMatch(/^\[ELOIX:2001\]/);
  });

  it('answers a permission exception to membership lookups when the repository forbids them', async () => {
    const lockedBase = emulator.baseUrl('locked');
    const lockedTicket = await loginTicket(lockedBase, 'admin', 'admin');
    const body = (selector: string) => ({
      ci: { ticket: lockedTicket },
      ids: ['11'],
      checkoutUsersZ: selectors[selector],
      lockZ: { bset: '0' },
    });
    for (const fn of ['getUserNames', 'checkoutUsers']) {
      for (const selector of ['GROUPS_OF_MEMBER', 'GROUPS_OF_MEMBER_RECURSIVE', 'MEMBERS_OF_GROUP', 'ALL_USERS']) {
        expect((await ix(lockedBase, fn, body(selector))).json.exception).toMatch(/^\[ELOIX:\d+\].*access denied/i);
      }
      // Naming entries is still allowed, so that a client can resolve the group id for its groupList fallback.
      expect(names((await ix(lockedBase, fn, body('BY_IDS'))).json.result)).toEqual(['admin']);
    }
  });
});

describe('checkoutUsers', () => {
  const checkoutUsers = (ids: unknown[]) =>
    ix(base, 'checkoutUsers', { ci: { ...CI, ticket }, ids, checkoutUsersZ: selectors.BY_IDS, lockZ: { bset: '0' } });

  it('resolves a group name to its UserInfo', async () => {
    const { json } = await checkoutUsers(['online.ecm.microsoft365']);
    expect(json.result).toEqual([
      {
        id: 9001,
        name: 'online.ecm.microsoft365',
        guid: expect.any(String),
        type: 0,
        flags: 0,
        flags2: 0,
        groupList: [],
        desc: '',
      },
    ]);
  });

  it('resolves numeric ids (as strings) and answers groupList', async () => {
    const { json } = await checkoutUsers(['9002', '13']);
    expect(json.result).toMatchObject([
      { id: 9002, name: 'IT-Administration', type: 0, groupList: [9001] },
      { id: 13, name: 'direkt', type: 1, groupList: [9001, 9004] },
    ]);
  });

  it('never answers a password', async () => {
    const { json } = await ix(base, 'checkoutUsers', {
      ci: { ticket },
      checkoutUsersZ: selectors.ALL_USERS,
      lockZ: { bset: '0' },
    });
    expect((json.result as unknown[]).length).toBe(
      DEMO_ELO_REPOSITORY.users.length + DEMO_ELO_REPOSITORY.groups.length,
    );
    expect(JSON.stringify(json)).not.toMatch(/pass|pwd/i);
  });
});
