import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { ControlInputError } from './controls.js';
import { correlationIdFrom, EntraError } from './entra-errors.js';
import { GraphError, sendGraphError } from './graph-errors.js';
import { sendEntraError } from './http.js';
import { sendErrorPage } from './redirect.js';

type Area = 'graph' | 'token' | 'page' | 'control' | 'other';

function areaOf(url: string): Area {
  const path = url.split('?')[0] ?? '';
  if (path === '/v1.0' || path.startsWith('/v1.0/')) return 'graph';
  if (path.startsWith('/_emulator/')) return 'control';
  if (/\/oauth2\/v2\.0\/token$/.test(path)) return 'token';
  if (/\/(login|oauth2\/v2\.0\/authorize|v2\.0\/adminconsent)$/.test(path)) return 'page';
  return 'other';
}

/** Every failure gets the shape its caller expects (Graph JSON, Entra JSON, HTML page); never a stack trace. */
function replyToError(ctx: EmulatorContext, req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const area = areaOf(req.url);
  const errorContext = { origin: ctx.origin, correlationId: correlationIdFrom(req.headers['client-request-id']) };
  if (err instanceof ControlInputError) {
    return reply.status(400).send({ error: { code: 'invalid_control_input', message: err.message } });
  }
  if (err instanceof GraphError) return sendGraphError(reply, req, err);
  if (err instanceof EntraError) {
    return area === 'page' ? sendErrorPage(reply, err, errorContext) : sendEntraError(reply, err, errorContext);
  }
  // Fastify's own errors (bad JSON, unsupported media type, body too large) carry a 4xx statusCode.
  const statusCode = (err as Partial<FastifyError> | undefined)?.statusCode;
  const isClientError = typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
  if (!isClientError) console.error('[microsoft-emulator] unexpected error', err);
  const status = isClientError ? statusCode : 500;
  const message = isClientError && err instanceof Error ? err.message : 'An internal error occurred in the emulator.';
  switch (area) {
    case 'graph':
      return sendGraphError(
        reply,
        req,
        new GraphError(status, isClientError ? 'BadRequest' : 'InternalServerError', message),
      );
    case 'token':
      return sendEntraError(
        reply,
        new EntraError(isClientError ? 'invalid_request' : 'server_error', 9002313, `Invalid request. ${message}`, {
          status: isClientError ? 400 : 500,
        }),
        errorContext,
      );
    case 'page':
      return sendErrorPage(
        reply,
        new EntraError('invalid_request', 9002313, `Invalid request. ${message}`),
        errorContext,
      );
    default:
      return reply.status(status).send({ error: { code: isClientError ? 'bad_request' : 'internal_error', message } });
  }
}

export function registerErrorHandling(app: FastifyInstance, ctx: EmulatorContext): void {
  app.setErrorHandler((err, req, reply) => replyToError(ctx, req, reply, err));

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (areaOf(req.url) === 'graph') {
      const segment = decodeURIComponentSafe(
        path
          .split('/')
          .filter((part) => part.length > 0)
          .pop() ?? '',
      );
      return sendGraphError(
        reply,
        req,
        new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
      );
    }
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route ${req.method} ${path} in the Microsoft emulator.`,
        requestId: randomUUID(),
      },
    });
  });
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
