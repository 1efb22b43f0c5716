/** Readers for the parts of IX results the adapter relies on; they answer null instead of trusting a shape. */

export interface LoginSession {
  ticket: string;
  /** `ticketLifetime`: seconds the ticket stays valid without use; null when the server did not say. */
  ticketLifetimeSeconds: number | null;
  user: { id: number; name: string; groupList: number[] };
}

/** A user or group from UserName[] / UserInfo[]. `type` is 0 for groups, 1 for users, when the server sends it. */
export interface DirectoryEntry {
  id: number;
  name: string;
  type: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ELO ids are integers; some JSON serialisers write them as strings. */
function readId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return null;
}

export function readLoginSession(result: unknown): LoginSession | null {
  if (!isRecord(result) || !isRecord(result.clientInfo) || !isRecord(result.user)) return null;
  const { ticket } = result.clientInfo;
  const { id, name, groupList } = result.user;
  const userId = readId(id);
  if (typeof ticket !== 'string' || ticket === '' || userId === null || typeof name !== 'string') return null;
  // A missing groupList only weakens the fallback; it is no reason to refuse a valid login.
  const lifetime = result.ticketLifetime;
  return {
    ticket,
    ticketLifetimeSeconds: typeof lifetime === 'number' && Number.isInteger(lifetime) && lifetime > 0 ? lifetime : null,
    user: { id: userId, name, groupList: readGroupIds(groupList) ?? [] },
  };
}

function readGroupIds(groupList: unknown): number[] | null {
  return Array.isArray(groupList) ? groupList.map(readId).filter((g): g is number => g !== null) : null;
}

/** The `groupList` of the single UserInfo a checkoutUsers by id answers; null for any other shape. */
export function readUserGroupList(result: unknown): number[] | null {
  if (!Array.isArray(result) || result.length !== 1 || !isRecord(result[0])) return null;
  return readGroupIds(result[0].groupList);
}

export function readDirectoryEntries(result: unknown): DirectoryEntry[] | null {
  if (!Array.isArray(result)) return null;
  const entries: DirectoryEntry[] = [];
  for (const item of result) {
    if (!isRecord(item)) return null;
    const id = readId(item.id);
    if (id === null || typeof item.name !== 'string') return null;
    entries.push({ id, name: item.name, type: typeof item.type === 'number' ? item.type : null });
  }
  return entries;
}
