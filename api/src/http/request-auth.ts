import { CSRF_HEADER } from '@ecm365/shared';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import { AccessDeniedError, CsrfFailedError, NotAuthenticatedError } from '../errors/domain-errors.js';
import { evaluateMs365Access } from '../modules/access/ms365-access.js';
import type { Principal } from '../modules/auth/principal.js';
import type { SessionService } from '../modules/sessions/session.service.js';
import { sessionFitsHost, tenantFromHost, type HostTenant } from '../modules/tenants/tenant-host.js';
import type { Clock } from '../support/clock.js';
import { constantTimeEqual } from '../support/secrets.js';
import { assertScope } from './route-scope.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the `authenticate` hook; null on routes that do not require it. */
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves an API token to a principal (the API token module); undefined when it is not valid. Counts wrong
 * tokens per client address and throws 429 beyond the limit.
 */
export type BearerResolver = (token: string, ip: string) => Promise<Principal | undefined>;

export interface RequestAuthDeps {
  sessions: SessionService;
  clock: Clock;
  hostRules: { baseDomain: string; defaultTenant: string | undefined };
  /** The one session cookie name of this configuration (sessionCookieName); the other name is no one's session. */
  sessionCookie: string;
  bearer?: BearerResolver;
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new NotAuthenticatedError();
  return request.principal;
}

/**
 * The hooks routes put in front of themselves: `authenticate` (401 without a live session or token, 403 without a
 * CSRF token on unsafe cookie requests) and `requireMs365Access` (403 "Zugriff nicht erlaubt").
 */
export function createRequestAuth(deps: RequestAuthDeps) {
  // What each host name means, worked out once per name (every authenticated request asks); bounded, since the
  // Host header is the caller's.
  const hosts = new Map<string, HostTenant>();
  const hostOf = (request: FastifyRequest): HostTenant => {
    const hostname = request.hostname;
    let host = hosts.get(hostname);
    if (!host) {
      host = Object.freeze(tenantFromHost(hostname, deps.hostRules.baseDomain, deps.hostRules.defaultTenant));
      if (hosts.size >= 1_000) hosts.clear();
      hosts.set(hostname, host);
    }
    return host;
  };

  /**
   * An API token acts for its tenant wherever it is sent, except on another tenant's host, where it is no one's
   * (integrators of self-hosted customers call selfhost.<base-domain>).
   */
  function tokenFitsHost(request: FastifyRequest, principal: Principal): boolean {
    const host = hostOf(request);
    return host.kind !== 'tenant' || host.slug === principal.tenant.slug;
  }

  /** The live session of the cookie, if it belongs to this very host (see sessionFitsHost). */
  async function sessionOf(request: FastifyRequest): Promise<Principal | undefined> {
    const sessionId = request.cookies[deps.sessionCookie];
    if (!sessionId) return undefined;
    const principal = await deps.sessions.resolve(sessionId);
    if (!principal?.sessionHost) return undefined;
    const session = { hostKind: principal.sessionHost, tenantSlug: principal.tenant.slug };
    return sessionFitsHost(hostOf(request), session) ? principal : undefined;
  }

  /** 403 unless a cookie request with an unsafe method carries the session's CSRF token. */
  function checkCsrf(request: FastifyRequest, principal: Principal): void {
    if (SAFE_METHODS.has(request.method)) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !principal.csrfToken || !constantTimeEqual(sent, principal.csrfToken)) {
      throw new CsrfFailedError();
    }
  }

  async function fromSessionCookie(request: FastifyRequest): Promise<Principal | undefined> {
    const principal = await sessionOf(request);
    if (principal) checkCsrf(request, principal);
    return principal;
  }

  /**
   * The session principal when this instance's session cache answers it at once and it fits the host, with the
   * same CSRF rule; undefined sends the request the long way.
   */
  function fromCachedSession(request: FastifyRequest): Principal | undefined {
    const sessionId = request.cookies[deps.sessionCookie];
    const principal = sessionId ? deps.sessions.resolveCached(sessionId) : undefined;
    if (!principal?.sessionHost) return undefined;
    const session = { hostKind: principal.sessionHost, tenantSlug: principal.tenant.slug };
    if (!sessionFitsHost(hostOf(request), session)) return undefined;
    checkCsrf(request, principal);
    return principal;
  }

  async function fromBearerToken(request: FastifyRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (!header || !deps.bearer) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new NotAuthenticatedError();
    const principal = await deps.bearer(match[1], request.ip);
    if (!principal || !tokenFitsHost(request, principal)) throw new NotAuthenticatedError();
    // The one place a token becomes a principal, so the one place its scopes are checked against the route's.
    assertScope(request, principal);
    return principal;
  }

  async function principalOfRequest(request: FastifyRequest): Promise<Principal> {
    const principal = (await fromBearerToken(request)) ?? (await fromSessionCookie(request));
    if (!principal) throw new NotAuthenticatedError();
    // Sessions are not limited by scopes, but some routes are for API tokens only.
    if (principal.kind === 'session') assertScope(request, principal);
    return principal;
  }

  /**
   * Session cookie or API token (the Microsoft 365 routes). A session this instance's cache holds is accepted at
   * once, without a promise (the status read portals poll: issue 13's profile); everything else takes the
   * asynchronous way, a bearer token first. A refusal is thrown (or the answered promise rejects), never passed to
   * `done`, so a handler may also await the hook itself (attempt.routes.ts).
   */
  function authenticate(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): Promise<void> | undefined {
    const cached = request.headers.authorization && deps.bearer ? undefined : fromCachedSession(request);
    if (!cached) {
      return principalOfRequest(request).then((principal) => {
        request.principal = principal;
      });
    }
    assertScope(request, cached);
    request.principal = cached;
    done();
    return undefined;
  }

  /** API token only (`GET /api-tokens/current`): a browser session is no token to describe. */
  const authenticateToken: onRequestHookHandler = async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await fromBearerToken(request);
    if (!principal) throw new NotAuthenticatedError();
    request.principal = principal;
  };

  /** Session cookie only (sign-out, the session itself, managing API tokens). */
  const authenticateSession: onRequestHookHandler = async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await fromSessionCookie(request);
    if (!principal) throw new NotAuthenticatedError();
    request.principal = principal;
  };

  /** 403 "Zugriff nicht erlaubt" unless the principal may use Microsoft 365; nothing in it waits (thrown, as above). */
  function requireMs365Access(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const access = evaluateMs365Access(principalOf(request), deps.clock.now());
    if (!access.allowed) throw new AccessDeniedError({ group: access.group, reason: access.reason });
    done();
  }

  /** The onRequest hooks of a Microsoft 365 route. */
  const ms365Guard = [authenticate, requireMs365Access];

  return { authenticate, authenticateSession, authenticateToken, requireMs365Access, ms365Guard, sessionOf };
}

export type RequestAuth = ReturnType<typeof createRequestAuth>;
