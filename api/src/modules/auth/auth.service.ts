import { MS365_GROUP, type LoginRequest, type SessionResponse } from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import {
  DomainError,
  InvalidCredentialsError,
  UnknownTenantError,
  ValidationFailedError,
} from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import { evaluateMs365Access } from '../access/ms365-access.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { NewSession, SessionService } from '../sessions/session.service.js';
import { tenantFromHost, type HostKind } from '../tenants/tenant-host.js';
import { findTenantBySlug } from '../tenants/tenant.repository.js';
import type { EloAuthenticator } from './elo-authenticator.js';
import { LoginThrottle, type LoginOutcome } from './login-throttle.js';
import type { Principal } from './principal.js';

export interface LoginInput {
  body: LoginRequest;
  hostname: string;
  ip: string;
  /** The session id from the cookie, if any: it is replaced, never reused. */
  previousSessionId?: string | undefined;
}

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  elo: EloAuthenticator;
  sessions: SessionService;
  throttle: LoginThrottle;
  audit: AuditLog;
  hostRules: { baseDomain: string; defaultTenant: string | undefined };
  /** Told `success` or the error code of every sign-in attempt (metrics). */
  onLoginOutcome?: (outcome: string) => void;
}

/** Sign-in against the tenant's ELO, with the group check, throttling and the audit trail. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async login(input: LoginInput): Promise<NewSession> {
    try {
      const session = await this.attemptLogin(input);
      this.deps.onLoginOutcome?.('success');
      return session;
    } catch (error) {
      this.deps.onLoginOutcome?.(error instanceof DomainError ? error.code : 'internal_error');
      throw error;
    }
  }

  private async attemptLogin(input: LoginInput): Promise<NewSession> {
    const { throttle } = this.deps;
    const { slug, hostKind } = this.tenantOf(input);
    const keys = LoginThrottle.keysFor({ ip: input.ip, tenantId: slug, username: input.body.username });
    // Reserved before anything is looked up or ELO is asked, so parallel tries cannot overtake the limits.
    const tries = await throttle.reserve(keys);
    let outcome: LoginOutcome = 'not_counted';
    try {
      const session = await this.signIn(input, slug, hostKind);
      outcome = 'success';
      return session;
    } catch (error) {
      if (error instanceof InvalidCredentialsError) outcome = 'wrong_credentials';
      else if (error instanceof UnknownTenantError) outcome = 'unknown_tenant';
      throw error;
    } finally {
      await throttle.settle(keys, tries, outcome);
    }
  }

  /** The sign-in proper: tenant, ELO (credentials and group), session, audit. */
  private async signIn(input: LoginInput, slug: string, hostKind: HostKind): Promise<NewSession> {
    const { db, elo, sessions, audit } = this.deps;
    const tenant = await findTenantBySlug(db, slug);
    if (!tenant) throw new UnknownTenantError();
    const tenantRef = { id: tenant.id, slug: tenant.slug, name: tenant.name, graceUntil: tenant.graceUntil };
    const auditBase = { tenant: tenantRef, actor: input.body.username, action: 'auth.login' as const, ip: input.ip };

    let identity;
    try {
      identity = await elo.authenticate({
        baseUrl: tenant.eloIxUrl,
        username: input.body.username,
        password: input.body.password,
        groupName: MS365_GROUP,
      });
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal_error';
      await audit.record({ ...auditBase, outcome: 'failure', details: { code } });
      throw error;
    }

    if (input.previousSessionId) await sessions.destroyById(input.previousSessionId);
    const session = await sessions.create({
      tenant: tenantRef,
      user: { id: identity.userId, name: identity.userName },
      isGroupMember: identity.isGroupMember,
      hostKind,
      eloSession: identity.session,
    });
    await audit.record({
      ...auditBase,
      actor: identity.userName,
      outcome: 'success',
      details: { groupMember: identity.isGroupMember },
    });
    return session;
  }

  async logout(principal: Principal, ip: string): Promise<void> {
    if (principal.sessionIdHash) await this.deps.sessions.destroy(principal.sessionIdHash);
    await this.deps.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'auth.logout',
      outcome: 'success',
      ip,
    });
  }

  /** The view of a signed-in session that login and GET /auth/session both return. */
  describe(principal: Principal): SessionResponse {
    return {
      user: principal.user,
      tenant: { slug: principal.tenant.slug, name: principal.tenant.name },
      csrfToken: principal.csrfToken ?? '',
      ms365Access: evaluateMs365Access(principal, this.deps.clock.now()),
    };
  }

  /**
   * The tenant a login is for, and the kind of host it happens on (the session will be valid only there): a
   * tenant host names it, selfhost.<base-domain> lets the body name it, and the default host serves only the
   * default tenant, so a session made there can be used there.
   */
  private tenantOf({ body, hostname }: LoginInput): { slug: string; hostKind: HostKind } {
    const requested = body.tenant?.trim().toLowerCase();
    const host = tenantFromHost(hostname, this.deps.hostRules.baseDomain, this.deps.hostRules.defaultTenant);
    switch (host.kind) {
      case 'tenant':
        if (requested && requested !== host.slug) throw new UnknownTenantError();
        return { slug: host.slug, hostKind: 'tenant' };
      case 'selfhost':
        if (!requested) {
          throw new ValidationFailedError('error.tenant_required', { field: 'tenant' });
        }
        return { slug: requested, hostKind: 'selfhost' };
      case 'default':
        if (!host.slug || (requested && requested !== host.slug)) throw new UnknownTenantError();
        return { slug: host.slug, hostKind: 'default' };
    }
  }
}
