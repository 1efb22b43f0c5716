import {
  ConnectionResponse,
  ConnectionTestResponse,
  MS365_ROUTES,
  RedeemRequest,
  RedeemResponse,
  type MessageLocale,
} from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { principalOf, type RequestAuth } from '../../../http/request-auth.js';
import { SECURITY } from '../../../http/openapi.js';
import { requiresScope } from '../../../http/route-scope.js';
import { rejectBody } from '../../../http/schemas.js';
import { SerializedViews, sendSerialized } from '../../../http/serialized-views.js';
import { requestLocale } from '../../../messages/request-locale.js';
import type { ConnectionService } from './connection.service.js';
import { localizeConnection, localizeRedeem, localizeTestResponse } from './connection-view.js';

export interface ConnectionRoutesOptions {
  connection: ConnectionService;
  requestAuth: RequestAuth;
}

/** The tenant's connection: finish the set-up with the MS365 code, status, test, disconnect (the import's settings: invoice-import.routes.ts). */
export const connectionRoutes: FastifyPluginAsyncTypebox<ConnectionRoutesOptions> = async (
  app,
  { connection, requestAuth },
) => {
  // Callback-style hooks: the status read is what portals poll, and a cached one then runs without a promise.
  const guarded = { onRequest: requestAuth.ms365Guard };
  const reading = { ...guarded, config: requiresScope('ms365:read') };
  const writing = { ...guarded, config: requiresScope('ms365:write') };
  // The status portals poll: while the status cache hands out one view, its rendering in each language and the
  // JSON of that are made once, not on every read (issue 13's profile: rendering and serialising the stored
  // texts were a visible share of a cached read).
  const statusViews = new SerializedViews<ConnectionResponse, MessageLocale>();
  const sendStatus = (request: FastifyRequest, reply: FastifyReply, status: ConnectionResponse): void => {
    const locale = requestLocale(request);
    const json = statusViews.get(status, locale, () => String(reply.serialize(localizeConnection(status, locale))));
    sendSerialized(reply, json);
  };

  app.post(
    MS365_ROUTES.connection,
    {
      ...writing,
      schema: {
        operationId: 'redeemMs365Code',
        errors: ['invalid_code_format', 'invalid_code', 'too_many_attempts'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: '„Einrichtung abschließen & Verbindung testen“: redeem the MS365 code, store the connection, test it',
        body: RedeemRequest,
        response: { 200: RedeemResponse },
      },
    },
    async (request) =>
      localizeRedeem(
        await connection.redeem(principalOf(request), request.body.code, request.ip),
        requestLocale(request),
      ),
  );

  app.get(
    MS365_ROUTES.connection,
    {
      ...reading,
      schema: {
        operationId: 'getConnection',
        errors: ['access_denied'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Connection status, the last test and the feature settings',
        response: { 200: ConnectionResponse },
      },
    },
    (request, reply) => {
      const tenantId = principalOf(request).tenant.id;
      // A view the status cache holds is sent at once; otherwise the answer waits for the load.
      const cached = connection.cachedStatus(tenantId);
      if (!cached) return connection.status(tenantId).then((status) => sendStatus(request, reply, status));
      sendStatus(request, reply, cached);
      return undefined;
    },
  );

  app.post(
    MS365_ROUTES.connectionTest,
    {
      preValidation: rejectBody,
      ...writing,
      schema: {
        operationId: 'testConnection',
        errors: ['not_connected', 'too_many_attempts'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Test the connection again; answers the result and the connection as it is now',
        response: { 200: ConnectionTestResponse },
      },
    },
    async (request) =>
      localizeTestResponse(await connection.runTest(principalOf(request), request.ip), requestLocale(request)),
  );

  app.delete(
    MS365_ROUTES.connection,
    {
      preValidation: rejectBody,
      ...writing,
      schema: {
        operationId: 'deleteConnection',
        errors: ['access_denied'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: '„Verbindung trennen/löschen“: delete the tokens and the connection',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await connection.disconnect(principalOf(request), request.ip);
      return reply.code(204).send(null);
    },
  );
};
