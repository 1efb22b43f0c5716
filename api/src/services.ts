import type { LogError } from './adapters/microsoft/microsoft-failure.js';
import type { Logger } from 'pino';
import { EloArchiveConnector, EloIxGateway, type EloCallObserver } from './adapters/elo/index.js';
import {
  createMicrosoftDispatcher,
  GraphGateway,
  GraphMailGateway,
  MicrosoftIdentity,
  type MicrosoftEndpoints,
} from './adapters/microsoft/index.js';
import type { Config } from './config/config.js';
import type { EncryptionKey } from './config/encryption-keys.js';
import { KeyRing } from './crypto/key-ring.js';
import { Metrics } from './metrics/metrics.js';
import type { Db } from './db/database.js';
import { portalOriginCheck } from './http/request-origin.js';
import { ApiTokenGroupChecks } from './modules/api-tokens/api-token-group-checks.js';
import { ApiTokenService } from './modules/api-tokens/api-token.service.js';
import { AuditLog } from './modules/audit/audit-log.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { AdminConsents } from './modules/ms365/attempts/admin-consents.js';
import { AccessTokenService } from './modules/ms365/connection/access-token.service.js';
import { ConnectAttemptService } from './modules/ms365/attempts/attempt.service.js';
import { ConnectionLock } from './modules/ms365/connection/connection-lock.js';
import { ConnectionTester } from './modules/ms365/connection/connection-tester.js';
import { ConnectionTokens } from './modules/ms365/connection/connection-tokens.js';
import { ConnectionService } from './modules/ms365/connection/connection.service.js';
import { countConnectionsByStatus } from './modules/ms365/connection/connection.repository.js';
import { FeatureService } from './modules/ms365/features/feature.service.js';
import { ImportEloSessions } from './modules/invoice-import/elo-sessions.js';
import { InvoiceImportService } from './modules/invoice-import/invoice-import.service.js';
import { ImportRound } from './modules/invoice-import/import-round.js';
import { importProbe } from './modules/invoice-import/import-probe.js';
import { Ms365CodeIssuer } from './modules/ms365/attempts/ms365-code-issuer.js';
import { SessionGroupChecks } from './modules/sessions/session-group-checks.js';
import { SessionService } from './modules/sessions/session.service.js';
import { EloServiceAccountService } from './modules/tenants/elo-service-account.service.js';
import { FailureCounter } from './modules/throttle/failure-counter.js';
import { TenantRateCaps } from './modules/throttle/tenant-rate-caps.js';
import { readBuildInfo } from './support/build-info.js';
import { systemClock, type Clock } from './support/clock.js';
import { TtlCache } from './support/ttl-cache.js';
import type { ConnectionResponse } from '@ecm365/shared';
import { SmtpMailer } from './adapters/mail/index.js';
import { WebhookSender } from './adapters/webhooks/index.js';
import { EventRelay } from './jobs/event-relay.js';
import { MailDeliverer } from './modules/notifications/mail-deliverer.js';
import { NotificationService } from './modules/notifications/notification.service.js';
import { WebhookDeliverer } from './modules/webhooks/webhook-deliverer.js';
import { WebhookService } from './modules/webhooks/webhook.service.js';

export interface ServiceDependencies {
  config: Config;
  db: Db;
  microsoft: MicrosoftEndpoints;
  encryptionKeys: readonly EncryptionKey[];
  logger: Logger;
  clock?: Clock;
}

