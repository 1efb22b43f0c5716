import { ARCHIVE_IX } from './archive-exceptions.js';
import { PATH_SEPARATOR } from './archive.js';
import { filingContext, fullPath, requireFolder } from './filing-call.js';
import { isRecord, type IxFunction } from './ix-call.js';

function readPathSords(value: unknown): Array<{ name: string; type?: number }> {
  if (!Array.isArray(value) || value.length === 0) throw ARCHIVE_IX.invalidParam('sords must be a non-empty array');
  return value.map((item, index) => {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.trim() === '') {
      throw ARCHIVE_IX.invalidParam(`sords[${index}].name must be a non-empty string`);
    }
    if (item.name.includes(PATH_SEPARATOR)) {
      throw ARCHIVE_IX.invalidParam(`sords[${index}].name must not contain ${PATH_SEPARATOR}`);
    }
    const type = typeof item.type === 'number' && item.type > 0 && item.type < 254 ? item.type : undefined;
    return { name: item.name, ...(type ? { type } : {}) };
  });
}

/**
 * IXServicePortIF/checkinSordPath: walks the names below `parentId`, creates what is missing in one step (all or
 * nothing: rights are checked before anything is created) and answers the ids of every level, the leaf last.
 * JavaScript runs one call at a time, which gives ELO's "one process at a time" for free.
 */
export const checkinSordPath: IxFunction = (call) => {
  const { userId, archive } = filingContext(call);
  const parent = requireFolder(archive, call.body.parentId, 'parentId');
  const sords = readPathSords(call.body.sords);

  const ids: number[] = [];
  let current = parent;
  let level = 0;
  for (; level < sords.length; level++) {
    const child = archive.childNamed(current.id, sords[level]?.name ?? '');
    if (!child) break;
    if (!archive.isFolder(child)) throw ARCHIVE_IX.invalidParam(`"${child.name}" in the path is a document`);
    ids.push(child.id);
    current = child;
  }
  if (level < sords.length) {
    if (!archive.canWrite(userId, current.id)) throw ARCHIVE_IX.noWriteAccess(fullPath(archive, current));
    const missing = sords.slice(level);
    let created = current;
    for (const sord of missing) {
      created = archive.ensurePath(created.id, [sord.name], userId, [sord.type ?? 1]);
      ids.push(created.id);
    }
  }
  return ids;
};
