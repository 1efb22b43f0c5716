import type { ImportProblem } from '@ecm365/shared';
import type { Logger } from 'pino';
import type { GraphMailGateway } from '../../adapters/microsoft/index.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { appendEvent } from '../events/append-event.js';
import { graphCall } from './graph-calls.js';
import { backoffMs, judgeFailure, MAX_UNKNOWN_ATTEMPTS } from './import-failure.js';
import { FAILED_FOLDER_NAME, IMPORTED_FOLDER_NAME } from '@ecm365/shared';
import {
  findImportMessage,
  findMailboxState,
  listMessageDocuments,
  updateImportMessage,
  updateMailboxState,
} from './invoice-import.repository.js';
import type { InvoiceImportMessageRow } from './invoice-import.tables.js';
import type { RoundContext } from './mail-import.js';
import { mailFactsOf } from './mail-import.js';

export interface OutcomeDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  graphMail: GraphMailGateway;
}

type Target = 'imported' | 'failed';

/** The Inbox child folder („ELO importiert“ / „ELO Fehler“), found or created once and remembered per mailbox. */
async function folderId(deps: OutcomeDeps, round: RoundContext, target: Target, lookUpAgain = false): Promise<string> {
  const key = { tenantId: round.tenantId, mailbox: round.mailbox };
  const state = await findMailboxState(deps.db, round.tenantId, round.mailbox);
  const stored = target === 'imported' ? state?.importedFolderId : state?.failedFolderId;
  if (stored && !lookUpAgain) return stored;
  const name = target === 'imported' ? IMPORTED_FOLDER_NAME : FAILED_FOLDER_NAME;
  const folder = await graphCall(() => deps.graphMail.findOrCreateChildFolder(round.accessToken, round.mailbox, name));
  await updateMailboxState(
    deps.db,
    key,
    target === 'imported' ? { importedFolderId: folder.id } : { failedFolderId: folder.id },
    deps.clock.now(),
  );
  return folder.id;
}

/** `afterImport`: move (verified by re-reading when the move answered with an error), mark read, or nothing. */
async function mailboxAction(
  deps: OutcomeDeps,
  round: RoundContext,
  row: InvoiceImportMessageRow,
  target: Target,
): Promise<string> {
  const action = round.settings.afterImport;
  if (action === 'none') return 'none';
  if (action === 'mark_read') {
    if (target === 'failed') return 'none';
    await graphCall(() =>
      deps.graphMail.updateMessage(round.accessToken, round.mailbox, row.graphId, { isRead: true }),
    );
    return 'marked_read';
  }
  const move = (destination: string) =>
    graphCall(() => deps.graphMail.moveMessageVerified(round.accessToken, round.mailbox, row.graphId, destination));
  const destination = await folderId(deps, round, target);
  try {
    await move(destination);
  } catch (error) {
    // ErrorItemNotFound on a move is the mail or the folder. A remembered folder someone deleted in Outlook must not
    // make a filed mail "gone": look the folder up again (created when missing) and move once more; a mail that is
    // really gone answers the same again.
    if (judgeFailure(error, round.mailbox).kind !== 'gone') throw error;
    await move(await folderId(deps, round, target, true));
  }
  return target === 'imported' ? 'moved_imported' : 'moved_failed';
}

/**
 * All documents are in ELO (ledger `filed`): the mail leaves the Inbox (or is marked read), then in one
 * transaction it becomes `done` (or `skipped` when it had nothing to file) with its event.
 */
export async function finishMail(deps: OutcomeDeps, round: RoundContext, id: string): Promise<void> {
  const row = await findImportMessage(deps.db, round.tenantId, id);
  if (!row || row.state !== 'filed') return;
  const action = await mailboxAction(deps, round, row, 'imported');
  const documents = await listMessageDocuments(deps.db, round.tenantId, [row.id]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const skipped = row.skippedCode !== null;
    const changed = await updateImportMessage(
      trx,
      round.tenantId,
      row.id,
      {
        state: skipped ? 'skipped' : 'done',
        mailboxAction: action,
        errorCode: null,
        errorParams: null,
        finishedAt: now,
      },
      now,
      ['filed'],
    );
    if (!changed || skipped) return;
    await appendEvent(trx, {
      tenantId: round.tenantId,
      type: 'invoice_import.message.imported',
      at: now,
      data: {
        ...eventMail(row),
        documents: documents.map((document) => ({
          name: document.name,
          kind: document.kind,
          ...(document.eloObjId ? { eloObjId: document.eloObjId } : {}),
          ...(document.eloPath ? { eloPath: document.eloPath } : {}),
        })),
      },
    });
  });
}

