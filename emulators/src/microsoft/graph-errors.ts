import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A Graph error: `{error:{code,message,innerError:{date,request-id,client-request-id}}}` with an HTTP status. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sent with the error, e.g. `retry-after` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export const accessDenied = (): GraphError =>
  new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');

export const insufficientPrivileges = (): GraphError =>
  new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);

export const itemNotFound = (): GraphError =>
  new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Graph echoes the caller's `client-request-id` and adds its own `request-id`, in headers and error bodies. */
export function graphRequestIds(req: FastifyRequest): { requestId: string; clientRequestId: string } {
  const candidate = req.headers['client-request-id'];
  const requestId = randomUUID();
  return {
    requestId,
    clientRequestId: typeof candidate === 'string' && GUID.test(candidate) ? candidate : requestId,
  };
}

export function graphHeaders(reply: FastifyReply, ids: { requestId: string; clientRequestId: string }): FastifyReply {
  return reply
    .header('request-id', ids.requestId)
    .header('client-request-id', ids.clientRequestId)
    .header('x-ms-ags-diagnostic', JSON.stringify({ ServerInfo: { DataCenter: 'Emulator', Slice: 'E', Ring: '0' } }))
    .header('cache-control', 'no-cache');
}

export function sendGraphError(
  reply: FastifyReply,
  req: FastifyRequest,
  err: GraphError,
  extraHeaders: Record<string, string> = {},
): FastifyReply {
  const ids = graphRequestIds(req);
  graphHeaders(reply, ids).headers(extraHeaders);
  return reply
    .status(err.status)
    .type('application/json')
    .send({
      error: {
        code: err.code,
        message: err.message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    });
}
