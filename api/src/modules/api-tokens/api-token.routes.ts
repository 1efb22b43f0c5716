import {
  ApiTokenIdParams,
  ApiTokenList,
  CreateApiTokenRequest,
  CreatedApiToken,
  CurrentApiToken,
} from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { SECURITY } from '../../http/openapi.js';
import { anyApiToken, sessionOnly } from '../../http/route-scope.js';
import { rejectBody } from '../../http/schemas.js';
import type { ApiTokenService } from './api-token.service.js';

/**
 * Managing API tokens needs a browser session of a user allowed by the group rule: a token cannot mint tokens,
 * so a leaked token cannot make itself permanent.
 */
export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ tokens: ApiTokenService; requestAuth: RequestAuth }> = async (
  app,
  { tokens, requestAuth },
) => {
  const guarded = {
    onRequest: [requestAuth.authenticateSession, requestAuth.requireMs365Access],
    config: sessionOnly(),
  };

  app.get(
    '/api-tokens/current',
    {
      onRequest: requestAuth.authenticateToken,
      config: anyApiToken(),
      schema: {
        operationId: 'getCurrentApiToken',
        errors: ['not_authenticated'],
        tags: ['api-tokens'],
        security: SECURITY.token,
        summary: 'The calling API token: id, name, scopes, tenant, expiry (any scope)',
        response: { 200: CurrentApiToken },
      },
    },
    async (request) => tokens.current(principalOf(request)),
  );

  app.post(
    '/api-tokens',
    {
      ...guarded,
      schema: {
        operationId: 'createApiToken',
        errors: ['access_denied', 'too_many_attempts'],
        tags: ['api-tokens'],
        security: SECURITY.session,
        summary: 'Create an API token (shown once)',
        body: CreateApiTokenRequest,
        response: { 201: CreatedApiToken },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(await tokens.create(principalOf(request), request.body, request.ip));
    },
  );

  app.get(
    '/api-tokens',
    {
      ...guarded,
      schema: {
        operationId: 'listApiTokens',
        errors: ['access_denied'],
        tags: ['api-tokens'],
        security: SECURITY.session,
        summary: "The tenant's API tokens (never the tokens themselves)",
        response: { 200: ApiTokenList },
      },
    },
    async (request) => tokens.list(principalOf(request)),
  );

  app.delete(
    '/api-tokens/:id',
    {
      preValidation: rejectBody,
      ...guarded,
      schema: {
        operationId: 'deleteApiToken',
        errors: ['not_found'],
        tags: ['api-tokens'],
        security: SECURITY.session,
        summary: 'Delete an API token; it stops working at once',
        params: ApiTokenIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await tokens.remove(principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );
};
