import {
  message,
  type ImportMessagesQuery,
  type ImportMessagesResponse,
  type InvoiceMailImportRequest,
  type InvoiceMailImportResponse,
  type InvoiceMailImportSettings,
} from '@ecm365/shared';
import { EloArchiveError } from '../../adapters/elo/index.js';
import type { Db } from '../../db/database.js';
import { ImportConflictError, NotFoundError, ValidationFailedError } from '../../errors/domain-errors.js';
import type { Clock } from '../../support/clock.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Principal } from '../auth/principal.js';
import { findConnection } from '../ms365/connection/connection.repository.js';
import { listTenantFeatures, upsertTenantFeature } from '../ms365/features/feature.repository.js';
import type { ImportEloSessions } from './elo-sessions.js';
import { IMPORT_KEY_LENGTH } from './import-key.js';
import { eloFieldsOf, mergeSettings, resolveSettings, type FeatureSwitch } from './import-settings.js';
import { computeStatus, decodeCursor, encodeCursor, ledgerStates, messageView } from './import-view.js';
import {
  countMessagesByState,
  ensureMailboxState,
  findImportMessage,
  findImportSettings,
  findMailboxState,
  listImportMessages,
  listMessageDocuments,
  requestMailboxRun,
  updateImportMessage,
  updateMailboxState,
  upsertImportSettings,
} from './invoice-import.repository.js';

/** Asks for a round of a mailbox now (the job queue, once started); the database already says it is due. */
export type RoundTrigger = (key: { tenantId: string; mailbox: string }) => Promise<void>;

export interface InvoiceImportServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  elo: ImportEloSessions;
  /** Told after a tenant's settings changed (the connection status view includes the feature). */
  onFeatureChange?: (tenantId: string) => void;
}

/** Settings, state, activity, „Jetzt prüfen“ and retry of the invoice mail import (SPEC §9). */
export class InvoiceImportService {
  private trigger: RoundTrigger | undefined;

  constructor(private readonly deps: InvoiceImportServiceDeps) {}

  /** Set by the background jobs when they start: rounds asked for over the API start right away. */
  setTrigger(trigger: RoundTrigger | undefined): void {
    this.trigger = trigger;
  }

  async feature(tenantId: string): Promise<FeatureSwitch | undefined> {
    return (await listTenantFeatures(this.deps.db, tenantId)).find((row) => row.featureId === 'invoice-mail-import');
  }

  async settings(tenantId: string): Promise<InvoiceMailImportSettings> {
    const [feature, row] = await Promise.all([this.feature(tenantId), findImportSettings(this.deps.db, tenantId)]);
    return resolveSettings(feature, row);
  }

  async get(tenantId: string): Promise<InvoiceMailImportResponse> {
    const { db } = this.deps;
    const [feature, row, connection, hasEloAccount, counts] = await Promise.all([
      this.feature(tenantId),
      findImportSettings(db, tenantId),
      findConnection(db, tenantId),
      this.deps.elo.hasAccount(tenantId),
      countMessagesByState(db, tenantId),
    ]);
    const settings = resolveSettings(feature, row);
    const mailboxRow = settings.mailbox ? await findMailboxState(db, tenantId, settings.mailbox) : undefined;
    const status = computeStatus({
      enabled: settings.enabled,
      mailbox: settings.mailbox,
      connection,
      hasEloAccount,
      mailboxRow,
      counts,
      eloMaskUsed: row?.eloMaskUsed ?? null,
    });
    return { ...settings, ...status };
  }

