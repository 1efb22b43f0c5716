import type { Directory, TenantSegment } from './directory.js';
import { EntraError, missingParameter, unknownClient, unknownTenant } from './entra-errors.js';
import { param } from './http.js';
import { parseScopes } from './scopes.js';
import type { AuthorizeRequest, ResponseMode } from './state.js';
import type { MicrosoftClientRegistration } from './types.js';

/** Errors before the redirect URI is trusted are shown as a page; later ones go back to the app. */
export type Validation<T> =
  | { ok: true; value: T }
  | { ok: false; error: EntraError; redirect?: { uri: string; mode: ResponseMode; state: string | undefined } };

export interface TrustedTarget {
  tenant: TenantSegment;
  client: MicrosoftClientRegistration;
  redirectUri: string;
}

const RESPONSE_MODES: readonly ResponseMode[] = ['query', 'fragment', 'form_post'];
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function invalidValue(name: string, detail: string): EntraError {
  return new EntraError('invalid_request', 9002313, `Invalid request. The value of '${name}' is not valid: ${detail}`);
}

/** Tenant, app and redirect URI: nothing may redirect until all three check out (no open redirects). */
export function validateTarget(directory: Directory, tenantParam: string, query: unknown): Validation<TrustedTarget> {
  try {
    const tenant = directory.resolveTenant(tenantParam);
    if (!tenant) return { ok: false, error: unknownTenant(tenantParam) };
    const clientId = param(query, 'client_id');
    if (!clientId) return { ok: false, error: missingParameter('client_id') };
    const client = directory.findClient(clientId);
    const label = tenant.kind === 'tenant' ? directory.tenantLabel(tenant.tenantId) : tenantParam;
    if (!client) return { ok: false, error: unknownClient(clientId, label) };
    const redirectUri = param(query, 'redirect_uri');
    if (!redirectUri) return { ok: false, error: missingParameter('redirect_uri') };
    if (!client.redirectUris.includes(redirectUri)) {
      const message =
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured ` +
        `for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to ` +
        'your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more ' +
        'about how to fix this.';
      return { ok: false, error: new EntraError('invalid_request', 50011, message) };
    }
    return { ok: true, value: { tenant, client, redirectUri } };
  } catch (err) {
    if (err instanceof EntraError) return { ok: false, error: err };
    throw err;
  }
}

/** The remaining `/authorize` parameters; errors here are redirected to the app like Entra does. */
export function validateAuthorizeParams(target: TrustedTarget, query: unknown): Validation<AuthorizeRequest> {
  const rawMode = safeParam(query, 'response_mode');
  const mode: ResponseMode = RESPONSE_MODES.find((m) => m === rawMode) ?? 'query';
  const state = safeParam(query, 'state');
  const fail = (error: EntraError): Validation<AuthorizeRequest> => ({
    ok: false,
    error,
    redirect: { uri: target.redirectUri, mode, state },
  });
  try {
    if (rawMode !== undefined && !RESPONSE_MODES.includes(rawMode as ResponseMode)) {
      return fail(invalidValue('response_mode', "use 'query', 'fragment' or 'form_post'."));
    }
    const responseType = param(query, 'response_type');
    if (!responseType) return fail(missingParameter('response_type'));
    if (responseType !== 'code') {
      return fail(
        new EntraError(
          'unsupported_response_type',
          700054,
          `response_type '${responseType}' is not enabled for the application.`,
        ),
      );
    }
    const rawScope = param(query, 'scope');
    if (!rawScope?.trim()) return fail(missingParameter('scope'));
    const scopes = parseScopes(rawScope);
    if (!scopes.ok) {
      return fail(
        new EntraError(
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' isn't valid. The scope ${scopes.invalidScope} isn't valid.`,
        ),
      );
    }
    // Stricter than Entra on purpose: our app must always send PKCE (S256), state and nonce.
    const codeChallenge = param(query, 'code_challenge');
    if (!codeChallenge) return fail(missingParameter('code_challenge'));
    const method = param(query, 'code_challenge_method');
    if (!method) return fail(missingParameter('code_challenge_method'));
    if (method !== 'S256') return fail(invalidValue('code_challenge_method', "only 'S256' is accepted."));
    if (!S256_CHALLENGE.test(codeChallenge)) {
      return fail(new EntraError('invalid_request', 501491, 'Invalid size of Code_Challenge parameter.'));
    }
    if (!state) return fail(missingParameter('state'));
    const nonce = param(query, 'nonce');
    if (!nonce && scopes.scopes.includes('openid')) return fail(missingParameter('nonce'));
    if (param(query, 'prompt') === 'none') {
      return fail(
        new EntraError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
      );
    }
    return {
      ok: true,
      value: {
        clientId: target.client.clientId,
        redirectUri: target.redirectUri,
        responseMode: mode,
        scopes: scopes.scopes,
        state,
        nonce: nonce ?? '',
        codeChallenge,
        tenant: target.tenant,
        loginHint: param(query, 'login_hint') ?? '',
      },
    };
  } catch (err) {
    if (err instanceof EntraError) return fail(err);
    throw err;
  }
}

/** For values needed to build the error redirect itself: a malformed one is simply left out. */
function safeParam(query: unknown, name: string): string | undefined {
  try {
    return param(query, name);
  } catch {
    return undefined;
  }
}
