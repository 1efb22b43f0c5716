import type {
  ConnectionResponse,
  ConnectionTestResponse,
  ConnectionTestResult,
  ConnectionTestTrigger,
  FeatureSettings,
  RedeemResponse,
} from '@ecm365/shared';
import type { KeyRing } from '../../../crypto/key-ring.js';
import type { Db } from '../../../db/database.js';
import { InvalidCodeError, InvalidCodeFormatError, NotConnectedError } from '../../../errors/domain-errors.js';
import type { Clock } from '../../../support/clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { principalKey, type Principal } from '../../auth/principal.js';
import type { FailureCounter } from '../../throttle/failure-counter.js';
import type { TenantRateCaps } from '../../throttle/tenant-rate-caps.js';
import { claimAttemptByCode } from '../attempts/attempt.repository.js';
import { attemptCacheContext } from '../attempts/attempt-contexts.js';
import type { ConnectionTester, TestOutcome } from './connection-tester.js';
import { lastFailureOf, toConnectionResponse } from './connection-view.js';
import { newConnectionRow } from './connection-row.js';
import {
  findConnectionForTest,
  findConnectionStatus,
  storeTestResults,
  upsertConnection,
  type ConnectionStatusRow,
} from './connection.repository.js';
import { recordConnected, recordTestOutcomes } from '../../events/connection-events.js';
import { toSupportNotification, type SupportMailState } from '../../notifications/support-mail.js';
import { featureSettingsOf, type FeatureService } from '../features/feature.service.js';
import { Ms365CodeIssuer } from '../attempts/ms365-code-issuer.js';
import { revokeConnection } from './revoke-connection.js';
import type { TtlCache } from '../../../support/ttl-cache.js';
import type { ConnectionRow } from '../ms365.tables.js';
import type { InvoiceImportSettingsRow } from '../../invoice-import/invoice-import.tables.js';

export interface ConnectionServiceDeps {
  db: Db;
  clock: Clock;
  keys: KeyRing;
  tester: ConnectionTester;
  features: FeatureService;
  audit: AuditLog;
  redeemFailures: FailureCounter;
  /** Wrong codes allowed per session, per ELO user of the tenant (across sessions and tokens) and per address. */
  wrongCodes: { perSession: number; perUser: number; perIp: number };
  /** Minutes until the health monitor should look again; undefined when it is off. */
  checkIntervalMinutes: number | undefined;
  /** Status views of the last seconds per tenant (the portal and integrators poll it); writes here drop them. */
  statusCache: TtlCache<string, ConnectionResponse>;
  caps: TenantRateCaps;
  /** SUPPORT_EMAIL: the status names it beside the support mail's state. */
  supportEmail: string;
}

/** A test's outcome waiting to be recorded, with the settings it ran with and when it ended. */
interface PendingResult {
  connection: ConnectionRow;
  outcome: TestOutcome;
  features: FeatureSettings[];
  at: Date;
}

/** A connection row with its tenant's feature settings: what a test starts from. */
type StoredConnection = Awaited<ReturnType<typeof upsertConnection>>;

/** The tenant's connection: redeeming the MS365 code, status, tests, disconnect. */
export class ConnectionService {
  constructor(private readonly deps: ConnectionServiceDeps) {}

