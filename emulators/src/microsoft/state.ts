import { randomBytes } from 'node:crypto';
import type { Directory, TenantSegment } from './directory.js';
import type {
  FaultStatus,
  FaultTarget,
  IdTokenTamper,
  MicrosoftEmulatorStats,
  ScopeStyle,
  TokenLifetimes,
} from './types.js';

/** A validated `/authorize` request waiting for the user on the sign-in page. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  scopes: string[];
  state: string;
  nonce: string;
  codeChallenge: string;
  tenant: TenantSegment;
  loginHint: string;
}

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** A validated `/adminconsent` request waiting for an administrator. */
export interface AdminConsentRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  tenant: TenantSegment;
}

export type PendingInteraction = { id: string; createdAt: number; correlationId: string } & (
  { kind: 'authorize'; request: AuthorizeRequest } | { kind: 'adminconsent'; request: AdminConsentRequest }
);

export interface AuthCodeRecord {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  nonce: string;
  upn: string;
  issuedAt: number;
  redeemed: boolean;
}

export interface RefreshTokenRecord {
  clientId: string;
  upn: string;
  scopes: string[];
  issuedAt: number;
  /** `rotated`: replaced by its successor on use; `revoked`: by revokeRefreshTokens. */
  status: 'active' | 'rotated' | 'revoked';
}

export interface FaultRule {
  target: FaultTarget;
  status: FaultStatus;
  retryAfterSeconds: number | undefined;
  remaining: number;
  path: string | undefined;
  /** Carry the change out, then answer with the failure (mail writes only). */
  afterEffect?: boolean;
}

export const DEFAULT_LIFETIMES: Required<TokenLifetimes> = {
  accessTokenSeconds: 3599,
  refreshTokenSeconds: 90 * 24 * 3600,
  authCodeSeconds: 600,
};

/** Sign-in pages left open longer than this are dead (Entra's login session is similar). */
export const INTERACTION_TTL_MS = 30 * 60 * 1000;
/** Junk traffic must not grow memory without bound; the oldest entries go first. */
const MAX_ENTRIES = 20_000;
/**
 * Refresh tokens get a larger bound: every connection of an app holds one, and strict rotation keeps each used one
 * (to recognise its reuse), so a sweep over 10,000 connections needs 20,000 entries (~250 bytes each).
 */
const MAX_REFRESH_TOKENS = 100_000;
const MAX_GRAPH_PATHS = 500;

function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, bound = MAX_ENTRIES): void {
  map.set(key, value);
  while (map.size > bound) {
    const oldest = map.keys().next();
    if (oldest.done === true) break;
    map.delete(oldest.value);
  }
}

function freshSettings(directory: Directory) {
  return {
    lifetimes: { ...DEFAULT_LIFETIMES },
    adminConsentRequired: new Set<string>(),
    /** `${tenantId}|${clientId}` */
    adminConsentGranted: new Set<string>(),
    interactionRequired: new Set<string>(),
    expiredSecrets: new Set<string>(),
    faults: [] as FaultRule[],
    latencyMs: { graph: 0, token: 0 } as Record<FaultTarget, number>,
    /** One entry per id_token still to be spoiled, used up in order. */
    idTokenTampers: [] as IdTokenTamper[],
    scopeStyle: 'short' as ScopeStyle,
    /** upn (lower-case) → mailboxes (lower-case) it may open besides its own. */
    mailboxAccess: new Map(
      directory.accounts.map((a) => [a.upn.toLowerCase(), new Set(a.mailboxAccess.map((m) => m.toLowerCase()))]),
    ),
  };
}

/** Maps rather than plain objects: paths come from the network and may be "__proto__". */
function freshCounters() {
  return {
    tokenRequests: new Map<string, number>(),
    authorizeRequests: 0,
    authCodesIssued: 0,
    accessTokensIssued: 0,
    refreshTokensIssued: 0,
    graphRequests: new Map<string, number>(),
    jwksRequests: 0,
  };
}

/** All mutable emulator state, in memory. One instance per running emulator. */
export class EmulatorState {
  settings: ReturnType<typeof freshSettings>;
  counters = freshCounters();
  private readonly interactions = new Map<string, PendingInteraction>();
  private readonly codes = new Map<string, AuthCodeRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();

  constructor(private readonly directory: Directory) {
    this.settings = freshSettings(directory);
  }

  /** Settings, faults and counters back to defaults; issued codes and tokens stay valid. */
  reset(): void {
    this.settings = freshSettings(this.directory);
    this.counters = freshCounters();
  }

  addInteraction(interaction: PendingInteraction): void {
    boundedSet(this.interactions, interaction.id, interaction);
  }

  /** Single use: the page's form may be submitted once, then the entry is gone. */
  takeInteraction(id: string, now: number): PendingInteraction | undefined {
    const interaction = this.interactions.get(id);
    this.interactions.delete(id);
    return interaction && now - interaction.createdAt <= INTERACTION_TTL_MS ? interaction : undefined;
  }

  /** Puts a still valid interaction back, e.g. after the page was shown again with a hint. */
  restoreInteraction(interaction: PendingInteraction): void {
    boundedSet(this.interactions, interaction.id, interaction);
  }

  addCode(code: string, record: AuthCodeRecord): void {
    boundedSet(this.codes, code, record);
    this.counters.authCodesIssued += 1;
  }

  findCode(code: string): AuthCodeRecord | undefined {
    return this.codes.get(code);
  }

  /** A new refresh token for `record` (what a sign-in or a refresh hands out), recorded as active. */
  issueRefreshToken(record: Omit<RefreshTokenRecord, 'issuedAt' | 'status'>): string {
    const token = `1.${randomBytes(64).toString('base64url')}`;
    boundedSet(this.refreshTokens, token, { ...record, issuedAt: Date.now(), status: 'active' }, MAX_REFRESH_TOKENS);
    this.counters.refreshTokensIssued += 1;
    return token;
  }

  findRefreshToken(token: string): RefreshTokenRecord | undefined {
    return this.refreshTokens.get(token);
  }

  /**
   * `count` new refresh tokens with the client, account and consent of an active one, as if the user had signed in
   * that many more times: each is rotated on its own. Undefined when `like` is not an active token.
   */
  issueRefreshTokensLike(like: string, count: number): string[] | undefined {
    const record = this.refreshTokens.get(like);
    if (record?.status !== 'active') return undefined;
    const { clientId, upn, scopes } = record;
    return Array.from({ length: count }, () => this.issueRefreshToken({ clientId, upn, scopes: [...scopes] }));
  }

  revokeRefreshTokensOf(upn: string): void {
    for (const record of this.refreshTokens.values()) {
      if (record.upn.toLowerCase() === upn.toLowerCase() && record.status === 'active') record.status = 'revoked';
    }
  }

  countTokenRequest(grantType: string): void {
    const requests = this.counters.tokenRequests;
    requests.set(grantType, (requests.get(grantType) ?? 0) + 1);
  }

  countGraphRequest(path: string): void {
    const requests = this.counters.graphRequests;
    if (!requests.has(path) && requests.size >= MAX_GRAPH_PATHS) return;
    requests.set(path, (requests.get(path) ?? 0) + 1);
  }

  stats(): MicrosoftEmulatorStats {
    const { tokenRequests, graphRequests, ...numbers } = this.counters;
    return {
      ...numbers,
      tokenRequests: Object.fromEntries(tokenRequests),
      graphRequests: Object.fromEntries(graphRequests),
    };
  }
}
