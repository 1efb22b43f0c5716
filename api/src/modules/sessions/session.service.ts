import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { randomToken, sha256 } from '../../support/secrets.js';
import type { Principal, TenantRef } from '../auth/principal.js';
import type { HostKind } from '../tenants/tenant-host.js';
import {
  deleteDeadSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
  type SessionWithTenant,
} from './session.repository.js';
import { TtlCache } from '../../support/ttl-cache.js';

/** Writing last-seen on every request would turn each read into a write; once a minute keeps idle expiry exact enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** How long a looked-up session is reused without asking the database (0 = always ask). */
  cacheTtlMs: number;
}

export interface NewSession {
  /** Goes into the cookie only; never stored, never logged. */
  sessionId: string;
  principal: Principal;
  expiresAt: Date;
}

/** Server-side sessions: only a hash of the id is stored; idle and absolute expiry; a new id at every login. */
export class SessionService {
  /**
   * Sessions looked up in the last seconds, by id hash: the hot path (every authenticated request) then needs no
   * query. A logout here takes effect at once; on another instance within `cacheTtlMs`.
   */
  private readonly recent: TtlCache<string, SessionWithTenant>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {
    this.recent = new TtlCache(policy.cacheTtlMs, 50_000);
  }

  async create(input: {
    tenant: TenantRef;
    user: { id: string; name: string };
    isGroupMember: boolean;
    /** Where the login happened: the session is valid only on that kind of host. */
    hostKind: HostKind;
  }): Promise<NewSession> {
    const sessionId = randomToken(32);
    const csrfToken = randomToken(32);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3_600_000);
    const idHash = sha256(sessionId);
    await insertSession(this.db, {
      idHash,
      tenantId: input.tenant.id,
      eloUserId: input.user.id,
      eloUserName: input.user.name,
      isGroupMember: input.isGroupMember,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      hostKind: input.hostKind,
    });
    return {
      sessionId,
      expiresAt,
      principal: {
        kind: 'session',
        tenant: input.tenant,
        user: input.user,
        isGroupMember: input.isGroupMember,
        csrfToken,
        sessionIdHash: idHash,
        sessionHost: input.hostKind,
      },
    };
  }

  /** The principal of a live session, sliding its idle expiry; undefined when unknown or expired. */
  async resolve(sessionId: string): Promise<Principal | undefined> {
    const now = this.clock.now();
    const idHash = sha256(sessionId);
    const cached = this.live(this.recent.get(idHash), now);
    const row = cached ?? this.live(await findLiveSession(this.db, idHash, now, this.idleCutoff(now)), now);
    if (!row) {
      this.recent.delete(idHash);
      return undefined;
    }
    // Only a fresh read starts a cache period: entries must age out, or a logout elsewhere would never be seen.
    if (!cached) this.recent.set(idHash, row);
    if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchSession(this.db, idHash, now);
      row.lastSeenAt = now;
    }
    return {
      kind: 'session',
      tenant: { id: row.tenantId, slug: row.tenantSlug, name: row.tenantName, graceUntil: row.tenantGraceUntil },
      user: { id: row.eloUserId, name: row.eloUserName },
      isGroupMember: row.isGroupMember,
      csrfToken: row.csrfToken,
      sessionIdHash: idHash,
      sessionHost: row.hostKind,
    };
  }

  /** The row if it is still within its idle and absolute expiry (the same rule the lookup query applies). */
  private live(row: SessionWithTenant | undefined, now: Date): SessionWithTenant | undefined {
    return row && row.expiresAt > now && row.lastSeenAt > this.idleCutoff(now) ? row : undefined;
  }

  async destroy(sessionIdHash: string): Promise<void> {
    this.recent.delete(sessionIdHash);
    await deleteSession(this.db, sessionIdHash);
  }

  destroyById(sessionId: string): Promise<void> {
    return this.destroy(sha256(sessionId));
  }

  /** Housekeeping; called periodically. */
  purgeDead(): Promise<number> {
    const now = this.clock.now();
    return deleteDeadSessions(this.db, now, this.idleCutoff(now));
  }

  private idleCutoff(now: Date): Date {
    return new Date(now.getTime() - this.policy.idleMinutes * 60_000);
  }
}