  /** „Einrichtung abschließen & Verbindung testen“: redeem the code exactly once, store the connection, test it. */
  async redeem(principal: Principal, rawCode: string, ip: string): Promise<RedeemResponse> {
    const codeHash = Ms365CodeIssuer.hashOfInput(rawCode);
    if (!codeHash) throw new InvalidCodeFormatError();
    const sessionKey = `redeem:${principalKey(principal)}`;
    const { perSession, perUser, perIp } = this.deps.wrongCodes;
    // Reserved before the code is looked up: a burst of parallel guesses gets at most the limit checked.
    const tries = await this.deps.redeemFailures.reserve(
      [
        { key: sessionKey, limit: perSession },
        { key: `redeem-user:${principal.tenant.id}:${principal.user.id}`, limit: perUser },
        { key: `redeem-ip:${ip}`, limit: perIp },
      ],
      'error.too_many_invalid_codes',
    );
    let wrongCode = false;
    let stored: StoredConnection | undefined;
    try {
      stored = await this.claimAndStore(principal, codeHash, ip);
      if (!stored) {
        wrongCode = true;
        throw new InvalidCodeError();
      }
      // The session's wrong codes are forgiven, the user's and the address' tries given back: one statement.
      await tries.forgive(sessionKey);
    } finally {
      // A wrong code keeps its tries; a failure that is not the client's gives them back.
      if (!wrongCode) await tries.giveBack();
    }
    const { result, connection } = await this.recordedTest(principal, ip, 'setup', stored);
    return { connection: connection ?? (await this.status(principal.tenant.id)), test: result };
  }

  /**
   * One transaction: claiming the code with the audit row of the redemption (or of the wrong code), storing the
   * connection and its event happen together or not at all. Answers the stored connection with the tenant's feature
   * settings, what the test after it starts from.
   */
  private async claimAndStore(
    principal: Principal,
    codeHash: string,
    ip: string,
  ): Promise<StoredConnection | undefined> {
    const { db, clock, keys } = this.deps;
    const now = clock.now();
    const stored = await db.transaction().execute(async (trx) => {
      // The claim writes the redemption's audit row (success, or invalid_code) in the same statement.
      const claimed = await claimAttemptByCode(
        trx,
        { codeHash, tenantId: principal.tenant.id, eloUserId: principal.user.id, now },
        {
          tenantId: principal.tenant.id,
          tenantSlug: principal.tenant.slug,
          actor: principal.user.name,
          action: 'ms365.redeem',
          ip,
        },
      );
      const attempt = claimed?.attempt;
      if (!claimed?.tokenCache || !attempt?.account) return undefined;
      const row = newConnectionRow(
        {
          tenantId: principal.tenant.id,
          account: attempt.account,
          scopes: attempt.grantedScopes ?? attempt.scopes,
          serializedCache: keys.decrypt(claimed.tokenCache, attemptCacheContext(attempt.id)),
          connectedBy: principal.user.name,
          now,
        },
        keys,
      );
      const connection = await upsertConnection(trx, row);
      await recordConnected(trx, connection.connection);
      return connection;
    });
    this.deps.statusCache.delete(principal.tenant.id);
    return stored;
  }

  /** The view `status` would answer from its cache right now, if the cache holds one (no query, no promise). */
  cachedStatus(tenantId: string): ConnectionResponse | undefined {
    return this.deps.statusCache.get(tenantId);
  }

  status(tenantId: string): Promise<ConnectionResponse> {
    return this.deps.statusCache.getOrLoad(tenantId, async () => {
      // One query for the connection, the feature settings and the support mail (the read portals poll).
      const { connection, features, supportMail } = await findConnectionStatus(this.deps.db, tenantId);
      return this.statusView(connection, featureSettingsOf(features), supportMail);
    });
  }

  private statusView(
    connection: ConnectionStatusRow | undefined,
    features: FeatureSettings[],
    supportMail: SupportMailState | undefined,
  ): ConnectionResponse {
    const view = toConnectionResponse(connection, features);
    return connection && supportMail
      ? { ...view, supportNotification: toSupportNotification(supportMail, this.deps.supportEmail) }
      : view;
  }

  /**
   * „Verbindung testen“: runs the test now and records its outcome. Capped per tenant and minute (each test calls
   * Microsoft); the test right after a redemption is not, since every redemption needs a capped connect attempt.
   * Answers the connection with it, as the redemption does: the portal shows both without asking again.
   */
  async runTest(principal: Principal, ip: string): Promise<ConnectionTestResponse> {
    await this.deps.caps.take('connection_test', principal.tenant.id);
    const { result, connection } = await this.recordedTest(principal, ip, 'manual');
    return { ...result, connection: connection ?? (await this.status(principal.tenant.id)) };
  }

