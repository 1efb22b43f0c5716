import { MicrosoftRequestError } from '../../adapters/microsoft/index.js';
import type { RetryDecision, RetryPolicy } from '../../support/retry.js';
import { classifyMicrosoftFailure } from '../../adapters/microsoft/microsoft-failure.js';

/** Bounded retries for calls to Microsoft: a user waits at most a few seconds for a temporary failure to pass. */
export const MICROSOFT_RETRY_POLICY: RetryPolicy = { attempts: 3, budgetMs: 8000, baseDelayMs: 300, maxDelayMs: 2000 };

/** Retry 429/5xx/network failures (after Retry-After when Microsoft sent one); everything else is final. */
export function microsoftRetryDecision(error: unknown): RetryDecision {
  if (!(error instanceof MicrosoftRequestError)) return { retry: false };
  if (classifyMicrosoftFailure(error.failure) !== 'temporarily_unavailable') return { retry: false };
  const after = error.failure.retryAfterSeconds;
  return { retry: true, afterMs: after !== undefined ? after * 1000 : undefined };
}
