import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { RequestAuth } from '../../http/request-auth.js';
import { requestOrigin } from '../../http/request-origin.js';
import type { ConnectService } from './connect.service.js';

const CallbackQuery = Type.Record(Type.String(), Type.String({ maxLength: 8192 }), {
  description: 'code & state, or error & error_description (& error_subcode), or admin_consent & tenant & state',
});

/** Microsoft's redirect URI. Not behind the guards: the service checks state and the session it belongs to. */
export const callbackRoutes: FastifyPluginAsyncTypebox<{ connect: ConnectService; requestAuth: RequestAuth }> = async (
  app,
  { connect, requestAuth },
) => {
  app.get(
    '/ms365/callback',
    {
      schema: {
        tags: ['ms365'],
        summary: "Microsoft's redirect after sign-in and consent; sends the browser on to the connector window",
        querystring: CallbackQuery,
        response: { 303: Type.Null() },
      },
    },
    async (request, reply) => {
      const target = await connect.handleCallback({
        query: request.query,
        requestOrigin: requestOrigin(request),
        session: await requestAuth.sessionOf(request),
        ip: request.ip,
      });
      return reply.header('cache-control', 'no-store').redirect(target, 303);
    },
  );
};