  /**
   * The test with its audit row: after a redemption and on request. Answers the result and the connection as the
   * test's transaction left it (undefined when that is not known: the caller reads it).
   */
  private async recordedTest(
    principal: Principal,
    ip: string,
    trigger: ConnectionTestTrigger,
    /** The connection as just stored by a redemption; read when not given. */
    stored?: StoredConnection,
  ): Promise<{ result: ConnectionTestResult; connection: ConnectionResponse | undefined }> {
    const found = stored ?? (await findConnectionForTest(this.deps.db, principal.tenant.id));
    if (!found) throw new NotConnectedError();
    const { connection } = found;
    const { outcome, view } = await this.runAndRecord(connection, {
      trigger,
      features: featureSettingsOf(found.features),
    });
    await this.deps.audit.record({
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'ms365.test',
      outcome: outcome.result.ok ? 'success' : 'failure',
      details: {
        status: outcome.status,
        failed: outcome.result.checks.filter((check) => !check.ok).map((check) => check.id),
      },
      ip,
    });
    return { result: outcome.result, connection: view };
  }

  /**
   * Runs the test on a stored connection and writes status, result and the next check time, with the test's
   * events, in one transaction.
   */
  async testAndRecord(
    connection: ConnectionRow,
    options: { forceRefresh?: boolean; trigger?: ConnectionTestTrigger; features?: FeatureSettings[] } = {},
  ): Promise<TestOutcome> {
    return (await this.runAndRecord(connection, options)).outcome;
  }

  /** `testAndRecord`, answering the connection's status view as the recording left it, too (when known). */
  private async runAndRecord(
    connection: ConnectionRow,
    options: { forceRefresh?: boolean; trigger?: ConnectionTestTrigger; features?: FeatureSettings[] },
  ): Promise<{ outcome: TestOutcome; view: ConnectionResponse | undefined }> {
    // Read once (or with the connection, by the caller): the test's mailbox checks and its events (the support
    // mail) use the same settings.
    const features = options.features ?? (await this.deps.features.list(connection.tenantId));
    const outcome = await this.deps.tester.run(connection, { ...options, features });
    const views = await this.record(
      [{ connection, outcome, features, at: this.deps.clock.now() }],
      options.trigger ?? 'manual',
    );
    return { outcome, view: views.get(connection.tenantId) };
  }

  /**
   * The health monitor's page: tests the connections one after the other and records all their outcomes in one
   * transaction (one lock, one update, one insert of events and one of support mails for the page instead of
   * six statements per connection, issue 13). What a test does outside (a rotated refresh token) is stored as it
   * happens; a crash before the recording leaves the page's connections leased and their job to be retried: only
   * the missing results are produced again. A test that throws (not Microsoft: the database, a bug) is answered as
   * its error and the others are recorded; if the page's recording itself fails, each is recorded alone, so one
   * bad row costs only its own result.
   */
  async testAndRecordPage(
    page: ReadonlyArray<{
      connection: ConnectionRow;
      features: FeatureSettings[];
      /** The invoice import's stored settings (null: none stored), read for the page. */
      importSettings?: InvoiceImportSettingsRow | null;
    }>,
    options: { forceRefresh?: boolean; trigger: ConnectionTestTrigger },
  ): Promise<Array<{ tenantId: string; outcome: TestOutcome } | { tenantId: string; error: unknown }>> {
    const answers: Array<{ tenantId: string; outcome: TestOutcome } | { tenantId: string; error: unknown }> = [];
    const tested: PendingResult[] = [];
    for (const { connection, features, importSettings } of page) {
      try {
        const outcome = await this.deps.tester.run(connection, { ...options, features, importSettings });
        tested.push({ connection, outcome, features, at: this.deps.clock.now() });
      } catch (error) {
        answers.push({ tenantId: connection.tenantId, error });
      }
    }
    try {
      await this.record(tested, options.trigger);
      for (const { connection, outcome } of tested) answers.push({ tenantId: connection.tenantId, outcome });
    } catch (error) {
      for (const result of tested) {
        const tenantId = result.connection.tenantId;
        try {
          // Alone, unless it was alone already: then its failure is the page's.
          if (tested.length === 1) throw error;
          await this.record([result], options.trigger);
          answers.push({ tenantId, outcome: result.outcome });
        } catch (failure) {
          answers.push({ tenantId, error: failure });
        }
      }
    }
    return answers;
  }

