import type { DirectoryEntry } from './directory.js';
import type { RepositoryState } from './repository-state.js';

/** ELO's UserInfo shape (the part the emulator knows). */
export function toUserInfo(repository: RepositoryState, entry: DirectoryEntry) {
  const groupList = repository.groupListIncludesNested
    ? repository.directory.allGroupsOf(entry.id).map((group) => group.id)
    : [...entry.directGroupIds];
  return {
    id: entry.id,
    name: entry.name,
    guid: entry.guid,
    type: entry.type,
    flags: 0,
    flags2: 0,
    groupList,
    desc: entry.desc,
  };
}

/** ELO's UserName shape. */
export function toUserName(entry: DirectoryEntry) {
  return { id: entry.id, name: entry.name, guid: entry.guid, type: entry.type };
}
