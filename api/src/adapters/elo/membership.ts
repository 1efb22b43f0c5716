import type { CheckoutUsersSelectors } from './checkout-users-selectors.js';
import { withTicket } from './client-info.js';
import { IxCallException, type IxClient } from './ix-client.js';
import { readDirectoryEntries, readUserGroupList, type DirectoryEntry, type LoginSession } from './ix-shapes.js';

export interface Membership {
  isGroupMember: boolean;
  membershipSource: 'recursive_lookup' | 'group_list';
}

export interface MembershipQuery {
  client: IxClient;
  baseUrl: string;
  session: LoginSession;
  groupName: string;
  /** The server's selector numbers (cached by the caller); may throw IxCallException. */
  selectors: () => Promise<CheckoutUsersSelectors>;
  /**
   * Where the fallback reads the user's groupList: from the login answer (at sign-in), or asked afresh from the
   * directory (a re-check later in the session, when the login's list may be out of date).
   */
  groupListFrom?: 'login' | 'directory';
}

const TYPE_USER = 1;
const LOCK_NO = { bset: '0' };

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Runs a directory lookup and answers null when the server refuses it (missing right, unknown selector) or
 * answers an unexpected shape: both mean "use the fallback". Transport failures (EloUnavailableError) propagate,
 * because a flaky server should fail the login rather than quietly under-report membership.
 */
async function lookup(
  query: MembershipQuery,
  fn: string,
  body: Record<string, unknown>,
): Promise<DirectoryEntry[] | null> {
  try {
    return readDirectoryEntries(await query.client.call(query.baseUrl, fn, body));
  } catch (error) {
    if (error instanceof IxCallException) return null;
    throw error;
  }
}

/** The group's numeric id via checkoutUsers, else getUserNames (which some servers allow to more users). */
async function resolveGroupId(query: MembershipQuery, byIds: string | null): Promise<number | null> {
  if (byIds === null) return null;
  const ci = withTicket(query.session.ticket);
  const selector = { bset: byIds };
  const found =
    (await lookup(query, 'checkoutUsers', { ci, ids: [query.groupName], checkoutUsersZ: selector, lockZ: LOCK_NO })) ??
    (await lookup(query, 'getUserNames', { ci, ids: [query.groupName], checkoutUsersZ: selector }));
  const group = found?.find((entry) => entry.type !== TYPE_USER && sameName(entry.name, query.groupName));
  return group?.id ?? null;
}

/** All groups of the user, nested ones included, or null when the server will not tell. */
async function recursiveGroups(query: MembershipQuery, recursive: string | null): Promise<DirectoryEntry[] | null> {
  if (recursive === null) return null;
  const groups = await lookup(query, 'getUserNames', {
    ci: withTicket(query.session.ticket),
    ids: [String(query.session.user.id)],
    checkoutUsersZ: { bset: recursive },
  });
  return groups?.filter((entry) => entry.type !== TYPE_USER) ?? null;
}

/** The user's groupList as the directory has it now (checkoutUsers by id), or null when the server will not tell. */
async function currentGroupList(query: MembershipQuery, byIds: string | null): Promise<number[] | null> {
  if (byIds === null) return null;
  try {
    const result = await query.client.call(query.baseUrl, 'checkoutUsers', {
      ci: withTicket(query.session.ticket),
      ids: [String(query.session.user.id)],
      checkoutUsersZ: { bset: byIds },
      lockZ: LOCK_NO,
    });
    return readUserGroupList(result);
  } catch (error) {
    if (error instanceof IxCallException) return null;
    throw error;
  }
}

/**
 * Whether the logged-in user is in `groupName`. Prefers asking the server for the user's groups recursively,
 * because whether `groupList` includes nested groups is not certain; falls back to `groupList` when the lookups
 * are refused. Without a resolvable group id the fallback cannot compare ids, so it answers "not a member".
 */
export async function checkMembership(query: MembershipQuery): Promise<Membership> {
  let selectors: CheckoutUsersSelectors | null;
  try {
    selectors = await query.selectors();
  } catch (error) {
    if (!(error instanceof IxCallException)) throw error;
    selectors = null;
  }
  const [groupId, groups] = await Promise.all([
    resolveGroupId(query, selectors?.BY_IDS ?? null),
    recursiveGroups(query, selectors?.GROUPS_OF_MEMBER_RECURSIVE ?? null),
  ]);
  if (groups) {
    const isGroupMember = groups.some((group) =>
      groupId !== null ? group.id === groupId : sameName(group.name, query.groupName),
    );
    return { isGroupMember, membershipSource: 'recursive_lookup' };
  }
  const groupList =
    query.groupListFrom === 'directory'
      ? await currentGroupList(query, selectors?.BY_IDS ?? null)
      : query.session.user.groupList;
  return {
    isGroupMember: groupId !== null && groupList !== null && groupList.includes(groupId),
    membershipSource: 'group_list',
  };
}
