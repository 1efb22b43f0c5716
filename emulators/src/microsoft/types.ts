/** Public types of the Microsoft identity platform v2.0 + Graph emulator. */
import type { MailSeed } from './mail-store.js';
import type { DeliveredMail, NewMail } from './new-mail.js';

export interface MicrosoftAccount {
  /** Sign-in name and, for work accounts, the mailbox address. */
  upn: string;
  displayName: string;
  /** Object id (a GUID); becomes `oid` in tokens and the `id` of `GET /me`. */
  oid: string;
  /** Home tenant GUID. Personal accounts live in the consumer tenant 9188040d-6c67-4c5b-b112-36a304b66dad. */
  tenantId: string;
  kind: 'work' | 'personal';
  /** Mailboxes besides its own that this account may open (full access / delegate). */
  mailboxAccess: string[];
  /** May grant admin consent for its tenant on the `/adminconsent` page. Default false. */
  tenantAdmin?: boolean;
}

export interface MicrosoftClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs ("Web" platform); the emulator never redirects anywhere else. */
  redirectUris: string[];
  /** Shown on the consent page, e.g. "ecm.online". */
  displayName?: string;
}

export interface MicrosoftEmulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (random). Demo mode uses a fixed port: msal cache keys contain host and port. */
  port?: number;
  /** When `port` is taken: fail (`'fail'`, the default) or listen on any free port (`'any'`) and report it. */
  whenPortTaken?: 'fail' | 'any';
  /**
   * Port of the plain-http listener for the pages a browser sees (sign-in, consent, admin consent, logout), which
   * the metadata advertises as `authorization_endpoint`. Default 0 (any free port).
   */
  browserPort?: number;
  /** Like `whenPortTaken`, for `browserPort`. */
  whenBrowserPortTaken?: 'fail' | 'any';
  clients: MicrosoftClientRegistration[];
  /** Default: DEMO_MICROSOFT_ACCOUNTS. */
  accounts?: MicrosoftAccount[];
  /** Additional mailboxes without an account of their own. Default: DEMO_SHARED_MAILBOXES. */
  sharedMailboxes?: string[];
  /**
   * Server key and certificate (PEM). Default: a CA and a leaf certificate for 127.0.0.1 and localhost are
   * generated at start, in memory only. `ca` is what clients must trust; it defaults to `cert`.
   */
  tls?: { key: string; cert: string; ca?: string };
  /**
   * RSA private key (PEM) that signs tokens. Default: generated at start. Demo mode may persist one so access
   * tokens cached by the app stay valid across emulator restarts (refresh tokens do not: state is in memory).
   */
  signingKeyPem?: string;
  /** RSA private key (PEM) of the id-token tamper `unknown_key`, never published. Default: generated at start. */
  unpublishedKeyPem?: string;
  /**
   * The Inbox each mailbox starts with (and gets again on `reset`). Default: `demoInbox` — four invoice notices
   * without files in shared mailboxes, a welcome mail in personal ones. `() => []` starts every mailbox empty.
   */
  seedMail?: MailSeed;
}

export type FaultTarget = 'graph' | 'token';

/**
 * How the next id_token is spoiled, so tests can prove the app validates it as OpenID Connect requires: another
 * app's `aud`, an `iss` of another authority, `exp` in the past, `nbf` in the future, signed by a key that is not
 * published (`unknown_key`), or a signature that does not match (`bad_signature`).
 */
export const ID_TOKEN_TAMPERS = [
  'foreign_audience',
  'foreign_issuer',
  'expired',
  'not_yet_valid',
  'unknown_key',
  'bad_signature',
] as const;
export type IdTokenTamper = (typeof ID_TOKEN_TAMPERS)[number];

/**
 * How token responses spell `scope`: `short` (`User.Read Mail.ReadWrite.Shared`, the default), `resource`
 * (`https://graph.microsoft.com/User.Read …`) or `resource_lowercase` (`https://graph.microsoft.com/user.read …`),
 * all of which Entra may send.
 */
export const SCOPE_STYLES = ['short', 'resource', 'resource_lowercase'] as const;
export type ScopeStyle = (typeof SCOPE_STYLES)[number];
export type FaultStatus = 429 | 500 | 502 | 503 | 504;

export interface FailNextOptions {
  target: FaultTarget;
  status: FaultStatus;
  /** Sent as the `Retry-After` header (seconds) when given. */
  retryAfterSeconds?: number;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Only requests whose path equals this or lies below it (decoded, case-insensitive), e.g. '/v1.0/me'. */
  path?: string;
  /**
   * Only for Graph mail requests that change something (POST, PATCH: move, update, create folder): the change is
   * carried out and then answered with the failure, as when Exchange moved a message but the answer got lost.
   */
  afterEffect?: boolean;
}

export interface TokenLifetimes {
  /** Lifetime of access tokens issued from now on (`expires_in`). Default 3599. */
  accessTokenSeconds?: number;
  /** Inactivity lifetime of refresh tokens; applies to already issued tokens too. Default 90 days. */
  refreshTokenSeconds?: number;
  /** Lifetime of authorization codes; applies to already issued codes too. Default 600. */
  authCodeSeconds?: number;
}

