import { join } from 'node:path';
import type { EloFieldKey, InvoiceMailImportSettings } from '@ecm365/shared';
import type { DescribedMask, EloArchive } from '../../adapters/elo/index.js';
import type { GraphMailGateway, MailAttachment } from '../../adapters/microsoft/index.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import {
  classifyAttachment,
  planDocuments,
  preselectAttachment,
  withMailWorkDir,
  type ClassifiedAttachment,
  type FilingPlan,
  type SkippedAttachment,
} from './documents/index.js';
import { fileInElo, indexValues, resolveFolder, type MailFacts } from './document-filer.js';
import { downloadToFile, graphCall } from './graph-calls.js';
import { importKeyOf } from './import-key.js';
import { documentNote } from './import-messages.js';
import {
  deleteUnfiledDocumentsExcept,
  insertPlannedDocuments,
  listMessageDocuments,
  markDocumentFiled,
  updateImportMessage,
} from './invoice-import.repository.js';
import type { InvoiceImportMessageRow, MessageNote } from './invoice-import.tables.js';

/** What one round shares among its mails. */
export interface RoundContext {
  tenantId: string;
  mailbox: string;
  accessToken: string;
  settings: InvoiceMailImportSettings;
  fields: Record<EloFieldKey, string>;
  archive: EloArchive;
  mask: DescribedMask;
  /** ELO folder ids by path, found or created once per round. */
  folders: Map<string, string>;
}

export interface MailImportDeps {
  db: Db;
  clock: Clock;
  graphMail: GraphMailGateway;
  /** Fault injection for the crash tests: runs right after ELO accepted a check-in, before the ledger knows. */
  afterEloCheckin?: () => Promise<void>;
}

const ODATA_TYPES: Record<MailAttachment['kind'], string> = {
  file: '#microsoft.graph.fileAttachment',
  item: '#microsoft.graph.itemAttachment',
  reference: '#microsoft.graph.referenceAttachment',
};

const skipNote = (skipped: SkippedAttachment): MessageNote => ({
  code: `attachment_${skipped.reason}`,
  messageCode: `import.attachment_${skipped.reason}`,
  params: {},
  document: skipped.name,
});

/** `<subject>.eml`, without characters file systems and ELO dislike. */
function emlName(subject: string): string {
  const base =
    subject
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, 120) || 'E-Mail';
  return `${base}.eml`;
}

export const mailFactsOf = (row: InvoiceImportMessageRow): MailFacts => ({
  graphId: row.graphId,
  internetMessageId: row.internetMessageId,
  mailbox: row.mailbox,
  from: row.fromName && row.fromName !== row.fromAddress ? `${row.fromName} <${row.fromAddress}>` : row.fromAddress,
  subject: row.subject,
  receivedAt: row.receivedAt,
});

/**
 * The content side of one mail, up to "all its documents are in ELO" (ledger state `filed`): download into a
 * private work directory, classify, plan, record the documents with their import keys (`fetched`), file each one
 * not yet filed (`filing`, ELO asked for the key before every check-in), then `filed`. Throws on failure; the
 * caller judges it. Repeating it after a crash repeats only what is missing.
 */