  /**
   * Writes test results with their events in one transaction. The status before each result is read under the
   * lock its storing takes: a change of status is reported exactly once. A connection removed while its test ran is
   * skipped. Answers each stored connection's status view as the transaction left it (what the status read shows
   * right after the commit): the answer to a test on request shows it without reading it again. A view is missing
   * where that is not known (a support mail another transaction queued meanwhile).
   */
  private async record(
    results: readonly PendingResult[],
    trigger: ConnectionTestTrigger,
  ): Promise<Map<string, ConnectionResponse>> {
    const views = new Map<string, ConnectionResponse>();
    if (results.length === 0) return views;
    await this.deps.db.transaction().execute(async (trx) => {
      const stored = await storeTestResults(
        trx,
        results.map(({ connection, outcome, at }) => {
          const failed = outcome.result.checks.find((check) => !check.ok);
          return {
            tenantId: connection.tenantId,
            status: outcome.status,
            lastTest: JSON.stringify(outcome.result),
            at,
            nextCheckAt: this.nextCheck(at, outcome),
            lastFailure: failed ? JSON.stringify(lastFailureOf(failed, at)) : null,
          };
        }),
      );
      if (stored.length === 0) return;
      const byTenant = new Map(stored.map((row) => [row.before.tenantId, row]));
      const recorded = results.flatMap((result) => {
        const row = byTenant.get(result.connection.tenantId);
        return row ? [{ result, row }] : [];
      });
      const mailsQueued = await recordTestOutcomes(
        trx,
        recorded.map(({ result: { outcome, features, at }, row }) => ({
          before: row.before,
          outcome,
          trigger,
          features,
          at,
          supportMailQueued: row.supportMail !== undefined,
        })),
      );
      for (const { result, row } of recorded) {
        const tenantId = row.before.tenantId;
        const queuedNow = mailsQueued.get(tenantId);
        // Queued by another transaction while this one waited for the row: its state is not known here.
        if (queuedNow === false) continue;
        const supportMail = queuedNow
          ? { status: 'pending' as const, createdAt: result.at, sentAt: null }
          : row.supportMail;
        views.set(tenantId, this.statusView(row.after, result.features, supportMail));
      }
    });
    for (const result of results) this.deps.statusCache.delete(result.connection.tenantId);
    return views;
  }

  /**
   * When the health monitor looks next: after the interval, or — when Microsoft was only throttling or away —
   * after its Retry-After (at least a minute, at most the interval).
   */
  private nextCheck(now: Date, outcome: TestOutcome): Date | null {
    const interval = this.deps.checkIntervalMinutes;
    if (interval === undefined) return null;
    let seconds = interval * 60;
    if (outcome.temporary) seconds = Math.min(seconds, Math.max(60, outcome.temporary.retryAfterSeconds ?? 300));
    return new Date(now.getTime() + seconds * 1000);
  }

  /** „Verbindung trennen/löschen“: the tokens and the connection are deleted, pending attempts with them. */
  async disconnect(principal: Principal, ip: string): Promise<void> {
    await revokeConnection(this.deps.db, this.deps.audit, principal.tenant, principal.user.name, ip, this.deps.clock);
    this.deps.statusCache.delete(principal.tenant.id);
  }
}
