import { authorizePath, type AttemptResponse, type AttemptStatus, type MessageLocale } from '@ecm365/shared';
import { localized } from '../../../messages/texts.js';
import type { AttemptRow } from '../ms365.tables.js';

/** What an attempt is now: stored status plus the clock (expiry is not written back, it is derived). */
export function effectiveAttemptStatus(
  row: Pick<AttemptRow, 'status' | 'codeExpiresAt' | 'expiresAt'>,
  now: Date,
): AttemptStatus {
  switch (row.status) {
    case 'redeemed':
    case 'failed':
      return row.status;
    case 'code_ready':
      return row.codeExpiresAt && row.codeExpiresAt > now ? 'code_ready' : 'expired';
    case 'pending':
      return row.expiresAt > now ? 'pending' : 'expired';
  }
}

export function toAttemptResponse(
  row: Pick<AttemptRow, 'id' | 'status' | 'codeExpiresAt' | 'expiresAt' | 'error'>,
  now: Date,
): AttemptResponse {
  const status = effectiveAttemptStatus(row, now);
  return {
    attemptId: row.id,
    status,
    expiresAt: (status === 'code_ready' && row.codeExpiresAt ? row.codeExpiresAt : row.expiresAt).toISOString(),
    authorizeUrl: authorizePath(row.id),
    ...(row.status === 'failed' && row.error ? { error: row.error } : {}),
  };
}

/** The attempt with its error explained in the request's language (stored German, with code and params). */
export function localizeAttempt(attempt: AttemptResponse, locale: MessageLocale): AttemptResponse {
  return attempt.error ? { ...attempt, error: localized(attempt.error, locale) } : attempt;
}
