import {
  AttemptIdParams,
  AttemptResponse,
  CodeResponse,
  ConnectResponse,
  MS365_ROUTES,
  connectorPage,
} from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AttemptNotFoundError, NotAuthenticatedError, SessionMismatchError } from '../../../errors/domain-errors.js';
import { principalOf, type RequestAuth } from '../../../http/request-auth.js';
import { requestOrigin } from '../../../http/request-origin.js';
import { SECURITY } from '../../../http/openapi.js';
import { requiresScope } from '../../../http/route-scope.js';
import { rejectBody } from '../../../http/schemas.js';
import type { Principal } from '../../auth/principal.js';
import { tenantFromHost } from '../../tenants/tenant-host.js';
import type { BrowserVisit } from './attempt-browser-binding.js';
import { requestLocale } from '../../../messages/request-locale.js';
import { localizeAttempt } from './attempt-view.js';
import type { ConnectAttemptService } from './attempt.service.js';
import { bindingCookieOf, setBindingCookie } from './connector-binding-cookie.js';

export interface AttemptRoutesOptions {
  attempts: ConnectAttemptService;
  requestAuth: RequestAuth;
  hostRules: { baseDomain: string; defaultTenant: string | undefined };
  /** The connector binding cookie is `Secure` when the portal is served over https. */
  cookieSecure: boolean;
}

/** The connector window's API: start an attempt, see it, go to Microsoft, come back, show the MS365 code. */
export const attemptRoutes: FastifyPluginAsyncTypebox<AttemptRoutesOptions> = async (
  app,
  { attempts, requestAuth, hostRules, cookieSecure },
) => {
  const guarded = { onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access] };
  // Starting a connection and taking its code change the connection (ms365:write); watching an attempt reads.
  const writing = requiresScope('ms365:write');
  const reading = requiresScope('ms365:read');

  /**
   * The connector window's own calls (see the attempt, go to Microsoft) also come from a browser without a portal
   * session: the one an integrator sent an API token's connector link to. With credentials, they are checked as
   * everywhere; without, the request is a browser visit, which only an attempt of an API token admits.
   */
  async function credentialsOf(request: FastifyRequest, reply: FastifyReply): Promise<Principal | undefined> {
    if (!request.headers.authorization && !(await requestAuth.sessionOf(request))) return undefined;
    await requestAuth.authenticate.call(app, request, reply, () => {});
    await requestAuth.requireMs365Access.call(app, request, reply, () => {});
    return principalOf(request);
  }

  const browserVisit = (request: FastifyRequest): BrowserVisit => {
    const host = tenantFromHost(request.hostname, hostRules.baseDomain, hostRules.defaultTenant);
    return { tenantSlug: host.kind === 'selfhost' ? undefined : host.slug, bindingCookie: bindingCookieOf(request) };
  };

  /** Runs `own` for the principal's own attempt, else — for a browser (even one signed in as someone else) — `visit`. */
  async function asOwnerOrBrowser<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    own: (principal: Principal) => Promise<T>,
    visit: (browser: BrowserVisit) => Promise<{ value: T; setBindingCookie?: string }>,
  ): Promise<T> {
    const principal = await credentialsOf(request, reply);
    if (principal) {
      try {
        return await own(principal);
      } catch (error) {
        if (!(error instanceof AttemptNotFoundError) || principal.kind !== 'session') throw error;
      }
    }
    let answer: { value: T; setBindingCookie?: string };
    try {
      answer = await visit(browserVisit(request));
    } catch (error) {
      // Not an attempt a browser may open without signing in: as on every other route, sign in first.
      if (!principal && error instanceof AttemptNotFoundError) throw new NotAuthenticatedError();
      throw error;
    }
    setBindingCookie(reply, answer.setBindingCookie, cookieSecure);
    return answer.value;
  }

  app.post(
    MS365_ROUTES.connect,
    {
      preValidation: rejectBody,
      ...guarded,
      config: writing,
      schema: {
        operationId: 'startConnectAttempt',
        errors: ['access_denied', 'too_many_attempts'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Start a connection attempt; open connectorUrl in the connector window',
        response: { 201: ConnectResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await attempts.start(principalOf(request), requestOrigin(request), request.ip)),
  );

  app.get(
    MS365_ROUTES.attempt,
    {
      config: reading,
      schema: {
        operationId: 'getConnectAttempt',
        errors: ['attempt_not_found', 'session_mismatch', 'access_denied'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'State of a connection attempt (pending, code ready, failed with explanation, …)',
        description:
          'Also answers a browser without credentials for an attempt started with an API token: the first browser ' +
          'that opens it owns it (binding cookie); any other browser gets 403 session_mismatch.',
        params: AttemptIdParams,
        response: { 200: AttemptResponse },
      },
    },
    async (request, reply) =>
      localizeAttempt(
        await asOwnerOrBrowser(
          request,
          reply,
          (principal) => attempts.describe(principal, request.params.attemptId),
          (browser) => attempts.describeForBrowser(browser, request.params.attemptId),
        ),
        requestLocale(request),
      ),
  );

  app.get(
    MS365_ROUTES.authorize,
    {
      config: writing,
      schema: {
        operationId: 'authorizeConnectAttempt',
        errors: ['attempt_not_found', 'attempt_expired', 'access_denied'],
        responseHeaders: { 302: ['Location'], 303: ['Location'] },
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: "Redirect to Microsoft's sign-in and consent (state, nonce, PKCE S256), new for every call",
        description: 'Like the attempt itself, also for the browser that owns an attempt started with an API token.',
        params: AttemptIdParams,
        response: { 302: Type.Null(), 303: Type.Null() },
      },
    },
    async (request, reply) => {
      let target: string;
      try {
        target = await asOwnerOrBrowser(
          request,
          reply,
          (principal) => attempts.authorizeUrl(principal, request.params.attemptId, requestOrigin(request)),
          (browser) => attempts.authorizeUrlForBrowser(browser, request.params.attemptId),
        );
      } catch (error) {
        // A browser, not a script: the connector window explains it rather than showing JSON.
        if (!(error instanceof SessionMismatchError)) throw error;
        return reply.redirect(`${connectorPage(request.params.attemptId)}?error=session_mismatch`, 303);
      }
      return reply.header('cache-control', 'no-store').redirect(target, 302);
    },
  );

  app.get(
    MS365_ROUTES.code,
    {
      ...guarded,
      config: writing,
      schema: {
        operationId: 'getMs365Code',
        errors: ['attempt_not_found', 'code_expired', 'code_redeemed'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'The MS365 code, only to the session that started the attempt',
        params: AttemptIdParams,
        response: { 200: CodeResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return attempts.revealCode(principalOf(request), request.params.attemptId);
    },
  );
};
