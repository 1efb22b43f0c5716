import type * as MsalLibrary from '@azure/msal-node';
import type { AuthenticationResult } from '@azure/msal-node';
import type { Agent } from 'undici';
import { resourceQualifiedScopes } from '@ecm365/shared';
import { observed, type MicrosoftCallObserver } from './call-observer.js';
import { idTokenValidatorFor, type IdTokenValidator } from './id-token-validator.js';
import { authorityOrigin, type MicrosoftEndpoints } from './microsoft-endpoints.js';
import { isNetworkFailure, MicrosoftRequestError, networkFailure } from './microsoft-request-error.js';
import { MsalNetworkModule } from './msal-network-module.js';
import { OfflineNetworkModule } from './offline-network-module.js';
import { CapturedTokenCache, PersistentTokenCache, type TokenCacheStore } from './persistent-token-cache.js';

/** The Microsoft account a connection acts as, as MSAL reports it (stored with the connection). */
export interface MicrosoftAccountInfo {
  homeAccountId: string;
  username: string;
  displayName: string;
  microsoftTenantId: string;
}

export interface AuthorizeRequest {
  scopes: string[];
  state: string;
  nonce: string;
  codeChallenge: string;
}

export interface RedeemedTokens {
  serializedCache: string;
  account: MicrosoftAccountInfo;
  grantedScopes: string[];
}

type Msal = typeof MsalLibrary;
let msalModule: Promise<Msal> | undefined;
/**
 * msal-node is loaded on the first call to Microsoft, not at start: it is the largest library of the server
 * (about a second and 20 MB of a demo start on a busy 2-core machine, issue 13) and a start needs none of it.
 */
const loadMsal = (): Promise<Msal> => (msalModule ??= import('@azure/msal-node'));

/** MSAL says "no tokens for this account here": the user has to connect again. */
const MISSING_TOKENS = new Set(['no_tokens_found', 'no_account_in_silent_request', 'refresh_token_expired']);

/**
 * The only code that talks to Microsoft's identity platform (through @azure/msal-node): authorization code flow
 * with PKCE, code redemption, and silent token acquisition over a connection's persisted cache. One MSAL client
 * per call, so caches of different tenants never mix and MSAL's in-memory throttling state never outlives a call.
 */
export class MicrosoftIdentity {
  private readonly idTokens: IdTokenValidator;

  constructor(
    private readonly endpoints: MicrosoftEndpoints,
    private readonly dispatcher: Agent,
    private readonly onCall?: MicrosoftCallObserver,
    idTokens?: IdTokenValidator,
  ) {
    this.idTokens = idTokens ?? idTokenValidatorFor(endpoints, dispatcher);
  }

  async authorizeUrl(request: AuthorizeRequest): Promise<string> {
    const { client } = await this.client();
    return client.getAuthCodeUrl({
      scopes: request.scopes,
      redirectUri: this.endpoints.redirectUri,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: 'S256',
      state: request.state,
      nonce: request.nonce,
      prompt: 'select_account',
      responseMode: 'query',
    });
  }

  redeemAuthorizationCode(input: {
    code: string;
    scopes: string[];
    codeVerifier: string;
    nonce: string;
    state: string;
  }): Promise<RedeemedTokens> {
    return observed(this.onCall, 'redeem_code', () => this.redeem(input));
  }

  private async redeem(input: { code: string; scopes: string[]; codeVerifier: string; nonce: string; state: string }) {
    const captured = new CapturedTokenCache();
    const { client, network, msal } = await this.client(captured);
    let result: AuthenticationResult;
    try {
      result = await client.acquireTokenByCode(
        {
          code: input.code,
          scopes: input.scopes,
          redirectUri: this.endpoints.redirectUri,
          codeVerifier: input.codeVerifier,
          state: input.state,
          nonce: input.nonce,
        },
        { code: input.code, state: input.state },
      );
    } catch (error) {
      throw translate(error, network, msal);
    }
    // msal-node checks only the nonce; nothing of this answer is kept unless its id_token is Microsoft's and ours.
    await this.idTokens.validate(result.idToken, input.nonce);
    if (!result.account || !captured.serialized) {
      throw new MicrosoftRequestError({ error: 'interaction_required', description: 'no account in token response' });
    }
    return {
      serializedCache: captured.serialized,
      account: {
        homeAccountId: result.account.homeAccountId,
        username: result.account.username,
        displayName: result.account.name ?? result.account.username,
        microsoftTenantId: result.account.tenantId,
      },
      grantedScopes: result.scopes,
    };
  }

  /**
   * A valid access token from the connection's cache; MSAL refreshes (and rotates the refresh token) when the
   * cached one is about to expire or `forceRefresh` is set, and the store persists the changed cache at once.
   */
  acquireAccessToken(input: {
    cache: TokenCacheStore;
    homeAccountId: string;
    scopes: string[];
    forceRefresh?: boolean;
  }): Promise<{ accessToken: string; expiresOn: Date | null; refreshed: boolean; scopes: string[] }> {
    return observed(this.onCall, 'acquire_token', () => this.acquire(input));
  }

