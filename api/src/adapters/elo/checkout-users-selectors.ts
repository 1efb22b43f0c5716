/**
 * The CHECKOUT_USERS selector numbers as an Indexserver reports them in getConstants. ELO does not publish them,
 * so they are always read from the server, never hard-coded. Kept as strings because ELO sends 64-bit bsets as
 * strings (`{"bset":"12"}`), which is also how they are sent back.
 */
export interface CheckoutUsersSelectors {
  BY_IDS: string | null;
  GROUPS_OF_MEMBER: string | null;
  GROUPS_OF_MEMBER_RECURSIVE: string | null;
  MEMBERS_OF_GROUP: string | null;
}

const NAMES = ['BY_IDS', 'GROUPS_OF_MEMBER', 'GROUPS_OF_MEMBER_RECURSIVE', 'MEMBERS_OF_GROUP'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{bset:"12"}` or `{bset:12}` → "12"; anything else → null. */
export function readBset(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const { bset } = value;
  if (typeof bset === 'string' && /^\d+$/.test(bset.trim())) return bset.trim();
  if (typeof bset === 'number' && Number.isSafeInteger(bset) && bset >= 0) return String(bset);
  return null;
}

/** Reads the selectors from a getConstants result; a missing one is null (the caller falls back to groupList). */
export function readCheckoutUsersSelectors(constants: unknown): CheckoutUsersSelectors {
  const group = isRecord(constants) && isRecord(constants.CHECKOUT_USERS) ? constants.CHECKOUT_USERS : {};
  const entries = NAMES.map((name) => [name, readBset(group[name])] as const);
  return Object.fromEntries(entries) as unknown as CheckoutUsersSelectors;
}
