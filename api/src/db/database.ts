import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { usePreparedStatements } from './prepared-statements.js';
import type { ApiTokensTable } from '../modules/api-tokens/api-token.table.js';
import type { AuditEventsTable } from '../modules/audit/audit.table.js';
import type { ThrottleCountersTable } from '../modules/throttle/throttle-counter.table.js';
import type {
  Ms365AdminConsentsTable,
  Ms365AttemptsTable,
  Ms365ConnectionsTable,
  TenantFeaturesTable,
} from '../modules/ms365/ms365.tables.js';
import type { SessionsTable } from '../modules/sessions/session.table.js';
import type { EventSequencesTable, OutboxEventsTable } from '../modules/events/events.table.js';
import type { NotificationMailsTable, NotificationSettingsTable } from '../modules/notifications/notification.table.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../modules/webhooks/webhook.table.js';
import type { EloServiceAccountsTable } from '../modules/tenants/elo-service-account.table.js';
import type { TenantsTable } from '../modules/tenants/tenant.table.js';
import type {
  InvoiceImportDocumentsTable,
  InvoiceImportMailboxesTable,
  InvoiceImportMessagesTable,
  InvoiceImportSettingsTable,
} from '../modules/invoice-import/invoice-import.tables.js';

/** The whole schema as Kysely sees it (columns camelCase here, snake_case in Postgres). */
export interface Database {
  tenants: TenantsTable;
  sessions: SessionsTable;
  auditEvents: AuditEventsTable;
  throttleCounters: ThrottleCountersTable;
  ms365Attempts: Ms365AttemptsTable;
  ms365Connections: Ms365ConnectionsTable;
  ms365AdminConsents: Ms365AdminConsentsTable;
  tenantFeatures: TenantFeaturesTable;
  apiTokens: ApiTokensTable;
  eventSequences: EventSequencesTable;
  outboxEvents: OutboxEventsTable;
  webhooks: WebhooksTable;
  webhookDeliveries: WebhookDeliveriesTable;
  notificationSettings: NotificationSettingsTable;
  notificationMails: NotificationMailsTable;
  eloServiceAccounts: EloServiceAccountsTable;
  invoiceImportSettings: InvoiceImportSettingsTable;
  invoiceImportMailboxes: InvoiceImportMailboxesTable;
  invoiceImportMessages: InvoiceImportMessagesTable;
  invoiceImportDocuments: InvoiceImportDocumentsTable;
}

export type Db = Kysely<Database>;

const PG_DATE_OID = 1082;

/** Dates stay `YYYY-MM-DD` strings: parsing them into a local-midnight Date shifts them across time zones. */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_DATE_OID
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(
  connectionString: string,
  options: { poolSize?: number; preparedStatements?: boolean } = {},
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    types: typeParsers,
    // Fail fast when the server is away instead of queueing requests behind a hanging connect.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30000,
  });
  // An idle client losing its server (restart, network) emits 'error' on the pool; without a listener that
  // would crash the process. The next query simply gets a fresh connection.
  pool.on('error', () => {});
  // Named statements for the hot lookups (prepared-statements.ts); off for the embedded database.
  if (options.preparedStatements ?? true) pool.on('connect', usePreparedStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, pool, close: () => db.destroy() };
}
