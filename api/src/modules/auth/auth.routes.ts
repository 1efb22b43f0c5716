import { LoginRequest, SessionResponse } from '@ecm365/shared';
import type {} from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { SECURITY } from '../../http/openapi.js';
import { publicRoute, sessionOnly } from '../../http/route-scope.js';
import { rejectBody } from '../../http/schemas.js';
import type { AuthService } from './auth.service.js';

export interface AuthRoutesOptions {
  auth: AuthService;
  requestAuth: RequestAuth;
  /** `name` follows `secure` (sessionCookieName): `__Host-ecm365_session` over https, `ecm365_session` otherwise. */
  cookie: { name: string; secure: boolean; maxAgeSeconds: number };
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { auth, requestAuth, cookie }) => {
  const attributes = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure } as const;
  app.post(
    '/auth/login',
    {
      config: publicRoute(),
      schema: {
        operationId: 'login',
        errors: [
          'invalid_credentials',
          'password_login_disabled',
          'unknown_tenant',
          'too_many_attempts',
          'elo_unavailable',
        ],
        responseHeaders: { 200: ['Set-Cookie'] },
        tags: ['auth'],
        security: [],
        summary: 'Sign in with ELO user name and password',
        body: LoginRequest,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const session = await auth.login({
        body: request.body,
        hostname: request.hostname,
        ip: request.ip,
        previousSessionId: request.cookies[cookie.name],
      });
      void reply.setCookie(cookie.name, session.sessionId, { ...attributes, maxAge: cookie.maxAgeSeconds });
      return auth.describe(session.principal);
    },
  );

  app.post(
    '/auth/logout',
    {
      preValidation: rejectBody,
      onRequest: requestAuth.authenticateSession,
      config: sessionOnly(),
      schema: {
        operationId: 'logout',
        errors: ['not_authenticated'],
        responseHeaders: { 204: ['Set-Cookie'] },
        tags: ['auth'],
        security: SECURITY.session,
        summary: 'Sign out (deletes the session)',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await auth.logout(principalOf(request), request.ip);
      // With the attributes it was set with: a browser ignores a __Host- cookie's removal that lacks Secure.
      void reply.clearCookie(cookie.name, attributes);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      onRequest: requestAuth.authenticateSession,
      config: sessionOnly(),
      schema: {
        operationId: 'getSession',
        errors: ['not_authenticated'],
        tags: ['auth'],
        security: SECURITY.session,
        summary: 'The current session',
        response: { 200: SessionResponse },
      },
    },
    async (request) => auth.describe(principalOf(request)),
  );
};
