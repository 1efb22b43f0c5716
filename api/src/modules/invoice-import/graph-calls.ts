import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { MailDownload } from '../../adapters/microsoft/index.js';
import { withRetries, type RetryPolicy } from '../../support/retry.js';
import { microsoftRetryDecision } from '../ms365/microsoft-retry.js';

/**
 * Graph calls of a round: 429/503/504 and network failures are retried after Microsoft's Retry-After (else with
 * exponential backoff and jitter), within a budget; what still fails goes to the mail's own backoff.
 */
export const GRAPH_ROUND_POLICY: RetryPolicy = { attempts: 4, budgetMs: 30_000, baseDelayMs: 500, maxDelayMs: 8000 };

export function graphCall<T>(call: () => Promise<T>): Promise<T> {
  return withRetries(call, GRAPH_ROUND_POLICY, microsoftRetryDecision);
}

/** A `$value` download streamed into a file (never whole in memory); a retry starts the file anew. */
export function downloadToFile(path: string, open: () => Promise<MailDownload>): Promise<void> {
  return graphCall(async () => {
    const download = await open();
    await pipeline(download.stream, createWriteStream(path));
  });
}
