import { NotificationSettings, NotificationSettingsRequest } from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SECURITY } from '../../http/openapi.js';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { requiresScope } from '../../http/route-scope.js';
import { requestLocale } from '../../messages/request-locale.js';
import type { NotificationService } from './notification.service.js';

/** The customer's notification address, for portal sessions and API tokens. */
export const notificationRoutes: FastifyPluginAsyncTypebox<{
  notifications: NotificationService;
  requestAuth: RequestAuth;
}> = async (app, { notifications, requestAuth }) => {
  const onRequest = [requestAuth.authenticate, requestAuth.requireMs365Access];

  app.get(
    '/notifications',
    {
      onRequest,
      config: requiresScope('ms365:read'),
      schema: {
        operationId: 'getNotificationSettings',
        errors: ['access_denied'],
        tags: ['notifications'],
        security: SECURITY.sessionOrToken,
        summary: 'The address that receives needs_reauth and import-failure mails',
        response: { 200: NotificationSettings },
      },
    },
    async (request) => notifications.get(principalOf(request)),
  );

  app.put(
    '/notifications',
    {
      onRequest,
      config: requiresScope('ms365:write'),
      schema: {
        operationId: 'setNotificationSettings',
        errors: ['validation_failed'],
        tags: ['notifications'],
        security: SECURITY.sessionOrToken,
        summary: 'Set (or, with null, remove) the notification address; at most one mail per kind and day',
        description:
          'The mails to the address are written in the language of this request (Accept-Language: German or English; German otherwise).',
        body: NotificationSettingsRequest,
        response: { 200: NotificationSettings },
      },
    },
    async (request) => notifications.set(principalOf(request), request.body, request.ip, requestLocale(request)),
  );
};
