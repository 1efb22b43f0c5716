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
}

export interface EloIxGatewayOptions {
  /** Bound for each IX call, including the answer's body. */
  timeoutMs: number;
  onCall?: EloCallObserver;
  /** How long getConstants answers are reused per base URL. Default one hour. */
  constantsTtlMs?: number;
}

const ONE_HOUR_MS = 60 * 60 * 1000;

/**
 * The portal's only way to talk to an ELO Indexserver. A whole `authenticate` makes at most four sequential
 * rounds (login, getConstants when not cached, the two membership lookups in parallel, logout), each bounded by
 * `timeoutMs`. The password is used for the login body only and is never kept, logged or put into an error.
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

  /** Logs in, checks membership of `groupName`, logs out (best effort). */
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
      return { userId: String(session.user.id), userName: session.user.name, ...membership };
    } finally {
      await this.logout(input.baseUrl, session.ticket);
    }
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
