import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { correlationIdFrom, EntraError, missingParameter, unknownTenant } from './entra-errors.js';
import { noStore, param, sendEntraError } from './http.js';
import { authenticateClient } from './token-client-auth.js';
import { redeemAuthorizationCode, redeemRefreshToken } from './token-grants.js';

/** Entra reads only form bodies on /token; JSON or anything else looks like a request without parameters. */
function formBody(req: FastifyRequest): unknown {
  const type = req.headers['content-type'] ?? '';
  return type.toLowerCase().startsWith('application/x-www-form-urlencoded') ? req.body : {};
}

export function registerTokenRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Params: { tenant: string } }>('/:tenant/oauth2/v2.0/token', async (req, reply) => {
    const correlationId = correlationIdFrom(req.headers['client-request-id']);
    try {
      const tenant = ctx.directory.resolveTenant(req.params.tenant);
      if (!tenant) throw unknownTenant(req.params.tenant);
      const body = formBody(req);
      const grantType = param(body, 'grant_type');
      if (!grantType) throw missingParameter('grant_type');
      const tenantLabel = tenant.kind === 'tenant' ? ctx.directory.tenantLabel(tenant.tenantId) : req.params.tenant;
      const client = authenticateClient(ctx, body, req.headers.authorization, tenantLabel);
      const input = { ctx, client, tenant, body };
      let response;
      if (grantType === 'authorization_code') response = redeemAuthorizationCode(input);
      else if (grantType === 'refresh_token') response = redeemRefreshToken(input);
      else {
        throw new EntraError(
          'unsupported_grant_type',
          70003,
          `The app requested an unsupported grant type '${grantType}'.`,
        );
      }
      return noStore(reply).header('client-request-id', correlationId).send(response);
    } catch (err) {
      if (err instanceof EntraError) return sendEntraError(reply, err, { origin: ctx.origin, correlationId });
      throw err;
    }
  });
}

/** The label under which /token requests are counted in stats. */
export function grantTypeLabel(body: unknown): string {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).grant_type : undefined;
  if (raw === undefined) return 'missing';
  return raw === 'authorization_code' || raw === 'refresh_token' ? raw : 'other';
}
