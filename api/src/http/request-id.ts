import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a caller may send as its request id: up to 128 letters, digits and `-_.:` (UUIDs, ULIDs, a proxy's
 * `host:counter`). Anything else (spaces, quotes, control characters, a second header joined with ", ") gets a fresh
 * id, so that a log line or a client's error report never carries text a caller chose freely.
 */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Fastify's `genReqId`: the caller's `X-Request-Id` when it is acceptable, else a fresh UUID. It becomes the
 * request's log id (`reqId`) and the error body's `correlationId`, so a proxy's or a client's id finds our lines.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Returns the request id on every answer Fastify sends: routes, the SPA, 404s and errors. (Requests Node's parser
 * refuses never become a request and have no id; see client-error-handler.ts.)
 */
export const requestIdHeader = fastifyPlugin(async (app: FastifyInstance) => {
  // Callback style, not async: a promise would put the answer one tick later, and a request whose body breaks
  // right after its headers would then be answered by the parser's refusal instead (test/fuzz/raw-http.test.ts).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
});
