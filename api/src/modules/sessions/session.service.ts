import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { randomToken, sha256 } from '../../support/secrets.js';
import { TtlCache } from '../../support/ttl-cache.js';
import type { Principal, TenantRef } from '../auth/principal.js';
import type { HostKind } from '../tenants/tenant-host.js';
import type { EloSessionPort } from './elo-session-port.js';
import { eloTicketContext, membershipStillValid, nextGroupCheckAt } from './group-check-policy.js';
import { SessionLookups } from './session-lookups.js';
import {
  deleteDeadSessions,
  deleteSession,
  findLiveSessions,
  insertSession,
  touchSession,
  type SessionWithTenant,
} from './session.repository.js';

/** Writing last-seen on every request would turn each read into a write; once a minute keeps idle expiry exact enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** How long a looked-up session is reused without asking the database (0 = always ask). */
  cacheTtlMs: number;
  /** How often ELO is asked again about the group membership of a running session. */
  groupCheckMinutes: number;
}

export interface NewSession {
  /** Goes into the cookie only; never stored, never logged. */
  sessionId: string;
  principal: Principal;
  expiresAt: Date;
}

export interface SessionServiceDeps {
  db: Db;
  clock: Clock;
  keys: KeyRing;
  /** Ends a session's ELO session at sign-out. */
  elo: Pick<EloSessionPort, 'endSession'>;
  policy: SessionPolicy;
}

/**
 * Server-side sessions: only a hash of the id is stored; idle and absolute expiry; a new id at every login. Each
 * keeps the ELO ticket of its login, encrypted, for the group re-checks (SessionGroupChecks); its membership
 * counts only while ELO has confirmed it within the last 15 minutes.
 */
export class SessionService {
  /**
   * Sessions looked up in the last seconds, by id hash: the hot path (every authenticated request) then needs no
   * query. A logout or a group check here takes effect at once; on another instance within `cacheTtlMs`.
   */
  private readonly recent: TtlCache<string, SessionWithTenant>;
  /**
   * The id hash of the cookie values whose session `recent` holds, for as long: a SHA-256 per request was the
   * largest item a cached status read spent on top of a bare route (issue 13's profile). Only in this process's
   * memory, beside the cached session itself; the database still knows hashes only.
   */
  private readonly idHashes: TtlCache<string, string>;
  /** Lookups the cache does not answer: those of one event-loop turn share one query. */
  private readonly lookups: SessionLookups;

  constructor(private readonly deps: SessionServiceDeps) {
    this.recent = new TtlCache(deps.policy.cacheTtlMs, 50_000);
    this.idHashes = new TtlCache(deps.policy.cacheTtlMs, 50_000);
    this.lookups = new SessionLookups((hashes) => {
      // The batch's own time, taken as it is sent: never earlier than any of its requests' (`live` checks those).
      const now = deps.clock.now();
      return findLiveSessions(deps.db, hashes, now, this.idleCutoff(now));
    });
  }

  private idHashOf(sessionId: string): string {
    return this.idHashes.get(sessionId) ?? sha256(sessionId);
  }

