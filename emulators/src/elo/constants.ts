/**
 * The emulator's answer to getConstants. A real Indexserver publishes its selector numbers there (they are not in
 * ELO's public documentation), so clients must read them instead of hard-coding them. The numbers below are the
 * emulator's own choice; options can change them to prove that a client really reads them.
 */
export const CHECKOUT_USERS_SELECTORS = [
  'ALL_USERS',
  'BY_IDS',
  'GROUPS_OF_MEMBER',
  'GROUPS_OF_MEMBER_RECURSIVE',
  'MEMBERS_OF_GROUP',
] as const;

export type CheckoutUsersSelector = (typeof CHECKOUT_USERS_SELECTORS)[number];

export type CheckoutUsersSelectorNumbers = Record<CheckoutUsersSelector, number>;

export const DEFAULT_CHECKOUT_USERS_SELECTOR_NUMBERS: Readonly<CheckoutUsersSelectorNumbers> = Object.freeze({
  ALL_USERS: 3,
  BY_IDS: 17,
  GROUPS_OF_MEMBER: 33,
  GROUPS_OF_MEMBER_RECURSIVE: 35,
  MEMBERS_OF_GROUP: 65,
});

/** ELO's "no lock" value for lockZ. */
export const LOCK_NO = 0;

export interface EloConstantsOptions {
  selectorNumbers?: Partial<CheckoutUsersSelectorNumbers>;
  /** ELO's JSON writes 64-bit bsets as strings; some serialisers write numbers. Lets tests exercise both. */
  bsetAsNumber?: boolean;
}

export function selectorNumbers(options: EloConstantsOptions = {}): CheckoutUsersSelectorNumbers {
  const numbers = { ...DEFAULT_CHECKOUT_USERS_SELECTOR_NUMBERS, ...options.selectorNumbers };
  if (new Set(Object.values(numbers)).size !== CHECKOUT_USERS_SELECTORS.length) {
    throw new Error('ELO emulator: CHECKOUT_USERS selector numbers must be distinct');
  }
  return numbers;
}

/** Maps a bset sent by a client (string or number) back to the selector name. */
export function selectorByBset(
  numbers: CheckoutUsersSelectorNumbers,
  bset: unknown,
): CheckoutUsersSelector | undefined {
  const value = typeof bset === 'string' && /^\d+$/.test(bset) ? Number(bset) : bset;
  return CHECKOUT_USERS_SELECTORS.find((name) => numbers[name] === value);
}

/** The getConstants result: CHECKOUT_USERS plus unrelated groups, because the real answer is large. */
export function buildConstants(options: EloConstantsOptions = {}): Record<string, unknown> {
  const bset = (n: number) => ({ bset: options.bsetAsNumber ? n : String(n) });
  const group = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([name, n]) => [name, bset(n)]));
  const numbers = selectorNumbers(options);
  return {
    CHECKOUT_USERS: group({ ...numbers }),
    LOCK: group({ NO: LOCK_NO, YES: 1, IF_FREE: 2, FORCE: 3 }),
    ACCESS: group({ READ: 1, WRITE: 2, DELETE: 4, EDIT: 8, EDIT_CONFIG: 16, LIST: 32 }),
    EDIT_INFO: group({ mbSord: 1, mbDocument: 2, mbMask: 4, mbAllSordFields: 8, mbSordDoc: 3, mbSordDocAtt: 19 }),
    SORD: group({ mbMin: 1, mbLean: 2, mbAll: 4, mbAllIndex: 8, mbObjKeys: 16 }),
    DOC_MASK: {
      ...group({ mbAll: 127, mbName: 2, mbLines: 4 }),
      GUID_BASIC: '(E10E1000-E100-E100-E100-E10E10E10E30)',
      GUID_STRUCTURE_ELEMENT: '(E10E1000-E100-E100-E100-E10E10E10E31)',
      lnName: 40,
    },
    DOC_MASK_LINE: { ID_FILENAME: 51, NAME_FILENAME: 'ELO_FNAME' },
    IXEXCEPTION: {
      SERVER_ERROR: 1000,
      INVALID_LICENSE: 1002,
      INVALID_PARAM: 2000,
      INVALID_SESSION: 2001,
      TEMP_PROBLEM: 2003,
      SYNTAX_ERROR: 2007,
      PASSWORD_DENIED: 3007,
      ALREADY_EXISTS: 5005,
      LOCKED: 5022,
      NOT_FOUND: 5023,
    },
    CHECKIN_USERS: group({ NEW_USER: 1, WRITE: 2, PASSWORD: 4 }),
    USER_INFO: { TYPE_GROUP: 0, TYPE_USER: 1, FLAG_ADMIN: 1, FLAG_LOCKED: 2 },
    MAX_ID_LENGTH: 40,
    VERSION: '23.00.000 (ecm365 emulator)',
  };
}
