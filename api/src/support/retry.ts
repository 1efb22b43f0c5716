export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** No retry starts later than this after the first try began: callers get an answer in bounded time. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type RetryDecision = { retry: false } | { retry: true; afterMs?: number | undefined };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying what `decide` calls temporary: after the server's Retry-After when it gave one,
 * else with exponential backoff and jitter. A wait that would end beyond the budget is not started; the last
 * error is thrown instead.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  decide: (error: unknown) => RetryDecision,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = decide(error);
      if (!decision.retry || attempt >= policy.attempts) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delay = decision.afterMs ?? backoff / 2 + Math.random() * (backoff / 2);
      if (Date.now() - started + delay > policy.budgetMs) throw error;
      await wait(delay);
    }
  }
}
