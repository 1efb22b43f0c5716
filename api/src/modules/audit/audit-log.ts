import type { Db } from '../../db/database.js';
import type { TenantRef } from '../auth/principal.js';
import type { OperationNodeSource, RawBuilder } from 'kysely';
import { insertAuditEvent, writeWithAuditEvent, type NewAuditEvent } from './audit.repository.js';

/** The audit actions the portal records (SPEC §7): who, tenant, when, outcome — never secrets. */
export type AuditAction =
  | 'auth.login'
  | 'auth.logout'
  /** A running session's group membership asked again: gained (success) or lost (failure, with the reason). */
  | 'auth.group_check'
  | 'ms365.connect'
  | 'ms365.callback'
  | 'ms365.admin_consent'
  | 'ms365.redeem'
  | 'ms365.test'
  | 'ms365.disconnect'
  | 'ms365.feature'
  /** A Graph access token handed to an API token (SPEC §10): which token, when, the feature; never the token. */
  | 'ms365.access_token'
  | 'api_token.create'
  | 'api_token.delete'
  /** The creator's group membership asked again for the tokens (SPEC §10): could not be asked, or lost (revoked). */
  | 'api_token.group_check'
  | 'webhook.create'
  | 'webhook.delete'
  | 'notifications.update';

export interface AuditEntry {
  tenant: Pick<TenantRef, 'id' | 'slug'> | null;
  actor: string | null;
  action: AuditAction;
  outcome: 'success' | 'failure';
  /** Non-secret facts only: error codes, account names, check ids. */
  details?: Record<string, unknown>;
  ip?: string | null;
}

export class AuditLog {
  constructor(private readonly db: Db) {}

  /** Writes the entry; on `db` when given (the transaction of the change it records). */
  async record(entry: AuditEntry, db: Db = this.db): Promise<void> {
    await insertAuditEvent(db, rowOf(entry));
  }

  /**
   * `write` (an INSERT or UPDATE with RETURNING, built but not executed) and the entry in one statement: the entry
   * is written exactly when `write` wrote a row. Answers whether it did. `before`: a CTE ahead of `write`, by name
   * (see writeWithAuditEvent).
   */
  recordWith(
    write: OperationNodeSource,
    entry: AuditEntry,
    db: Db = this.db,
    before?: { name: string; statement: RawBuilder<unknown> },
  ): Promise<boolean> {
    return writeWithAuditEvent(db, write, rowOf(entry), before);
  }
}

function rowOf(entry: AuditEntry): NewAuditEvent {
  return {
    tenantId: entry.tenant?.id ?? null,
    tenantSlug: entry.tenant?.slug ?? null,
    actor: entry.actor,
    action: entry.action,
    outcome: entry.outcome,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  };
}
