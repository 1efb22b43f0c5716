import {
  ConnectionResponse,
  ConnectionTestResult,
  FeatureSettings,
  InvoiceMailImportRequest,
  RedeemRequest,
  RedeemResponse,
} from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { SECURITY } from '../../http/openapi.js';
import { rejectBody } from '../../http/schemas.js';
import type { ConnectionService } from './connection.service.js';
import type { FeatureService } from './feature.service.js';

export interface ConnectionRoutesOptions {
  connection: ConnectionService;
  features: FeatureService;
  requestAuth: RequestAuth;
}

/** The tenant's connection: finish the set-up with the MS365 code, status, test, disconnect, feature settings. */
export const connectionRoutes: FastifyPluginAsyncTypebox<ConnectionRoutesOptions> = async (
  app,
  { connection, features, requestAuth },
) => {
  const guarded = { onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access] };

  app.post(
    '/ms365/connection',
    {
      ...guarded,
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
    async (request) => connection.redeem(principalOf(request), request.body.code, request.ip),
  );

  app.get(
    '/ms365/connection',
    {
      ...guarded,
      schema: {
        operationId: 'getConnection',
        errors: ['access_denied'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Connection status, the last test and the feature settings',
        response: { 200: ConnectionResponse },
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
        operationId: 'testConnection',
        errors: ['not_connected', 'too_many_attempts'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Test the connection again',
        response: { 200: ConnectionTestResult },
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

  app.put(
    '/ms365/features/invoice-mail-import',
    {
      ...guarded,
      schema: {
        operationId: 'setInvoiceMailImport',
        errors: ['validation_failed'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'Settings of "Rechnungs-Import via E-Mail": on/off and the mailbox to import from',
        body: InvoiceMailImportRequest,
        response: { 200: FeatureSettings },
      },
    },
    async (request) => features.setInvoiceMailImport(principalOf(request), request.body, request.ip),
  );
};
