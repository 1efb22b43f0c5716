import { DEFAULT_ELO_FIELDS, type ErrorCode } from '@ecm365/shared';
import { ERROR_CATALOG } from './openapi-errors.js';

const AT = '2026-03-02T09:15:00.000Z';
const LATER = '2026-03-02T09:25:00.000Z';
const SESSION_USER = { id: '42', name: 'Anna Admin' };
const TENANT = { slug: 'acme', name: 'ACME GmbH' };
const ACCESS = { allowed: true, reason: 'group_member', group: 'online.ecm.microsoft365' };
const ACCOUNT = {
  username: 'anna@contoso.example',
  displayName: 'Anna Admin',
  microsoftTenantId: 'b1e7c1a2-0000-4c1d-9a0e-1f2e3d4c5b6a',
};
const CHECKS = [
  { id: 'token', ok: true, message: 'Token is valid.' },
  { id: 'profile', ok: true, message: 'Signed in as anna@contoso.example.' },
];
const TEST = { ok: true, testedAt: AT, checks: CHECKS };
const FEATURE = {
  id: 'invoice-mail-import',
  enabled: true,
  mailbox: 'rechnungen@contoso.example',
  scopes: ['Mail.ReadWrite.Shared'],
};
const CONNECTION = {
  status: 'connected',
  account: ACCOUNT,
  scopes: ['openid', 'profile', 'offline_access', 'User.Read', 'Mail.ReadWrite.Shared'],
  connectedAt: AT,
  connectedBy: 'Anna Admin',
  lastTest: TEST,
  features: [FEATURE],
};
const TOKEN_INFO = {
  id: 'tok_01J9Z4',
  name: 'ERP import',
  scopes: ['ms365:read', 'imports:read'],
  createdAt: AT,
  createdBy: 'Anna Admin',
  lastUsedAt: null,
  expiresAt: '2026-05-31T09:15:00.000Z',
  revokedAt: null,
};
const WEBHOOK = {
  id: 'wh_01J9Z5',
  url: 'https://erp.contoso.example/hooks/ecm365',
  events: ['ms365.connection.needs_reauth'],
  description: 'ERP alerts',
  createdAt: AT,
  createdBy: 'Anna Admin',
};
const DELIVERY = {
  id: 'dlv_01J9Z6',
  eventId: 'evt_01J9Z7',
  eventType: 'webhook.test',
  test: true,
  status: 'delivered',
  attempts: 1,
  createdAt: AT,
  lastAttemptAt: AT,
  nextAttemptAt: null,
  deliveredAt: AT,
  responseStatus: 200,
  durationMs: 84,
  error: null,
};

/**
 * One example per named schema that a route takes or answers, shown by Swagger UI and copied by generators. A
 * test checks each against its schema and that no request body or success response lacks one.
 */
