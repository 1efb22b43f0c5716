import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { validateAuthorizeParams, validateTarget } from './authorize-request.js';
import type { EmulatorContext } from './context.js';
import type { TenantSegment } from './directory.js';
import { correlationIdFrom, EntraError } from './entra-errors.js';
import { signInPage } from './html-pages.js';
import { param } from './http.js';
import { loginAction, newInteractionId } from './interactions.js';
import { errorFields, redirectWithResult, sendErrorPage } from './redirect.js';
import type { AuthorizeRequest, PendingInteraction } from './state.js';
import type { MicrosoftAccount } from './types.js';

type Params = { Params: { tenant: string } };

export function registerAuthorizeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<Params>('/:tenant/oauth2/v2.0/authorize', async (req, reply) => {
    ctx.state.counters.authorizeRequests += 1;
    const correlationId = correlationIdFrom((req.query as Record<string, unknown>)['client-request-id']);
    const errorContext = { origin: ctx.origin, correlationId };
    const target = validateTarget(ctx.directory, req.params.tenant, req.query);
    if (!target.ok) return sendErrorPage(reply, target.error, errorContext);
    const validation = validateAuthorizeParams(target.value, req.query);
    if (!validation.ok) {
      const { redirect } = validation;
      if (!redirect) return sendErrorPage(reply, validation.error, errorContext);
      return redirectWithResult(
        reply,
        redirect.uri,
        redirect.mode,
        errorFields(validation.error, errorContext, redirect.state),
      );
    }
    const interaction: PendingInteraction = {
      id: newInteractionId(),
      createdAt: Date.now(),
      correlationId,
      kind: 'authorize',
      request: validation.value,
    };
    ctx.state.addInteraction(interaction);
    return showSignInPage(ctx, reply, interaction.id, req.params.tenant, validation.value);
  });
}

function showSignInPage(
  ctx: EmulatorContext,
  reply: FastifyReply,
  interactionId: string,
  tenantParam: string,
  request: AuthorizeRequest,
  hint?: string,
): FastifyReply {
  const client = ctx.directory.findClient(request.clientId);
  return reply
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      signInPage({
        action: loginAction(tenantParam),
        interactionId,
        appName: client?.displayName ?? request.clientId,
        accounts: ctx.directory.accounts,
        selectedUpn: request.loginHint,
        scopes: request.scopes,
        hint,
      }),
    );
}

/** The sign-in page was submitted: cancel, or issue a code for the chosen account (unless a rule forbids it). */
export function handleSignInSubmit(
  ctx: EmulatorContext,
  reply: FastifyReply,
  interaction: PendingInteraction & { kind: 'authorize' },
  tenantParam: string,
  body: unknown,
): FastifyReply {
  const { request } = interaction;
  const errorContext = { origin: ctx.origin, correlationId: interaction.correlationId };
  const back = (error: EntraError): FastifyReply =>
    redirectWithResult(
      reply,
      request.redirectUri,
      request.responseMode,
      errorFields(error, errorContext, request.state),
    );

  if (param(body, 'action') === 'cancel') {
    return back(
      new EntraError('access_denied', 65004, 'User declined to consent to access the app.', { errorSubcode: 'cancel' }),
    );
  }
  const account = ctx.directory.findAccount(param(body, 'account') ?? '');
  if (!account) {
    ctx.state.restoreInteraction(interaction);
    return showSignInPage(ctx, reply, interaction.id, tenantParam, request, 'Bitte wählen Sie ein Konto aus.');
  }
  const appName = ctx.directory.findClient(request.clientId)?.displayName ?? request.clientId;
  if (!ctx.directory.accountFitsTenant(request.tenant, account)) {
    return back(wrongTenantError(ctx, request.tenant, account, request.clientId, appName));
  }
  const { adminConsentRequired, adminConsentGranted } = ctx.state.settings;
  if (
    adminConsentRequired.has(account.tenantId) &&
    !adminConsentGranted.has(`${account.tenantId}|${request.clientId}`)
  ) {
    const label = ctx.directory.tenantLabel(account.tenantId);
    return back(
      new EntraError(
        'consent_required',
        90094,
        `The grant requires admin permission. An administrator of '${label}' must consent to the application ` +
          `'${appName}' (${request.clientId}) for the organization before users can sign in.`,
      ),
    );
  }
  const code = randomBytes(48).toString('base64url');
  ctx.state.addCode(code, {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes: request.scopes,
    nonce: request.nonce,
    upn: account.upn,
    issuedAt: Date.now(),
    redeemed: false,
  });
  return redirectWithResult(reply, request.redirectUri, request.responseMode, {
    code,
    state: request.state,
    session_state: randomUUID(),
  });
}

/** AADSTS50020: the chosen account cannot use this authority (personal account on `organizations`, …). */
export function wrongTenantError(
  ctx: EmulatorContext,
  tenant: TenantSegment,
  account: MicrosoftAccount,
  clientId: string,
  appName: string,
): EntraError {
  const idp = account.kind === 'personal' ? 'live.com' : `https://sts.windows.net/${account.tenantId}/`;
  const where =
    tenant.kind === 'tenant'
      ? `does not exist in tenant '${ctx.directory.tenantLabel(tenant.tenantId)}'`
      : tenant.kind === 'consumers'
        ? 'is not a personal Microsoft account'
        : 'is a personal Microsoft account (the application accepts only work or school accounts)';
  return new EntraError(
    'invalid_request',
    50020,
    `User account '${account.upn}' from identity provider '${idp}' ${where} and cannot access the application ` +
      `'${clientId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant ` +
      'first. Sign out and sign in again with a different Azure Active Directory user account.',
  );
}
