import { ROOT_ID } from './archive-fixtures.js';
import { isoStamp, PATH_SEPARATOR, type EloArchive, type StoredSord, type StoredVersion } from './archive.js';
import type { Mask, MaskCatalog } from './mask-catalog.js';

/** What the views need besides the entry: where downloads are served and who asks (for `access`). */
export interface ViewContext {
  archive: EloArchive;
  masks: MaskCatalog;
  /** e.g. http://127.0.0.1:PORT/ix-demo */
  ixUrl: string;
  userId: number;
  ownerName: (id: number) => string;
}

/** AccessC.LUR_READ | LUR_WRITE | LUR_DELETE | LUR_EDIT | LUR_LIST (as the emulator's getConstants ACCESS). */
const ACCESS_READ = 1 + 32;
const ACCESS_WRITE = 2 + 4 + 8;

/** ELO's DocVersion for a stored version; `size` is a string in ELO's JSON. */
export function toDocVersion(version: StoredVersion, objId: number, ixUrl: string) {
  return {
    id: version.id,
    guid: version.guid,
    ext: version.ext,
    contentType: version.contentType,
    size: String(version.size),
    md5: version.md5,
    version: version.version,
    comment: version.comment,
    workVersion: true,
    deleted: false,
    milestone: false,
    createDateIso: isoStamp(version.createdAt),
    updateDateIso: isoStamp(version.createdAt),
    url: `${ixUrl}/ix?cmd=readdoc&id=${version.id}&objid=${objId}&key=${version.urlKey}`,
  };
}

function objKeys(sord: StoredSord, mask: Mask) {
  const keys = mask.lines.map((line) => ({
    id: line.id,
    name: line.key,
    objId: sord.id,
    data: sord.objKeys.get(line.key) ?? [],
  }));
  const fileName = sord.objKeys.get('ELO_FNAME');
  if (fileName) keys.push({ id: 51, name: 'ELO_FNAME', objId: sord.id, data: fileName });
  return keys;
}

/** ELO's Sord (the members clients read); ELO answers more, never less of these. */
export function toSord(sord: StoredSord, context: ViewContext) {
  const { archive } = context;
  const mask = context.masks.get(sord.maskId);
  const ancestors = archive.ancestors(sord);
  const writable = archive.canWrite(context.userId, archive.isFolder(sord) ? sord.id : sord.parentId);
  return {
    id: sord.id,
    guid: sord.guid,
    parentId: sord.parentId,
    name: sord.name,
    type: sord.type,
    mask: mask.id,
    maskName: mask.name,
    objKeys: objKeys(sord, mask),
    XDateIso: sord.xDateIso,
    IDateIso: sord.iDateIso,
    TStamp: sord.iDateIso,
    ownerId: sord.ownerId,
    ownerName: context.ownerName(sord.ownerId),
    access: ACCESS_READ + (writable ? ACCESS_WRITE : 0),
    acl: '',
    aclItems: [],
    deleted: false,
    lockId: -1,
    lockIdSord: -1,
    lockIdDoc: -1,
    childCount: archive.children(sord.id).length,
    histCount: sord.document ? 1 : 0,
    doc: sord.document?.id ?? 0,
    att: sord.attachment?.id ?? 0,
    ...(sord.document ? { docVersion: toDocVersion(sord.document, sord.id, context.ixUrl) } : {}),
    ...(sord.attachment ? { attVersion: toDocVersion(sord.attachment, sord.id, context.ixUrl) } : {}),
    parentIds: sord.id === ROOT_ID ? [] : [String(sord.parentId)],
    refPaths: [
      {
        path: ancestors.map((entry) => ({ id: entry.id, name: entry.name, guid: entry.guid })),
        pathAsString: ancestors.map((entry) => `${PATH_SEPARATOR}${entry.name}`).join(''),
      },
    ],
    details: { archivingMode: 2001, encryptionSet: 0, fulltext: false, linked: false },
  };
}

/** ELO's DocMask with its DocMaskLines. */
export function toDocMask(mask: Mask) {
  return {
    id: mask.id,
    guid: mask.guid,
    name: mask.name,
    text: '',
    deleted: false,
    lockId: -1,
    lines: mask.lines.map((line) => ({
      id: line.id,
      maskId: mask.id,
      key: line.key,
      name: line.label,
      max: line.max,
      min: 0,
      type: 0,
      required: line.required,
      hidden: false,
      readOnly: false,
      canEdit: true,
    })),
  };
}

/** EditInfo.maskNames: what the client may choose from. */
export function toMaskNames(masks: MaskCatalog, ids: number[]) {
  return ids.map((id) => {
    const mask = masks.get(id);
    return { id: mask.id, name: mask.name, guid: mask.guid, documentMask: true, folderMask: true, searchMask: true };
  });
}
