import { AccessTokenRequest, AccessTokenResponse, MS365_ROUTES } from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SECURITY } from '../../../http/openapi.js';
import { principalOf, type RequestAuth } from '../../../http/request-auth.js';
import { requiresScope } from '../../../http/route-scope.js';
import type { AccessTokenService } from './access-token.service.js';

/** `POST /ms365/connection/access-token` (SPEC §10): for API tokens with ms365:token only. */
export const accessTokenRoutes: FastifyPluginAsyncTypebox<{
  accessTokens: AccessTokenService;
  requestAuth: RequestAuth;
}> = async (app, { accessTokens, requestAuth }) => {
  app.post(
    MS365_ROUTES.accessToken,
    {
      onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access],
      // `{feature?}` only: no body at all is the same as `{}` (curl -X POST without -d).
      preValidation: async (request) => {
        request.body ??= {};
      },
      config: requiresScope('ms365:token', { tokensOnly: true }),
      schema: {
        operationId: 'createMs365AccessToken',
        errors: ['insufficient_scope', 'not_connected', 'needs_reauth', 'too_many_attempts', 'ms365_unavailable'],
        tags: ['ms365'],
        security: SECURITY.token,
        summary: "A Microsoft Graph access token of the tenant's connection, valid for at least five more minutes",
        description:
          'For ELO-side features (scripts, other importers). Only API tokens with the scope ms365:token; browser ' +
          'sessions get 403 insufficient_scope. Refreshes through the connection’s serialised refresh when needed. ' +
          '`feature` asks only for that feature’s permissions and answers 409 needs_reauth when the connection ' +
          'lacks them. 409 not_connected / needs_reauth carry a German hint in details.hint. Rate-limited per API ' +
          'token (429 with Retry-After); every issuance is audited, the token itself never logged.',
        body: AccessTokenRequest,
        response: { 200: AccessTokenResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return accessTokens.issue(principalOf(request), request.body.feature, request.ip);
    },
  );
};
