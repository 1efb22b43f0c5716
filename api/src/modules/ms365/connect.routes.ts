import { AttemptIdParams, AttemptResponse, CodeResponse, ConnectResponse } from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { requestOrigin } from '../../http/request-origin.js';
import { SECURITY } from '../../http/openapi.js';
import { errorResponses, rejectBody } from '../../http/schemas.js';
import type { ConnectService } from './connect.service.js';

/** The connector window's API: start an attempt, see it, go to Microsoft, come back, show the MS365 code. */
export const connectRoutes: FastifyPluginAsyncTypebox<{ connect: ConnectService; requestAuth: RequestAuth }> = async (
  app,
  { connect, requestAuth },
) => {
  const guarded = { onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access] };

  app.post(
    '/ms365/connect',
    {
      preValidation: rejectBody,
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Start a connection attempt; open connectorUrl in the connector window',
        response: { 201: ConnectResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await connect.start(principalOf(request), requestOrigin(request), request.ip)),
  );

  app.get(
    '/ms365/connect/:attemptId',
    {
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'State of a connection attempt (pending, code ready, failed with explanation, …)',
        params: AttemptIdParams,
        response: { 200: AttemptResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => connect.describe(principalOf(request), request.params.attemptId),
  );

  app.get(
    '/ms365/connect/:attemptId/authorize',
    {
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: "Redirect to Microsoft's sign-in and consent (state, nonce, PKCE S256)",
        params: AttemptIdParams,
        response: { 302: Type.Null(), ...errorResponses(401, 403, 404, 410) },
      },
    },
    async (request, reply) =>
      reply.redirect(await connect.authorizeUrl(principalOf(request), request.params.attemptId), 302),
  );

  app.get(
    '/ms365/connect/:attemptId/code',
    {
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'The MS365 code, only to the session that started the attempt',
        params: AttemptIdParams,
        response: { 200: CodeResponse, ...errorResponses(401, 403, 404, 410) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return connect.revealCode(principalOf(request), request.params.attemptId);
    },
  );
};
