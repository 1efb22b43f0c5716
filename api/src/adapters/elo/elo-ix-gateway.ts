import { EloUnavailableError } from '../../errors/domain-errors.js';
import { readCheckoutUsersSelectors, type CheckoutUsersSelectors } from './checkout-users-selectors.js';
import { CLIENT_COMPUTER, CLIENT_INFO, withTicket } from './client-info.js';
import { IxCallException, IxClient, type EloCallObserver } from './ix-client.js';
import { readLoginSession, type LoginSession } from './ix-shapes.js';
import { loginFailure } from './login-failure.js';
import { checkMembership } from './membership.js';
import { TtlCache } from '../../support/ttl-cache.js';

export interface EloIdentity {
  /** ELO's numeric user id, as a string. */
  userId: string;
  /** ELO's spelling of the user name (the typed one may differ in case). */
  userName: string;
  isGroupMember: boolean;
  membershipSource: 'recursive_lookup' | 'group_list';
  /** The IX session of the login, kept open for re-checking the membership later (a secret: store encrypted). */
  session: EloSession;
}

export interface EloSession {
  ticket: string;
  /** Seconds the ticket stays valid without use (ELO's `ticketLifetime`). */
  lifetimeSeconds: number;
}

/** A re-check of a kept session: ELO's answer, or that the session is gone (expired, logged out, server reset). */
export type MembershipRecheck = { kind: 'checked'; isGroupMember: boolean } | { kind: 'session_expired' };

export interface EloIxGatewayOptions {
  /** Bound for each IX call, including the answer's body. */
  timeoutMs: number;
  onCall?: EloCallObserver;
  /** How long getConstants answers are reused per base URL. Default one hour. */
  constantsTtlMs?: number;
}

const ONE_HOUR_MS = 60 * 60 * 1000;
/** Assumed when a login answer names no ticketLifetime: short, so the session is renewed often enough. */
const FALLBACK_TICKET_LIFETIME_SECONDS = 120;

/**
 * The portal's only way to talk to an ELO Indexserver. A whole `authenticate` makes at most three sequential
 * rounds (login, getConstants when not cached, the two membership lookups in parallel), each bounded by
 * `timeoutMs`. The password is used for the login body only and is never kept, logged or put into an error.
 * The IX session of a successful login stays open: the portal renews it with `alive` and re-checks the group
 * membership with it while the portal session lives (`recheckMembership`), and ends it at sign-out.
 */
export class EloIxGateway {
  private readonly client: IxClient;
  private readonly constants: TtlCache<string, CheckoutUsersSelectors>;

