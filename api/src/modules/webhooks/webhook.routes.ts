import {
  CreatedWebhook,
  CreateWebhookRequest,
  WebhookDelivery,
  WebhookDeliveriesQuery,
  WebhookDeliveryList,
  WebhookIdParams,
  WebhookList,
} from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { SECURITY } from '../../http/openapi.js';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { requiresScope } from '../../http/route-scope.js';
import { errorResponses, rejectBody } from '../../http/schemas.js';
import type { WebhookService } from './webhook.service.js';

/** Webhooks of the tenant (SPEC §10), for portal sessions (with CSRF token) and API tokens (scope webhooks:write). */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhookService; requestAuth: RequestAuth }> = async (
  app,
  { webhooks, requestAuth },
) => {
  const guarded = {
    onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access],
    config: requiresScope('webhooks:write'),
  };

  app.post(
    '/webhooks',
    {
      ...guarded,
      schema: {
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Register a webhook; the signing secret is shown once',
        body: CreateWebhookRequest,
        response: { 201: CreatedWebhook, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return reply.code(201).send(await webhooks.create(principalOf(request), request.body, request.ip));
    },
  );

  app.get(
    '/webhooks',
    {
      ...guarded,
      schema: {
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: "The tenant's webhooks (never their secrets)",
        response: { 200: WebhookList, ...errorResponses(401, 403) },
      },
    },
    async (request) => webhooks.list(principalOf(request)),
  );

  app.delete(
    '/webhooks/:id',
    {
      preValidation: rejectBody,
      ...guarded,
      schema: {
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Delete a webhook; deliveries still waiting for it are dropped',
        params: WebhookIdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await webhooks.remove(principalOf(request), request.params.id, request.ip);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      ...guarded,
      schema: {
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Delivery log of a webhook: status, attempts, HTTP status and duration of the last attempt',
        params: WebhookIdParams,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveryList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => webhooks.deliveries(principalOf(request), request.params.id, request.query.limit ?? 50),
  );

  app.post(
    '/webhooks/:id/test',
    {
      preValidation: rejectBody,
      ...guarded,
      schema: {
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Send a signed "webhook.test" event now and answer how the receiver responded',
        params: WebhookIdParams,
        response: { 200: WebhookDelivery, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => webhooks.test(principalOf(request), request.params.id),
  );
};
