import { createHash, randomBytes } from 'node:crypto';
import { nowSeconds, type EmulatorContext } from './context.js';
import { signTamperedIdToken } from './id-token-tamper.js';
import { signJwt, type JwtClaims } from './jwt.js';
import { grantedScopeString, styledScopeString } from './scopes.js';
import type { MicrosoftAccount, MicrosoftClientRegistration } from './types.js';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface TokenResponse {
  token_type: 'Bearer';
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  client_info?: string;
}

export interface IssueInput {
  client: MicrosoftClientRegistration;
  account: MicrosoftAccount;
  /** Everything the user consented to (kept on the refresh token; decides refresh and id tokens). */
  grantedScopes: readonly string[];
  /** What this access token carries: the requested subset of the grant. */
  tokenScopes: readonly string[];
  /** From the authorization request; only on the authorization_code grant (msal compares it). */
  nonce?: string;
  /** msal asks for `client_info=1`; it turns into the account's homeAccountId `oid.tid`. */
  includeClientInfo: boolean;
}

/** Pairwise subject, as Entra: stable per user and app, different across apps. */
function pairwiseSubject(oid: string, audience: string): string {
  return createHash('sha256').update(`${oid}|${audience}`).digest('base64url').slice(0, 43);
}

export function issuerFor(ctx: EmulatorContext, tenantId: string): string {
  return `${ctx.origin}/${tenantId}/v2.0`;
}

/** Builds the token response Entra would send and records the refresh token. */
export function issueTokens(ctx: EmulatorContext, input: IssueInput): TokenResponse {
  const { client, account } = input;
  const now = nowSeconds();
  const lifetime = ctx.state.settings.lifetimes.accessTokenSeconds;
  const scope = grantedScopeString(input.tokenScopes);
  const issuer = issuerFor(ctx, account.tenantId);
  const accessToken = signJwt(ctx.signingKey, {
    aud: GRAPH_AUDIENCE,
    iss: issuer,
    iat: now,
    nbf: now,
    exp: now + lifetime,
    app_displayname: client.displayName ?? client.clientId,
    appid: client.clientId,
    idtyp: 'user',
    name: account.displayName,
    oid: account.oid,
    ...(account.kind === 'work' ? { upn: account.upn, unique_name: account.upn } : {}),
    preferred_username: account.upn,
    scp: scope,
    sub: pairwiseSubject(account.oid, GRAPH_AUDIENCE),
    tid: account.tenantId,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
  });
  ctx.state.counters.accessTokensIssued += 1;
  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: styledScopeString(input.tokenScopes, ctx.state.settings.scopeStyle),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
  if (input.grantedScopes.includes('offline_access')) {
    response.refresh_token = ctx.state.issueRefreshToken({
      clientId: client.clientId,
      upn: account.upn,
      scopes: [...input.grantedScopes],
    });
  }
  if (input.grantedScopes.includes('openid')) {
    response.id_token = signIdToken(ctx, now, {
      aud: client.clientId,
      iss: issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: account.displayName,
      oid: account.oid,
      preferred_username: account.upn,
      ...(input.grantedScopes.includes('email') ? { email: account.upn } : {}),
      sub: pairwiseSubject(account.oid, client.clientId),
      tid: account.tenantId,
      uti: randomBytes(16).toString('base64url'),
      ver: '2.0',
      ...(input.nonce ? { nonce: input.nonce } : {}),
    });
  }
  if (input.includeClientInfo) {
    response.client_info = Buffer.from(JSON.stringify({ uid: account.oid, utid: account.tenantId })).toString(
      'base64url',
    );
  }
  return response;
}

/** Signs an id_token, spoiled if a test asked for it (`tamperIdTokens`). */
function signIdToken(ctx: EmulatorContext, now: number, claims: JwtClaims): string {
  const tamper = ctx.state.settings.idTokenTampers.shift();
  if (!tamper) return signJwt(ctx.signingKey, claims);
  return signTamperedIdToken(ctx.signingKey, ctx.unpublishedKey, claims, tamper, now);
}
