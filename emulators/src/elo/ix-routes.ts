import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CheckoutUsersSelectorNumbers } from './constants.js';
import type { ControlState } from './controls.js';
import type { FilingServices } from './filing-services.js';
import { isRecord } from './ix-call.js';
import { IX, IxException } from './ix-exception.js';
import { IX_FUNCTIONS } from './ix-functions.js';
import { buildOpenApi } from './openapi.js';
import { basicAuth, dropConnection, ixUrlOf } from './request-helpers.js';
import { uploadRoutes } from './upload-routes.js';
import type { TicketStore } from './tickets.js';

export interface IxRouteDeps {
  controls: ControlState;
  tickets: TicketStore;
  selectorNumbers: CheckoutUsersSelectorNumbers;
  constants: Record<string, unknown>;
  filing: FilingServices;
  /** Aborted at close, so that pending latency delays do not hold the server open. */
  shutdown: AbortSignal;
}

const PROXY_503 =
  '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>';

function bearerTicket(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The Indexserver's URL space: /ix-<repository>/rest/… . Availability and latency apply only here. */
export async function ixRoutes(app: FastifyInstance, deps: IxRouteDeps): Promise<void> {
  const { controls } = deps;

  app.addHook('onRequest', async (request, reply) => {
    if (controls.latencyMs > 0) {
      await sleep(controls.latencyMs, undefined, { signal: deps.shutdown }).catch(() => undefined);
    }
    if (controls.availability === 'down') {
      return reply.code(503).header('content-type', 'text/html').send(PROXY_503);
    }
    if (controls.availability === 'reset') {
      // Like a crashed server or a dropping firewall: no HTTP answer at all.
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
  });

  await app.register(uploadRoutes, {
    controls,
    tickets: deps.tickets,
    filing: deps.filing,
    selectorNumbers: deps.selectorNumbers,
  });

  const notFound = (reply: FastifyReply) =>
    reply.code(404).header('content-type', 'text/html').send('<h1>404 Not Found</h1>');

  app.get<{ Params: { repository: string } }>('/ix-:repository/rest/openapi.json', async (request, reply) => {
    if (!controls.repositories.has(request.params.repository)) return notFound(reply);
    return buildOpenApi(request.params.repository);
  });

  app.post<{ Params: { repository: string; fn: string } }>(
    '/ix-:repository/rest/IXServicePortIF/:fn',
    async (request, reply) => {
      const { repository: name, fn } = request.params;
      const repository = controls.repositories.get(name);
      const ixFunction = Object.hasOwn(IX_FUNCTIONS, fn) ? IX_FUNCTIONS[fn] : undefined;
      if (!repository || !ixFunction) return notFound(reply);
      controls.record({ repository: name, fn });
      const injected = controls.takeInjectedException(name, fn);
      if (injected) return { exception: injected.message };
      try {
        if (request.body !== undefined && !isRecord(request.body))
          throw IX.invalidArgument('body must be a JSON object');
        const result = ixFunction({
          repository,
          body: request.body ?? {},
          bearerTicket: bearerTicket(request),
          tickets: deps.tickets,
          selectorNumbers: deps.selectorNumbers,
          constants: deps.constants,
          basicAuth: basicAuth(request),
          filing: { services: deps.filing, ixUrl: ixUrlOf(request, name) },
        });
        if (controls.takeConnectionDrop(name, fn)) return dropConnection(request, reply);
        return { result: result ?? null };
      } catch (error) {
        // IX errors are HTTP 200 with `exception`; anything else is an emulator bug and stays a 500.
        if (error instanceof IxException) return { exception: error.message };
        throw error;
      }
    },
  );
}