export interface MicrosoftEmulatorStats {
  /** Token endpoint requests by `grant_type` ('authorization_code', 'refresh_token', 'other', 'missing'). */
  tokenRequests: Record<string, number>;
  authorizeRequests: number;
  authCodesIssued: number;
  accessTokensIssued: number;
  refreshTokensIssued: number;
  /** Graph requests by path (without query), e.g. '/v1.0/me'. */
  graphRequests: Record<string, number>;
  /** Requests for the signing keys (`/{tenant}/discovery/v2.0/keys`). */
  jwksRequests: number;
}

export interface MicrosoftEmulatorControls {
  /** Every refresh token issued to that account so far is rejected from now on (AADSTS50173). */
  revokeRefreshTokens(upn: string): void;
  /**
   * `count` (1–10,000) more refresh tokens with the client, account and consent of the active refresh token `like`,
   * as `count` more sign-ins would give: for seeding many connections without as many interactive sign-ins.
   */
  issueRefreshTokens(like: string, count: number): string[];
  /** While required and not granted through `/adminconsent`, sign-ins of that tenant fail (AADSTS90094). */
  requireAdminConsent(tenantId: string, required: boolean): void;
  /** What a successful `/adminconsent` does; also lets tests withdraw the grant. */
  setAdminConsentGranted(tenantId: string, clientId: string, granted: boolean): void;
  /** Refresh requests of that account answer `interaction_required` (AADSTS50076, MFA). */
  requireInteraction(upn: string, required: boolean): void;
  setTokenLifetimes(lifetimes: TokenLifetimes): void;
  /** The token endpoint answers `invalid_client` AADSTS7000222 for that client. */
  expireClientSecret(clientId: string, expired: boolean): void;
  failNext(options: FailNextOptions): void;
  setLatency(options: { target: FaultTarget; ms: number }): void;
  setMailboxAccess(upn: string, mailbox: string, allowed: boolean): void;
  /** The next `times` (1) id_tokens issued are spoiled as `tamper` says; the rest of the response stays valid. */
  tamperIdTokens(options: { tamper: IdTokenTamper; times?: number }): void;
  setScopeStyle(style: ScopeStyle): void;
  /**
   * Signs from now on with a new key, published next to the old ones (as Entra rolls its keys): a client that
   * cached the JWKS sees an unknown `kid` and must fetch the keys again. Not undone by `reset`.
   */
  rotateSigningKey(): Promise<void>;
  stats(): MicrosoftEmulatorStats;
  /** Restores settings, faults, latency, mailbox access, counters and the seeded mailboxes. Issued tokens stay. */
  reset(): void;
  /** A new mail arrives in the mailbox's Inbox (bad input: ControlInputError). */
  deliverMail(mailbox: string, mail: NewMail): DeliveredMail;
  /** Folders and messages of a mailbox, for tests and the demo (ids: REST and immutable). */
  listMailbox(mailbox: string): MailboxSnapshot;
  /** Every delta token of the mailbox is gone: the next delta request with one answers 410 SyncStateNotFound. */
  expireDeltaTokens(mailbox: string): void;
  /** The next delta round of the mailbox that starts from a deltaLink also returns every unchanged message again. */
  replayDelta(mailbox: string): void;
}

export interface MailboxSnapshot {
  address: string;
  folders: Array<{
    id: string;
    displayName: string;
    parentFolderId: string | null;
    wellKnownName: string | null;
    totalItemCount: number;
  }>;
  messages: Array<{
    id: string;
    immutableId: string;
    parentFolderId: string;
    folderName: string;
    subject: string;
    from: string;
    receivedDateTime: string;
    isRead: boolean;
    internetMessageId: string;
    categories: string[];
    singleValueExtendedProperties: Array<{ id: string; value: string }>;
    attachments: Array<{
      id: string;
      kind: 'file' | 'item' | 'reference';
      name: string;
      contentType: string | null;
      size: number;
      isInline: boolean;
    }>;
  }>;
}

export interface RunningMicrosoftEmulator {
  /** 'https://127.0.0.1:PORT': token endpoint, keys, Graph, controls (TLS, as msal-node requires). */
  origin: string;
  /**
   * 'http://127.0.0.1:PORT2': the browser-facing pages, without a certificate warning. A browser never needs the
   * TLS origin; the token endpoint is not served here.
   */
  browserOrigin: string;
  /** `${origin}/${tenant ?? 'organizations'}` */
  authority(tenant?: string): string;
  /** `${origin}/`; Graph is served under /v1.0/… */
  graphBaseUrl: string;
  /** The certificate clients must trust (PEM). */
  caCertPem: string;
  /** JSON of the openid-configuration for msal's `authorityMetadata`. */
  authorityMetadata(tenant?: string): string;
  controls: MicrosoftEmulatorControls;
  close(): Promise<void>;
}
