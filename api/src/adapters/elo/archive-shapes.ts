/** Readers for the IX answers of the filing calls; they answer null instead of trusting a shape. */

export interface EloMaskLine {
  /** The group name („Gruppenname“) that index values are written under. */
  group: string;
  label: string;
  /** Longest value the line takes (DocMaskLine.max); 0 when the server does not say. */
  max: number;
  required: boolean;
  /** A system line every mask has without listing it (the original file name), with its line id. */
  system?: boolean;
  id?: number;
}

export interface EloMask {
  id: number;
  name: string;
  guid: string;
  lines: EloMaskLine[];
}

export interface EloSordSummary {
  objId: string;
  guid: string;
  name: string;
  parentId: string;
  maskName: string;
  /** `¶A¶B` of the folder that holds the entry (with ¶ whatever separator the server used). */
  parentPath: string;
  /** Group name → first value. */
  indexFields: Record<string, string>;
  /** Upper-case hex MD5 of the document version, when it is a document. */
  md5?: string;
  size?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function readInt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return null;
}

export function readMask(value: unknown): EloMask | null {
  if (!isRecord(value)) return null;
  const id = readInt(value.id);
  if (id === null || typeof value.name !== 'string' || !Array.isArray(value.lines)) return null;
  const lines: EloMaskLine[] = [];
  for (const line of value.lines) {
    if (!isRecord(line) || typeof line.key !== 'string' || line.key === '') continue;
    lines.push({
      group: line.key,
      label: text(line.name) || line.key,
      max: Math.max(0, readInt(line.max) ?? 0),
      required: line.required === true,
    });
  }
  return { id, name: value.name, guid: text(value.guid), lines };
}

/** The ids checkinSordPath answers (int32s; some serialisers write strings). */
export function readIds(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const ids = value.map(readInt);
  return ids.every((id): id is number => id !== null) ? ids : null;
}

/** The ELO path's separator is the first character of pathAsString; the portal shows ¶. */
function normalisePath(path: string): string {
  const separator = path.charAt(0);
  return separator && separator !== '¶' ? path.split(separator).join('¶') : path;
}

export function readSordSummary(editInfo: unknown): EloSordSummary | null {
  const sord = isRecord(editInfo) && isRecord(editInfo.sord) ? editInfo.sord : null;
  if (!sord) return null;
  const id = readInt(sord.id);
  if (id === null || typeof sord.name !== 'string') return null;
  const indexFields: Record<string, string> = {};
  if (Array.isArray(sord.objKeys)) {
    for (const key of sord.objKeys) {
      if (!isRecord(key) || typeof key.name !== 'string' || !Array.isArray(key.data)) continue;
      const first = key.data.find((entry): entry is string => typeof entry === 'string');
      if (first !== undefined) indexFields[key.name] = first;
    }
  }
  const refPath = Array.isArray(sord.refPaths) && isRecord(sord.refPaths[0]) ? sord.refPaths[0] : undefined;
  const version = isRecord(sord.docVersion) ? sord.docVersion : undefined;
  const size = version ? readInt(version.size) : null;
  return {
    objId: String(id),
    guid: text(sord.guid),
    name: sord.name,
    parentId: String(readInt(sord.parentId) ?? ''),
    maskName: text(sord.maskName),
    parentPath: normalisePath(text(refPath?.pathAsString)),
    indexFields,
    ...(version && typeof version.md5 === 'string' ? { md5: version.md5.toUpperCase() } : {}),
    ...(size !== null ? { size } : {}),
  };
}

/** The template sord of createDoc, kept whole: ELO expects it back with only the changed members. */
export function readTemplateSord(editInfo: unknown): Record<string, unknown> | null {
  return isRecord(editInfo) && isRecord(editInfo.sord) ? { ...editInfo.sord } : null;
}

export function readObjId(document: unknown): string | null {
  if (!isRecord(document)) return null;
  const id = readInt(document.objId);
  return id !== null && id > 0 ? String(id) : null;
}
