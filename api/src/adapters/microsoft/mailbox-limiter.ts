/**
 * At most N requests in flight per mailbox, in this process. Exchange Online refuses a fifth concurrent request of
 * an app on one mailbox (429 MailboxConcurrency); staying at three leaves room for another instance's call. A slot
 * is held until the caller releases it — for a download that is when its stream ends, not when its headers came —
 * which is why this is a small semaphore of our own rather than a promise-pool library that frees a slot when a
 * function returns. Waiters are served first come, first served.
 */
export class MailboxLimiter {
  private readonly slots = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(private readonly perMailbox: number) {
    if (!Number.isInteger(perMailbox) || perMailbox < 1) throw new Error('perMailbox must be a positive integer');
  }

  /** Resolves with a release function once a slot is free; calling it more than once releases once. */
  async acquire(mailbox: string): Promise<() => void> {
    const key = mailbox.toLowerCase();
    const entry = this.slots.get(key) ?? { active: 0, waiting: [] };
    this.slots.set(key, entry);
    if (entry.active < this.perMailbox) {
      entry.active += 1;
    } else {
      // The releasing caller hands its slot over (active stays), so nobody can overtake a waiter.
      await new Promise<void>((resolve) => entry.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = entry.waiting.shift();
      if (next) return next();
      entry.active -= 1;
      if (entry.active === 0) this.slots.delete(key);
    };
  }

  /** Runs `call` in a slot that is released when it settles. */
  async run<T>(mailbox: string, call: () => Promise<T>): Promise<T> {
    const release = await this.acquire(mailbox);
    try {
      return await call();
    } finally {
      release();
    }
  }

  /** Requests in flight for the mailbox (for tests and metrics). */
  inFlight(mailbox: string): number {
    return this.slots.get(mailbox.toLowerCase())?.active ?? 0;
  }
}