  async put(principal: Principal, request: InvoiceMailImportRequest, ip: string): Promise<InvoiceMailImportResponse> {
    const tenantId = principal.tenant.id;
    const now = this.deps.clock.now();
    const current = await this.settings(tenantId);
    const { mailbox, values, settings } = mergeSettings(current, request, now);
    if (settings.enabled) await this.checkImportKeyField(tenantId, settings);
    await this.deps.db.transaction().execute(async (trx) => {
      await upsertTenantFeature(trx, {
        tenantId,
        featureId: 'invoice-mail-import',
        enabled: request.enabled,
        mailbox,
        updatedAt: now,
        updatedBy: principal.user.name,
      });
      await upsertImportSettings(trx, tenantId, values, now);
      if (settings.enabled && mailbox) {
        await ensureMailboxState(trx, tenantId, mailbox, now);
        // An earlier cut-off reaches mail the delta cursor has passed already: the next round starts afresh (the
        // ledger absorbs what it knows).
        if (current.importFrom !== settings.importFrom) {
          await updateMailboxState(trx, { tenantId, mailbox }, { deltaLink: null, nextRunAt: now }, now);
        }
      }
    });
    this.deps.onFeatureChange?.(tenantId);
    await this.deps.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'ms365.feature',
      outcome: 'success',
      details: { feature: 'invoice-mail-import', enabled: request.enabled, mailbox },
      ip,
    });
    if (settings.enabled && mailbox) await this.trigger?.({ tenantId, mailbox }).catch(() => undefined);
    return this.get(tenantId);
  }

  /**
   * The import key must fit its index line, or ELO could not be asked whether a document is already filed. Checked
   * when ELO answers; an unreachable ELO does not block saving (the round checks again before filing).
   */
  private async checkImportKeyField(tenantId: string, settings: InvoiceMailImportSettings): Promise<void> {
    const group = eloFieldsOf(settings).importKey;
    let mask;
    try {
      mask = await this.deps.elo.with(tenantId, (archive) =>
        archive.describeMask(settings.eloMask, { fallbackToBasic: true }),
      );
    } catch (error) {
      if (error instanceof EloArchiveError) return;
      throw error;
    }
    if (!mask || mask.usedFallback) return;
    const line = mask.lines.find((candidate) => candidate.group.toUpperCase() === group.toUpperCase());
    if (!line) {
      throw new ValidationFailedError(message('error.import_key_field_missing', { group, mask: mask.name }), {
        field: 'eloFields.importKey',
      });
    }
    if (line.max > 0 && line.max < IMPORT_KEY_LENGTH) {
      throw new ValidationFailedError(
        message('error.import_key_field_too_short', { group, max: line.max, needed: IMPORT_KEY_LENGTH }),
        {
          field: 'eloFields.importKey',
        },
      );
    }
  }

  async messages(tenantId: string, query: ImportMessagesQuery): Promise<ImportMessagesResponse> {
    const limit = query.limit ?? 25;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null) throw new ValidationFailedError('error.invalid_cursor', { field: 'cursor' });
    const rows = await listImportMessages(this.deps.db, {
      tenantId,
      limit: limit + 1,
      ...(query.state ? { states: ledgerStates(query.state) } : {}),
      ...(after ? { after } : {}),
    });
    const page = rows.slice(0, limit);
    const documents = await listMessageDocuments(
      this.deps.db,
      tenantId,
      page.map((row) => row.id),
    );
    return {
      items: page.map((row) =>
        messageView(
          row,
          documents.filter((document) => document.messageId === row.id),
        ),
      ),
      ...(rows.length > limit && page.length > 0 ? { nextCursor: encodeCursor(page[page.length - 1]!) } : {}),
    };
  }

  /** „Jetzt prüfen“: the mailbox's round is due now; a round under way takes the request along (coalesced). */
  async run(tenantId: string): Promise<void> {
    const settings = await this.settings(tenantId);
    if (!settings.enabled || !settings.mailbox) {
      throw new ImportConflictError('import_disabled', 'error.import_disabled');
    }
    const key = { tenantId, mailbox: settings.mailbox };
    await requestMailboxRun(this.deps.db, tenantId, settings.mailbox, this.deps.clock.now());
    await this.trigger?.(key);
  }

  /** „Erneut versuchen“ for a failed mail: back to pending, due now, and a round asked for. */
  async retry(tenantId: string, id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('error.import_message_not_found');
    const message = await findImportMessage(this.deps.db, tenantId, id);
    if (!message) throw new NotFoundError('error.import_message_not_found');
    const now = this.deps.clock.now();
    const changed = await updateImportMessage(
      this.deps.db,
      tenantId,
      id,
      { state: 'pending', nextAttemptAt: now, errorCode: null, errorParams: null, finishedAt: null },
      now,
      ['failed'],
    );
    if (!changed) throw new ImportConflictError('import_not_retryable', 'error.import_not_retryable');
    await requestMailboxRun(this.deps.db, tenantId, message.mailbox, now);
    await this.trigger?.({ tenantId, mailbox: message.mailbox });
  }
}
