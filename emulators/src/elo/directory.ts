import { createHash, timingSafeEqual } from 'node:crypto';
import type { EloRepositoryFixture } from './fixtures.js';

/** ELO's `type` for users and groups in UserInfo/UserName. */
export const TYPE_GROUP = 0;
export const TYPE_USER = 1;

/** One user or group as the emulator answers it. Holds no password: those stay inside EloDirectory. */
export interface DirectoryEntry {
  id: number;
  name: string;
  guid: string;
  type: typeof TYPE_GROUP | typeof TYPE_USER;
  desc: string;
  locked: boolean;
  /** Ids of the groups this entry is a direct member of. */
  directGroupIds: number[];
}

/** ELO writes GUIDs in parentheses; a deterministic one per id keeps answers stable between runs. */
function guidFor(id: number): string {
  return `(00000000-0000-4000-8000-${id.toString(16).toUpperCase().padStart(12, '0')})`;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The user directory of one repository, built from a fixture. Checks the fixture up front so that a typo in a
 * group name fails at start-up instead of silently making someone a non-member.
 */
export class EloDirectory {
  private readonly entries = new Map<number, DirectoryEntry>();
  private readonly passwordDigests = new Map<number, Buffer>();

  constructor(fixture: EloRepositoryFixture) {
    // Groups first, without their parents, so that memberOf and the users' groups can refer to any group.
    for (const group of fixture.groups) this.add({ ...group, type: TYPE_GROUP, desc: '', locked: false });
    for (const user of fixture.users) {
      this.add({ ...user, type: TYPE_USER, desc: user.fullName ?? '', locked: user.locked ?? false });
      this.passwordDigests.set(user.id, digest(user.password));
    }
    for (const group of fixture.groups) this.setGroups(group.id, group.name, group.memberOf ?? []);
    for (const user of fixture.users) this.setGroups(user.id, user.name, user.groups);
  }

  private add(entry: Omit<DirectoryEntry, 'guid' | 'directGroupIds'>): void {
    const { id, name } = entry;
    if (!Number.isSafeInteger(id) || id < 0) throw new Error(`ELO fixture: "${name}" has an invalid id ${id}`);
    if (this.entries.has(id)) throw new Error(`ELO fixture: id ${id} is used twice`);
    if (this.findByName(name)) throw new Error(`ELO fixture: name "${name}" is used twice`);
    this.entries.set(id, {
      id,
      name,
      type: entry.type,
      desc: entry.desc,
      locked: entry.locked,
      guid: guidFor(id),
      directGroupIds: [],
    });
  }

  private setGroups(id: number, owner: string, groupNames: string[]): void {
    const ids = groupNames.map((groupName) => {
      const group = this.findByName(groupName);
      if (group?.type !== TYPE_GROUP) throw new Error(`ELO fixture: "${owner}" refers to unknown group "${groupName}"`);
      return group.id;
    });
    const entry = this.entries.get(id);
    if (entry) entry.directGroupIds = ids;
  }

  all(): DirectoryEntry[] {
    return [...this.entries.values()];
  }

  /** ELO compares user and group names case-insensitively. */
  findByName(name: string): DirectoryEntry | undefined {
    const wanted = name.toLowerCase();
    return this.all().find((entry) => entry.name.toLowerCase() === wanted);
  }

  /** An id in a call may be a numeric id, a GUID or a name, as in ELO's checkoutUsers/getUserNames. */
  find(ref: string | number): DirectoryEntry | undefined {
    if (typeof ref === 'number') return this.entries.get(ref);
    if (/^\d+$/.test(ref)) return this.entries.get(Number(ref));
    if (/^\(.*\)$/.test(ref)) return this.all().find((entry) => entry.guid.toLowerCase() === ref.toLowerCase());
    return this.findByName(ref);
  }

  /** Constant-time comparison so the emulator does not teach bad habits; digests make lengths equal. */
  passwordMatches(userId: number, password: string): boolean {
    const expected = this.passwordDigests.get(userId);
    return expected !== undefined && timingSafeEqual(expected, digest(password));
  }

  directGroupsOf(id: number): DirectoryEntry[] {
    return (this.entries.get(id)?.directGroupIds ?? []).flatMap((groupId) => this.entries.get(groupId) ?? []);
  }

  /** Direct and nested groups, each once; tolerates cycles in the fixture. */
  allGroupsOf(id: number): DirectoryEntry[] {
    const seen = new Map<number, DirectoryEntry>();
    const queue = [...this.directGroupsOf(id)];
    for (let group = queue.shift(); group; group = queue.shift()) {
      if (seen.has(group.id)) continue;
      seen.set(group.id, group);
      queue.push(...this.directGroupsOf(group.id));
    }
    return [...seen.values()];
  }

  /**
   * Makes `memberName` (a user or a group) a direct member of `groupName` or takes it out: an administrator
   * editing the directory while sessions are open. Unknown names are an error, never a silent no-op.
   */
  setDirectMembership(memberName: string, groupName: string, isMember: boolean): void {
    const member = this.findByName(memberName);
    if (!member) throw new Error(`unknown user or group "${memberName}"`);
    const group = this.findByName(groupName);
    if (group?.type !== TYPE_GROUP) throw new Error(`unknown group "${groupName}"`);
    const others = member.directGroupIds.filter((id) => id !== group.id);
    member.directGroupIds = isMember ? [...others, group.id] : others;
  }

  /** Direct members (users and sub-groups) of a group. */
  membersOf(groupId: number): DirectoryEntry[] {
    return this.all().filter((entry) => entry.directGroupIds.includes(groupId));
  }
}
