import { FEATURES, missingScopes, type ConnectionCheck, type ConnectionTestResult } from '@ecm365/shared';
import { MicrosoftRequestError, type GraphGateway } from '../../adapters/microsoft/index.js';
import type { Clock } from '../../support/clock.js';
import { withRetries } from '../../support/retry.js';
import type { ConnectionTokens } from './connection-tokens.js';
import type { FeatureService } from './feature.service.js';
import {
  classifyMicrosoftFailure,
  reportServiceConfiguration,
  type FailureKind,
  type LogError,
  type MicrosoftFailure,
} from '../../adapters/microsoft/microsoft-failure.js';
import { MICROSOFT_RETRY_POLICY, microsoftRetryDecision } from './microsoft-retry.js';
import { CHECK_MESSAGES, MAILBOX_ACCESS_HINT, REAUTH_HINT } from './ms365-messages.js';
import type { ConnectionRow } from './ms365.tables.js';

export interface TestOutcome {
  result: ConnectionTestResult;
  status: 'connected' | 'needs_reauth' | 'error';
  /** Set when a check failed only because Microsoft was throttling or unavailable: worth trying again soon. */
  temporary?: { retryAfterSeconds: number | undefined };
}

/**
 * Microsoft's failure behind an error. Only Microsoft's failures become failing checks: anything else (the
 * database, the key ring, a bug) says nothing about the connection and is thrown on, to the error handler or the
 * job queue, instead of being recorded as a broken connection.
 */
function microsoftFailureOf(error: unknown): MicrosoftFailure {
  if (!(error instanceof MicrosoftRequestError)) throw error;
  return error.failure;
}

const kindOf = (error: unknown): FailureKind => classifyMicrosoftFailure(microsoftFailureOf(error));

function tokenCheck(kind: FailureKind): ConnectionCheck {
  switch (kind) {
    case 'needs_reauth':
    case 'consent_required':
    case 'wrong_account_type':
      return { id: 'token', ok: false, message: CHECK_MESSAGES.tokenReauth, hint: REAUTH_HINT };
    case 'temporarily_unavailable':
      return {
        id: 'token',
        ok: false,
        message: CHECK_MESSAGES.tokenTemporary,
        hint: CHECK_MESSAGES.tokenTemporaryHint,
      };
    case 'service_configuration':
      return {
        id: 'token',
        ok: false,
        message: CHECK_MESSAGES.tokenConfiguration,
        hint: CHECK_MESSAGES.tokenConfigurationHint,
      };
    default:
      return { id: 'token', ok: false, message: CHECK_MESSAGES.tokenUnknown, hint: REAUTH_HINT };
  }
}

/**
 * The connection test (SPEC §5): a token (refreshing when needed), then who is connected (`GET /me`), then each
 * enabled feature's probe. Temporary Microsoft failures are retried within a bound; what still fails becomes a
 * failing check with a German hint, never a hung request.
 */
export class ConnectionTester {
  constructor(
    private readonly tokens: ConnectionTokens,
    private readonly graph: GraphGateway,
    private readonly features: FeatureService,
    private readonly clock: Clock,
    private readonly logError: LogError,
  ) {}

  async run(connection: ConnectionRow, options: { forceRefresh?: boolean } = {}): Promise<TestOutcome> {
    const checks: ConnectionCheck[] = [];
    let temporary: TestOutcome['temporary'];
    const noteTemporary = (error: unknown) => {
      if (kindOf(error) !== 'temporarily_unavailable') return;
      const retryAfterSeconds = microsoftFailureOf(error).retryAfterSeconds;
      temporary = {
        retryAfterSeconds: Math.max(retryAfterSeconds ?? 0, temporary?.retryAfterSeconds ?? 0) || undefined,
      };
    };
    let accessToken: string;
    try {
      accessToken = (await this.tokens.accessToken(connection, options)).accessToken;
      checks.push({ id: 'token', ok: true, message: CHECK_MESSAGES.tokenOk });
    } catch (error) {
      const kind = kindOf(error);
      if (kind === 'service_configuration') reportServiceConfiguration(microsoftFailureOf(error), this.logError);
      noteTemporary(error);
      checks.push(tokenCheck(kind));
      const reauth = ['needs_reauth', 'consent_required', 'wrong_account_type'].includes(kind);
      return this.outcome(checks, reauth ? 'needs_reauth' : 'error', temporary);
    }

    const retried = <T>(call: () => Promise<T>) => withRetries(call, MICROSOFT_RETRY_POLICY, microsoftRetryDecision);
    try {
      const me = await retried(() => this.graph.me(accessToken));
      checks.push({ id: 'profile', ok: true, message: CHECK_MESSAGES.profileOk(me.displayName, me.userPrincipalName) });
    } catch (error) {
      noteTemporary(error);
      const passing = kindOf(error) === 'temporarily_unavailable';
      checks.push({
        id: 'profile',
        ok: false,
        message: passing ? CHECK_MESSAGES.tokenTemporary : CHECK_MESSAGES.profileFailed,
        hint: passing ? CHECK_MESSAGES.tokenTemporaryHint : REAUTH_HINT,
      });
    }

    for (const feature of await this.features.list(connection.tenantId)) {
      if (!feature.enabled) continue;
      checks.push(await this.mailboxCheck(connection, accessToken, feature.mailbox, retried, noteTemporary));
    }
    return this.outcome(checks, checks.every((check) => check.ok) ? 'connected' : 'error', temporary);
  }

  private async mailboxCheck(
    connection: ConnectionRow,
    accessToken: string,
    mailbox: string | null,
    retried: <T>(call: () => Promise<T>) => Promise<T>,
    noteTemporary: (error: unknown) => void,
  ): Promise<ConnectionCheck> {
    const id = 'invoice-mail-import.mailbox';
    if (!mailbox)
      return {
        id,
        ok: false,
        message: CHECK_MESSAGES.mailboxNotConfigured,
        hint: CHECK_MESSAGES.mailboxNotConfiguredHint,
      };
    // Microsoft may write the grant resource-qualified and in any case: compared the one way the portal shows it.
    if (missingScopes(connection.scopes, FEATURES['invoice-mail-import'].scopes).length > 0) {
      return {
        id,
        ok: false,
        message: CHECK_MESSAGES.mailboxMissingScope(mailbox),
        hint: CHECK_MESSAGES.mailboxMissingScopeHint,
      };
    }
    try {
      await retried(() => this.graph.inbox(accessToken, mailbox));
      return { id, ok: true, message: CHECK_MESSAGES.mailboxOk(mailbox) };
    } catch (error) {
      const status = microsoftFailureOf(error).httpStatus;
      if (status === 403 || status === 404) {
        return {
          id,
          ok: false,
          message: CHECK_MESSAGES.mailboxDenied(connection.accountUsername, mailbox),
          hint: MAILBOX_ACCESS_HINT,
        };
      }
      noteTemporary(error);
      return { id, ok: false, message: CHECK_MESSAGES.tokenTemporary, hint: CHECK_MESSAGES.tokenTemporaryHint };
    }
  }

  private outcome(
    checks: ConnectionCheck[],
    status: TestOutcome['status'],
    temporary: TestOutcome['temporary'],
  ): TestOutcome {
    return {
      status,
      result: { ok: checks.every((check) => check.ok), testedAt: this.clock.now().toISOString(), checks },
      ...(temporary && status === 'error' ? { temporary } : {}),
    };
  }
}