const eventMail = (row: InvoiceImportMessageRow) => ({
  messageId: row.id,
  mailbox: row.mailbox,
  receivedAt: row.receivedAt.toISOString(),
  from: mailFactsOf(row).from,
  subject: row.subject,
});

/** A permanent failure: „ELO Fehler“ (when moving), then `failed` with the reason and its event, retryable. */
export async function failMail(
  deps: OutcomeDeps,
  round: RoundContext,
  row: InvoiceImportMessageRow,
  attempts: number,
  problem: ImportProblem,
): Promise<void> {
  let action: string | null = null;
  try {
    action = await mailboxAction(deps, round, row, 'failed');
  } catch (error) {
    // The failure is what matters; the mail stays where it is and is still shown as failed.
    deps.logger.warn({ err: error, tenantId: round.tenantId }, 'invoice import: moving a failed mail did not work');
  }
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const changed = await updateImportMessage(
      trx,
      round.tenantId,
      row.id,
      {
        state: 'failed',
        errorCode: problem.code,
        errorParams: problem.params ?? {},
        mailboxAction: action,
        finishedAt: now,
      },
      now,
      ['pending', 'fetched', 'filing', 'filed'],
    );
    if (!changed) return;
    await appendEvent(trx, {
      tenantId: round.tenantId,
      type: 'invoice_import.message.failed',
      at: now,
      data: { ...eventMail(row), error: problem, attempts: Math.max(1, attempts) },
    });
  });
}

/** What a round does after a mail's failure: go on with the next mail, or stop (the same wall for all). */
export type AfterFailure = 'continue' | { stop: 'later' | 'attention'; problem: ImportProblem };

export async function handleMailFailure(
  deps: OutcomeDeps,
  round: RoundContext,
  row: InvoiceImportMessageRow,
  attempts: number,
  error: unknown,
): Promise<AfterFailure> {
  const verdict = judgeFailure(error, round.mailbox);
  const now = deps.clock.now();
  const wait = (retryAfterMs?: number) => new Date(now.getTime() + backoffMs(attempts, retryAfterMs));
  switch (verdict.kind) {
    case 'fail':
      await failMail(deps, round, row, attempts, verdict.problem);
      return 'continue';
    case 'gone':
      await updateImportMessage(
        deps.db,
        round.tenantId,
        row.id,
        {
          state: 'skipped',
          skippedCode: verdict.problem.code,
          skippedParams: verdict.problem.params ?? {},
          finishedAt: now,
        },
        now,
      );
      return 'continue';
    case 'later':
      await updateImportMessage(
        deps.db,
        round.tenantId,
        row.id,
        {
          nextAttemptAt: wait(verdict.retryAfterMs),
          errorCode: verdict.problem.code,
          errorParams: verdict.problem.params ?? {},
        },
        now,
      );
      return { stop: 'later', problem: verdict.problem };
    case 'attention':
      // Not the mail's fault: it does not use up an attempt and goes first once the import resumes.
      await updateImportMessage(
        deps.db,
        round.tenantId,
        row.id,
        { attempts: Math.max(0, attempts - 1), nextAttemptAt: now },
        now,
      );
      return { stop: 'attention', problem: verdict.problem };
    default:
      deps.logger.error(
        { err: error, tenantId: round.tenantId, messageId: row.id },
        'invoice import: unexpected failure',
      );
      if (attempts >= MAX_UNKNOWN_ATTEMPTS) {
        await failMail(deps, round, row, attempts, verdict.problem);
      } else {
        await updateImportMessage(
          deps.db,
          round.tenantId,
          row.id,
          { nextAttemptAt: wait(), errorCode: verdict.problem.code, errorParams: verdict.problem.params ?? {} },
          now,
        );
      }
      return 'continue';
  }
}
