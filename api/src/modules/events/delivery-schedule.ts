/** How long a delivery is retried before it is marked failed (SPEC §10: "retried with backoff for a day"). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
/** Notification mails get longer: a mail server away over a weekend must not lose the support mail. */
export const MAIL_RETRY_WINDOW_MS = 72 * 3_600_000;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 2 * 3_600_000;

/**
 * When to try again after `attempts` failed attempts: 30 s, 1, 2, 4 … minutes, doubling up to two hours, with up
 * to 10 % jitter so that receivers coming back are not hit by every sender at once. Null when the next attempt
 * would fall outside the retry window that began at `createdAt`: the delivery has failed.
 */
export function nextAttemptAt(
  createdAt: Date,
  attempts: number,
  now: Date,
  windowMs: number,
  random: () => number = Math.random,
): Date | null {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const next = new Date(now.getTime() + base + Math.floor(base * 0.1 * random()));
  return next.getTime() - createdAt.getTime() > windowMs ? null : next;
}