  async create(input: {
    tenant: TenantRef;
    user: { id: string; name: string };
    isGroupMember: boolean;
    /** Where the login happened: the session is valid only on that kind of host. */
    hostKind: HostKind;
    /** The IX session of the login, kept for re-checking the membership. */
    eloSession: { ticket: string; lifetimeSeconds: number };
  }): Promise<NewSession> {
    const { clock, keys, policy } = this.deps;
    const sessionId = randomToken(32);
    const csrfToken = randomToken(32);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
    const idHash = sha256(sessionId);
    await insertSession(this.deps.db, {
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
      eloTicket: keys.encrypt(input.eloSession.ticket, eloTicketContext(idHash)),
      eloTicketLifetimeSeconds: input.eloSession.lifetimeSeconds,
      membershipCheckedAt: now,
      membershipCheckDueAt: nextGroupCheckAt(now, policy.groupCheckMinutes, input.eloSession.lifetimeSeconds),
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
    const now = this.deps.clock.now();
    const idHash = this.idHashOf(sessionId);
    const cached = this.live(this.recent.get(idHash), now);
    const row = cached ?? this.live(await this.lookups.find(idHash), now);
    if (!row) {
      this.recent.delete(idHash);
      return undefined;
    }
    // Only a fresh read starts a cache period: entries must age out, or a logout elsewhere would never be seen.
    if (!cached) {
      this.recent.set(idHash, row);
      this.idHashes.set(sessionId, idHash);
    }
    if (this.touchDue(row, now)) {
      await touchSession(this.deps.db, idHash, now);
      row.lastSeenAt = now;
    }
    return this.principalOf(row, idHash, now);
  }

  /**
   * What `resolve` would answer, without waiting, when this instance's cache holds the live session and its
   * last-seen time needs no write; otherwise undefined, and the caller asks `resolve`. The cached status read
   * then runs its hooks without a promise per hook (issue 13's profile); the rules are the same ones.
   */
  resolveCached(sessionId: string): Principal | undefined {
    if (this.deps.policy.cacheTtlMs <= 0) return undefined; // nothing is cached: spare the digest
    const idHash = this.idHashes.get(sessionId);
    if (idHash === undefined) return undefined; // not cached (a fresh read records both)
    const now = this.deps.clock.now();
    const row = this.live(this.recent.get(idHash), now);
    return row && !this.touchDue(row, now) ? this.principalOf(row, idHash, now) : undefined;
  }

  private touchDue(row: SessionWithTenant, now: Date): boolean {
    return now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
  }

  private principalOf(row: SessionWithTenant, idHash: string, now: Date): Principal {
    return {
      kind: 'session',
      tenant: { id: row.tenantId, slug: row.tenantSlug, name: row.tenantName, graceUntil: row.tenantGraceUntil },
      user: { id: row.eloUserId, name: row.eloUserName },
      // Fail closed: a membership ELO has not confirmed lately (checks stalled, ELO away) counts as none.
      isGroupMember: row.isGroupMember && membershipStillValid(row.membershipCheckedAt, now),
      csrfToken: row.csrfToken,
      sessionIdHash: idHash,
      sessionHost: row.hostKind,
    };
  }

  /** The row if it is still within its idle and absolute expiry (the same rule the lookup query applies). */
  private live(row: SessionWithTenant | undefined, now: Date): SessionWithTenant | undefined {
    // In milliseconds: this runs for every authenticated request, and a Date per call was measurable.
    const at = now.getTime();
    return row && row.expiresAt.getTime() > at && row.lastSeenAt.getTime() > at - this.deps.policy.idleMinutes * 60_000
      ? row
      : undefined;
  }

  /** Deletes the session and ends its ELO session (not awaited: signing out never waits for ELO). */
  async destroy(sessionIdHash: string): Promise<void> {
    this.recent.delete(sessionIdHash);
    const deleted = await deleteSession(this.deps.db, sessionIdHash);
    if (!deleted?.eloTicket) return;
    let ticket: string;
    try {
      ticket = this.deps.keys.decrypt(deleted.eloTicket, eloTicketContext(sessionIdHash));
    } catch {
      return; // unreadable (key removed): the ticket expires on its own
    }
    void this.deps.elo.endSession({ baseUrl: deleted.eloIxUrl, ticket });
  }

  destroyById(sessionId: string): Promise<void> {
    const idHash = this.idHashOf(sessionId);
    this.idHashes.delete(sessionId);
    return this.destroy(idHash);
  }

  /** Drops this instance's cached copy, so that a change to the row (a group check) counts at once. */
  forget(sessionIdHash: string): void {
    this.recent.delete(sessionIdHash);
  }

  /** Housekeeping; called periodically. Their ELO tickets, no longer renewed, expire on their own. */
  purgeDead(): Promise<number> {
    const now = this.deps.clock.now();
    return deleteDeadSessions(this.deps.db, now, this.idleCutoff(now));
  }

  idleCutoff(now: Date): Date {
    return new Date(now.getTime() - this.deps.policy.idleMinutes * 60_000);
  }
}
