import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '../http/request-id.js';
import { requestLocale } from '../messages/request-locale.js';
import { isDatabaseUnavailable } from './database-availability.js';
import { DomainError, ServiceUnavailableError } from './domain-errors.js';
import { errorBodyOf } from './error-body.js';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function validationError(error: FastifyError): DomainError {
  const issues = (error.validation as ValidationIssue[]).map((issue) => ({
    location: error.validationContext ?? 'body',
    path: issue.instancePath || '/',
    problem: issue.params?.additionalProperty
      ? `unknown field "${String(issue.params.additionalProperty)}"`
      : (issue.message ?? 'invalid'),
  }));
  return new DomainError('validation_failed', 400, 'error.validation_failed', { issues });
}

/** Fastify's own client errors (bad JSON, wrong content type, body too large) in our format. */
function frameworkClientError(error: FastifyError): DomainError | undefined {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  if (status === 413) return new DomainError('payload_too_large', 413, 'error.payload_too_large');
  if (status === 404) return new DomainError('not_found', 404, 'error.not_found');
  return new DomainError('validation_failed', status, 'error.validation_failed', {
    reason: error.code ?? 'bad_request',
  });
}

function toDomainError(error: FastifyError): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error.validation) return validationError(error);
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError('database');
  return frameworkClientError(error);
}

/**
 * The one place where failures become replies. Domain errors keep their code and text (rendered in the request's
 * language); anything unexpected is logged with its stack and answered as a bare 500 — no stack, no internals.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toDomainError(error);
  if (!known) request.log.error({ err: error }, 'unexpected error');
  else if (known.statusCode >= 500) request.log.warn({ code: known.code, details: known.details }, known.message);

  const failure = known ?? new DomainError('internal_error', 500, 'error.internal_error');
  const body = errorBodyOf(failure, requestLocale(request), request.id);
  if (failure.headers) void reply.headers(failure.headers);
  // Fastify's framework errors (bad percent-encoding) are answered before the onRequest hook that sets it.
  void reply.header(REQUEST_ID_HEADER, request.id);
  return reply.code(failure.statusCode).type('application/json; charset=utf-8').send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return errorHandler(new DomainError('not_found', 404, 'error.not_found') as unknown as FastifyError, request, reply);
}