  constructor(options: EloIxGatewayOptions) {
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
      throw new TypeError('EloIxGateway: timeoutMs must be a positive number');
    }
    this.client = new IxClient(options.timeoutMs, options.onCall);
    // One entry per ELO Indexserver; the bound only guards against an unbounded number of configured servers.
    this.constants = new TtlCache(options.constantsTtlMs ?? ONE_HOUR_MS, 1000);
  }

  /** Logs in and checks membership of `groupName`; the IX session stays open unless the check fails. */
  async authenticate(input: {
    baseUrl: string;
    username: string;
    password: string;
    groupName: string;
  }): Promise<EloIdentity> {
    const session = await this.login(input.baseUrl, input.username, input.password);
    try {
      const membership = await checkMembership({
        client: this.client,
        baseUrl: input.baseUrl,
        session,
        groupName: input.groupName,
        selectors: () => this.selectors(input.baseUrl),
      });
      return {
        userId: String(session.user.id),
        userName: session.user.name,
        ...membership,
        session: {
          ticket: session.ticket,
          lifetimeSeconds: session.ticketLifetimeSeconds ?? FALLBACK_TICKET_LIFETIME_SECONDS,
        },
      };
    } catch (error) {
      await this.logout(input.baseUrl, session.ticket);
      throw error;
    }
  }

  /**
   * Renews a kept IX session (`alive`, "Extends the ticket lifetime") and asks ELO again whether its user is in
   * `groupName`, from the directory as it is now. Throws EloUnavailableError when ELO cannot be asked.
   */
  async recheckMembership(input: {
    baseUrl: string;
    ticket: string;
    userId: string;
    groupName: string;
  }): Promise<MembershipRecheck> {
    try {
      await this.client.call(input.baseUrl, 'alive', { ci: withTicket(input.ticket) });
    } catch (error) {
      // [ELOIX:2001] and any other refusal of the ticket: the session is gone, nothing can be checked with it.
      if (error instanceof IxCallException) return { kind: 'session_expired' };
      throw error;
    }
    const userId = Number(input.userId);
    if (!Number.isSafeInteger(userId)) return { kind: 'session_expired' };
    const membership = await checkMembership({
      client: this.client,
      baseUrl: input.baseUrl,
      session: { ticket: input.ticket, ticketLifetimeSeconds: null, user: { id: userId, name: '', groupList: [] } },
      groupName: input.groupName,
      selectors: () => this.selectors(input.baseUrl),
      groupListFrom: 'directory',
    });
    return { kind: 'checked', isGroupMember: membership.isGroupMember };
  }

  /**
   * Whether each of `userIds` is in `groupName` now, asked with the tenant's service account (the API tokens'
   * daily re-check, SPEC §10): one login, one lookup per user, logout. Throws EloUnavailableError when ELO cannot
   * be asked and the login's DomainError when the account is refused; the caller then decides nothing.
   */
  async membershipsOf(input: {
    baseUrl: string;
    userName: string;
    password: string;
    userIds: readonly string[];
    groupName: string;
  }): Promise<Map<string, boolean>> {
    const session = await this.login(input.baseUrl, input.userName, input.password);
    try {
      const answers = new Map<string, boolean>();
      for (const userId of input.userIds) {
        const id = Number(userId);
        if (!Number.isSafeInteger(id)) continue;
        const membership = await checkMembership({
          client: this.client,
          baseUrl: input.baseUrl,
          session: { ticket: session.ticket, ticketLifetimeSeconds: null, user: { id, name: '', groupList: [] } },
          groupName: input.groupName,
          selectors: () => this.selectors(input.baseUrl),
          groupListFrom: 'directory',
        });
        answers.set(userId, membership.isGroupMember);
      }
      return answers;
    } finally {
      await this.logout(input.baseUrl, session.ticket);
    }
  }

  /** Ends a kept IX session (sign-out); failures change nothing, the ticket then expires on its own. */
  endSession(input: { baseUrl: string; ticket: string }): Promise<void> {
    return this.logout(input.baseUrl, input.ticket);
  }

  private async login(baseUrl: string, userName: string, userPwd: string): Promise<LoginSession> {
    let result: unknown;
    try {
      result = await this.client.call(baseUrl, 'login', {
        ci: CLIENT_INFO,
        userName,
        userPwd,
        clientComputer: CLIENT_COMPUTER,
        runAsUser: '',
      });
    } catch (error) {
      if (error instanceof IxCallException) throw loginFailure(error.exception);
      throw error;
    }
    const session = readLoginSession(result);
    if (!session) throw new EloUnavailableError('bad_response');
    return session;
  }

  /** getConstants is large and changes only with a server update: fetched once per base URL and TTL. */
  private selectors(baseUrl: string): Promise<CheckoutUsersSelectors> {
    const key = baseUrl.replace(/\/+$/, '');
    return this.constants.getOrLoad(key, async () =>
      readCheckoutUsersSelectors(await this.client.call(key, 'getConstants', {})),
    );
  }

  /** Ends the IX session so that tickets do not pile up on the customer's server; failures change nothing. */
  private async logout(baseUrl: string, ticket: string): Promise<void> {
    try {
      await this.client.call(baseUrl, 'logout', { ci: withTicket(ticket) });
    } catch {
      // Best effort: the ticket expires on its own after ticketLifetime.
    }
  }
}
