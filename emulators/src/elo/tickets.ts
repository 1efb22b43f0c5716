import { randomBytes } from 'node:crypto';

interface Session {
  repository: string;
  userId: number;
  expiresAt: number;
}

/**
 * Login tickets. A ticket stays valid for `lifetimeSeconds` after its last use (each call with it extends it,
 * `alive` exists for nothing else), and only in the repository that issued it. An idle ticket expires: every call
 * with it then answers [ELOIX:2001]. `now` is injectable so that tests can let tickets expire without waiting.
 */
export class TicketStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(repository: string, userId: number): string {
    this.sweep();
    const ticket = randomBytes(24).toString('base64url');
    this.sessions.set(ticket, { repository, userId, expiresAt: this.expiry() });
    return ticket;
  }

  /** The user id behind a valid ticket of this repository, or undefined. */
  use(repository: string, ticket: string): number | undefined {
    const session = this.sessions.get(ticket);
    if (!session || session.repository !== repository) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(ticket);
      return undefined;
    }
    session.expiresAt = this.expiry();
    return session.userId;
  }

  revoke(ticket: string): void {
    this.sessions.delete(ticket);
  }

  clear(): void {
    this.sessions.clear();
  }

  private expiry(): number {
    return this.now() + this.lifetimeSeconds * 1000;
  }

  /** Drops expired sessions so that a long-running demo does not grow without bound. */
  private sweep(): void {
    const now = this.now();
    for (const [ticket, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(ticket);
  }
}
