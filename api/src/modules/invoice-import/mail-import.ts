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
import { updateImportMessage } from './invoice-import.repository.js';
import { recordDocumentFiled, recordFilingPlan } from './mail-ledger.repository.js';
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
  /** ELO folder ids by path, found or created once per round (shared by the mails in flight). */
  folders: Map<string, Promise<string>>;
  /** The mailbox's „ELO importiert“ / „ELO Fehler“ folder ids, looked up once per round. */
  mailFolders: Map<'imported' | 'failed', Promise<string>>;
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

/** A document of a mail as its `imported` event names it. */
export interface FiledDocumentSummary {
  name: string;
  kind: string;
  eloObjId?: string;
  eloPath?: string;
}

/** What became of a mail's content: nothing to file (skipped), or its documents, all in ELO. */
export interface MailFiled {
  skipped: boolean;
  documents: FiledDocumentSummary[];
}

/**
 * The content side of one mail, up to "all its documents are in ELO" (ledger state `filed`): download into a
 * private work directory, classify, plan, record the documents with their import keys and the mail `filing` (one
 * statement, before ELO sees anything), file each one not yet filed (ELO asked for the key before every check-in,
 * each filing recorded right after it; the last one makes the mail `filed`). Throws on failure; the caller judges
 * it. Repeating it after a crash repeats only what is missing.
 */
export async function fileMailDocuments(
  deps: MailImportDeps,
  round: RoundContext,
  row: InvoiceImportMessageRow,
): Promise<MailFiled> {
  const { db, clock } = deps;
  return withMailWorkDir(async (workDir) => {
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
      return { skipped: true, documents: [] };
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
    const ledger = await recordFilingPlan(
      db,
      { tenantId: round.tenantId, id: row.id },
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
      notes,
      clock.now(),
    );
    const mail = mailFactsOf(row);
    const omitted = new Set<string>();
    const summaries: FiledDocumentSummary[] = keyed.map(({ document, importKey }) => ({
      name: document.name,
      kind: document.kind,
      ...ledgerFiling(ledger.get(importKey)),
    }));
    const toFile = keyed.filter(({ importKey }) => !ledger.get(importKey)?.eloObjId);
    for (const [index, { document, importKey, position }] of toFile.entries()) {
      const { folderId, folderPath } = await eloFolder(round, row.receivedAt);
      const { values, notes: valueNotes } = indexValues(document, mail, importKey, round.fields, round.mask);
      notes.push(...valueNotes.map((note) => ({ ...note, document: document.name })));
      const filed = await fileInElo(
        round.archive,
        { document, mail, importKey, fields: round.fields, mask: round.mask, folderId, folderPath, values },
        deps.afterEloCheckin,
      );
      for (const field of filed.omittedFields) omitted.add(field);
      const last = index === toFile.length - 1;
      if (last && omitted.size > 0) notes.push(omittedNote(omitted));
      await recordDocumentFiled(
        db,
        round.tenantId,
        importKey,
        {
          eloObjId: filed.objId,
          eloPath: filed.path,
          eloMask: round.mask.name,
          omittedFields: filed.omittedFields,
          at: clock.now(),
        },
        last ? { id: row.id, notes } : undefined,
      );
      summaries[position] = { name: document.name, kind: document.kind, eloObjId: filed.objId, eloPath: filed.path };
    }
    // Every document was in ELO already (an earlier attempt filed them): only the mail's state is missing.
    if (toFile.length === 0) {
      await updateImportMessage(db, round.tenantId, row.id, { state: 'filed', notes }, clock.now());
    }
    return { skipped: false, documents: summaries };
  });
}

const ledgerFiling = (filing: { eloObjId: string | null; eloPath: string | null } | undefined) => ({
  ...(filing?.eloObjId ? { eloObjId: filing.eloObjId } : {}),
  ...(filing?.eloPath ? { eloPath: filing.eloPath } : {}),
});

const omittedNote = (omitted: Set<string>): MessageNote => ({
  code: 'field_not_in_mask',
  messageCode: 'import.field_not_in_mask',
  params: { fields: [...omitted].join(', ') },
});

/**
 * The ELO folder of a received date, found or created once per round and path. Mails of a round are filed side by
 * side: the first asks ELO, the others wait for its answer (never two creations of one path); a failure is
 * forgotten, so the next mail asks again.
 */
function eloFolder(round: RoundContext, receivedAt: Date): Promise<{ folderId: string; folderPath: string }> {
  const segments = resolveFolder(round.settings.eloFolder, receivedAt);
  const folderPath = `¶${segments.join('¶')}`;
  let folder = round.folders.get(folderPath);
  if (!folder) {
    folder = round.archive.ensureFolderPath(segments).then((found) => found.folderId);
    round.folders.set(folderPath, folder);
    folder.catch(() => {
      if (round.folders.get(folderPath) === folder) round.folders.delete(folderPath);
    });
  }
  return folder.then((folderId) => ({ folderId, folderPath }));
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
