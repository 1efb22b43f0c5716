import type {
  ApiTokenInfo,
  CreateApiTokenRequest,
  CreatedApiToken,
  AttemptResponse,
  CodeResponse,
  ConnectionResponse,
  ConnectionTestResult,
  ConnectResponse,
  ImportMessagesQuery,
  ImportMessagesResponse,
  InvoiceMailImportRequest,
  InvoiceMailImportResponse,
  InvoiceMailImportSettings,
  LoginRequest,
  NotificationSettings,
  RedeemResponse,
  SessionResponse,
  CreatedWebhook,
  CreateWebhookRequest,
  WebhookDelivery,
  WebhookInfo,
} from '@ecm365/shared';
import { http } from './client';

/** The REST API v1 (SPEC §3), typed against the shared contract. */
export const authApi = {
  login: (body: LoginRequest) => http.post<SessionResponse>('/auth/login', body, { expectUnauthorized: true }),
  logout: () => http.post<void>('/auth/logout', undefined, { expectUnauthorized: true }),
  session: () => http.get<SessionResponse>('/auth/session', { expectUnauthorized: true }),
};

const attemptPath = (attemptId: string) => `/ms365/connect/${encodeURIComponent(attemptId)}`;

export const ms365Api = {
  connect: () => http.post<ConnectResponse>('/ms365/connect'),
  attempt: (attemptId: string) => http.get<AttemptResponse>(attemptPath(attemptId)),
  code: (attemptId: string) => http.get<CodeResponse>(`${attemptPath(attemptId)}/code`),
  redeem: (code: string) => http.post<RedeemResponse>('/ms365/connection', { code }),
  connection: () => http.get<ConnectionResponse>('/ms365/connection'),
  test: () => http.post<ConnectionTestResult>('/ms365/connection/test'),
  disconnect: () => http.delete('/ms365/connection'),
};

const invoiceImportPath = '/ms365/features/invoice-mail-import';

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** „Rechnungs-Import via E-Mail“ (SPEC §9): settings plus state, the activity list, a round now, a retry. */
export const invoiceImportApi = {
  get: () => http.get<InvoiceMailImportResponse>(invoiceImportPath),
  save: (body: InvoiceMailImportRequest) => http.put<InvoiceMailImportSettings>(invoiceImportPath, body),
  messages: (params: ImportMessagesQuery = {}) =>
    http.get<ImportMessagesResponse>(`${invoiceImportPath}/messages${query(params)}`),
  run: () => http.post<void>(`${invoiceImportPath}/run`),
  retry: (id: string) => http.post<void>(`${invoiceImportPath}/messages/${encodeURIComponent(id)}/retry`),
};

const webhookPath = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

export const webhooksApi = {
  list: () => http.get<WebhookInfo[]>('/webhooks'),
  create: (body: CreateWebhookRequest) => http.post<CreatedWebhook>('/webhooks', body),
  remove: (id: string) => http.delete(webhookPath(id)),
  deliveries: (id: string) => http.get<WebhookDelivery[]>(`${webhookPath(id)}/deliveries`),
  test: (id: string) => http.post<WebhookDelivery>(`${webhookPath(id)}/test`),
};

export const notificationsApi = {
  get: () => http.get<NotificationSettings>('/notifications'),
  set: (email: string | null) => http.put<NotificationSettings>('/notifications', { email }),
};

export const apiTokensApi = {
  list: () => http.get<ApiTokenInfo[]>('/api-tokens'),
  create: (body: CreateApiTokenRequest) => http.post<CreatedApiToken>('/api-tokens', body),
  remove: (id: string) => http.delete(`/api-tokens/${encodeURIComponent(id)}`),
};
