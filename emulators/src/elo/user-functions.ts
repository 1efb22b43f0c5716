import { CHECKOUT_USERS_SELECTORS, LOCK_NO, selectorByBset, type CheckoutUsersSelector } from './constants.js';
import { TYPE_GROUP, type DirectoryEntry } from './directory.js';
import { isRecord, requireSession, type IxCall, type IxFunction } from './ix-call.js';
import { IX } from './ix-exception.js';
import type { RepositoryState } from './repository-state.js';
import { toUserInfo, toUserName } from './user-info.js';

function readSelector(call: IxCall): CheckoutUsersSelector {
  const z = call.body.checkoutUsersZ;
  const selector = isRecord(z) ? selectorByBset(call.selectorNumbers, z.bset) : undefined;
  if (!selector) throw IX.invalidArgument(`unknown checkoutUsersZ; known: ${CHECKOUT_USERS_SELECTORS.join(', ')}`);
  return selector;
}

function readIds(body: Record<string, unknown>): Array<string | number> {
  const { ids } = body;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' || typeof id === 'number')) {
    throw IX.invalidArgument('ids must be a non-empty array of names, ids or GUIDs');
  }
  return ids;
}

/** The entries a selector picks for the given ids, each once, in order of first appearance. */
function select(repository: RepositoryState, selector: CheckoutUsersSelector, body: Record<string, unknown>) {
  const { directory } = repository;
  if (selector === 'ALL_USERS') return directory.all();
  const picked = new Map<number, DirectoryEntry>();
  for (const ref of readIds(body)) {
    const entry = directory.find(ref);
    if (!entry) throw IX.notFound(`user or group "${String(ref)}"`);
    const found =
      selector === 'BY_IDS'
        ? [entry]
        : selector === 'GROUPS_OF_MEMBER'
          ? directory.directGroupsOf(entry.id)
          : selector === 'GROUPS_OF_MEMBER_RECURSIVE'
            ? directory.allGroupsOf(entry.id)
            : membersOfGroup(repository, entry);
    for (const item of found) if (!picked.has(item.id)) picked.set(item.id, item);
  }
  return [...picked.values()];
}

function membersOfGroup(repository: RepositoryState, entry: DirectoryEntry): DirectoryEntry[] {
  if (entry.type !== TYPE_GROUP) throw IX.invalidArgument(`"${entry.name}" is not a group`);
  return repository.directory.membersOf(entry.id);
}

/**
 * Checks the ticket, then the right to read memberships. Without that right only BY_IDS still answers: naming
 * an entry is not a membership lookup, and clients need the group's id to fall back to `user.groupList`.
 */
function authorise(call: IxCall, selector: CheckoutUsersSelector): void {
  requireSession(call);
  if (!call.repository.allowGroupLookups && selector !== 'BY_IDS') {
    throw IX.accessDenied('the user may not read group memberships');
  }
}

/** IXServicePortIF/checkoutUsers → UserInfo[]. */
export const checkoutUsers: IxFunction = (call) => {
  requireSession(call);
  const selector = readSelector(call);
  authorise(call, selector);
  const { lockZ } = call.body;
  // Locking user records is not needed by anyone using the emulator; refuse instead of pretending.
  if (isRecord(lockZ) && Number(lockZ.bset) !== LOCK_NO) throw IX.notEmulated('lockZ other than LOCK.NO');
  return select(call.repository, selector, call.body).map((entry) => toUserInfo(call.repository, entry));
};

/** IXServicePortIF/getUserNames → UserName[]. */
export const getUserNames: IxFunction = (call) => {
  requireSession(call);
  const selector = readSelector(call);
  authorise(call, selector);
  return select(call.repository, selector, call.body).map(toUserName);
};
