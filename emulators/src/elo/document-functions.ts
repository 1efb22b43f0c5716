import { BASIC_MASK, LBT_DOCUMENT } from './archive-fixtures.js';
import { ARCHIVE_IX } from './archive-exceptions.js';
import type { StoredVersion } from './archive.js';
import { BlobTooLargeError } from './blob-store.js';
import {
  assertMaskAccepted,
  filingContext,
  fullPath,
  plainObject,
  requireFolder,
  requireRecord,
} from './filing-call.js';
import { isRecord, type IxCall, type IxFunction } from './ix-call.js';
import { IX } from './ix-exception.js';
import type { Mask } from './mask-catalog.js';
import { toDocMask, toDocVersion, toMaskNames } from './sord-view.js';
import type { ResolvedUpload } from './upload-store.js';

function findMask(call: IxCall, ref: unknown): Mask {
  const empty = ref === undefined || ref === null || ref === '';
  // Without a mask ELO takes the client's configured default; the emulator's is the basic mask.
  const mask = call.repository.masks.find(empty ? BASIC_MASK.id : ref);
  if (!mask) throw ARCHIVE_IX.notFound(`keywording form ${JSON.stringify(ref)}`);
  return mask;
}

/** IXServicePortIF/createDoc: a template (id -1) for a new document in `parentId` with the mask's lines; persists nothing. */
export const createDoc: IxFunction = (call) => {
  const { userId, archive, view } = filingContext(call);
  const parent = requireFolder(archive, call.body.parentId, 'parentId');
  const mask = findMask(call, call.body.maskId);
  assertMaskAccepted(call, mask);
  return {
    sord: {
      id: -1,
      guid: '',
      parentId: parent.id,
      name: '',
      type: LBT_DOCUMENT,
      mask: mask.id,
      maskName: mask.name,
      objKeys: mask.lines.map((line) => ({ id: line.id, name: line.key, objId: -1, data: [] })),
      XDateIso: '',
      IDateIso: '',
      ownerId: userId,
      ownerName: view.ownerName(userId),
      access: archive.canWrite(userId, parent.id) ? 47 : 33,
      acl: '',
      aclItems: [],
      deleted: false,
      lockId: -1,
      details: { archivingMode: 2001, encryptionSet: 0, fulltext: false, linked: false },
    },
    mask: toDocMask(mask),
    maskNames: toMaskNames(call.repository.masks, [mask.id]),
    document: { docs: [], atts: [] },
  };
};

function versionsOf(document: Record<string, unknown>, member: 'docs' | 'atts'): Record<string, unknown>[] {
  const value = document[member];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord))
    throw ARCHIVE_IX.invalidParam(`document.${member} must be an array`);
  return value;
}

/**
 * IXServicePortIF/checkinDocBegin: an upload URL per version of a new document. The URL is bound to the session
 * (ELO: "valid as long as the session ticket is valid"); uploading there answers the `uploadResult`.
 */
export const checkinDocBegin: IxFunction = (call) => {
  const { userId, archive, services } = filingContext(call);
  const document = requireRecord(call.body, 'document');
  const { objId } = document;
  if (objId !== undefined && objId !== null && objId !== '') {
    if (!plainObject(archive, objId)) throw ARCHIVE_IX.notFound(`document ${JSON.stringify(objId)}`);
    throw IX.notEmulated('new versions of existing documents');
  }
  const docs = versionsOf(document, 'docs');
  const atts = versionsOf(document, 'atts');
  if (docs.length + atts.length === 0) throw ARCHIVE_IX.invalidParam('document needs a version in docs or atts');
  const ticketValue = (call.body.ci as { ticket?: unknown } | undefined)?.ticket ?? call.bearerTicket;
  const ticket = typeof ticketValue === 'string' && ticketValue !== '' ? ticketValue : undefined;
  const withUrl = (version: Record<string, unknown>, index: number, member: string) => {
    if (typeof version.ext !== 'string' || version.ext === '') {
      throw ARCHIVE_IX.invalidParam(`document.${member}[${index}].ext is required`);
    }
    const contentType = typeof version.contentType === 'string' ? version.contentType : '';
    const token = services.uploads.openSlot(
      { repository: call.repository.name, userId, ...(ticket ? { ticket } : {}) },
      version.ext.replace(/^\./, ''),
      contentType,
    );
    return { ...version, id: -1, url: `${call.filing.ixUrl}/ix?cmd=upload&token=${token}` };
  };
  return {
    docs: docs.map((version, index) => withUrl(version, index, 'docs')),
    atts: atts.map((version, index) => withUrl(version, index, 'atts')),
  };
};

/** The upload a version refers to: `uploadResult` (checkinDocBegin URL), a BUtility streamId, or inline base64. */
function contentOf(call: IxCall, version: Record<string, unknown>, userId: number, where: string) {
  const { uploads, blobs } = call.filing.services;
  const repository = call.repository.name;
  const fileData = isRecord(version.fileData) ? version.fileData : undefined;
  const stream = fileData && isRecord(fileData.stream) ? fileData.stream : undefined;
  const handle =
    typeof version.uploadResult === 'string' && version.uploadResult !== ''
      ? version.uploadResult
      : typeof stream?.streamId === 'string' && stream.streamId !== ''
        ? stream.streamId
        : undefined;
  if (handle) {
    const upload = uploads.take(handle, repository, userId);
    if (!upload) throw ARCHIVE_IX.notFound(`uploaded stream of ${where} (expired, used or of another session)`);
    return { handle, upload };
  }
  if (typeof fileData?.data === 'string') {
    try {
      return { handle: undefined, upload: { blob: blobs.writeBytes(Buffer.from(fileData.data, 'base64')) } };
    } catch (error) {
      if (error instanceof BlobTooLargeError) throw ARCHIVE_IX.invalidParam(`${where} is too large`);
      throw error;
    }
  }
  throw ARCHIVE_IX.invalidParam(`${where} has no uploadResult, fileData.stream.streamId or fileData.data`);
}

