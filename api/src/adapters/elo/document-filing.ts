import type { Readable } from 'node:stream';
import { eloRejectedLocally, eloUnavailableError } from './archive-errors.js';
import type { ArchiveSelectors } from './archive-constants.js';
import { readObjId, readTemplateSord, type EloMask } from './archive-shapes.js';
import type { IxServiceSession } from './ix-service-session.js';
import { uploadStream, type UploadedStream } from './ix-stream-upload.js';

/** One file to file: streamed, with what ELO needs to know about it. */
export interface EloFileContent {
  stream: Readable | AsyncIterable<Uint8Array>;
  /** Bytes expected; a stream that ends shorter or longer fails the filing instead of storing half a file. */
  size?: number;
  /** File extension without the dot, e.g. `pdf`. */
  ext: string;
  contentType: string;
}

export interface FileDocumentInput {
  /** The folder (objId), e.g. from ensureFolderPath. */
  parentId: string;
  /** The mask from describeMask: its id is used, its lines decide which index values are sent. */
  mask: EloMask;
  /** The document's short name in ELO (Kurzbezeichnung). */
  name: string;
  /** The document date (Sord.XDateIso), written in Europe/Berlin. */
  date: Date;
  /** Group name → value. Groups the mask lacks are left out and reported; too-long values are refused. */
  indexFields: Record<string, string>;
  content: EloFileContent;
  /** A second file (the .eml, a paired PDF of an XML invoice) as the document's attachment. */
  attachment?: EloFileContent;
}

export interface FiledDocument {
  objId: string;
  /** Of the document version, as ELO computes it (for `MD5:` lookups). */
  md5: string;
  size: number;
  attachment?: { md5: string; size: number };
  /** Index values not written because the mask has no such line. */
  omittedFields: string[];
}

/** `yyyyMMddHHmmss` in Berlin time: ELO reads *DateIso in the ClientInfo's time zone. */
export function eloIsoDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
  return `${part('year')}${part('month')}${part('day')}${part('hour')}${part('minute')}${part('second')}`;
}

/** The template's objKeys with the given values set by group name; unknown groups are returned as omitted. */
function withIndexValues(template: Record<string, unknown>, input: FileDocumentInput) {
  const keys = (Array.isArray(template.objKeys) ? template.objKeys : []).map((key) => ({
    ...(key as Record<string, unknown>),
  }));
  const omitted: string[] = [];
  const lines = new Map(input.mask.lines.map((line) => [line.group.toUpperCase(), line]));
  for (const [group, value] of Object.entries(input.indexFields)) {
    const line = lines.get(group.toUpperCase());
    if (!line) {
      omitted.push(group);
      continue;
    }
    if (line.max > 0 && value.length > line.max) {
      // In ELO's own words for the same refusal (the detail people see as „Meldung im Wortlaut“).
      throw eloRejectedLocally(
        'checkinDocEnd',
        `value of index field ${line.group} is longer than ${line.max} characters`,
      );
    }
    const existing = keys.find(
      (key) => typeof key.name === 'string' && key.name.toUpperCase() === line.group.toUpperCase(),
    );
    if (existing) existing.data = [value];
    else keys.push({ name: line.group, data: [value], ...(line.id !== undefined ? { id: line.id } : {}) });
  }
  return { keys, omitted };
}

/**
 * createDoc (a template, persists nothing) → BUtility/upload of the document and attachment bytes → checkinDocEnd.
 *
 * Why BUtility/upload and not the checkinDocBegin URL: ELO's REST documentation describes this upload for REST
 * clients (raw bytes, streamId), it goes to the same IX base URL the tenant configured, and its answer is JSON. The
 * checkinDocBegin URL points at the document manager directly — often an internal host name behind the
 * customer's reverse proxy — and its upload protocol is not part of the REST documentation.
 *
 * checkinDocEnd is sent once: if its answer is lost the error says `mayHavePersisted`, and the caller looks the
 * import key up before filing again.
 */
export async function fileDocument(
  session: IxServiceSession,
  selectors: ArchiveSelectors,
  uploadTimeoutMs: number,
  input: FileDocumentInput,
): Promise<FiledDocument> {
  const editInfo = await session.call(
    'createDoc',
    {
      parentId: input.parentId,
      maskId: String(input.mask.id),
      editInfoZ: { bset: selectors.editInfoSord, sordZ: { bset: selectors.sordAll } },
    },
    { idempotent: true },
  );
  const template = readTemplateSord(editInfo);
  if (!template) throw eloUnavailableError('createDoc', 'bad_response');
  const { keys, omitted } = withIndexValues(template, input);
  const sord = { ...template, name: input.name, XDateIso: eloIsoDate(input.date), objKeys: keys };

  const upload = (content: EloFileContent) =>
    session.withTicket({ idempotent: false }, (ticket) =>
      uploadStream({
        baseUrl: session.baseUrl,
        ticket,
        content: content.stream,
        ...(content.size !== undefined ? { expectedSize: content.size } : {}),
        timeoutMs: uploadTimeoutMs,
      }),
    );
  const version = (content: EloFileContent, uploaded: UploadedStream) => ({
    version: '1',
    comment: 'ecm365 Rechnungs-Import',
    ext: content.ext.replace(/^\./, ''),
    contentType: content.contentType,
    fileData: { stream: { streamId: uploaded.streamId } },
  });
  const document = await upload(input.content);
  const attachment = input.attachment ? await upload(input.attachment) : undefined;

  const answer = await session.call(
    'checkinDocEnd',
    {
      sord,
      sordZ: { bset: selectors.sordAll },
      document: {
        docs: [version(input.content, document)],
        ...(input.attachment && attachment ? { atts: [version(input.attachment, attachment)] } : {}),
      },
      unlockZ: { bset: selectors.lockNo },
    },
    { idempotent: false },
  );
  const objId = readObjId(answer);
  // ELO answered, but not with an id: it may still have stored the document.
  if (!objId) throw eloUnavailableError('checkinDocEnd', 'bad_response', true);
  return {
    objId,
    md5: document.md5,
    size: document.size,
    ...(attachment ? { attachment: { md5: attachment.md5, size: attachment.size } } : {}),
    omittedFields: omitted,
  };
}
