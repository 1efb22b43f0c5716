import { createReadStream } from 'node:fs';
import type { EloFieldKey } from '@ecm365/shared';
import type { DescribedMask, EloArchive, EloMask, EloSordSummary } from '../../adapters/elo/index.js';
import { EloArchiveError } from '../../adapters/elo/index.js';
import { IMPORT_KEY_LENGTH } from './import-key.js';
import type { PlannedDocument, PlannedFile } from './documents/index.js';
import type { MessageNote } from './invoice-import.tables.js';

/** The mail a document comes from, as the index fields need it. */
export interface MailFacts {
  graphId: string;
  internetMessageId: string | null;
  mailbox: string;
  from: string;
  subject: string;
  receivedAt: Date;
}

export interface FiledInElo {
  objId: string;
  path: string;
  omittedFields: string[];
  /** The document was already in ELO (an earlier attempt filed it; the answer was lost). */
  found: boolean;
}

const BERLIN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `¶Rechnungseingang¶{yyyy}¶{MM}` with the received date (Berlin time) → the folder names. */
export function resolveFolder(template: string, receivedAt: Date): string[] {
  const parts = BERLIN.formatToParts(receivedAt);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const path = template
    .replaceAll('{yyyy}', part('year'))
    .replaceAll('{MM}', part('month'))
    .replaceAll('{dd}', part('day'));
  return path
    .split('¶')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

function lineOf(mask: EloMask, group: string) {
  return mask.lines.find((line) => line.group.toUpperCase() === group.toUpperCase());
}

/** ELO's short name: the file name without its extension, at most 255 characters. */
function sordName(document: PlannedDocument): string {
  const base = document.name.replace(/\.[^.]{1,8}$/, '').trim() || document.name || 'Dokument';
  return base.length > 255 ? `${base.slice(0, 254)}…` : base;
}

/**
 * The index values of SPEC §9 under the tenant's group names. Values longer than their mask line are cut with an
 * ellipsis (and noted); the import key is never cut — it must fit, or nothing is filed.
 */
export function indexValues(
  document: PlannedDocument,
  mail: MailFacts,
  importKey: string,
  fields: Record<EloFieldKey, string>,
  mask: EloMask,
): { values: Record<string, string>; notes: MessageNote[] } {
  const einvoice = document.einvoice;
  const raw: Partial<Record<EloFieldKey, string | undefined>> = {
    importKey,
    messageId: mail.internetMessageId ?? mail.graphId,
    mailbox: mail.mailbox,
    sender: mail.from,
    subject: mail.subject,
    receivedAt: mail.receivedAt.toISOString(),
    fileName: document.main.name,
    kind: document.kind,
    einvoiceSyntax: einvoice?.syntax,
    einvoiceProfile: einvoice?.profile.label,
    invoiceNumber: einvoice?.invoiceNumber,
    invoiceDate: einvoice?.issueDate,
    seller: einvoice?.sellerName,
    total: einvoice?.total
      ? `${einvoice.total.amount}${einvoice.total.currency ? ` ${einvoice.total.currency}` : ''}`
      : undefined,
  };
  const values: Record<string, string> = {};
  const notes: MessageNote[] = [];
  for (const [key, value] of Object.entries(raw) as Array<[EloFieldKey, string | undefined]>) {
    if (value === undefined || value === '') continue;
    const group = fields[key];
    const line = lineOf(mask, group);
    if (line && line.max > 0 && value.length > line.max) {
      if (key === 'importKey') {
        // Worded as ELO words such a refusal (the detail is shown as received); the settings check says it in words.
        const keyTooShort = `value of index field ${group} is longer than ${line.max} characters (the import key needs ${IMPORT_KEY_LENGTH})`;
        throw new EloArchiveError('rejected', keyTooShort, { fn: 'checkinDocEnd', reason: keyTooShort });
      }
      values[group] = `${value.slice(0, Math.max(0, line.max - 1))}…`;
      notes.push({ code: 'value_shortened', messageCode: 'import.value_shortened', params: { group, max: line.max } });
      continue;
    }
    values[group] = value;
  }
  return { values, notes };
}

const pathOf = (sord: EloSordSummary) => `${sord.parentPath}¶${sord.name}`;

/**
 * Files one planned document, crash-safe: ELO is asked for the import key first (a check-in whose answer was lost,
 * or a worker killed after ELO accepted it, left the document there), and only a document ELO does not have is
 * checked in. With a mask that has no line for the key (the basic mask), the same bytes in the same folder
 * (`MD5:`) count as filed.
 */
export async function fileInElo(
  archive: EloArchive,
  input: {
    document: PlannedDocument;
    mail: MailFacts;
    importKey: string;
    fields: Record<EloFieldKey, string>;
    mask: DescribedMask;
    folderId: string;
    folderPath: string;
    values: Record<string, string>;
  },
  afterCheckin?: () => Promise<void>,
): Promise<FiledInElo> {
  const { document, mask } = input;
  const keyGroup = input.fields.importKey;
  const existing = lineOf(mask, keyGroup)
    ? await archive.findByImportKey(lineOf(mask, keyGroup)!.group, input.importKey)
    : await findSameBytes(archive, document.main, input.folderId);
  if (existing) return { objId: existing.objId, path: pathOf(existing), omittedFields: [], found: true };
  const name = sordName(document);
  const filed = await archive.fileDocument({
    parentId: input.folderId,
    mask,
    name,
    date: input.mail.receivedAt,
    indexFields: input.values,
    content: fileContent(document.main),
    ...(document.attachment ? { attachment: fileContent(document.attachment) } : {}),
  });
  await afterCheckin?.();
  return { objId: filed.objId, path: `${input.folderPath}¶${name}`, omittedFields: filed.omittedFields, found: false };
}

async function findSameBytes(archive: EloArchive, file: PlannedFile, folderId: string) {
  const sord = await archive.findById(`MD5:${file.md5.toUpperCase()}`);
  return sord && sord.parentId === folderId ? sord : null;
}

function fileContent(file: PlannedFile) {
  return {
    stream: createReadStream(file.path),
    size: file.size,
    ext: file.extension || 'bin',
    contentType: file.contentType || 'application/octet-stream',
  };
}
