import { ROOT_ID } from './archive-fixtures.js';
import { ARCHIVE_IX } from './archive-exceptions.js';
import { PATH_SEPARATOR, splitPath, type EloArchive, type StoredSord } from './archive.js';
import { isRecord, requireSession, type IxCall } from './ix-call.js';
import { IX, IxException } from './ix-exception.js';
import type { Mask } from './mask-catalog.js';
import type { ViewContext } from './sord-view.js';

/** The authenticated user and everything a filing call works with. */
export function filingContext(call: IxCall) {
  const userId = requireSession(call);
  const { repository } = call;
  const view: ViewContext = {
    archive: repository.archive,
    masks: repository.masks,
    ixUrl: call.filing.ixUrl,
    userId,
    ownerName: (id) => repository.directory.find(id)?.name ?? '',
  };
  return { userId, repository, archive: repository.archive, view, services: call.filing.services };
}

/** `¶A¶B¶C` of an entry itself (the root is `¶`). */
export function fullPath(archive: EloArchive, sord: StoredSord): string {
  return sord.id === ROOT_ID ? PATH_SEPARATOR : `${archive.parentPath(sord)}${PATH_SEPARATOR}${sord.name}`;
}

/** A numeric id (number or digits) or a GUID; other forms belong to checkoutSord's resolver. */
export function plainObject(archive: EloArchive, ref: unknown): StoredSord | undefined {
  if (typeof ref === 'number' && Number.isSafeInteger(ref)) return archive.get(ref);
  if (typeof ref !== 'string') return undefined;
  const value = ref.trim();
  if (/^\d+$/.test(value)) return archive.get(Number(value));
  if (/^\(.+\)$/.test(value)) return archive.findByGuid(value);
  return undefined;
}

/** ELO's index wildcards: `%` and `*` match any run of characters; comparison ignores case like ELO's database. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const source = pattern
    .split(/[%*]/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 'is');
  return (value) => regex.test(value);
}

/** Whether an entry has a value matching `valuePattern` in a group matching `groupPattern`. */
export function hasIndexValue(sord: StoredSord, groupPattern: string, valuePattern: string): boolean {
  const groupMatches = wildcardMatcher(groupPattern);
  const valueMatches = wildcardMatcher(valuePattern);
  for (const [group, values] of sord.objKeys) {
    if (groupMatches(group) && values.some(valueMatches)) return true;
  }
  return false;
}

/** The objId forms of checkoutSord (ID, GUID, OKEY:, ARCPATH:, ARCPATH[id]:, MD5:); undefined when none matches. */
export function resolveObjId(archive: EloArchive, ref: unknown): StoredSord | undefined {
  const plain = plainObject(archive, ref);
  if (plain || typeof ref !== 'string') return plain;
  const okey = /^OKEY:([^=]*)=(.*)$/s.exec(ref);
  if (okey) {
    const [, group = '', value = ''] = okey;
    return [...archive.sords.values()].sort((a, b) => a.id - b.id).find((sord) => hasIndexValue(sord, group, value));
  }
  const arcpath = /^ARCPATH(?:\[([^\]]+)\])?:(.*)$/s.exec(ref);
  if (arcpath) {
    const [, base, path = ''] = arcpath;
    const baseSord = base === undefined ? archive.get(ROOT_ID) : plainObject(archive, base);
    return baseSord ? archive.resolvePath(baseSord.id, splitPath(path)) : undefined;
  }
  const md5 = /^MD5:(.+)$/s.exec(ref);
  // ELO wants upper-case hex: a lower-case hash finds nothing, as it does there.
  if (md5) return archive.documents().find((sord) => sord.document?.md5 === md5[1]);
  if (/^LMATCH:/.test(ref)) throw IX.notEmulated('LMATCH object ids');
  return undefined;
}

/** A folder given by id or GUID, or [ELOIX:5023]; a document answers invalid parameter. */
export function requireFolder(archive: EloArchive, ref: unknown, what: string): StoredSord {
  const sord = plainObject(archive, ref);
  if (!sord) throw ARCHIVE_IX.notFound(`${what} ${JSON.stringify(ref ?? null)}`);
  if (!archive.isFolder(sord)) throw ARCHIVE_IX.invalidParam(`${what} ${sord.id} is a document, not a folder`);
  return sord;
}

/** The answer for a mask the `rejectMask` control switched off. */
export function assertMaskAccepted(call: IxCall, mask: Mask): void {
  const code = call.repository.rejectedMasks.get(mask.id);
  if (code !== undefined) throw new IxException(code, `Keywording form "${mask.name}" refuses new entries.`);
}

export function requireRecord(body: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = body[name];
  if (!isRecord(value)) throw ARCHIVE_IX.invalidParam(`${name} must be an object`);
  return value;
}

/** LOCK.NO is the only lock the emulator grants; anything else would pretend a lock it does not keep. */
export function assertNoLock(value: unknown): void {
  if (value === undefined || value === null) return;
  const bset = isRecord(value) ? value.bset : value;
  if (bset !== undefined && bset !== null && Number(bset) !== 0) throw IX.notEmulated('locking (lockZ other than NO)');
}