export const SCHEMA_EXAMPLES: Readonly<Record<string, unknown>> = {
  LoginRequest: { username: 'anna', password: 'correct horse battery staple', tenant: 'acme' },
  SessionResponse: { user: SESSION_USER, tenant: TENANT, csrfToken: 'k3P9v0mS2qZ8x1Lr', ms365Access: ACCESS },
  Ms365Access: ACCESS,
  ConnectResponse: {
    attemptId: 'att_7f3c2a',
    connectorUrl: 'https://acme.portal.example/ms365/connector/att_7f3c2a',
    expiresAt: LATER,
  },
  AttemptResponse: {
    attemptId: 'att_7f3c2a',
    status: 'pending',
    expiresAt: LATER,
    authorizeUrl: '/api/v1/ms365/connect/att_7f3c2a/authorize',
  },
  CodeResponse: { code: '0WN6-60E8-1N6G-BYGB-8AT0-6PWG-2W4E', expiresAt: LATER },
  RedeemRequest: { code: '0WN6-60E8-1N6G-BYGB-8AT0-6PWG-2W4E' },
  RedeemResponse: { connection: CONNECTION, test: TEST },
  ConnectionResponse: CONNECTION,
  ConnectionTestResult: TEST,
  ConnectionTestResponse: { ...TEST, connection: { ...CONNECTION, lastCheckedAt: AT } },
  InvoiceMailImportRequest: { enabled: true, mailbox: 'rechnungen@contoso.example' },
  FeatureSettings: FEATURE,
  CreateApiTokenRequest: { name: 'ERP import', scopes: ['ms365:read', 'imports:read'], expiresInDays: 90 },
  CreatedApiToken: { ...TOKEN_INFO, token: 'ecm365_5q2Zp8...' },
  ApiTokenList: [TOKEN_INFO],
  CreateWebhookRequest: {
    url: 'https://erp.contoso.example/hooks/ecm365',
    events: ['ms365.connection.needs_reauth'],
    description: 'ERP alerts',
  },
  CreatedWebhook: { id: 'wh_01J9Z5', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  CurrentApiToken: {
    id: 'tok_01J9Z4',
    name: 'ERP import',
    scopes: ['ms365:token', 'imports:read'],
    tenant: TENANT,
    createdBy: 'Anna Admin',
    expiresAt: '2026-05-31T09:15:00.000Z',
  },
  AccessTokenRequest: { feature: 'invoice-mail-import' },
  AccessTokenResponse: {
    accessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9...',
    tokenType: 'Bearer',
    expiresAt: LATER,
    scopes: ['User.Read', 'Mail.ReadWrite.Shared', 'offline_access'],
    account: ACCOUNT,
  },
  InvoiceMailImportResponse: {
    ...FEATURE,
    eloFolder: '¶Rechnungseingang¶{yyyy}¶{MM}',
    eloMask: 'Rechnung',
    afterImport: 'move',
    importFrom: AT,
    content: 'attachments',
    includeInline: false,
    eloFields: DEFAULT_ELO_FIELDS,
    state: 'running',
    lastRunAt: AT,
    nextRunAt: LATER,
    backlog: 0,
    counts: { imported: 12, failed: 1, skipped: 2 },
    eloMaskUsed: 'Rechnung',
  },
  ImportMessagesResponse: {
    items: [
      {
        id: '0b6f1d2e-7c4a-4e5b-9f10-2a3b4c5d6e7f',
        receivedAt: AT,
        from: 'Muster Lieferant GmbH <rechnung@lieferant.example>',
        subject: 'Rechnung RE-2026-0042',
        state: 'imported',
        documents: [
          {
            name: 'RE-2026-0042.pdf',
            size: 48213,
            kind: 'hybrid_pdf',
            einvoice: { syntax: 'cii', profile: 'EN 16931 (COMFORT)' },
            eloObjId: '4711',
            eloPath: '¶Rechnungseingang¶2026¶03¶RE-2026-0042.pdf',
          },
        ],
        attempts: 1,
      },
    ],
    nextCursor: 'MjAyNi0wMy0wMlQwOToxNTowMC4wMDBa',
  },
  ImportAccepted: { accepted: true },
  WebhookList: [WEBHOOK],
  WebhookDelivery: DELIVERY,
  WebhookDeliveryList: [DELIVERY],
  NotificationSettings: { email: 'it@contoso.example' },
  NotificationSettingsRequest: { email: 'it@contoso.example' },
  WebhookEventEnvelope: {
    id: 'evt_01J9Z7',
    type: 'ms365.connection.needs_reauth',
    timestamp: AT,
    tenant: { slug: 'acme' },
    data: { connectedAt: AT, status: 'needs_reauth', previousStatus: 'connected', reason: 'token', message: '…' },
  },
};

const ERROR_DETAILS: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  validation_failed: {
    issues: [{ location: 'body', path: '/username', problem: 'must NOT have fewer than 1 characters' }],
  },
  too_many_attempts: { retryAfterSeconds: 60 },
  access_denied: { group: 'online.ecm.microsoft365', reason: 'not_member' },
  elo_unavailable: { reason: 'timeout' },
  service_unavailable: { reason: 'database' },
  webhook_url_not_allowed: { reason: 'private_address' },
  webhook_limit_reached: { limit: 20 },
};

/** The example of one error code (components.examples). */
export function errorExample(code: ErrorCode): Record<string, unknown> {
  const details = ERROR_DETAILS[code];
  return {
    summary: ERROR_CATALOG[code].description,
    value: {
      error: {
        code,
        message: ERROR_CATALOG[code].description,
        ...(details ? { details } : {}),
        correlationId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      },
    },
  };
}
