import type { CreateWebhookRequest, InvoiceMailImportRequest, LoginRequest } from '@ecm365/shared';
import { apiCall } from './client';

/** The REST API v1 (SPEC §3) through @ecm365/client: paths and answers typed by the OpenAPI document. */
export const authApi = {
  login: (body: LoginRequest) =>
    apiCall((api) => api.POST('/api/v1/auth/login', { body }), { expectUnauthorized: true }),
  logout: () => apiCall((api) => api.POST('/api/v1/auth/logout', {}), { expectUnauthorized: true }),
  session: () => apiCall((api) => api.GET('/api/v1/auth/session'), { expectUnauthorized: true }),
};

const attempt = (attemptId: string) => ({ params: { path: { attemptId } } });

export const ms365Api = {
  connect: () => apiCall((api) => api.POST('/api/v1/ms365/connect', {})),
  attempt: (attemptId: string) => apiCall((api) => api.GET('/api/v1/ms365/connect/{attemptId}', attempt(attemptId))),
  code: (attemptId: string) => apiCall((api) => api.GET('/api/v1/ms365/connect/{attemptId}/code', attempt(attemptId))),
  redeem: (code: string) => apiCall((api) => api.POST('/api/v1/ms365/connection', { body: { code } })),
  connection: () => apiCall((api) => api.GET('/api/v1/ms365/connection')),
  test: () => apiCall((api) => api.POST('/api/v1/ms365/connection/test', {})),
  disconnect: () => apiCall((api) => api.DELETE('/api/v1/ms365/connection', {})),
  saveInvoiceMailImport: (body: InvoiceMailImportRequest) =>
    apiCall((api) => api.PUT('/api/v1/ms365/features/invoice-mail-import', { body })),
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
