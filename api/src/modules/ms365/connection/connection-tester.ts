import {
  FEATURES,
  message,
  missingScopes,
  type ConnectionCheck,
  type ConnectionTestResult,
  type FeatureSettings,
  type Message,
  type MessageCodeOf,
} from '@ecm365/shared';
import { MicrosoftRequestError, type GraphGateway } from '../../../adapters/microsoft/index.js';
import type { Clock } from '../../../support/clock.js';
import { withRetries } from '../../../support/retry.js';
import { ImportProbeError, type ImportProbe } from '../../invoice-import/import-probe.js';
import type { InvoiceImportSettingsRow } from '../../invoice-import/invoice-import.tables.js';
import type { ConnectionTokens } from './connection-tokens.js';
import type { FeatureService } from '../features/feature.service.js';
import {
  classifyMicrosoftFailure,
  reportServiceConfiguration,
  type FailureKind,
  type LogError,
  type MicrosoftFailure,
} from '../../../adapters/microsoft/microsoft-failure.js';
import { MICROSOFT_RETRY_POLICY, microsoftRetryDecision } from '../microsoft-retry.js';
import { hintFields, textFields } from '../../../messages/texts.js';
import { ImportProbeMemo } from './import-probe-memo.js';
import type { ConnectionRow } from '../ms365.tables.js';

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
const isTemporary = (error: unknown) => kindOf(error) === 'temporarily_unavailable';

/** A check's result as codes (the texts are in the catalogue, messages/), with the German rendering stored. */
function check(
  id: string,
  ok: boolean,
  text: Message<MessageCodeOf<'check'>>,
  hint?: Message<MessageCodeOf<'hint'>>,
): ConnectionCheck {
  return { id, ok, ...textFields(text), ...(hint ? hintFields(hint) : {}) };
}

const REAUTH = message('hint.reauth');
const TEMPORARY = message('hint.temporary');

function tokenCheck(kind: FailureKind): ConnectionCheck {
  switch (kind) {
    case 'needs_reauth':
    case 'consent_required':
    case 'wrong_account_type':
      return check('token', false, message('check.token_reauth'), REAUTH);
    case 'temporarily_unavailable':
      return check('token', false, message('check.token_temporary'), TEMPORARY);
    case 'service_configuration':
      return check('token', false, message('check.token_configuration'), message('hint.configuration'));
    default:
      return check('token', false, message('check.token_unknown'), REAUTH);
  }
}

/**
 * The connection test (SPEC §5): a token (refreshing when needed), then who is connected (`GET /me`), then each
 * enabled feature's probe. Temporary Microsoft failures are retried within a bound; what still fails becomes a
 * failing check with a hint, never a hung request.
 */
export class ConnectionTester {
  constructor(
    private readonly tokens: ConnectionTokens,
    private readonly graph: GraphGateway,
    private readonly features: FeatureService,
    private readonly clock: Clock,
    private readonly logError: LogError,
    /** The invoice import's own calls (delta, child folders), run after the Inbox opened. */
    private readonly importProbe?: ImportProbe,
    /** Import probes that passed lately (see ImportProbeMemo); forget a tenant's when its settings change. */
    readonly probeMemo = new ImportProbeMemo(),
  ) {}

  /** `features`: the tenant's settings when the caller has them already (else read here). */
  async run(
    connection: ConnectionRow,
    options: {
      forceRefresh?: boolean;
      features?: FeatureSettings[];
      /** The invoice import's stored settings when the caller has them (null: none stored); else the probe reads them. */
      importSettings?: InvoiceImportSettingsRow | null;
    } = {},
  ): Promise<TestOutcome> {
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
      checks.push(check('token', true, message('check.token_ok')));
    } catch (error) {
      const kind = kindOf(error);
      if (kind === 'service_configuration') reportServiceConfiguration(microsoftFailureOf(error), this.logError);
      noteTemporary(error);
      checks.push(tokenCheck(kind));
      const reauth = ['needs_reauth', 'consent_required', 'wrong_account_type'].includes(kind);
      return this.outcome(checks, reauth ? 'needs_reauth' : 'error', temporary);
    }

