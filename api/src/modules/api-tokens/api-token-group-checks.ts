import { MS365_GROUP } from '@ecm365/shared';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { EloServiceCredentials } from '../tenants/elo-service-account.service.js';
import { findDueTokenChecks, markTokensChecked, revokeTokens, type DueTokenCheck } from './api-token.repository.js';

/** What the re-check needs from ELO (implemented by the ELO IX adapter's `membershipsOf`). */
export interface EloMembershipPort {
  membershipsOf(input: {
    baseUrl: string;
    userName: string;
    password: string;
    userIds: readonly string[];
    groupName: string;
  }): Promise<Map<string, boolean>>;
}

export interface TokenGroupCheckReport {
  /** Tokens whose creator ELO confirmed as a member. */
  confirmed: number;
  /** Tokens revoked because ELO said their creator is no longer in the group. */
  revoked: number;
  /** Tokens that could not be checked (no service account, ELO down or refusing): they keep working. */
  unchecked: number;
}

export interface ApiTokenGroupChecksDeps {
  db: Db;
  clock: Clock;
  elo: EloMembershipPort;
  serviceAccounts: { credentialsFor(tenantId: string): Promise<EloServiceCredentials | null> };
  audit: AuditLog;
  /** A token's creator is asked about again after this many hours (at most 24: at least daily). */
  intervalHours: number;
  /** Drops revoked tokens from the lookup cache of this instance. */
  forget: (tokenHashes: readonly string[]) => void;
  logWarn: (details: Record<string, unknown>, message: string) => void;
}

const BATCH = 1000;

/**
 * The rule for an API token when its creator leaves the ELO group `online.ecm.microsoft365` (SPEC §10): an API
 * token outlives the session it was made in, so nothing else would notice. At least daily (an hourly job picks
 * the tokens not checked for API_TOKEN_GROUP_CHECK_HOURS) ELO is asked with the tenant's ELO service account
 * whether each creator is still a member. "No" revokes the creator's tokens at once, for good (a new token must
 * be made); not being able to ask (no service account, ELO down, the account refused) changes nothing and is
 * tried again on the next run — an outage of ELO must not take the integrations down with it.
 */
export class ApiTokenGroupChecks {
  constructor(private readonly deps: ApiTokenGroupChecksDeps) {}

  async checkDue(): Promise<TokenGroupCheckReport> {
    const report: TokenGroupCheckReport = { confirmed: 0, revoked: 0, unchecked: 0 };
    const now = this.deps.clock.now();
    const checkedBefore = new Date(now.getTime() - this.deps.intervalHours * 3_600_000);
    const due = await findDueTokenChecks(this.deps.db, checkedBefore, now, BATCH);
    const byTenant = new Map<string, DueTokenCheck[]>();
    for (const token of due) byTenant.set(token.tenantId, [...(byTenant.get(token.tenantId) ?? []), token]);
    for (const tokens of byTenant.values()) {
      const outcome = await this.checkTenant(tokens);
      report.confirmed += outcome.confirmed;
      report.revoked += outcome.revoked;
      report.unchecked += outcome.unchecked;
    }
    return report;
  }

  private async checkTenant(tokens: DueTokenCheck[]): Promise<TokenGroupCheckReport> {
    const [first] = tokens;
    if (!first) return { confirmed: 0, revoked: 0, unchecked: 0 };
    const unchecked = (reason: string) => {
      this.deps.logWarn({ tenant: first.tenantSlug, tokens: tokens.length, reason }, 'API token group check skipped');
      return { confirmed: 0, revoked: 0, unchecked: tokens.length };
    };
    const account = await this.deps.serviceAccounts.credentialsFor(first.tenantId);
    if (!account) return unchecked('no_service_account');
    let members: Map<string, boolean>;
    try {
      members = await this.deps.elo.membershipsOf({
        baseUrl: first.eloIxUrl,
        userName: account.userName,
        password: account.password,
        userIds: [...new Set(tokens.map((token) => token.createdByUserId))],
        groupName: MS365_GROUP,
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return unchecked(typeof code === 'string' ? code : 'check_failed');
    }
    const now = this.deps.clock.now();
    const confirmed = tokens.filter((token) => members.get(token.createdByUserId) === true);
    const lost = tokens.filter((token) => members.get(token.createdByUserId) === false);
    await markTokensChecked(
      this.deps.db,
      confirmed.map((token) => token.id),
      now,
    );
    const revoked = await revokeTokens(
      this.deps.db,
      lost.map((token) => token.id),
      'not_member',
      now,
    );
    this.deps.forget(revoked.map((token) => token.tokenHash));
    for (const token of revoked) {
      const creator = lost.find((candidate) => candidate.id === token.id);
      await this.deps.audit.record({
        tenant: { id: first.tenantId, slug: first.tenantSlug },
        actor: creator?.createdBy ?? null,
        action: 'api_token.group_check',
        outcome: 'failure',
        details: { tokenId: token.id, name: token.name, reason: 'not_member', revoked: true },
      });
    }
    return {
      confirmed: confirmed.length,
      revoked: revoked.length,
      unchecked: tokens.length - confirmed.length - lost.length,
    };
  }
}