export async function fileMailDocuments(
  deps: MailImportDeps,
  round: RoundContext,
  row: InvoiceImportMessageRow,
): Promise<void> {
  const { db, clock } = deps;
  await withMailWorkDir(async (workDir) => {
    const plan = await planMail(deps, round, row, workDir);
    const notes: MessageNote[] = [
      ...plan.skipped.map(skipNote),
      ...plan.documents.flatMap((document) =>
        document.notes.map((note) => documentNote(note.code, note.text, document.name, note.file)),
      ),
    ];
    if (plan.nothingToFile) {
      const code = plan.nothingToFile.reason;
      await updateImportMessage(
        db,
        round.tenantId,
        row.id,
        { state: 'filed', skippedCode: code, skippedParams: {}, notes },
        clock.now(),
      );
      return;
    }
    const keyed = plan.documents.map((document, position) => ({
      document,
      position,
      importKey: importKeyOf({
        mailbox: round.mailbox,
        messageId: row.graphId,
        documentKey: document.key,
        sha256: document.main.sha256,
      }),
    }));
    await db.transaction().execute(async (trx) => {
      await deleteUnfiledDocumentsExcept(
        trx,
        round.tenantId,
        row.id,
        keyed.map((entry) => entry.importKey),
      );
      await insertPlannedDocuments(
        trx,
        keyed.map(({ document, position, importKey }) => ({
          tenantId: round.tenantId,
          messageId: row.id,
          position,
          importKey,
          name: document.name,
          size: document.main.size,
          kind: document.kind,
          einvoice: document.einvoice
            ? { syntax: document.einvoice.syntax, profile: document.einvoice.profile.label }
            : null,
          createdAt: clock.now(),
        })),
      );
      await updateImportMessage(
        trx,
        round.tenantId,
        row.id,
        { state: 'fetched', skippedCode: null, notes },
        clock.now(),
      );
    });
    const ledger = new Map(
      (await listMessageDocuments(db, round.tenantId, [row.id])).map((document) => [document.importKey, document]),
    );
    await updateImportMessage(db, round.tenantId, row.id, { state: 'filing' }, clock.now());
    const mail = mailFactsOf(row);
    const omitted = new Set<string>();
    for (const { document, importKey } of keyed) {
      if (ledger.get(importKey)?.eloObjId) continue;
      const segments = resolveFolder(round.settings.eloFolder, row.receivedAt);
      const folderPath = `¶${segments.join('¶')}`;
      let folderId = round.folders.get(folderPath);
      if (!folderId) {
        folderId = (await round.archive.ensureFolderPath(segments)).folderId;
        round.folders.set(folderPath, folderId);
      }
      const { values, notes: valueNotes } = indexValues(document, mail, importKey, round.fields, round.mask);
      notes.push(...valueNotes.map((note) => ({ ...note, document: document.name })));
      const filed = await fileInElo(
        round.archive,
        { document, mail, importKey, fields: round.fields, mask: round.mask, folderId, folderPath, values },
        deps.afterEloCheckin,
      );
      for (const field of filed.omittedFields) omitted.add(field);
      await markDocumentFiled(db, round.tenantId, importKey, {
        eloObjId: filed.objId,
        eloPath: filed.path,
        eloMask: round.mask.name,
        omittedFields: filed.omittedFields,
        at: clock.now(),
      });
    }
    if (omitted.size > 0) {
      notes.push({
        code: 'field_not_in_mask',
        messageCode: 'import.field_not_in_mask',
        params: { fields: [...omitted].join(', ') },
      });
    }
    await updateImportMessage(db, round.tenantId, row.id, { state: 'filed', notes }, clock.now());
  });
}

async function planMail(
  deps: MailImportDeps,
  round: RoundContext,
  row: InvoiceImportMessageRow,
  workDir: string,
): Promise<FilingPlan> {
  const { graphMail } = deps;
  const { accessToken, mailbox, settings } = round;
  const classified: ClassifiedAttachment[] = [];
  const skipped: SkippedAttachment[] = [];
  if (settings.content !== 'eml') {
    const attachments = await graphCall(() => graphMail.listAttachments(accessToken, mailbox, row.graphId));
    let index = 0;
    for (const attachment of attachments) {
      const pre = preselectAttachment(
        {
          id: attachment.id,
          name: attachment.name,
          contentType: attachment.contentType ?? null,
          size: attachment.size,
          isInline: attachment.isInline,
          '@odata.type': ODATA_TYPES[attachment.kind],
        },
        { includeInline: settings.includeInline },
      );
      if (!pre.download) {
        skipped.push(pre.skipped);
        continue;
      }
      const path = join(workDir, `attachment-${index++}`);
      await downloadToFile(path, () => graphMail.downloadAttachment(accessToken, mailbox, row.graphId, attachment.id));
      classified.push(
        await classifyAttachment(
          {
            id: attachment.id,
            path,
            name: attachment.name || (pre.isMail ? 'E-Mail.eml' : 'Anhang'),
            ...(attachment.contentType ? { contentType: attachment.contentType } : {}),
            isInline: attachment.isInline,
            isMail: pre.isMail,
          },
          { workDir },
        ),
      );
    }
  }
  let mailEml: ClassifiedAttachment | undefined;
  if (settings.content !== 'attachments') {
    const path = join(workDir, 'message.eml');
    await downloadToFile(path, () => graphMail.downloadMessageMime(accessToken, mailbox, row.graphId));
    mailEml = await classifyAttachment(
      { id: 'message', path, name: emlName(row.subject), contentType: 'message/rfc822', isMail: true },
      { workDir, openMails: false },
    );
  }
  return planDocuments({
    attachments: classified,
    skipped,
    includeInline: settings.includeInline,
    content: settings.content,
    ...(mailEml ? { mailEml } : {}),
  });
}