    const retried = <T>(call: () => Promise<T>) => withRetries(call, MICROSOFT_RETRY_POLICY, microsoftRetryDecision);
    // Who is connected and each feature's mailbox are independent questions: asked at the same time, a test
    // waits for the longest of them, not for their sum (the checks keep their order).
    const probeFresh = options.forceRefresh ?? false;
    const [profile, ...mailboxes] = await Promise.all([
      this.profileCheck(accessToken, retried, noteTemporary),
      ...(options.features ?? (await this.features.list(connection.tenantId)))
        .filter((feature) => feature.enabled)
        .map((feature) =>
          this.mailboxCheck(connection, accessToken, feature.mailbox, retried, noteTemporary, {
            fresh: probeFresh,
            settings: options.importSettings,
          }),
        ),
    ]);
    checks.push(profile, ...mailboxes);
    return this.outcome(checks, checks.every((check) => check.ok) ? 'connected' : 'error', temporary);
  }

  private async profileCheck(
    accessToken: string,
    retried: <T>(call: () => Promise<T>) => Promise<T>,
    noteTemporary: (error: unknown) => void,
  ): Promise<ConnectionCheck> {
    try {
      const me = await retried(() => this.graph.me(accessToken));
      return check('profile', true, message('check.profile_ok', { name: me.displayName, upn: me.userPrincipalName }));
    } catch (error) {
      noteTemporary(error);
      return kindOf(error) === 'temporarily_unavailable'
        ? check('profile', false, message('check.token_temporary'), TEMPORARY)
        : check('profile', false, message('check.profile_failed'), REAUTH);
    }
  }

  private async mailboxCheck(
    connection: ConnectionRow,
    accessToken: string,
    mailbox: string | null,
    retried: <T>(call: () => Promise<T>) => Promise<T>,
    noteTemporary: (error: unknown) => void,
    probe: { fresh: boolean; settings: InvoiceImportSettingsRow | null | undefined },
  ): Promise<ConnectionCheck> {
    const id = 'invoice-mail-import.mailbox';
    if (!mailbox) {
      return check(id, false, message('check.mailbox_not_configured'), message('hint.mailbox_not_configured'));
    }
    // Microsoft may write the grant resource-qualified and in any case: compared the one way the portal shows it.
    if (missingScopes(connection.scopes, FEATURES['invoice-mail-import'].scopes).length > 0) {
      return check(id, false, message('check.mailbox_missing_scope', { mailbox }), message('hint.missing_scope'));
    }
    const openInbox = () => retried(() => this.graph.inbox(accessToken, mailbox));
    try {
      if (this.importProbe && (probe.fresh || !this.probeMemo.hasPassed(connection, mailbox))) {
        // The probe's delta query reads the Inbox: when it answers, the Inbox opened, and opening it first cost one
        // more request per test (every health check, issue 13). Only a delta Microsoft refuses asks for the Inbox,
        // to tell a mailbox that does not open from one whose delta alone is refused (notes §1).
        await this.importProbe(connection.tenantId, accessToken, mailbox, retried, probe.settings).catch(
          async (caught: unknown) => {
            if (caught instanceof ImportProbeError && caught.stage === 'delta' && !isTemporary(caught.failure)) {
              await openInbox();
            }
            throw caught;
          },
        );
        this.probeMemo.recordPass(connection, mailbox);
      } else {
        await openInbox();
      }
      return check(id, true, message('check.mailbox_ok', { mailbox }));
    } catch (caught) {
      const error = caught instanceof ImportProbeError ? caught.failure : caught;
      if (caught instanceof ImportProbeError && kindOf(error) !== 'temporarily_unavailable') {
        const code = caught.stage === 'delta' ? 'check.import_delta_denied' : 'check.import_folders_denied';
        return check(id, false, message(code, { mailbox }), message('hint.mailbox_access'));
      }
      const status = microsoftFailureOf(error).httpStatus;
      if (status === 403 || status === 404) {
        const denied = message('check.mailbox_denied', { upn: connection.accountUsername, mailbox });
        return check(id, false, denied, message('hint.mailbox_access'));
      }
      noteTemporary(error);
      return check(id, false, message('check.token_temporary'), TEMPORARY);
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
