import { MS365_ROUTES } from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { RequestAuth } from '../../../http/request-auth.js';
import { publicRoute } from '../../../http/route-scope.js';
import { requestOrigin } from '../../../http/request-origin.js';
import type { ConnectAttemptService } from './attempt.service.js';
import { bindingCookieOf } from './connector-binding-cookie.js';

const param = (description: string) => Type.Optional(Type.String({ maxLength: 8192, description }));

/** What Microsoft sends back; further parameters (e.g. `iss`, `client_info`) are tolerated and ignored. */
const CallbackQuery = Type.Object({
  code: param('Authorization code (success)'),
  state: param('The state we sent'),
  session_state: param('Microsoft session id'),
  error: param('OAuth error (failure)'),
  error_description: param('AADSTS code and text'),
  error_subcode: param('e.g. cancel'),
  error_uri: param('Microsoft help link'),
  admin_consent: param('"True" after admin consent'),
  tenant: param('Tenant id after admin consent'),
  scope: param('Scopes after admin consent'),
});

/** Microsoft's redirect URI. Not behind the guards: the service checks state and the session it belongs to. */
export const callbackRoutes: FastifyPluginAsyncTypebox<{
  attempts: ConnectAttemptService;
  requestAuth: RequestAuth;
}> = async (app, { attempts, requestAuth }) => {
  app.get(
    MS365_ROUTES.callback,
    {
      config: publicRoute(),
      schema: {
        operationId: 'ms365Callback',
        // Microsoft's redirect: the service checks state and the browser's session itself.
        security: [],
        errors: ['validation_failed'],
        responseHeaders: { 303: ['Location'] },
        tags: ['ms365'],
        summary: "Microsoft's redirect after sign-in and consent; sends the browser on to the connector window",
        querystring: CallbackQuery,
        response: { 303: Type.Null() },
      },
    },
    async (request, reply) => {
      const target = await attempts.handleCallback({
        query: request.query as Record<string, string | undefined>,
        requestOrigin: requestOrigin(request),
        session: await requestAuth.sessionOf(request),
        browserBinding: bindingCookieOf(request),
        ip: request.ip,
      });
      return reply.header('cache-control', 'no-store').redirect(target, 303);
    },
  );
};
