import type { Config } from './config/config.js';
import type { Db } from './db/database.js';
import { AuditLog } from './modules/audit/audit-log.js';
import { AuthService } from './modules/auth/auth.service.js';
import type { EloAuthenticator } from './modules/auth/elo-authenticator.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { SessionService } from './modules/sessions/session.service.js';
import { systemClock, type Clock } from './support/clock.js';

export interface ServiceDependencies {
  config: Config;
  db: Db;
  elo: EloAuthenticator;
  clock?: Clock;
}

/** The composition root: every domain service, wired once, shared by the HTTP app and background jobs. */
export function createServices(deps: ServiceDependencies) {
  const { config, db, elo } = deps;
  const clock = deps.clock ?? systemClock;
  const hostRules = { baseDomain: config.baseDomain, defaultTenant: config.defaultTenant };
  const audit = new AuditLog(db);
  const sessions = new SessionService(db, clock, config.session);
  const throttle = new LoginThrottle(db, clock, config.loginLimits);
  const auth = new AuthService({ db, clock, elo, sessions, throttle, audit, hostRules });
  return { config, db, clock, hostRules, audit, sessions, throttle, auth };
}

export type Services = ReturnType<typeof createServices>;
