import { randomUUID } from 'node:crypto';
import type { ImportProblem, InvoiceMailImportSettings } from '@ecm365/shared';
import type { Logger } from 'pino';
import { DeltaStateExpiredError, type DeltaMessage, type GraphMailGateway } from '../../adapters/microsoft/index.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../support/clock.js';
import { appendEvent } from '../events/append-event.js';
import type { ConnectionTokens } from '../ms365/connection/connection-tokens.js';
import { findConnection } from '../ms365/connection/connection.repository.js';
import { listTenantFeatures } from '../ms365/features/feature.repository.js';
import type { ImportEloSessions } from './elo-sessions.js';
import { graphCall } from './graph-calls.js';
import { judgeFailure } from './import-failure.js';
import { eloFieldsOf, resolveSettings } from './import-settings.js';
import {
  claimMailboxLease,
  ensureMailboxState,
  findImportSettings,
  findMailboxState,
  insertNewMessages,
  knownGraphIds,
  listDueMessages,
  recordMaskUsed,
  releaseMailboxLease,
  renewMailboxLease,
  updateMailboxState,
} from './invoice-import.repository.js';
import { startMessageAttempt } from './mail-ledger.repository.js';
import type { NewInvoiceImportMessage } from './invoice-import.tables.js';
import { fileMailDocuments, type RoundContext } from './mail-import.js';
import { finishMail, handleMailFailure, type AfterFailure } from './mail-outcome.js';
import { forEachLimited } from '../../support/concurrency.js';

export interface ImportRoundDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  tokens: ConnectionTokens;
  graphMail: GraphMailGateway;
  elo: ImportEloSessions;
  intervalMinutes: number;
}

/** Fault injection for the crash tests: set by a test, never in production. */
export interface RoundFaults {
  /** Runs right after ELO accepted a check-in, before the ledger knows (a worker killed there: never resolve). */
  afterEloCheckin?: () => Promise<void>;
}

export type RoundResult =
  'disabled' | 'busy' | 'waiting_for_connection' | 'waiting_for_elo' | 'needs_attention' | 'interrupted' | 'done';

export interface MailboxKey {
  tenantId: string;
  mailbox: string;
}

/** A mail's failure that ends the round (the others of the round would meet it too). */
type MailStop = Exclude<AfterFailure, 'continue'>;

const LEASE_MS = 10 * 60_000;
/**
 * The lease is also renewed on a timer while the round works, not only between mails: one mail (a slow 25 MB
 * upload to ELO) may take longer than the lease, and another replica must not start a round on the mailbox then.
 */
const LEASE_HEARTBEAT_MS = 60_000;
const PAGE_SIZE = 50;
/** A round reads at most this many delta pages and imports at most this many mails; the next round goes on. */
const MAX_PAGES = 200;
const MAX_MAILS = 1000;
const DUE_BATCH = 100;
/**
 * Mails of one round worked on side by side: their Graph calls share the mailbox's slots (at most 3 requests in
 * flight, the transport's limiter), so one mail's ELO filing overlaps the next one's download.
 */
const MAILS_IN_FLIGHT = 4;

/**
 * One round of one mailbox (SPEC §9): under the mailbox's lease (one round per mailbox across replicas), the delta
 * query's new pages into the ledger (each page with its cursor in one transaction), then every due mail: its
 * documents into ELO, the mail out of the Inbox, its event. Problems that stop the whole import put it into
 * needs_attention (with its event); they clear by themselves once a round gets through again.
 */
export class ImportRound {
  readonly faults: RoundFaults = {};

  /** Set at shutdown: a round starts no further mail; the mails in flight finish and are recorded. */
  private stopping = false;

  constructor(private readonly deps: ImportRoundDeps) {}

  /** Shutdown: rounds in progress stop after their mails in flight; what is left is the next round's. */
  stop(): void {
    this.stopping = true;
  }

