import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { handleAdminConsentSubmit } from './admin-consent-routes.js';
import { handleSignInSubmit } from './authorize-routes.js';
import type { EmulatorContext } from './context.js';
import { EntraError } from './entra-errors.js';
import { param } from './http.js';
import { sendErrorPage } from './redirect.js';

/** `POST /{tenant}/login`: the form of the sign-in page and of the admin-consent page. */
export function registerLoginRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post<{ Params: { tenant: string } }>('/:tenant/login', async (req, reply) => {
    const interaction = ctx.state.takeInteraction(param(req.body, 'interaction') ?? '', Date.now());
    if (!interaction) {
      const expired = new EntraError(
        'invalid_request',
        9002313,
        'Invalid request. The sign-in page has expired or was already submitted. Start the sign-in again.',
      );
      return sendErrorPage(reply, expired, { origin: ctx.origin, correlationId: randomUUID() });
    }
    if (interaction.kind === 'adminconsent') {
      return handleAdminConsentSubmit(ctx, reply, interaction, req.params.tenant, req.body);
    }
    return handleSignInSubmit(ctx, reply, interaction, req.params.tenant, req.body);
  });
}