const ISO_DATE = /^(\d{8}(\d{4}(\d{2})?)?|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)$/;

/** The objKeys to store, checked against the mask's lines and their `max` lengths. Unknown groups are ignored. */
function readObjKeys(call: IxCall, mask: Mask, value: unknown): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  if (value === undefined || value === null) return keys;
  if (!Array.isArray(value)) throw ARCHIVE_IX.invalidParam('sord.objKeys must be an array');
  for (const item of value) {
    if (!isRecord(item)) throw ARCHIVE_IX.invalidParam('sord.objKeys must hold ObjKey objects');
    const byId = typeof item.id === 'number' ? mask.lines.find((line) => line.id === item.id)?.key : undefined;
    const group = typeof item.name === 'string' && item.name !== '' ? item.name : byId;
    const line = group ? call.repository.masks.lineOf(mask, group) : undefined;
    if (!line) continue;
    const data = item.data ?? [];
    if (!Array.isArray(data) || !data.every((entry) => typeof entry === 'string')) {
      throw ARCHIVE_IX.invalidParam(`objKey ${line.key}: data must be an array of strings`);
    }
    const tooLong = data.find((entry) => entry.length > line.max);
    if (tooLong !== undefined) {
      throw ARCHIVE_IX.invalidParam(`value of index field ${line.key} is longer than ${line.max} characters`);
    }
    if (data.length > 0) keys.set(line.key, data);
  }
  const missing = mask.lines.find((line) => line.required && !keys.has(line.key));
  if (missing) throw ARCHIVE_IX.invalidParam(`index field ${missing.key} is required`);
  return keys;
}

function versionMeta(version: Record<string, unknown>, upload: ResolvedUpload) {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    ext: (text(version.ext) ?? upload.ext ?? 'bin').replace(/^\./, ''),
    contentType: text(version.contentType) ?? text(upload.contentType) ?? 'application/octet-stream',
    version: text(version.version) ?? '1',
    comment: text(version.comment) ?? '',
  };
}

/**
 * IXServicePortIF/checkinDocEnd for a new document (sord.id -1): checks folder, rights, mask, index values and
 * the uploads before anything is stored, then persists and answers the Document with the new `objId`.
 */
export const checkinDocEnd: IxFunction = (call) => {
  const { userId, archive, view, services } = filingContext(call);
  const sord = requireRecord(call.body, 'sord');
  const document = requireRecord(call.body, 'document');
  if (sord.id !== undefined && sord.id !== null && Number(sord.id) !== -1) {
    throw IX.notEmulated('checkinDocEnd for existing entries (new versions, index changes)');
  }
  const parent = requireFolder(archive, sord.parentId, 'sord.parentId');
  const mask = findMask(call, sord.mask);
  assertMaskAccepted(call, mask);
  if (!archive.canWrite(userId, parent.id)) throw ARCHIVE_IX.noWriteAccess(fullPath(archive, parent));
  if (typeof sord.name !== 'string' || sord.name.trim() === '') throw ARCHIVE_IX.invalidParam('sord.name is required');
  const xDate = typeof sord.XDateIso === 'string' ? sord.XDateIso : '';
  if (xDate !== '' && !ISO_DATE.test(xDate)) throw ARCHIVE_IX.invalidParam(`sord.XDateIso "${xDate}" is no ISO date`);
  const objKeys = readObjKeys(call, mask, sord.objKeys);
  const [doc, ...moreDocs] = versionsOf(document, 'docs');
  const [att] = versionsOf(document, 'atts');
  if (!doc) throw ARCHIVE_IX.invalidParam('document.docs needs the document version');
  if (moreDocs.length > 0) throw IX.notEmulated('more than one document version in one check-in');

  const owner = { repository: call.repository.name, userId };
  const docContent = contentOf(call, doc, userId, 'document.docs[0]');
  let attContent: ReturnType<typeof contentOf> | undefined;
  try {
    attContent = att ? contentOf(call, att, userId, 'document.atts[0]') : undefined;
  } catch (error) {
    if (docContent.handle) services.uploads.giveBack(docContent.handle, owner, docContent.upload);
    throw error;
  }
  const toVersion = (version: Record<string, unknown>, content: ReturnType<typeof contentOf>): StoredVersion =>
    archive.newVersion(content.upload.blob, versionMeta(version, content.upload));
  const stored = archive.add({
    parentId: parent.id,
    name: sord.name,
    type: LBT_DOCUMENT,
    maskId: mask.id,
    ownerId: userId,
    objKeys,
    xDateIso: xDate,
    document: toVersion(doc, docContent),
    ...(att && attContent ? { attachment: toVersion(att, attContent) } : {}),
  });
  return {
    objId: String(stored.id),
    docs: stored.document ? [toDocVersion(stored.document, stored.id, view.ixUrl)] : [],
    atts: stored.attachment ? [toDocVersion(stored.attachment, stored.id, view.ixUrl)] : [],
  };
};
