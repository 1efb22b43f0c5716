import Fastify from 'fastify';
import { requestIdOf } from '../../../api/src/http/request-id.js';
import { OneLinePerRequest } from '../../../api/src/http/request-logging.js';
import type { BenchSettings } from '../settings.js';
import { benchLogger } from './app-under-bench.js';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The yardstick: a minimal Fastify with one `GET /bare` answering a small JSON object, and the app's request
 * logging and request ids exactly as `buildApp` sets them up: the app's logger (same pino options, serializers
 * and level, to /dev/null), its `OneLinePerRequest` log controller (one line per request, not Fastify's two),
 * `genReqId: requestIdOf` (the caller's sane X-Request-Id or a UUID) and `requestIdHeader: false`. Nothing else:
 * no plugins, hooks, schemas, trust-proxy rule or database. So the difference to the status read is what the app does per request.
 */
export async function startBareServer(logLevel: BenchSettings['logLevel']): Promise<BareServer> {
  const app = Fastify({
    loggerInstance: benchLogger(logLevel),
    genReqId: requestIdOf,
    logController: new OneLinePerRequest(),
    requestIdHeader: false,
  });
  app.get('/bare', async () => ({ status: 'ok', service: 'bare', at: 'fastify' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the bare server did not bind a TCP port');
  return { url: `http://127.0.0.1:${address.port}/bare`, close: () => app.close() };
}
