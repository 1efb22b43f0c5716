import { randomUUID } from 'node:crypto';

/**
 * Errors of the identity platform, shaped like Entra ID's: an OAuth `error`, a numeric AADSTS code and an English
 * description. Correlation and trace ids are added when the error is rendered (JSON, redirect or error page).
 */
export class EntraError extends Error {
  constructor(
    /** OAuth error, e.g. `invalid_grant`. */
    readonly error: string,
    /** AADSTS number, e.g. 70008. */
    readonly code: number,
    message: string,
    readonly options: { status?: number; suberror?: string; errorSubcode?: string } = {},
  ) {
    super(message);
    this.name = 'EntraError';
  }

  get status(): number {
    return this.options.status ?? 400;
  }
}

export interface ErrorContext {
  origin: string;
  correlationId: string;
}

/** Entra's timestamp style: "2024-09-01 12:34:56Z". */
export function entraTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** msal sends `client-request-id` (header on /token, query on /authorize); Entra echoes it as correlation id. */
export function correlationIdFrom(candidate: unknown): string {
  return typeof candidate === 'string' && GUID.test(candidate) ? candidate.toLowerCase() : randomUUID();
}

export interface RenderedEntraError {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

export function renderEntraError(err: EntraError, context: ErrorContext): RenderedEntraError {
  const timestamp = entraTimestamp();
  const traceId = randomUUID();
  const body: RenderedEntraError = {
    error: err.error,
    error_description:
      `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${traceId}\r\n` +
      `Correlation ID: ${context.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: traceId,
    correlation_id: context.correlationId,
    error_uri: `${context.origin}/error?code=${err.code}`,
  };
  if (err.options.suberror) body.suberror = err.options.suberror;
  return body;
}

/** "The request body must contain the following parameter: 'x'." (AADSTS900144) */
export function missingParameter(name: string): EntraError {
  return new EntraError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

export function malformedRequest(): EntraError {
  return new EntraError('invalid_request', 9002313, 'Invalid request. Request is malformed or invalid.');
}

export function unknownTenant(tenant: string): EntraError {
  return new EntraError(
    'invalid_tenant',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the ` +
      'correct cloud. Check with your subscription administrator, this may happen if there are no active ' +
      'subscriptions for the tenant.',
  );
}

export function unknownClient(clientId: string, tenantLabel: string): EntraError {
  return new EntraError(
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenantLabel}'. This can happen ` +
      'if the application has not been installed by the administrator of the tenant or consented to by any user ' +
      'in the tenant. You may have sent your authentication request to the wrong tenant.',
  );
}
