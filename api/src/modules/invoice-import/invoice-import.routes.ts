import {
  ImportAccepted,
  ImportMessageIdParams,
  ImportMessagesQuery,
  ImportMessagesResponse,
  InvoiceMailImportRequest,
  InvoiceMailImportResponse,
} from '@ecm365/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf, type RequestAuth } from '../../http/request-auth.js';
import { SECURITY } from '../../http/openapi.js';
import { requiresScope } from '../../http/route-scope.js';
import { rejectBody } from '../../http/schemas.js';
import { requestLocale } from '../../messages/request-locale.js';
import { localizedMessages, localizedState } from './import-messages.js';
import type { InvoiceImportService } from './invoice-import.service.js';

export interface InvoiceImportRoutesOptions {
  imports: InvoiceImportService;
  requestAuth: RequestAuth;
}

const BASE = '/ms365/features/invoice-mail-import';

/**
 * The API validates without type coercion; a query string's `limit` is text, so it becomes a number here when it
 * is one (anything else stays text and is refused by the schema).
 */
async function numericLimit(request: { query: unknown }): Promise<void> {
  const query = request.query as Record<string, unknown>;
  if (typeof query.limit === 'string' && /^\d{1,4}$/.test(query.limit)) query.limit = Number(query.limit);
}

/** „Rechnungs-Import via E-Mail“ (SPEC §9): settings and state, activity, „Jetzt prüfen“, „Erneut versuchen“. */
export const invoiceImportRoutes: FastifyPluginAsyncTypebox<InvoiceImportRoutesOptions> = async (
  app,
  { imports, requestAuth },
) => {
  const guarded = { onRequest: [requestAuth.authenticate, requestAuth.requireMs365Access] };
  const schema = { tags: ['ms365'], security: SECURITY.sessionOrToken };

  app.get(
    BASE,
    {
      ...guarded,
      config: requiresScope('ms365:read'),
      schema: {
        ...schema,
        operationId: 'getInvoiceMailImport',
        errors: ['access_denied'],
        summary: 'Settings and state of "Rechnungs-Import via E-Mail"',
        response: { 200: InvoiceMailImportResponse },
      },
    },
    async (request) => localizedState(await imports.get(principalOf(request).tenant.id), requestLocale(request)),
  );

  app.put(
    BASE,
    {
      ...guarded,
      config: requiresScope('ms365:write'),
      schema: {
        ...schema,
        operationId: 'setInvoiceMailImport',
        errors: ['validation_failed', 'access_denied'],
        summary: 'Settings of "Rechnungs-Import via E-Mail" (members left out keep their value)',
        body: InvoiceMailImportRequest,
        response: { 200: InvoiceMailImportResponse },
      },
    },
    async (request) =>
      localizedState(await imports.put(principalOf(request), request.body, request.ip), requestLocale(request)),
  );

  app.get(
    `${BASE}/messages`,
    {
      preValidation: numericLimit,
      ...guarded,
      config: requiresScope('imports:read'),
      schema: {
        ...schema,
        operationId: 'listInvoiceImportMessages',
        errors: ['validation_failed', 'access_denied'],
        summary: 'The activity list: imported, failed, skipped and pending mails, newest first',
        querystring: ImportMessagesQuery,
        response: { 200: ImportMessagesResponse },
      },
    },
    async (request) =>
      localizedMessages(await imports.messages(principalOf(request).tenant.id, request.query), requestLocale(request)),
  );

  app.post(
    `${BASE}/run`,
    {
      preValidation: rejectBody,
      ...guarded,
      config: requiresScope('imports:write'),
      schema: {
        ...schema,
        operationId: 'runInvoiceImport',
        errors: ['import_disabled', 'access_denied'],
        summary: '„Jetzt prüfen“: run a round now (coalesced with one under way)',
        response: { 202: ImportAccepted },
      },
    },
    async (request, reply) => {
      await imports.run(principalOf(request).tenant.id);
      return reply.code(202).send({ accepted: true });
    },
  );

  app.post(
    `${BASE}/messages/:id/retry`,
    {
      preValidation: rejectBody,
      ...guarded,
      config: requiresScope('imports:write'),
      schema: {
        ...schema,
        operationId: 'retryInvoiceImportMessage',
        errors: ['not_found', 'import_not_retryable', 'access_denied'],
        summary: '„Erneut versuchen“ for a failed mail',
        params: ImportMessageIdParams,
        response: { 202: ImportAccepted },
      },
    },
    async (request, reply) => {
      await imports.retry(principalOf(request).tenant.id, request.params.id);
      return reply.code(202).send({ accepted: true });
    },
  );
};
