import { Ms365Access } from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { SECURITY } from '../../http/openapi.js';
import { requiresScope } from '../../http/route-scope.js';
import type { Clock } from '../../support/clock.js';
import { evaluateMs365Access } from './ms365-access.js';

export const accessRoutes: FastifyPluginAsyncTypebox<{ requestAuth: RequestAuth; clock: Clock }> = async (
  app,
  { requestAuth, clock },
) => {
  app.get(
    '/ms365/access',
    {
      onRequest: requestAuth.authenticate,
      config: requiresScope('ms365:read'),
      schema: {
        operationId: 'getMs365Access',
        errors: ['not_authenticated'],
        tags: ['ms365'],
        security: SECURITY.sessionOrToken,
        summary: 'May the signed-in user manage the Microsoft 365 connection? (the ELO group check)',
        response: { 200: Ms365Access },
      },
    },
    async (request) => evaluateMs365Access(principalOf(request), clock.now()),
  );
};
