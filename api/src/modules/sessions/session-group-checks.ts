import { MS365_GROUP } from '@ecm365/shared';
import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import { EloUnavailableError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { EloSessionPort } from './elo-session-port.js';
import { eloTicketContext, nextGroupCheckAt } from './group-check-policy.js';
import {
  claimDueGroupChecks,
  dropGroupMembership,
  recordGroupCheck,
  type DueGroupCheck,
} from './session.repository.js';
import type { SessionService } from './session.service.js';

/** A claimed check that dies (process killed) is handed out again after this. */
const LEASE_MS = 2 * 60_000;
const BATCH = 1000;
const CONCURRENCY = 8;

export interface GroupCheckReport {
  checked: number;
  /** Sessions that lost the group's rights: taken out of the group, or ELO could not be asked. */
  revoked: number;
}

type LossReason = 'not_member' | 'elo_session_expired' | 'elo_unavailable' | 'ticket_unreadable' | 'check_failed';

export interface SessionGroupChecksDeps {
  db: Db;
  clock: Clock;
  keys: KeyRing;
  elo: EloSessionPort;
  sessions: SessionService;
  audit: AuditLog;
  groupCheckMinutes: number;
  logError: (details: Record<string, unknown>, message: string) => void;
}

/**
 * Losing the group takes effect (SPEC §1.3): every few minutes each live session's ELO ticket is renewed
 * (`alive`) and ELO is asked again whether its user is in `online.ecm.microsoft365`. When it cannot be asked —
 * ticket expired, ELO down or refusing — the session loses the group's Microsoft 365 rights until the next login:
 * the ticket is dropped and no later check gives them back. Run by a job every minute; instances share the work.
 */
export class SessionGroupChecks {
  constructor(private readonly deps: SessionGroupChecksDeps) {}

  /** Checks every session that is due; answers how many were checked and how many lost the rights. */
  async checkDue(): Promise<GroupCheckReport> {
    const report: GroupCheckReport = { checked: 0, revoked: 0 };
    const now = this.deps.clock.now();
    const due = await claimDueGroupChecks(this.deps.db, {
      now,
      idleCutoff: this.deps.sessions.idleCutoff(now),
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      limit: BATCH,
    });
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      const outcomes = await Promise.all(due.slice(i, i + CONCURRENCY).map((session) => this.check(session)));
      report.checked += outcomes.length;
      report.revoked += outcomes.filter((kept) => !kept).length;
    }
    return report;
  }

  /** One session's check; answers whether it keeps (or never had) the group's rights. */
  private async check(session: DueGroupCheck): Promise<boolean> {
    let ticket: string;
    try {
      ticket = this.deps.keys.decrypt(session.eloTicket, eloTicketContext(session.idHash));
    } catch {
      return this.lose(session, 'ticket_unreadable');
    }
    let answer;
    try {
      answer = await this.deps.elo.recheckMembership({
        baseUrl: session.eloIxUrl,
        ticket,
        userId: session.eloUserId,
        groupName: MS365_GROUP,
      });
    } catch (error) {
      if (error instanceof EloUnavailableError) return this.lose(session, 'elo_unavailable');
      this.deps.logError({ err: error, tenant: session.tenantSlug }, 'group re-check failed unexpectedly');
      return this.lose(session, 'check_failed');
    }
    if (answer.kind === 'session_expired') return this.lose(session, 'elo_session_expired');

    const now = this.deps.clock.now();
    // A session signed out meanwhile has nothing left to record or audit.
    const stillThere = await recordGroupCheck(this.deps.db, session.idHash, {
      isGroupMember: answer.isGroupMember,
      checkedAt: now,
      nextCheckAt: nextGroupCheckAt(now, this.deps.groupCheckMinutes, session.eloTicketLifetimeSeconds),
    });
    this.deps.sessions.forget(session.idHash);
    if (stillThere && answer.isGroupMember !== session.isGroupMember) {
      await this.audit(
        session,
        answer.isGroupMember ? 'success' : 'failure',
        answer.isGroupMember ? {} : { reason: 'not_member' },
      );
    }
    return answer.isGroupMember || !session.isGroupMember;
  }

  private async lose(session: DueGroupCheck, reason: LossReason): Promise<boolean> {
    const stillThere = await dropGroupMembership(this.deps.db, session.idHash);
    this.deps.sessions.forget(session.idHash);
    if (stillThere && session.isGroupMember) await this.audit(session, 'failure', { reason });
    return !session.isGroupMember;
  }

  private audit(session: DueGroupCheck, outcome: 'success' | 'failure', details: Record<string, unknown>) {
    return this.deps.audit.record({
      tenant: { id: session.tenantId, slug: session.tenantSlug },
      actor: session.eloUserName,
      action: 'auth.group_check',
      outcome,
      details: { groupMember: outcome === 'success', ...details },
    });
  }
}
