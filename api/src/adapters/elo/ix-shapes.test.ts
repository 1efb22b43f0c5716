import { describe, expect, it } from 'vitest';
import { readDirectoryEntries, readLoginSession, readUserGroupList } from './ix-shapes.js';

describe('readLoginSession', () => {
  const result = {
    clientInfo: { ticket: 't-1', language: 'de', country: 'DE', timeZone: 'UTC' },
    ticketLifetime: 600,
    user: { id: 42, name: 'mueller', guid: '(x)', type: 1, flags: 0, flags2: 0, groupList: [9998, '9999'], desc: '' },
  };

  it('reads ticket, its lifetime, user id, name and group ids', () => {
    expect(readLoginSession(result)).toEqual({
      ticket: 't-1',
      ticketLifetimeSeconds: 600,
      user: { id: 42, name: 'mueller', groupList: [9998, 9999] },
    });
  });

  it.each([undefined, 0, -5, 1.5, '600'])('answers no lifetime for ticketLifetime %j', (ticketLifetime) => {
    expect(readLoginSession({ ...result, ticketLifetime })?.ticketLifetimeSeconds).toBeNull();
  });

  it('accepts a missing groupList as empty', () => {
    expect(readLoginSession({ ...result, user: { id: '42', name: 'm' } })?.user).toEqual({
      id: 42,
      name: 'm',
      groupList: [],
    });
  });

  it.each([null, {}, { clientInfo: {}, user: { id: 1, name: 'x' } }, { ...result, user: { name: 'x' } }])(
    'answers null for %j',
    (value) => {
      expect(readLoginSession(value)).toBeNull();
    },
  );
});

describe('readDirectoryEntries', () => {
  it('reads UserName and UserInfo arrays', () => {
    expect(
      readDirectoryEntries([
        { id: 1, name: 'g', guid: '(x)', type: 0 },
        { id: '2', name: 'u' },
      ]),
    ).toEqual([
      { id: 1, name: 'g', type: 0 },
      { id: 2, name: 'u', type: null },
    ]);
  });

  it.each([null, {}, [null], [{ id: 1 }], [{ name: 'x' }]])('answers null for %j', (value) => {
    expect(readDirectoryEntries(value)).toBeNull();
  });
});

describe('readUserGroupList', () => {
  it('reads the groupList of the one UserInfo of a checkoutUsers by id', () => {
    expect(readUserGroupList([{ id: 13, name: 'direkt', groupList: [9001, '9004'] }])).toEqual([9001, 9004]);
  });

  it.each([null, [], [{ id: 1 }, { id: 2 }], [null], [{ id: 13, groupList: 'x' }]])('answers null for %j', (value) => {
    expect(readUserGroupList(value)).toBeNull();
  });
});
