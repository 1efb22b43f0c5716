import { createHash } from 'node:crypto';
import type { EmulatorContext } from './context.js';
import type { TenantSegment } from './directory.js';
import { EntraError, missingParameter } from './entra-errors.js';
import { param } from './http.js';
import { isOidcScope, parseScopes, resourceScopesOf } from './scopes.js';
import { issueTokens, type TokenResponse } from './token-issuer.js';
import type { MicrosoftAccount, MicrosoftClientRegistration } from './types.js';

export interface GrantInput {
  ctx: EmulatorContext;
  client: MicrosoftClientRegistration;
  tenant: TenantSegment;
  body: unknown;
}

const invalidGrant = (code: number, message: string, suberror?: string): EntraError =>
  new EntraError('invalid_grant', code, message, suberror ? { suberror } : {});

/**
 * The scopes a token request may get: the requested Graph permissions if all of them were granted (else
 * consent_required, as Entra answers for a permission the user never consented to), or all granted ones when
 * the request names none; plus the granted OIDC scopes.
 */
function narrowScopes(
  granted: readonly string[],
  rawScope: string | undefined,
  client: MicrosoftClientRegistration,
): string[] {
  const grantedOidc = granted.filter(isOidcScope);
  if (!rawScope?.trim()) return [...granted];
  const parsed = parseScopes(rawScope);
  if (!parsed.ok) {
    throw new EntraError(
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' isn't valid. The scope ${parsed.invalidScope} isn't valid.`,
    );
  }
  const requested = resourceScopesOf(parsed.scopes);
  const missing = requested.filter((scope) => !granted.includes(scope));
  if (missing.length > 0) {
    throw invalidGrant(
      65001,
      `The user or administrator has not consented to use the application with ID '${client.clientId}' named ` +
        `'${client.displayName ?? client.clientId}'. Send an interactive authorization request for this user and ` +
        `resource. Missing: ${missing.join(' ')}.`,
      'consent_required',
    );
  }
  return [...(requested.length > 0 ? requested : resourceScopesOf(granted)), ...grantedOidc];
}

function accountOrFail(ctx: EmulatorContext, upn: string): MicrosoftAccount {
  const account = ctx.directory.findAccount(upn);
  if (!account)
    throw invalidGrant(70000, 'Provided grant is invalid or malformed. The user no longer exists.', 'bad_token');
  return account;
}

/** grant_type=authorization_code: single use, bound to app, redirect URI and PKCE challenge; 10 min. */
export function redeemAuthorizationCode({ ctx, client, tenant, body }: GrantInput): TokenResponse {
  const code = param(body, 'code');
  if (!code) throw missingParameter('code');
  const record = ctx.state.findCode(code);
  if (!record) throw invalidGrant(9002313, 'Invalid request. Request is malformed or invalid.');
  if (record.redeemed) {
    throw invalidGrant(
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  // Burn the code on every attempt, not only on success: a stolen code must not allow guessing the verifier.
  record.redeemed = true;
  if (record.clientId !== client.clientId) {
    throw invalidGrant(70000, 'Provided grant is invalid or malformed. The code was issued to another application.');
  }
  if (Date.now() - record.issuedAt >= ctx.state.settings.lifetimes.authCodeSeconds * 1000) {
    throw invalidGrant(
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive ' +
        'authorization request for this user and resource.',
    );
  }
  const redirectUri = param(body, 'redirect_uri');
  if (!redirectUri) throw missingParameter('redirect_uri');
  if (redirectUri !== record.redirectUri) {
    throw invalidGrant(
      70000,
      'Provided grant is invalid or malformed. The redirect_uri does not match the one of the authorization request.',
    );
  }
  const verifier = param(body, 'code_verifier');
  if (!verifier) throw missingParameter('code_verifier');
  if (createHash('sha256').update(verifier).digest('base64url') !== record.codeChallenge) {
    throw invalidGrant(
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
  const account = accountOrFail(ctx, record.upn);
  if (!ctx.directory.accountFitsTenant(tenant, account)) {
    throw invalidGrant(700005, 'Provided Authorization Code is intended to use against other tenant, thus rejected.');
  }
  return issueTokens(ctx, {
    client,
    account,
    grantedScopes: record.scopes,
    tokenScopes: narrowScopes(record.scopes, param(body, 'scope'), client),
    nonce: record.nonce,
    includeClientInfo: param(body, 'client_info') === '1',
  });
}

/**
 * grant_type=refresh_token. Rotation is strict: every successful use returns a new refresh token and retires the
 * old one, so tests can prove the client stores the rotated token. Failures that need a new sign-in carry
 * `suberror: "bad_token"`, which msal turns into an InteractionRequiredAuthError.
 */
export function redeemRefreshToken({ ctx, client, tenant, body }: GrantInput): TokenResponse {
  const token = param(body, 'refresh_token');
  if (!token) throw missingParameter('refresh_token');
  const record = ctx.state.findRefreshToken(token);
  // Unknown also covers tokens of an earlier emulator run (state is in memory): the app must sign in again.
  if (!record)
    throw invalidGrant(70000, 'Provided grant is invalid or malformed. The refresh token is unknown.', 'bad_token');
  if (record.clientId !== client.clientId) {
    throw invalidGrant(
      70000,
      'Provided grant is invalid or malformed. The refresh token was issued to another application.',
    );
  }
  if (record.status === 'revoked') {
    throw invalidGrant(
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have ' +
        `changed or reset their password. The grant was issued on '${new Date(record.issuedAt).toISOString()}'.`,
      'bad_token',
    );
  }
  if (record.status === 'rotated') {
    throw invalidGrant(
      70000,
      'Provided grant is invalid or malformed. The refresh token was already used and replaced by a newer one ' +
        '(the emulator rotates refresh tokens strictly).',
      'bad_token',
    );
  }
  const inactiveMs = Date.now() - record.issuedAt;
  if (inactiveMs >= ctx.state.settings.lifetimes.refreshTokenSeconds * 1000) {
    throw invalidGrant(
      700082,
      `The refresh token has expired due to inactivity. The token was issued on ${new Date(record.issuedAt).toISOString()} ` +
        `and was inactive for ${Math.round(inactiveMs / 1000)} seconds.`,
      'bad_token',
    );
  }
  const account = accountOrFail(ctx, record.upn);
  if (!ctx.directory.accountFitsTenant(tenant, account)) {
    throw invalidGrant(700005, 'Provided grant is intended to use against other tenant, thus rejected.');
  }
  if (ctx.state.settings.interactionRequired.has(account.upn.toLowerCase())) {
    // The refresh token stays valid: after MFA in a new interactive sign-in everything works again.
    throw new EntraError(
      'interaction_required',
      50076,
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must ' +
        "use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
    );
  }
  const tokenScopes = narrowScopes(record.scopes, param(body, 'scope'), client);
  record.status = 'rotated';
  return issueTokens(ctx, {
    client,
    account,
    grantedScopes: record.scopes,
    tokenScopes,
    includeClientInfo: param(body, 'client_info') === '1',
  });
}
