import { ControlInputError } from './control-input-error.js';
import type { Directory } from './directory.js';
import { createMailControls } from './mail-controls.js';
import type { MailStore } from './mail-store.js';
import type { EmulatorState } from './state.js';
import type { FailNextOptions, FaultTarget, MicrosoftEmulatorControls, TokenLifetimes } from './types.js';

export { ControlInputError };

const FAULT_STATUSES = [429, 500, 502, 503, 504];
const TARGETS: readonly FaultTarget[] = ['graph', 'token'];
const MAX_SECONDS = 10 * 365 * 24 * 3600;

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ControlInputError(message);
}

function checkSeconds(value: number | undefined, name: string, min: number): void {
  check(
    value === undefined || (Number.isInteger(value) && value >= min && value <= MAX_SECONDS),
    `${name} must be an integer between ${min} and ${MAX_SECONDS}`,
  );
}

/** The controls of token-controls.ts (what tokens look like); the rest are here. */
type StateControls = Omit<MicrosoftEmulatorControls, 'tamperIdTokens' | 'setScopeStyle' | 'rotateSigningKey'>;

/** The knobs tests and the demo turn, operating on the emulator's in-memory state. */
export function createControls(state: EmulatorState, directory: Directory, mail: MailStore): StateControls {
  const account = (upn: string) => {
    const found = typeof upn === 'string' ? directory.findAccount(upn) : undefined;
    check(found !== undefined, `unknown account '${String(upn)}'`);
    return found;
  };
  const knownTenant = (tenantId: string): string => {
    const id = typeof tenantId === 'string' ? tenantId.toLowerCase() : '';
    check(directory.tenantIds().includes(id), `unknown tenant '${String(tenantId)}'`);
    return id;
  };
  const knownClient = (clientId: string): string => {
    check(
      typeof clientId === 'string' && directory.findClient(clientId) !== undefined,
      `unknown client '${String(clientId)}'`,
    );
    return clientId;
  };
  const toggle = (set: Set<string>, key: string, on: boolean): void => {
    check(typeof on === 'boolean', 'expected a boolean flag');
    if (on) set.add(key);
    else set.delete(key);
  };

  return {
    revokeRefreshTokens(upn) {
      state.revokeRefreshTokensOf(account(upn).upn);
    },
    issueRefreshTokens(like, count) {
      check(Number.isInteger(count) && count >= 1 && count <= 10_000, 'count must be an integer between 1 and 10000');
      const tokens = typeof like === 'string' ? state.issueRefreshTokensLike(like, count) : undefined;
      check(tokens !== undefined, 'like must be an active refresh token');
      return tokens;
    },
    requireAdminConsent(tenantId, required) {
      toggle(state.settings.adminConsentRequired, knownTenant(tenantId), required);
    },
    setAdminConsentGranted(tenantId, clientId, granted) {
      toggle(state.settings.adminConsentGranted, `${knownTenant(tenantId)}|${knownClient(clientId)}`, granted);
    },
    requireInteraction(upn, required) {
      toggle(state.settings.interactionRequired, account(upn).upn.toLowerCase(), required);
    },
    setTokenLifetimes(lifetimes: TokenLifetimes) {
      checkSeconds(lifetimes.accessTokenSeconds, 'accessTokenSeconds', 1);
      checkSeconds(lifetimes.refreshTokenSeconds, 'refreshTokenSeconds', 0);
      checkSeconds(lifetimes.authCodeSeconds, 'authCodeSeconds', 0);
      const current = state.settings.lifetimes;
      state.settings.lifetimes = {
        accessTokenSeconds: lifetimes.accessTokenSeconds ?? current.accessTokenSeconds,
        refreshTokenSeconds: lifetimes.refreshTokenSeconds ?? current.refreshTokenSeconds,
        authCodeSeconds: lifetimes.authCodeSeconds ?? current.authCodeSeconds,
      };
    },
    expireClientSecret(clientId, expired) {
      toggle(state.settings.expiredSecrets, knownClient(clientId), expired);
    },
    failNext(options: FailNextOptions) {
      check(TARGETS.includes(options.target), "target must be 'graph' or 'token'");
      check(FAULT_STATUSES.includes(options.status), `status must be one of ${FAULT_STATUSES.join(', ')}`);
      checkSeconds(options.retryAfterSeconds, 'retryAfterSeconds', 0);
      const times = options.times ?? 1;
      check(Number.isInteger(times) && times >= 1 && times <= 1000, 'times must be an integer between 1 and 1000');
      check(
        options.path === undefined || (typeof options.path === 'string' && options.path.startsWith('/')),
        "path must start with '/'",
      );
      check(
        options.afterEffect === undefined || typeof options.afterEffect === 'boolean',
        'afterEffect must be a boolean',
      );
      check(!options.afterEffect || options.target === 'graph', "afterEffect needs target 'graph'");
      state.settings.faults.push({
        target: options.target,
        status: options.status,
        retryAfterSeconds: options.retryAfterSeconds,
        remaining: times,
        path: options.path,
        afterEffect: options.afterEffect,
      });
    },
    setLatency({ target, ms }) {
      check(TARGETS.includes(target), "target must be 'graph' or 'token'");
      check(Number.isInteger(ms) && ms >= 0 && ms <= 120_000, 'ms must be an integer between 0 and 120000');
      state.settings.latencyMs[target] = ms;
    },
    setMailboxAccess(upn, mailbox, allowed) {
      const key = account(upn).upn.toLowerCase();
      const target = typeof mailbox === 'string' ? directory.findMailbox(mailbox) : undefined;
      check(target !== undefined, `unknown mailbox '${String(mailbox)}'`);
      const access = state.settings.mailboxAccess.get(key) ?? new Set<string>();
      state.settings.mailboxAccess.set(key, access);
      toggle(access, target.address, allowed);
    },
    stats: () => state.stats(),
    reset: () => {
      state.reset();
      mail.reset();
    },
    ...createMailControls(mail, directory),
  };
}