/** The composition root: every domain service, wired once, shared by the HTTP app and background jobs. */
export function createServices(deps: ServiceDependencies) {
  const { config, db, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const buildInfo = readBuildInfo(config.buildCommit);
  const metrics = new Metrics(() => countConnectionsByStatus(db), buildInfo);
  const onEloCall: EloCallObserver = (call) =>
    metrics.observer('elo')({ operation: call.fn, outcome: call.outcome, durationMs: call.durationMs });
  const elo = new EloIxGateway({ timeoutMs: config.eloTimeoutMs, onCall: onEloCall });
  // Filing into ELO (invoice import): the service accounts' sessions; same timeout and metrics as the login calls.
  const eloArchives = new EloArchiveConnector({ timeoutMs: config.eloTimeoutMs, onCall: onEloCall });
  const hostRules = { baseDomain: config.baseDomain, defaultTenant: config.defaultTenant };
  const audit = new AuditLog(db);
  const logError: LogError = (details, message) => logger.error(details, message);
  const keys = new KeyRing(deps.encryptionKeys);
  const sessions = new SessionService({ db, clock, keys, elo, policy: config.session });
  const groupChecks = new SessionGroupChecks({
    db,
    clock,
    keys,
    elo,
    sessions,
    audit,
    groupCheckMinutes: config.session.groupCheckMinutes,
    logError,
  });
  const throttle = new LoginThrottle(db, clock, config.loginLimits);
  const auth = new AuthService({
    db,
    clock,
    elo,
    sessions,
    throttle,
    audit,
    hostRules,
    onLoginOutcome: (outcome) => metrics.logins.inc({ outcome }),
  });
  const caps = new TenantRateCaps(db, clock, config.tenantCaps);
  const apiTokens = new ApiTokenService(db, clock, audit, config.session.cacheTtlMs, {
    failures: new FailureCounter(db, clock, config.bearerFailures.windowSeconds),
    failuresPerIp: config.bearerFailures.perIp,
    caps,
  });

  const dispatcher = createMicrosoftDispatcher(deps.microsoft);
  const identity = new MicrosoftIdentity(deps.microsoft, dispatcher, metrics.observer('microsoft'));
  const statusCache = new TtlCache<string, ConnectionResponse>(config.statusCacheTtlMs, 10_000);
  const features = new FeatureService(db);
  const tokens = new ConnectionTokens(keys, identity, new ConnectionLock(db));
  const graphMail = new GraphMailGateway(deps.microsoft, dispatcher, metrics.observer('microsoft'));
  const tester = new ConnectionTester(
    tokens,
    // The Inbox shares the import's slots per mailbox (Exchange counts both).
    new GraphGateway(deps.microsoft, dispatcher, metrics.observer('microsoft'), graphMail.limiter),
    features,
    clock,
    logError,
    importProbe(db, graphMail),
  );
  const connection = new ConnectionService({
    db,
    clock,
    keys,
    tester,
    features,
    audit,
    redeemFailures: new FailureCounter(db, clock, config.codeRedemption.blockSeconds),
    wrongCodes: {
      perSession: config.codeRedemption.wrongCodesPerSession,
      perUser: config.codeRedemption.wrongCodesPerUser,
      perIp: config.codeRedemption.wrongCodesPerIp,
    },
    checkIntervalMinutes: config.healthMonitor.enabled ? config.healthMonitor.intervalMinutes : undefined,
    statusCache,
    caps,
    supportEmail: config.mail.supportEmail,
  });
  const attempts = new ConnectAttemptService({
    db,
    clock,
    keys,
    identity,
    codes: new Ms365CodeIssuer(keys),
    features,
    audit,
    adminConsents: new AdminConsents({ db, clock, identity, audit, publicUrl: config.publicUrl }),
    publicUrl: config.publicUrl,
    isPortalOrigin: portalOriginCheck(config.publicUrl, config.baseDomain),
    logError,
    caps,
  });
  const accessTokens = new AccessTokenService({
    db,
    clock,
    tokens,
    audit,
    issuances: new FailureCounter(db, clock, 60),
    perTokenPerMinute: config.accessTokensPerMinute,
    recheck: async (row) => {
      await connection.testAndRecord(row, { trigger: 'monitor' });
    },
  });
  const eloServiceAccounts = new EloServiceAccountService(db, keys, clock);
  const tokenGroupChecks = new ApiTokenGroupChecks({
    db,
    clock,
    elo,
    serviceAccounts: eloServiceAccounts,
    audit,
    intervalHours: config.apiTokenGroupCheckHours,
    forget: (hashes) => apiTokens.forget(hashes),
    logWarn: (details, message) => logger.warn(details, message),
  });
  const integrations = createIntegrations(deps, { clock, keys, audit });
  const importElo = new ImportEloSessions(db, eloArchives, eloServiceAccounts);
  const invoiceImport = new InvoiceImportService({
    db,
    clock,
    audit,
    elo: importElo,
    onFeatureChange: (tenantId) => {
      statusCache.delete(tenantId);
      tester.probeMemo.forget(tenantId);
    },
  });
  return {
    ...integrations,
    config,
    db,
    clock,
    logger,
    buildInfo,
    metrics,
    hostRules,
    audit,
    sessions,
    groupChecks,
    throttle,
    auth,
    apiTokens,
    keys,
    features,
    attempts,
    connection,
    accessTokens,
    /** Graph mail of the connected mailboxes, for the invoice import (reads with a connection's access token). */
    graphMail,
    eloArchives,
    /** The tenants' ELO service accounts (invoice import): credentialsFor(tenantId). */
    eloServiceAccounts,
    /** Access tokens of the tenants' connections (serialised refresh), for the invoice import's Graph calls. */
    tokens,
    invoiceImport,
    /** One round of one mailbox of the invoice import (the job queue runs it; tests call it directly). */
    importRound: new ImportRound({
      db,
      clock,
      logger,
      tokens,
      graphMail,
      elo: importElo,
      intervalMinutes: config.invoiceImport.intervalMinutes,
    }),
    /** The API tokens' daily ELO group re-check (SPEC §10). */
    tokenGroupChecks,
    close: async () => {
      integrations.closeIntegrations();
      await dispatcher.close();
    },
  };
}

/** The tenant's portal origin, `<slug>.<BASE_DOMAIN>` with the public URL's scheme and port. */
export function tenantPortalUrl(publicUrl: string, baseDomain: string, slug: string): string {
  const url = new URL(publicUrl);
  url.hostname = `${slug}.${baseDomain}`;
  return url.origin;
}

/** Events, webhooks and notification mails (issue "Integrations"), with the relay that delivers them. */
function createIntegrations(deps: ServiceDependencies, shared: { clock: Clock; keys: KeyRing; audit: AuditLog }) {
  const { config, db, logger } = deps;
  const { clock, keys, audit } = shared;
  const webhookSender = new WebhookSender({
    timeoutMs: config.webhooks.timeoutMs,
    allowPrivateTargets: config.webhooks.allowPrivateTargets,
    allowHttp: config.webhooks.allowHttp,
  });
  const mailer = config.mail.smtpUrl
    ? new SmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from, timeoutMs: config.mail.timeoutMs })
    : undefined;
  const webhooks = new WebhookService({ db, clock, keys, sender: webhookSender, settings: config.webhooks, audit });
  const notifications = new NotificationService(db, clock, audit);
  const relay = new EventRelay({
    db,
    clock,
    logger,
    webhooks: new WebhookDeliverer({ db, clock, keys, sender: webhookSender, logger }),
    mails: new MailDeliverer({
      db,
      clock,
      mailer,
      settings: config.mail,
      portalUrl: (slug) => tenantPortalUrl(config.publicUrl, config.baseDomain, slug),
      logger,
    }),
  });
  return {
    webhooks,
    notifications,
    relay,
    closeIntegrations: () => {
      webhookSender.close();
      mailer?.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