  async run(key: MailboxKey): Promise<RoundResult> {
    const { db, clock } = this.deps;
    const feature = (await listTenantFeatures(db, key.tenantId)).find((row) => row.featureId === 'invoice-mail-import');
    const settings = resolveSettings(feature, await findImportSettings(db, key.tenantId));
    if (!settings.enabled || settings.mailbox !== key.mailbox || !settings.importFrom) return 'disabled';
    await ensureMailboxState(db, key.tenantId, key.mailbox, clock.now());
    const owner = randomUUID();
    const claimedAt = clock.now();
    if (!(await claimMailboxLease(db, key, owner, claimedAt, new Date(claimedAt.getTime() + LEASE_MS)))) return 'busy';
    const heartbeat = setInterval(() => {
      renewMailboxLease(db, key, owner, new Date(clock.now().getTime() + LEASE_MS)).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, tenantId: key.tenantId }, 'invoice import: lease not renewed');
      });
    }, LEASE_HEARTBEAT_MS);
    heartbeat.unref();
    try {
      return await this.leased(key, owner, settings);
    } finally {
      clearInterval(heartbeat);
      const now = clock.now();
      await releaseMailboxLease(db, key, owner, {
        lastRunAt: now,
        nextRunAt: new Date(now.getTime() + this.deps.intervalMinutes * 60_000),
      });
    }
  }

  private async leased(key: MailboxKey, owner: string, settings: InvoiceMailImportSettings): Promise<RoundResult> {
    const { db } = this.deps;
    const connection = await findConnection(db, key.tenantId);
    if (!connection) return 'waiting_for_connection';
    if (connection.status === 'needs_reauth') return 'needs_attention';
    const archive = await this.deps.elo.open(key.tenantId);
    if (!archive) return 'waiting_for_elo';
    try {
      let round: RoundContext;
      try {
        const accessToken = (await this.deps.tokens.accessToken(connection)).accessToken;
        const mask = await archive.describeMask(settings.eloMask, { fallbackToBasic: true });
        await recordMaskUsed(db, key.tenantId, mask.name);
        round = {
          ...key,
          accessToken,
          settings,
          fields: eloFieldsOf(settings),
          archive,
          mask,
          folders: new Map(),
          mailFolders: new Map(),
        };
        await this.syncDelta(round, new Date(settings.importFrom as string));
      } catch (error) {
        return this.roundProblem(key, error);
      }
      await this.clearProblems(key);
      return await this.importDue(round, owner);
    } finally {
      await archive.close().catch(() => undefined);
    }
  }

  /** The round could not start (token, ELO login, mask, delta): attention, or a temporary problem noted. */
  private async roundProblem(key: MailboxKey, error: unknown): Promise<RoundResult> {
    const verdict = judgeFailure(error, key.mailbox);
    if (verdict.kind === 'attention') {
      await this.needsAttention(key, verdict.problem);
      return 'needs_attention';
    }
    if (verdict.kind === 'unknown') {
      this.deps.logger.error({ err: error, tenantId: key.tenantId }, 'invoice import: round failed');
    }
    await updateMailboxState(
      this.deps.db,
      key,
      { lastErrorCode: verdict.problem.code, lastErrorParams: verdict.problem.params ?? {} },
      this.deps.clock.now(),
    );
    return 'interrupted';
  }

  /** needs_attention with its event, once per problem (a round meeting it again changes nothing). */
  private async needsAttention(key: MailboxKey, problem: ImportProblem): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const state = await findMailboxState(trx, key.tenantId, key.mailbox);
      if (state?.attentionCode === problem.code) return;
      await updateMailboxState(
        trx,
        key,
        {
          attentionCode: problem.code,
          attentionParams: problem.params ?? {},
          lastErrorCode: problem.code,
          lastErrorParams: problem.params ?? {},
        },
        now,
      );
      await appendEvent(trx, {
        tenantId: key.tenantId,
        type: 'invoice_import.needs_attention',
        at: now,
        data: { mailbox: key.mailbox, error: problem },
      });
    });
  }

  private async clearProblems(key: MailboxKey): Promise<void> {
    await updateMailboxState(
      this.deps.db,
      key,
      { attentionCode: null, attentionParams: null, lastErrorCode: null, lastErrorParams: null },
      this.deps.clock.now(),
    );
  }

  /**
   * Delta pages into the ledger, each page and the link after it in one transaction; a dead delta state starts a
   * fresh initial round (the ledger's unique key absorbs the replay).
   */
  private async syncDelta(round: RoundContext, importFrom: Date): Promise<void> {
    const { db, graphMail, clock } = this.deps;
    const key = { tenantId: round.tenantId, mailbox: round.mailbox };
    let link = (await findMailboxState(db, key.tenantId, key.mailbox))?.deltaLink ?? null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      let page;
      try {
        const current = link;
        page = current
          ? await graphCall(() => graphMail.deltaNext(round.accessToken, round.mailbox, current, PAGE_SIZE))
          : await graphCall(() =>
              graphMail.deltaStart(round.accessToken, round.mailbox, {
                receivedSince: importFrom,
                pageSize: PAGE_SIZE,
              }),
            );
      } catch (error) {
        if (!(error instanceof DeltaStateExpiredError) || link === null) throw error;
        this.deps.logger.info({ tenantId: key.tenantId }, 'invoice import: delta state expired, starting afresh');
        link = null;
        await updateMailboxState(db, key, { deltaLink: null }, clock.now());
        continue;
      }
      const rows = await this.newMessages(round, page.messages, importFrom);
      const next = page.nextLink ?? page.deltaLink ?? null;
      await db.transaction().execute(async (trx) => {
        await insertNewMessages(trx, rows);
        await updateMailboxState(trx, key, { deltaLink: next }, clock.now());
      });
      link = next;
      if (!page.nextLink) return;
    }
  }

  /** The page's mails the ledger does not know yet, received at or after the cut-off. */
  private async newMessages(
    round: RoundContext,
    messages: DeltaMessage[],
    importFrom: Date,
  ): Promise<NewInvoiceImportMessage[]> {
    const known = await knownGraphIds(
      this.deps.db,
      round.tenantId,
      round.mailbox,
      messages.map((message) => message.id),
    );
    const rows: NewInvoiceImportMessage[] = [];
    const seen = new Set<string>();
    const now = this.deps.clock.now();
    for (const message of messages) {
      if (known.has(message.id) || seen.has(message.id)) continue;
      seen.add(message.id);
      const full = message.complete
        ? message
        : await graphCall(() => this.deps.graphMail.getMessage(round.accessToken, round.mailbox, message.id)).catch(
            (error: unknown) => {
              if (judgeFailure(error, round.mailbox).kind === 'gone') return undefined;
              throw error;
            },
          );
      if (!full?.receivedDateTime) continue;
      const receivedAt = new Date(full.receivedDateTime);
      if (Number.isNaN(receivedAt.getTime()) || receivedAt < importFrom) continue;
      rows.push({
        tenantId: round.tenantId,
        mailbox: round.mailbox,
        graphId: message.id,
        internetMessageId: full.internetMessageId ?? null,
        receivedAt,
        fromAddress: full.from?.address ?? '',
        fromName: full.from?.name ?? '',
        subject: full.subject ?? '',
        state: 'pending',
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      });
    }
    return rows;
  }

  /**
   * Every due mail, oldest first, up to MAILS_IN_FLIGHT side by side. Distinct mails have distinct import keys, so
   * their lookups and check-ins cannot stand in each other's way; what must not run twice at once — one mail, one
   * mailbox's round — is kept apart by the round lease, which every mail's start checks. A mail that says "stop"
   * (ELO or Graph away, the import needs attention) lets the mails in flight finish and starts no further one.
   */
  private async importDue(round: RoundContext, owner: string): Promise<RoundResult> {
    const { db, clock } = this.deps;
    const key = { tenantId: round.tenantId, mailbox: round.mailbox };
    const tried = new Set<string>();
    let stop: MailStop | undefined;
    let leaseLost = false;
    while (tried.size < MAX_MAILS && !stop && !leaseLost && !this.stopping) {
      const due = (await listDueMessages(db, key, clock.now(), DUE_BATCH)).filter((row) => !tried.has(row.id));
      if (due.length === 0) break;
      await forEachLimited(due.slice(0, MAX_MAILS - tried.size), MAILS_IN_FLIGHT, async (row) => {
        if (stop || leaseLost || this.stopping) return;
        tried.add(row.id);
        const outcome = await this.importOne(round, row.id, owner);
        if (outcome === 'lease_lost') leaseLost = true;
        else if (outcome) stop ??= outcome;
      });
      if (!leaseLost && !(await renewMailboxLease(db, key, owner, new Date(clock.now().getTime() + LEASE_MS)))) {
        leaseLost = true;
      }
    }
    if (leaseLost || (this.stopping && !stop)) return 'interrupted';
    if (!stop) return 'done';
    if (stop.stop === 'attention') {
      await this.needsAttention(key, stop.problem);
      return 'needs_attention';
    }
    await updateMailboxState(
      db,
      key,
      { lastErrorCode: stop.problem.code, lastErrorParams: stop.problem.params ?? {} },
      clock.now(),
    );
    return 'interrupted';
  }

  /** One mail's attempt: started (only under this round's lease), filed, finished; a failure judged. */
  private async importOne(
    round: RoundContext,
    id: string,
    owner: string,
  ): Promise<MailStop | 'lease_lost' | undefined> {
    const { db, clock } = this.deps;
    const key = { tenantId: round.tenantId, mailbox: round.mailbox };
    const row = await startMessageAttempt(db, key, id, owner, clock.now());
    if (!row) {
      // Not open any more (nothing to do), or the lease went to another round: then stop.
      const ours = await renewMailboxLease(db, key, owner, new Date(clock.now().getTime() + LEASE_MS));
      return ours ? undefined : 'lease_lost';
    }
    try {
      const filed =
        row.state === 'filed' ? undefined : await fileMailDocuments({ ...this.deps, ...this.faults }, round, row);
      await finishMail(this.deps, round, row, filed);
      return undefined;
    } catch (error) {
      const after = await handleMailFailure(this.deps, round, row, row.attempts, error);
      return after === 'continue' ? undefined : after;
    }
  }
}
