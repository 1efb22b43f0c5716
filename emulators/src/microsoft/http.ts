import type { FastifyReply } from 'fastify';
import { EntraError, malformedRequest, renderEntraError, type ErrorContext } from './entra-errors.js';

const MAX_PARAM_LENGTH = 8192;

/**
 * Reads one parameter from a parsed query string or form body. Anything that is not a single string of sane
 * length (repeated parameters arrive as arrays) is a malformed request rather than a crash.
 */
export function param(source: unknown, name: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(source, name)) return undefined;
  const value: unknown = (source as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_PARAM_LENGTH) throw malformedRequest();
  return value;
}

/** Token and error responses must never be cached (RFC 6749 §5.1), as Entra does. */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store, no-cache').header('pragma', 'no-cache');
}

export function sendEntraError(reply: FastifyReply, err: EntraError, context: ErrorContext): FastifyReply {
  const body = renderEntraError(err, context);
  return noStore(reply)
    .status(err.status)
    .header('x-ms-request-id', body.trace_id)
    .header('client-request-id', context.correlationId)
    .type('application/json; charset=utf-8')
    .send(body);
}

export const isEntraError = (err: unknown): err is EntraError => err instanceof EntraError;
