import { ROOT_ID } from './archive-fixtures.js';
import { ARCHIVE_IX } from './archive-exceptions.js';
import type { EloArchive, StoredSord } from './archive.js';
import {
  assertNoLock,
  filingContext,
  hasIndexValue,
  plainObject,
  requireRecord,
  resolveObjId,
  wildcardMatcher,
} from './filing-call.js';
import { isRecord, type IxFunction } from './ix-call.js';
import { IX } from './ix-exception.js';
import { toDocMask, toDocVersion, toSord, type ViewContext } from './sord-view.js';

/** IXServicePortIF/checkoutSord: an entry by id, GUID, `OKEY:`, `ARCPATH:` or `MD5:`; [ELOIX:5023] when none. */
export const checkoutSord: IxFunction = (call) => {
  const { archive, view, repository } = filingContext(call);
  assertNoLock(call.body.lockZ);
  const sord = resolveObjId(archive, call.body.objId);
  if (!sord) throw ARCHIVE_IX.notFound(`objId ${JSON.stringify(call.body.objId ?? null)}`);
  const docs = sord.document ? [toDocVersion(sord.document, sord.id, view.ixUrl)] : [];
  const atts = sord.attachment ? [toDocVersion(sord.attachment, sord.id, view.ixUrl)] : [];
  return {
    sord: toSord(sord, view),
    mask: toDocMask(repository.masks.get(sord.maskId)),
    document: { objId: String(sord.id), docs, atts },
  };
};

/** IXServicePortIF/checkoutDocMask: a mask by id, name or GUID with its lines; [ELOIX:5023] when unknown. */
export const checkoutDocMask: IxFunction = (call) => {
  const { repository } = filingContext(call);
  assertNoLock(call.body.lockZ);
  const mask = repository.masks.find(call.body.maskId);
  if (!mask) throw ARCHIVE_IX.notFound(`keywording form ${JSON.stringify(call.body.maskId ?? null)}`);
  return toDocMask(mask);
};

const MAX_PAGE = 1000;

function readMax(value: unknown): number {
  const max = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 1) {
    throw ARCHIVE_IX.invalidParam('max must be a positive number');
  }
  return Math.min(max, MAX_PAGE);
}

function descendants(archive: EloArchive, parentId: number, endLevel: number): StoredSord[] {
  const found: StoredSord[] = [];
  let level = [parentId];
  for (let depth = 1; level.length > 0 && (endLevel < 0 || depth <= endLevel); depth++) {
    const children = level.flatMap((id) => archive.children(id));
    found.push(...children);
    level = children.filter((sord) => archive.isFolder(sord)).map((sord) => sord.id);
  }
  return found;
}

/** The entries a FindInfo selects: findChildren limits the scope, findByIndex filters by name, mask and values. */
function find(archive: EloArchive, masks: ViewContext['masks'], findInfo: Record<string, unknown>): StoredSord[] {
  const { findChildren, findByIndex, ...others } = findInfo;
  const unsupported = Object.entries(others).find(([, value]) => value !== undefined && value !== null);
  if (unsupported) throw IX.notEmulated(`findInfo.${unsupported[0]}`);
  if (!isRecord(findChildren) && !isRecord(findByIndex)) {
    throw ARCHIVE_IX.invalidParam('findInfo needs findChildren or findByIndex');
  }
  let scope: StoredSord[];
  if (isRecord(findChildren)) {
    const parent = plainObject(archive, findChildren.parentId);
    if (!parent) throw ARCHIVE_IX.notFound(`parentId ${JSON.stringify(findChildren.parentId ?? null)}`);
    const endLevel = typeof findChildren.endLevel === 'number' ? findChildren.endLevel : 1;
    scope = descendants(archive, parent.id, endLevel);
  } else {
    scope = [...archive.sords.values()].filter((sord) => sord.id !== ROOT_ID);
  }
  if (isRecord(findByIndex)) scope = scope.filter(byIndex(masks, findByIndex));
  return scope.sort((a, b) => a.id - b.id);
}

function byIndex(masks: ViewContext['masks'], criteria: Record<string, unknown>) {
  const filters: Array<(sord: StoredSord) => boolean> = [];
  if (typeof criteria.name === 'string' && criteria.name !== '') {
    const pattern = criteria.exactName === true ? criteria.name : `*${criteria.name}*`;
    const matches = wildcardMatcher(pattern);
    filters.push((sord) => matches(sord.name));
  }
  if (criteria.maskId !== undefined && criteria.maskId !== null && criteria.maskId !== '') {
    const mask = masks.find(criteria.maskId);
    if (!mask) throw ARCHIVE_IX.notFound(`keywording form ${JSON.stringify(criteria.maskId)}`);
    filters.push((sord) => sord.maskId === mask.id);
  }
  if (Array.isArray(criteria.objKeys)) {
    for (const key of criteria.objKeys) {
      if (!isRecord(key) || typeof key.name !== 'string' || !Array.isArray(key.data)) {
        throw ARCHIVE_IX.invalidParam('findByIndex.objKeys needs {name, data}');
      }
      const values = key.data.filter((value): value is string => typeof value === 'string' && value !== '');
      const group = key.name;
      if (values.length > 0) filters.push((sord) => values.some((value) => hasIndexValue(sord, group, value)));
    }
  }
  return (sord: StoredSord) => filters.every((filter) => filter(sord));
}

/** IXServicePortIF/findFirstSords: the first `max` results and a searchId for findNextSords/findClose. */
export const findFirstSords: IxFunction = (call) => {
  const { userId, archive, view, services, repository } = filingContext(call);
  const findInfo = requireRecord(call.body, 'findInfo');
  const max = readMax(call.body.max);
  const ids = find(archive, repository.masks, findInfo).map((sord) => sord.id);
  const searchId = services.searches.open(repository.name, userId, ids);
  return page(archive, view, ids, 0, max, searchId);
};

/** IXServicePortIF/findNextSords: results from `idx` on. */
export const findNextSords: IxFunction = (call) => {
  const { userId, archive, view, services, repository } = filingContext(call);
  const searchId = typeof call.body.searchId === 'string' ? call.body.searchId : '';
  const ids = services.searches.get(searchId, repository.name, userId);
  if (!ids) throw ARCHIVE_IX.notFound(`search ${JSON.stringify(searchId)}`);
  const idx = typeof call.body.idx === 'number' && call.body.idx >= 0 ? call.body.idx : 0;
  return page(archive, view, ids, idx, readMax(call.body.max), searchId);
};

/** IXServicePortIF/findClose: frees a search; a void function. */
export const findClose: IxFunction = (call) => {
  const { services } = filingContext(call);
  if (typeof call.body.searchId === 'string') services.searches.close(call.body.searchId);
  return null;
};

function page(archive: EloArchive, view: ViewContext, ids: number[], idx: number, max: number, searchId: string) {
  const slice = ids.slice(idx, idx + max);
  const sords = slice.flatMap((id) => {
    const sord = archive.get(id);
    return sord ? [toSord(sord, view)] : [];
  });
  return { sords, moreResults: idx + max < ids.length, searchId };
}
