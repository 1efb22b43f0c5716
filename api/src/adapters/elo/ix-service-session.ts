import { EloUnavailableError } from '../../errors/domain-errors.js';
import { eloExceptionError, eloUnavailableError, EloArchiveError } from './archive-errors.js';
import { IxCallException, type IxClient } from './ix-client.js';
import { readLoginSession } from './ix-shapes.js';

/** The tenant's technical ELO account (SPEC §9): never a portal user's password. */
export interface EloServiceAccount {
  userName: string;
  password: string;
}

/** The import works in German with Berlin time: ELO reads dates and numbers in index fields through this. */
export const SERVICE_CLIENT_INFO = Object.freeze({ language: 'de', country: 'DE', timeZone: 'Europe/Berlin' });

const CLIENT_COMPUTER = 'ecm365-import';

/** Re-login before ELO would: a ticket unused for 80 % of its lifetime is replaced rather than risked on a write. */
const REFRESH_AT = 0.8;
/** When login does not say (ticketLifetime), assume ELO's 10 idle minutes. */
const DEFAULT_LIFETIME_S = 600;

interface Ticket {
  value: string;
  lifetimeMs: number;
  lastUsedAt: number;
}

/** What a call may do when ELO refuses the ticket: reads repeat once after a new login; writes never. */
export interface CallMode {
  /** Repeating the call cannot do anything twice (lookups, createDoc, checkinSordPath). */
  idempotent: boolean;
}

/**
 * A login session of the service account against one Indexserver. Logs in on first use (one login for
 * concurrent callers), keeps the ticket while it is used, logs in again ahead of ELO's idle expiry, and after an
 * [ELOIX:2001] repeats only idempotent calls. Every failure leaves as an EloArchiveError.
 */
export class IxServiceSession {
  private ticket: Ticket | undefined;
  private loggingIn: Promise<Ticket> | undefined;

  constructor(
    private readonly client: IxClient,
    readonly baseUrl: string,
    private readonly account: EloServiceAccount,
    private readonly now: () => number = Date.now,
  ) {}

  /** Calls `fn` with the session's `ci`; see CallMode for what happens on an expired session. */
  async call(fn: string, params: Record<string, unknown>, mode: CallMode): Promise<unknown> {
    return this.withTicket(mode, (ticket) =>
      this.send(fn, { ...params, ci: { ...SERVICE_CLIENT_INFO, ticket } }, mode),
    );
  }

  /** Runs `use` with a valid ticket (e.g. for an upload that sends it as `Authorization: Bearer`). */
  async withTicket<T>(mode: CallMode, use: (ticket: string) => Promise<T>): Promise<T> {
    const ticket = await this.currentTicket();
    try {
      const result = await use(ticket.value);
      ticket.lastUsedAt = this.now();
      return result;
    } catch (error) {
      if (!(error instanceof EloArchiveError) || error.kind !== 'session') throw error;
      this.forget(ticket);
      if (!mode.idempotent) throw error;
      const fresh = await this.currentTicket();
      const result = await use(fresh.value);
      fresh.lastUsedAt = this.now();
      return result;
    }
  }

  /** Ends the session on the server (best effort; the ticket expires by itself otherwise). */
  async close(): Promise<void> {
    const ticket = this.ticket;
    this.ticket = undefined;
    if (!ticket) return;
    try {
      await this.client.call(this.baseUrl, 'logout', { ci: { ...SERVICE_CLIENT_INFO, ticket: ticket.value } });
    } catch {
      // Nothing to do: ELO drops the ticket after its idle lifetime.
    }
  }

  private forget(ticket: Ticket): void {
    if (this.ticket === ticket) this.ticket = undefined;
  }

  private async currentTicket(): Promise<Ticket> {
    const ticket = this.ticket;
    if (ticket && this.now() - ticket.lastUsedAt < ticket.lifetimeMs * REFRESH_AT) return ticket;
    this.ticket = undefined;
    this.loggingIn ??= this.login().finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  private async login(): Promise<Ticket> {
    const result = await this.send(
      'login',
      {
        ci: SERVICE_CLIENT_INFO,
        userName: this.account.userName,
        userPwd: this.account.password,
        clientComputer: CLIENT_COMPUTER,
        runAsUser: '',
      },
      { idempotent: true },
    );
    const session = readLoginSession(result);
    if (!session) throw eloUnavailableError('login', 'bad_response');
    const lifetime = (result as { ticketLifetime?: unknown }).ticketLifetime;
    const seconds = typeof lifetime === 'number' && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S;
    this.ticket = { value: session.ticket, lifetimeMs: seconds * 1000, lastUsedAt: this.now() };
    return this.ticket;
  }

  /** One HTTP call; maps the two ways IxClient fails into EloArchiveErrors. */
  private async send(fn: string, body: Record<string, unknown>, mode: CallMode): Promise<unknown> {
    try {
      return await this.client.call(this.baseUrl, fn, body);
    } catch (error) {
      if (error instanceof IxCallException) throw eloExceptionError(fn, error.exception);
      if (error instanceof EloUnavailableError) {
        const reason = typeof error.details?.reason === 'string' ? error.details.reason : 'unavailable';
        // A write whose answer never came may have happened: the caller must look before it files again.
        throw eloUnavailableError(fn, reason, !mode.idempotent);
      }
      throw error;
    }
  }
}
