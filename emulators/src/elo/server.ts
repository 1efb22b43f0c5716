import Fastify from 'fastify';
import { buildConstants, selectorNumbers, type EloConstantsOptions } from './constants.js';
import { controlRoutes } from './control-routes.js';
import { ControlState, type EloEmulatorControls } from './controls.js';
import { FilingServices, type FilingOptions } from './filing-services.js';
import { DEMO_ELO_REPOSITORY, type EloRepositoryFixture } from './fixtures.js';
import { ixRoutes } from './ix-routes.js';
import { RepositoryState } from './repository-state.js';
import { TicketStore } from './tickets.js';

export interface EloEmulatorOptions {
  /** Default 127.0.0.1: a test double with published demo passwords must not be reachable from the network. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Repository name → fixture. Default `{ demo: DEMO_ELO_REPOSITORY }`. */
  repositories?: Record<string, EloRepositoryFixture>;
  /** Answered as `ticketLifetime`; a ticket unused for this long is invalid ([ELOIX:2001]). Default 600. */
  ticketLifetimeSeconds?: number;
  /** How getConstants reports the CHECKOUT_USERS selector numbers. */
  constants?: EloConstantsOptions;
  /** Milliseconds since the epoch for ticket expiry; default Date.now (tests pass their own clock). */
  now?: () => number;
  /** Upload limits of the filing calls (largest upload, how long an unused upload is kept). */
  filing?: FilingOptions;
}

export interface RunningEloEmulator {
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  /** `${origin}/ix-${repository ?? 'demo'}/rest`, the base URL a tenant would be configured with. */
  baseUrl(repository?: string): string;
  controls: EloEmulatorControls;
  close(): Promise<void>;
}

/** Starts an HTTP server that answers like an ELO Indexserver's REST API (see README.md beside this file). */
export async function startEloEmulator(options: EloEmulatorOptions = {}): Promise<RunningEloEmulator> {
  const fixtures = options.repositories ?? { demo: DEMO_ELO_REPOSITORY };
  const repositories = new Map(
    Object.entries(fixtures).map(([name, fixture]) => [name, new RepositoryState(name, fixture)]),
  );
  const tickets = new TicketStore(options.ticketLifetimeSeconds ?? 600, options.now);
  const filing = new FilingServices(options.filing);
  const controls = new ControlState(repositories, tickets, filing);
  const shutdown = new AbortController();

  // No logger: request logs could carry bodies with passwords, and the call log covers what tests need.
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    // Without the meta-schema check of the control routes' few schemas: it compiled JSON Schema's meta-schema, most
    // of this emulator's share of a demo start (issue 13, CPU profile). The schemas are fixed in the code and
    // checked against the meta-schema by test/elo/control-route-schemas.test.ts; Ajv still refuses unknown keywords.
    ajv: { customOptions: { validateSchema: false } },
  });
  await app.register(ixRoutes, {
    controls,
    tickets,
    selectorNumbers: selectorNumbers(options.constants),
    constants: buildConstants(options.constants),
    filing,
    shutdown: shutdown.signal,
  });
  await app.register((scope) => controlRoutes(scope, controls), { prefix: '/_emulator' });

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('ELO emulator: no TCP address');
  // Listening on all interfaces still means the origin for local clients is the loopback address.
  const local = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  const host = address.family === 'IPv6' ? `[${local}]` : local;
  const origin = `http://${host}:${address.port}`;

  return {
    origin,
    baseUrl: (repository = 'demo') => `${origin}/ix-${repository}/rest`,
    controls,
    close: async () => {
      shutdown.abort();
      await app.close();
      filing.close();
    },
  };
}
