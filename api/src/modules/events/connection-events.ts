import { FEATURES, type ConnectionStatusValue, type ConnectionTestTrigger, type FeatureSettings } from '@ecm365/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TestOutcome } from '../ms365/connection/connection-tester.js';
import { queueSupportMails, type SupportMailFacts } from '../notifications/support-mail.js';
import { appendEvent, appendEvents, type NewEvent } from './append-event.js';

/** What the connection's events report about it; the row fields of ms365_connections by another name. */
export interface ConnectionFacts {
  tenantId: string;
  status: Exclude<ConnectionStatusValue, 'not_connected'>;
  accountUsername: string;
  accountDisplayName: string;
  microsoftTenantId: string;
  scopes: string[];
  connectedAt: Date;
  connectedBy: string;
}

const accountOf = (connection: ConnectionFacts) => ({
  username: connection.accountUsername,
  displayName: connection.accountDisplayName,
  microsoftTenantId: connection.microsoftTenantId,
});

/** `ms365.connection.connected`, in the redemption's transaction. */
export async function recordConnected(trx: Transaction<Database>, connection: ConnectionFacts): Promise<void> {
  await appendEvent(trx, {
    tenantId: connection.tenantId,
    type: 'ms365.connection.connected',
    data: {
      account: accountOf(connection),
      scopes: connection.scopes,
      connectedBy: connection.connectedBy,
      connectedAt: connection.connectedAt.toISOString(),
    },
    at: connection.connectedAt,
  });
}

/** A test result to report, with the stored connection as it was before it (read under lock). */
export interface TestOutcomeInput {
  before: ConnectionFacts;
  outcome: TestOutcome;
  trigger: ConnectionTestTrigger;
  features: FeatureSettings[];
  at: Date;
  /** The set-up's support mail was queued already (read under the same lock): not queued again. */
  supportMailQueued?: boolean;
}

/**
 * In the transaction that stores test results (one on request, a page of the health monitor's):
 * `ms365.connection.tested` always; `needs_reauth` / `error` only when the status changes to it (a connection failing
 * every check for a week reports it once); and the support mail when the set-up passes with a feature enabled. All
 * events in one statement, all support mails in another, whatever the page's size (issue 13). Answers, for each
 * tenant whose passing test asked for a support mail not queued before, whether this call queued it (false: another
 * transaction did meanwhile).
 */
export async function recordTestOutcomes(
  trx: Transaction<Database>,
  inputs: readonly TestOutcomeInput[],
): Promise<Map<string, boolean>> {
  const events: NewEvent[] = [];
  const mails: Array<{ tenantId: string; facts: SupportMailFacts; at: Date }> = [];
  for (const input of inputs) {
    const { before, outcome, at } = input;
    const tenantId = before.tenantId;
    const connectedAt = before.connectedAt.toISOString();
    events.push({
      tenantId,
      type: 'ms365.connection.tested',
      data: {
        connectedAt,
        trigger: input.trigger,
        status: outcome.status,
        previousStatus: before.status,
        result: outcome.result,
      },
      at,
    });
    if (outcome.status !== 'connected' && outcome.status !== before.status) {
      const failed = outcome.result.checks.find((check) => !check.ok);
      events.push({
        tenantId,
        type: outcome.status === 'needs_reauth' ? 'ms365.connection.needs_reauth' : 'ms365.connection.error',
        data: {
          connectedAt,
          status: outcome.status,
          previousStatus: before.status,
          reason: failed?.id ?? 'unknown',
          message: failed?.message ?? '',
          ...(failed?.code ? { code: failed.code, params: failed.params ?? {} } : {}),
          ...(failed?.hint ? { hint: failed.hint } : {}),
          ...(failed?.hintCode ? { hintCode: failed.hintCode, hintParams: failed.hintParams ?? {} } : {}),
        },
        at,
      });
    }
    const enabled = input.features.filter((feature) => feature.enabled);
    if (outcome.result.ok && enabled.length > 0 && !input.supportMailQueued) {
      mails.push({
        tenantId,
        facts: {
          connectedAt,
          connectedBy: before.connectedBy,
          account: accountOf(before),
          features: enabled.map((feature) => ({
            id: feature.id,
            title: FEATURES[feature.id].title.de,
            mailbox: feature.mailbox,
          })),
          test: outcome.result,
        },
        at,
      });
    }
  }
  await appendEvents(trx, events);
  const queued = mails.length > 0 ? await queueSupportMails(trx, mails) : new Set<string>();
  return new Map(mails.map((mail) => [mail.tenantId, queued.has(mail.tenantId)]));
}

/** `ms365.connection.deleted`, in the disconnect's transaction (customer or ops). */
export async function recordDeleted(
  trx: Transaction<Database>,
  connection: ConnectionFacts,
  deletedBy: string,
  at: Date,
): Promise<void> {
  await appendEvent(trx, {
    tenantId: connection.tenantId,
    type: 'ms365.connection.deleted',
    data: { deletedBy, connectedAt: connection.connectedAt.toISOString(), account: connection.accountUsername },
    at,
  });
}
