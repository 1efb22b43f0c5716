import {
  API_TOKEN_DEFAULT_DAYS,
  LEGACY_API_SCOPES,
  API_SCOPES,
  type ApiScope,
  type ApiTokenInfo,
  type CreateApiTokenRequest,
  type CreatedApiToken,
  type CurrentApiToken,
} from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import { NotAuthenticatedError, NotFoundError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import { randomToken, sha256 } from '../../support/secrets.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import {
  deleteApiToken,
  findLiveApiToken,
  insertApiToken,
  listApiTokens,
  touchApiToken,
} from './api-token.repository.js';
import type { ApiTokenRow } from './api-token.table.js';
import { TtlCache } from '../../support/ttl-cache.js';
import type { FailureCounter } from '../throttle/failure-counter.js';
import type { TenantRateCaps } from '../throttle/tenant-rate-caps.js';

/** Recognisable prefix: secret scanners and people can tell what leaked. */
const TOKEN_PREFIX = 'ecm365_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOUCH_INTERVAL_MS = 60_000;

type LiveToken = NonNullable<Awaited<ReturnType<typeof findLiveApiToken>>>;

export interface ApiTokenLimits {
  /** Counts wrong bearer tokens per client address. */
  failures: FailureCounter;
  failuresPerIp: number;
  caps: TenantRateCaps;
}

/** A token's scopes; tokens made before scopes existed keep what they could do then. In API_SCOPES order. */
export function scopesOf(stored: readonly ApiScope[] | null): ApiScope[] {
  const granted = new Set(stored ?? LEGACY_API_SCOPES);
  return API_SCOPES.filter((scope) => granted.has(scope));
}

function toInfo(row: ApiTokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: scopesOf(row.scopes),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * API tokens for integrators: shown once, stored as a hash, scoped to the tenant, acting with the creator's
 * group membership at creation time (re-checked against ELO daily, see api-token-group-checks.ts), limited to
 * the scopes chosen at creation. Accepted as `Authorization: Bearer …` on the routes their scopes allow.
 */
export class ApiTokenService {
  /** Tokens looked up in the last seconds (integrators poll): deletion here takes effect at once, elsewhere within the TTL. */
  private readonly recent: TtlCache<string, LiveToken>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    cacheTtlMs: number,
    private readonly limits: ApiTokenLimits,
  ) {
    this.recent = new TtlCache(cacheTtlMs, 10_000);
  }

  async create(principal: Principal, request: CreateApiTokenRequest, ip: string): Promise<CreatedApiToken> {
    await this.limits.caps.take('api_token', principal.tenant.id);
    const token = `${TOKEN_PREFIX}${randomToken(32)}`;
    const now = this.clock.now();
    const row = await insertApiToken(this.db, {
      tenantId: principal.tenant.id,
      name: request.name.trim(),
      tokenHash: sha256(token),
      createdByUserId: principal.user.id,
      createdBy: principal.user.name,
      isGroupMember: principal.isGroupMember,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (request.expiresInDays ?? API_TOKEN_DEFAULT_DAYS) * 86_400_000),
      scopes: scopesOf(request.scopes ?? null),
      groupCheckedAt: now,
    });
    await this.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'api_token.create',
      outcome: 'success',
      details: { tokenId: row.id, name: row.name, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() },
      ip,
    });
    return { ...toInfo(row), token };
  }

  async list(principal: Principal): Promise<ApiTokenInfo[]> {
    return (await listApiTokens(this.db, principal.tenant.id)).map(toInfo);
  }

  /** `GET /api-tokens/current`: the calling token. */
  current(principal: Principal): CurrentApiToken {
    if (principal.kind !== 'api_token' || !principal.apiTokenId) throw new NotAuthenticatedError();
    return {
      id: principal.apiTokenId,
      name: principal.apiTokenName ?? '',
      scopes: [...(principal.scopes ?? [])],
      tenant: { slug: principal.tenant.slug, name: principal.tenant.name },
      createdBy: principal.user.name,
      expiresAt: principal.apiTokenExpiresAt?.toISOString() ?? null,
    };
  }

  /** Drops revoked tokens from the lookup cache at once (the group re-check revoked them). */
  forget(tokenHashes: readonly string[]): void {
    for (const hash of tokenHashes) this.recent.delete(hash);
  }

  async remove(principal: Principal, id: string, ip: string): Promise<void> {
    // Ids are UUIDs in the database; anything else cannot name a token (and must not reach a uuid comparison).
    const removed = UUID.test(id) ? await deleteApiToken(this.db, principal.tenant.id, id) : undefined;
    if (!removed) throw new NotFoundError('error.api_token_not_found');
    this.recent.deleteWhere((token) => token.id === id);
    await this.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'api_token.delete',
      outcome: 'success',
      details: { tokenId: id, name: removed.name },
      ip,
    });
  }

  /**
   * The principal of a bearer token, or undefined when unknown, deleted or expired. A token not seen in the last
   * seconds takes a try of its address's wrong-token limit before it is looked up (429 beyond the limit) and
   * gives it back when it is valid, so guessing is bounded however many requests run in parallel.
   */
  async resolve(token: string, ip: string): Promise<Principal | undefined> {
    const now = this.clock.now();
    const tokenHash = sha256(token);
    const cached = this.recent.get(tokenHash);
    const fresh = cached && (!cached.expiresAt || cached.expiresAt > now) ? cached : undefined;
    const row = fresh ?? (await this.lookUp(token, tokenHash, ip, now));
    if (!row) {
      this.recent.delete(tokenHash);
      return undefined;
    }
    // Only a fresh read starts a cache period, so a deletion elsewhere is seen within the TTL.
    if (row !== cached) this.recent.set(tokenHash, row);
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchApiToken(this.db, row.id, now);
      row.lastUsedAt = now;
    }
    return {
      kind: 'api_token',
      apiTokenId: row.id,
      tenant: { id: row.tenantId, slug: row.tenantSlug, name: row.tenantName, graceUntil: row.tenantGraceUntil },
      user: { id: row.createdByUserId, name: row.createdBy },
      isGroupMember: row.isGroupMember,
      scopes: scopesOf(row.scopes),
      apiTokenName: row.name,
      apiTokenExpiresAt: row.expiresAt,
    };
  }

  private async lookUp(token: string, tokenHash: string, ip: string, now: Date): Promise<LiveToken | undefined> {
    const tries = await this.limits.failures.reserve(
      [{ key: `bearer-ip:${ip}`, limit: this.limits.failuresPerIp }],
      'error.too_many_invalid_api_tokens',
    );
    const wellFormed = token.startsWith(TOKEN_PREFIX) && token.length <= 200;
    const row = wellFormed ? await findLiveApiToken(this.db, tokenHash, now) : undefined;
    if (row) await tries.giveBack();
    return row;
  }
}