  private async acquire(input: {
    cache: TokenCacheStore;
    homeAccountId: string;
    scopes: string[];
    forceRefresh?: boolean;
  }) {
    const { client, network, msal } = await this.client(input.cache);
    try {
      const account = await client.getTokenCache().getAccountByHomeId(input.homeAccountId);
      if (!account)
        throw new MicrosoftRequestError({ error: 'interaction_required', description: 'account not in cache' });
      const result = await client.acquireTokenSilent({
        account,
        scopes: input.scopes,
        forceRefresh: input.forceRefresh ?? false,
      });
      return {
        accessToken: result.accessToken,
        expiresOn: result.expiresOn,
        refreshed: !result.fromCache,
        scopes: result.scopes,
      };
    } catch (error) {
      throw translate(error, network, msal);
    }
  }

  /**
   * A cached access token of the account that is valid for `scopes` (MSAL's five-minute margin included), read
   * from `serializedCache` without calling Microsoft; undefined when only a call could answer (a refresh is due).
   * Nothing is written back: a cache lookup that finds a valid token changes nothing worth keeping. The caller may
   * so skip the per-connection lock that guards refreshes (a connection test right after the set-up, issue 13).
   */
  async cachedAccessToken(input: {
    serializedCache: string;
    homeAccountId: string;
    scopes: string[];
  }): Promise<{ accessToken: string; expiresOn: Date | null; refreshed: false; scopes: string[] } | undefined> {
    const { client } = await this.client(
      { load: async () => input.serializedCache, save: async () => {} },
      new OfflineNetworkModule(),
    );
    try {
      const account = await client.getTokenCache().getAccountByHomeId(input.homeAccountId);
      if (!account) return undefined;
      const result = await client.acquireTokenSilent({ account, scopes: input.scopes });
      if (!result.fromCache) return undefined;
      return { accessToken: result.accessToken, expiresOn: result.expiresOn, refreshed: false, scopes: result.scopes };
    } catch {
      // A refresh is due (refused before it left) or the cache has nothing: the locked path decides and reports.
      return undefined;
    }
  }

  /**
   * The link a Microsoft 365 administrator opens to consent for the whole organisation (SPEC §5): `client_id`, the
   * requested Graph permissions resource-qualified as `scope` (Microsoft answers AADSTS900144 without it),
   * `redirect_uri` and `state`.
   */
  adminConsentUrl(state: string, scopes: readonly string[]): string {
    const url = new URL(
      `${this.endpoints.browserOrigin ?? authorityOrigin(this.endpoints)}/organizations/v2.0/adminconsent`,
    );
    url.searchParams.set('client_id', this.endpoints.clientId);
    url.searchParams.set('scope', resourceQualifiedScopes(scopes).join(' '));
    url.searchParams.set('redirect_uri', this.endpoints.redirectUri);
    url.searchParams.set('state', state);
    return url.href;
  }

  private async client(cache?: TokenCacheStore, offline?: OfflineNetworkModule) {
    const msal = await loadMsal();
    const network = new MsalNetworkModule(this.dispatcher, this.endpoints.timeoutMs);
    const client = new msal.ConfidentialClientApplication({
      auth: {
        clientId: this.endpoints.clientId,
        clientSecret: this.endpoints.clientSecret,
        authority: this.endpoints.authority,
        ...(this.endpoints.knownAuthorities ? { knownAuthorities: this.endpoints.knownAuthorities } : {}),
        ...(this.endpoints.authorityMetadata ? { authorityMetadata: this.endpoints.authorityMetadata } : {}),
      },
      system: {
        networkClient: offline ?? network,
        // Nobody reads MSAL's log (its default callback drops it), yet at its default level Info it formatted a
        // dozen lines per token call: a measurable share of a health check's CPU (issue 13's sweep profile).
        loggerOptions: { logLevel: msal.LogLevel.Error, piiLoggingEnabled: false },
      },
      ...(cache ? { cache: { cachePlugin: new PersistentTokenCache(cache) } } : {}),
    });
    return { client, network, msal };
  }
}

function translate(error: unknown, network: MsalNetworkModule, msal: Msal): MicrosoftRequestError {
  if (error instanceof MicrosoftRequestError) return error;
  if (!(error instanceof msal.AuthError)) {
    // Only the network is Microsoft's business here; anything else (a database or key failure in the token cache,
    // a bug) is ours and reaches the error handler as what it is, not as "Microsoft unreachable".
    if (isNetworkFailure(error)) return networkFailure(error);
    throw error;
  }
  if (error.errorCode === 'network_error') return networkFailure(error);
  const errorNo = (error as { errorNo?: string }).errorNo;
  return new MicrosoftRequestError({
    error: MISSING_TOKENS.has(error.errorCode) ? 'interaction_required' : error.errorCode,
    description: error.errorMessage,
    subError: error.subError || undefined,
    errorCodes: errorNo && /^\d+$/.test(errorNo) ? [Number(errorNo)] : undefined,
    correlationId: error.correlationId || undefined,
    httpStatus: error instanceof msal.ServerError ? error.status : undefined,
    retryAfterSeconds: network.lastRetryAfterSeconds,
  });
}
