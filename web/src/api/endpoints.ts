import type {
  AttemptResponse,
  ConnectionResponse,
  ConnectionTestResponse,
  CreateApiTokenRequest,
  RedeemResponse,
  CreateWebhookRequest,
  ImportMessagesQuery,
  InvoiceMailImportRequest,
  LoginRequest,
} from '@ecm365/shared';
import { apiCall } from './client';

/** The REST API v1 (SPEC §3) through @ecm365/client: paths and answers typed by the OpenAPI document. */
export const authApi = {
  login: (body: LoginRequest) =>
    apiCall((api) => api.POST('/api/v1/auth/login', { body }), { expectUnauthorized: true }),
  logout: () => apiCall((api) => api.POST('/api/v1/auth/logout', {}), { expectUnauthorized: true }),
  session: () => apiCall((api) => api.GET('/api/v1/auth/session'), { expectUnauthorized: true }),
};

const attempt = (attemptId: string) => ({ params: { path: { attemptId } } });

/**
 * The generated types say `string` where the contract has a closed list of message codes (the document keeps them
 * as a pattern, not an enum of ~90 values); these answers are typed with the contract's own shapes.
 */
const withCodes = <T>(answer: Promise<unknown>) => answer as Promise<T>;

export const ms365Api = {
  connect: () => apiCall((api) => api.POST('/api/v1/ms365/connect', {})),
  attempt: (attemptId: string) =>
    withCodes<AttemptResponse>(apiCall((api) => api.GET('/api/v1/ms365/connect/{attemptId}', attempt(attemptId)))),
  code: (attemptId: string) => apiCall((api) => api.GET('/api/v1/ms365/connect/{attemptId}/code', attempt(attemptId))),
  redeem: (code: string) =>
    withCodes<RedeemResponse>(apiCall((api) => api.POST('/api/v1/ms365/connection', { body: { code } }))),
  connection: () => withCodes<ConnectionResponse>(apiCall((api) => api.GET('/api/v1/ms365/connection'))),
  test: () => withCodes<ConnectionTestResponse>(apiCall((api) => api.POST('/api/v1/ms365/connection/test', {}))),
  disconnect: () => apiCall((api) => api.DELETE('/api/v1/ms365/connection', {})),
};

const importMessage = (id: string) => ({ params: { path: { id } } });

/** „Rechnungs-Import via E-Mail“ (SPEC §9): settings plus state, the activity list, a round now, a retry. */
export const invoiceImportApi = {
  get: () => apiCall((api) => api.GET('/api/v1/ms365/features/invoice-mail-import')),
  save: (body: InvoiceMailImportRequest) =>
    apiCall((api) => api.PUT('/api/v1/ms365/features/invoice-mail-import', { body })),
  messages: (query: ImportMessagesQuery = {}) =>
    apiCall((api) => api.GET('/api/v1/ms365/features/invoice-mail-import/messages', { params: { query } })),
  run: () => apiCall((api) => api.POST('/api/v1/ms365/features/invoice-mail-import/run', {})),
  retry: (id: string) =>
    apiCall((api) => api.POST('/api/v1/ms365/features/invoice-mail-import/messages/{id}/retry', importMessage(id))),
};

const webhook = (id: string) => ({ params: { path: { id } } });

export const webhooksApi = {
  list: () => apiCall((api) => api.GET('/api/v1/webhooks')),
  create: (body: CreateWebhookRequest) => apiCall((api) => api.POST('/api/v1/webhooks', { body })),
  remove: (id: string) => apiCall((api) => api.DELETE('/api/v1/webhooks/{id}', webhook(id))),
  deliveries: (id: string) => apiCall((api) => api.GET('/api/v1/webhooks/{id}/deliveries', webhook(id))),
  test: (id: string) => apiCall((api) => api.POST('/api/v1/webhooks/{id}/test', webhook(id))),
};

export const notificationsApi = {
  get: () => apiCall((api) => api.GET('/api/v1/notifications')),
  set: (email: string | null) => apiCall((api) => api.PUT('/api/v1/notifications', { body: { email } })),
};

const apiToken = (id: string) => ({ params: { path: { id } } });

export const apiTokensApi = {
  list: () => apiCall((api) => api.GET('/api/v1/api-tokens')),
  create: (body: CreateApiTokenRequest) => apiCall((api) => api.POST('/api/v1/api-tokens', { body })),
  remove: (id: string) => apiCall((api) => api.DELETE('/api/v1/api-tokens/{id}', apiToken(id))),
};
