import type { FastifyInstance, FastifyReply } from 'fastify';
import { validateTarget } from './authorize-request.js';
import type { EmulatorContext } from './context.js';
import { correlationIdFrom, EntraError, missingParameter } from './entra-errors.js';
import { adminConsentPage } from './html-pages.js';
import { param } from './http.js';
import { loginAction, newInteractionId } from './interactions.js';
import { errorFields, redirectWithResult, sendErrorPage } from './redirect.js';
import { isOidcScope, parseScopes } from './scopes.js';
import type { AdminConsentRequest, PendingInteraction } from './state.js';

/**
 * `GET /{tenant}/v2.0/adminconsent?client_id&redirect_uri&scope&state`: an administrator grants the requested
 * permissions for the whole organisation. Success redirects with `admin_consent=True&tenant=…&state=…&scope=…`;
 * cancelling with `error=access_denied&error_subcode=cancel`. Like Entra's v2.0 endpoint, `scope` is required
 * (`…/.default` for everything the app registration lists): without it the administrator is sent back with
 * `invalid_request` AADSTS900144.
 */
export function registerAdminConsentRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: { tenant: string } }>('/:tenant/v2.0/adminconsent', async (req, reply) => {
    const correlationId = correlationIdFrom((req.query as Record<string, unknown>)['client-request-id']);
    const errorContext = { origin: ctx.origin, correlationId };
    const target = validateTarget(ctx.directory, req.params.tenant, req.query);
    if (!target.ok) return sendErrorPage(reply, target.error, errorContext);
    const { redirectUri, client, tenant } = target.value;
    let state = '';
    let scopes: string[];
    try {
      state = param(req.query, 'state') ?? '';
      const rawScope = param(req.query, 'scope');
      if (!rawScope?.trim()) {
        return redirectWithResult(
          reply,
          redirectUri,
          'query',
          errorFields(missingParameter('scope'), errorContext, state),
        );
      }
      const parsed = parseScopes(rawScope);
      if (!parsed.ok) {
        const error = new EntraError(
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' isn't valid. The scope ${parsed.invalidScope} isn't valid.`,
        );
        return redirectWithResult(reply, redirectUri, 'query', errorFields(error, errorContext, state));
      }
      scopes = parsed.scopes.filter((scope) => !isOidcScope(scope));
    } catch (err) {
      if (!(err instanceof EntraError)) throw err;
      return redirectWithResult(reply, redirectUri, 'query', errorFields(err, errorContext, undefined));
    }
    const request: AdminConsentRequest = { clientId: client.clientId, redirectUri, state, scopes, tenant };
    const interaction: PendingInteraction = {
      id: newInteractionId(),
      createdAt: Date.now(),
      correlationId,
      kind: 'adminconsent',
      request,
    };
    ctx.state.addInteraction(interaction);
    return showPage(ctx, reply, interaction.id, req.params.tenant, request, param(req.query, 'login_hint') ?? '');
  });
}

function showPage(
  ctx: EmulatorContext,
  reply: FastifyReply,
  interactionId: string,
  tenantParam: string,
  request: AdminConsentRequest,
  selectedUpn: string,
  hint?: string,
): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      adminConsentPage({
        action: loginAction(tenantParam),
        interactionId,
        appName: ctx.directory.findClient(request.clientId)?.displayName ?? request.clientId,
        accounts: ctx.directory.accounts,
        selectedUpn,
        scopes: request.scopes,
        hint,
      }),
    );
}

export function handleAdminConsentSubmit(
  ctx: EmulatorContext,
  reply: FastifyReply,
  interaction: PendingInteraction & { kind: 'adminconsent' },
  tenantParam: string,
  body: unknown,
): FastifyReply {
  const { request } = interaction;
  const errorContext = { origin: ctx.origin, correlationId: interaction.correlationId };
  if (param(body, 'action') === 'cancel') {
    const cancelled = new EntraError('access_denied', 65004, 'User declined to consent to access the app.', {
      errorSubcode: 'cancel',
    });
    return redirectWithResult(
      reply,
      request.redirectUri,
      'query',
      errorFields(cancelled, errorContext, request.state || undefined),
    );
  }
  const account = ctx.directory.findAccount(param(body, 'account') ?? '');
  // Like Entra, a non-admin gets an explanation instead of a redirect; the page stays usable (cancel, other account).
  let hint: string | undefined;
  if (!account) hint = 'Bitte wählen Sie ein Konto aus.';
  else if (account.kind === 'personal') {
    hint = 'Mit einem persönlichen Microsoft-Konto kann keine Administratorzustimmung erteilt werden.';
  } else if (!ctx.directory.accountFitsTenant(request.tenant, account)) {
    hint = 'Dieses Konto gehört nicht zu der Organisation, für die die Zustimmung angefordert wurde.';
  } else if (account.tenantAdmin !== true) {
    hint =
      'Administratorgenehmigung erforderlich: Nur ein Administrator der Organisation kann diese Berechtigungen ' +
      'für alle Benutzer akzeptieren.';
  }
  if (!account || hint) {
    ctx.state.restoreInteraction(interaction);
    return showPage(ctx, reply, interaction.id, tenantParam, request, account?.upn ?? '', hint);
  }
  ctx.state.settings.adminConsentGranted.add(`${account.tenantId}|${request.clientId}`);
  const fields: Record<string, string> = { admin_consent: 'True', tenant: account.tenantId };
  if (request.state) fields.state = request.state;
  fields.scope = request.scopes.map((scope) => `https://graph.microsoft.com/${scope}`).join(' ');
  return redirectWithResult(reply, request.redirectUri, 'query', fields);
}
