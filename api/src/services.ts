import type { LogError } from './modules/ms365/microsoft-failure.js';
import type { Logger } from 'pino';
import { EloArchiveConnector, EloIxGateway, type EloCallObserver } from './adapters/elo/index.js';
import {
  createMicrosoftDispatcher,
  GraphGateway,
  MicrosoftIdentity,
  type MicrosoftEndpoints,
} from './adapters/microsoft/index.js';
import type { Config } from './config/config.js';
import type { EncryptionKey } from './config/encryption-keys.js';
import { KeyRing } from './crypto/key-ring.js';
import { Metrics } from './metrics/metrics.js';
import type { Db } from './db/database.js';
import { portalOriginCheck } from './http/request-origin.js';
import { ApiTokenService } from './modules/api-tokens/api-token.service.js';
import { AuditLog } from './modules/audit/audit-log.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { ConnectService } from './modules/ms365/connect.service.js';
import { ConnectionLock } from './modules/ms365/connection-lock.js';
import { ConnectionTester } from './modules/ms365/connection-tester.js';
import { ConnectionTokens } from './modules/ms365/connection-tokens.js';
import { ConnectionService } from './modules/ms365/connection.service.js';
import { countConnectionsByStatus } from './modules/ms365/connection.repository.js';
import { FeatureService } from './modules/ms365/feature.service.js';
import { Ms365CodeIssuer } from './modules/ms365/ms365-code-issuer.js';
import { SessionService } from './modules/sessions/session.service.js';
import { EloServiceAccountService } from './modules/tenants/elo-service-account.service.js';
import { FailureCounter } from './modules/throttle/failure-counter.js';
import { systemClock, type Clock } from './support/clock.js';
import { TtlCache } from './support/ttl-cache.js';
import type { ConnectionResponse } from '@ecm365/shared';

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
  const metrics = new Metrics(() => countConnectionsByStatus(db));
  const onEloCall: EloCallObserver = (call) =>
    metrics.observer('elo')({ operation: call.fn, outcome: call.outcome, durationMs: call.durationMs });
  const elo = new EloIxGateway({ timeoutMs: config.eloTimeoutMs, onCall: onEloCall });
  // Filing into ELO (invoice import): the service accounts' sessions; same timeout and metrics as the login calls.
  const eloArchives = new EloArchiveConnector({ timeoutMs: config.eloTimeoutMs, onCall: onEloCall });
  const hostRules = { baseDomain: config.baseDomain, defaultTenant: config.defaultTenant };
  const audit = new AuditLog(db);
  const sessions = new SessionService(db, clock, config.session);
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
  const apiTokens = new ApiTokenService(db, clock, audit, config.session.cacheTtlMs);

  const keys = new KeyRing(deps.encryptionKeys);
  const dispatcher = createMicrosoftDispatcher(deps.microsoft);
  const identity = new MicrosoftIdentity(deps.microsoft, dispatcher, metrics.observer('microsoft'));
  const statusCache = new TtlCache<string, ConnectionResponse>(config.statusCacheTtlMs, 10_000);
  const features = new FeatureService(db, clock, audit, (tenantId) => statusCache.delete(tenantId));
  const logError: LogError = (details, message) => logger.error(details, message);
  const tokens = new ConnectionTokens(keys, identity, new ConnectionLock(db));
  const tester = new ConnectionTester(
    tokens,
    new GraphGateway(deps.microsoft, dispatcher, metrics.observer('microsoft')),
    features,
    clock,
    logError,
  );
  const connection = new ConnectionService({
    db,
    clock,
    keys,
    tester,
    features,
    audit,
    redeemFailures: new FailureCounter(db, clock, config.codeRedemption.blockSeconds),
    wrongCodesPerSession: config.codeRedemption.wrongCodesPerSession,
    checkIntervalMinutes: config.healthMonitor.enabled ? config.healthMonitor.intervalMinutes : undefined,
    statusCache,
  });
  const connect = new ConnectService({
    db,
    clock,
    keys,
    identity,
    codes: new Ms365CodeIssuer(keys),
    features,
    audit,
    publicUrl: config.publicUrl,
    isPortalOrigin: portalOriginCheck(config.publicUrl, config.baseDomain),
    logError,
  });
  return {
    config,
    db,
    clock,
    logger,
    metrics,
    hostRules,
    audit,
    sessions,
    throttle,
    auth,
    apiTokens,
    keys,
    features,
    connect,
    connection,
    eloArchives,
    /** The tenants' ELO service accounts (invoice import): credentialsFor(tenantId). */
    eloServiceAccounts: new EloServiceAccountService(db, keys, clock),
    close: () => dispatcher.close(),
  };
}

export type Services = ReturnType<typeof createServices>;
