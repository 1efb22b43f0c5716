import { describe, expect, it } from 'vitest';
import { readBset, readCheckoutUsersSelectors } from './checkout-users-selectors.js';

describe('readBset', () => {
  it('reads string and number bsets as strings', () => {
    expect(readBset({ bset: '12' })).toBe('12');
    expect(readBset({ bset: 12 })).toBe('12');
    expect(readBset({ bset: ' 7 ' })).toBe('7');
    expect(readBset({ bset: 0 })).toBe('0');
  });

  it.each([
    undefined,
    null,
    12,
    '12',
    {},
    { bset: 'x1' },
    { bset: -1 },
    { bset: 1.5 },
    { bset: null },
    [{ bset: '1' }],
  ])('answers null for %j', (value) => {
    expect(readBset(value)).toBeNull();
  });
});

describe('readCheckoutUsersSelectors', () => {
  it('reads the selectors from CHECKOUT_USERS and ignores everything else', () => {
    const constants = {
      LOCK: { NO: { bset: '0' } },
      CHECKOUT_USERS: {
        ALL_USERS: { bset: '1' },
        BY_IDS: { bset: '17' },
        GROUPS_OF_MEMBER: { bset: 33 },
        GROUPS_OF_MEMBER_RECURSIVE: { bset: '35' },
        MEMBERS_OF_GROUP: { bset: '65' },
      },
    };
    expect(readCheckoutUsersSelectors(constants)).toEqual({
      BY_IDS: '17',
      GROUPS_OF_MEMBER: '33',
      GROUPS_OF_MEMBER_RECURSIVE: '35',
      MEMBERS_OF_GROUP: '65',
    });
  });

  it('answers null for missing selectors', () => {
    expect(readCheckoutUsersSelectors({ CHECKOUT_USERS: { BY_IDS: { bset: '4' } } })).toEqual({
      BY_IDS: '4',
      GROUPS_OF_MEMBER: null,
      GROUPS_OF_MEMBER_RECURSIVE: null,
      MEMBERS_OF_GROUP: null,
    });
    expect(readCheckoutUsersSelectors(null).GROUPS_OF_MEMBER_RECURSIVE).toBeNull();
    expect(readCheckoutUsersSelectors({}).BY_IDS).toBeNull();
  });
});
