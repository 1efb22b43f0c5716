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
import { rejectBody } from '../../http/schemas.js';
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
        operationId: 'createWebhook',
        errors: ['webhook_url_not_allowed', 'webhook_limit_reached'],
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Register a webhook; the signing secret is shown once',
        body: CreateWebhookRequest,
        response: { 201: CreatedWebhook },
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
        operationId: 'listWebhooks',
        errors: ['access_denied'],
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: "The tenant's webhooks (never their secrets)",
        response: { 200: WebhookList },
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
        operationId: 'deleteWebhook',
        errors: ['not_found'],
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Delete a webhook; deliveries still waiting for it are dropped',
        params: WebhookIdParams,
        response: { 204: Type.Null() },
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
        operationId: 'listWebhookDeliveries',
        errors: ['not_found'],
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Delivery log of a webhook: status, attempts, HTTP status and duration of the last attempt',
        params: WebhookIdParams,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveryList },
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
        operationId: 'testWebhook',
        errors: ['not_found'],
        tags: ['webhooks'],
        security: SECURITY.sessionOrToken,
        summary: 'Send a signed "webhook.test" event now and answer how the receiver responded',
        params: WebhookIdParams,
        response: { 200: WebhookDelivery },
      },
    },
    async (request) => webhooks.test(principalOf(request), request.params.id),
  );
};
