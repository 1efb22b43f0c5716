import { ConnectionResponse, ConnectionTestResult, RedeemRequest, RedeemResponse } from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { SECURITY } from '../../http/openapi.js';
import { errorResponses, rejectBody } from '../../http/schemas.js';
import type { ConnectionService } from './connection.service.js';

export interface ConnectionRoutesOptions {
  connection: ConnectionService;
  requestAuth: RequestAuth;
}

/** The tenant's connection: finish the set-up with the MS365 code, status, test, disconnect (the import's settings: invoice-import.routes.ts). */
export const connectionRoutes: FastifyPluginAsyncTypebox<ConnectionRoutesOptions> = async (
  app,
  { connection, requestAuth },
) => {
  const guarded = { onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access] };

  app.post(
    '/ms365/connection',
    {
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: '„Einrichtung abschließen & Verbindung testen“: redeem the MS365 code, store the connection, test it',
        body: RedeemRequest,
        response: { 200: RedeemResponse, ...errorResponses(400, 401, 403, 429, 413, 415) },
      },
    },
    async (request) => connection.redeem(principalOf(request), request.body.code, request.ip),
  );

  app.get(
    '/ms365/connection',
    {
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Connection status, the last test and the feature settings',
        response: { 200: ConnectionResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => connection.status(principalOf(request).tenant.id),
  );

  app.post(
    '/ms365/connection/test',
    {
      preValidation: rejectBody,
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Test the connection again',
        response: { 200: ConnectionTestResult, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request) => connection.runTest(principalOf(request), request.ip),
  );

  app.delete(
    '/ms365/connection',
    {
      preValidation: rejectBody,
      ...guarded,
      schema: {
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: '„Verbindung trennen/löschen“: delete the tokens and the connection',
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await connection.disconnect(principalOf(request), request.ip);
      return reply.code(204).send(null);
    },
  );
};
