import type { ImportProblem } from '@ecm365/shared';
import { EloArchiveError } from '../../adapters/elo/index.js';
import { MicrosoftRequestError } from '../../adapters/microsoft/index.js';
import { classifyMicrosoftFailure } from '../../adapters/microsoft/microsoft-failure.js';
import { importProblem } from './import-messages.js';

/**
 * What a failure means for a mail and for the round:
 * - `later`: temporary (ELO or Microsoft away, throttled): the mail waits (Retry-After when given) and the round of
 *   this mailbox stops — the next mail would meet the same wall. Nothing is lost.
 * - `fail`: the mail itself cannot be filed as it is (permission, mask, validation): failed with the reason,
 *   „ELO Fehler“, retry after the fix.
 * - `gone`: the mail left the mailbox before it was imported: skipped with the reason.
 * - `attention`: the whole import is stuck (connection revoked, mailbox access withdrawn, ELO account refused):
 *   needs_attention; the mail waits and the import resumes once the cause is fixed.
 * - `unknown`: anything else (a bug, the disk): retried a few times with backoff, then failed.
 */
export type FailureVerdict =
  | { kind: 'later'; problem: ImportProblem; retryAfterMs?: number }
  | { kind: 'fail'; problem: ImportProblem }
  | { kind: 'gone'; problem: ImportProblem }
  | { kind: 'attention'; problem: ImportProblem }
  | { kind: 'unknown'; problem: ImportProblem };

/** ELO's own wording of the refusal (a param: shown as received), or the call that failed when ELO gave none. */
function eloDetail(error: EloArchiveError): string {
  return error.detail.reason || error.detail.fn;
}

export function judgeFailure(error: unknown, mailbox: string): FailureVerdict {
  if (error instanceof EloArchiveError) {
    switch (error.kind) {
      case 'unavailable':
      case 'session':
        return { kind: 'later', problem: importProblem('elo_unreachable') };
      case 'credentials':
        return { kind: 'attention', problem: importProblem('elo_service_account_refused') };
      case 'permission':
        return { kind: 'fail', problem: importProblem('elo_permission_denied', { detail: eloDetail(error) }) };
      case 'rejected':
        return { kind: 'fail', problem: importProblem('elo_rejected', { detail: eloDetail(error) }) };
      default:
        return { kind: 'fail', problem: importProblem('elo_error', { detail: eloDetail(error) }) };
    }
  }
  if (error instanceof MicrosoftRequestError) {
    const failure = error.failure;
    const kind = classifyMicrosoftFailure(failure);
    if (kind === 'needs_reauth' || kind === 'consent_required' || kind === 'wrong_account_type') {
      return { kind: 'attention', problem: importProblem('connection_needs_reauth') };
    }
    if (kind === 'temporarily_unavailable' || failure.error === 'network_error' || failure.error === 'timeout') {
      return {
        kind: 'later',
        problem: importProblem('microsoft_unavailable'),
        ...(failure.retryAfterSeconds !== undefined ? { retryAfterMs: failure.retryAfterSeconds * 1000 } : {}),
      };
    }
    if (failure.httpStatus === 404 && failure.error === 'ErrorItemNotFound') {
      return { kind: 'gone', problem: importProblem('mail_gone') };
    }
    if (failure.httpStatus === 403 || failure.error === 'ErrorAccessDenied') {
      return { kind: 'attention', problem: importProblem('mailbox_access_denied', { mailbox }) };
    }
    if (failure.httpStatus === 404) {
      return { kind: 'attention', problem: importProblem('mailbox_not_found', { mailbox }) };
    }
  }
  return { kind: 'unknown', problem: importProblem('import_internal_error') };
}

/** Exponential backoff with jitter for a mail's next attempt: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number, retryAfterMs?: number): number {
  const base = Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  const jittered = base / 2 + Math.random() * (base / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Attempts after which a mail whose failure nobody understands is given up (failed, retryable by hand). */
export const MAX_UNKNOWN_ATTEMPTS = 5;
