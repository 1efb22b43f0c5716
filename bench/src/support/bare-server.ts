import Fastify from 'fastify';
import type { BenchSettings } from '../settings.js';
import { benchLogger } from './app-under-bench.js';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The yardstick: a minimal Fastify with one `GET /bare` answering a small JSON object, with the app's logger
 * (same pino options and level, to /dev/null) and nothing else: no plugins, hooks, schemas or database.
 */
export async function startBareServer(logLevel: BenchSettings['logLevel']): Promise<BareServer> {
  const app = Fastify({ loggerInstance: benchLogger(logLevel) });
  app.get('/bare', async () => ({ status: 'ok', service: 'bare', at: 'fastify' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the bare server did not bind a TCP port');
  return { url: `http://127.0.0.1:${address.port}/bare`, close: () => app.close() };
}
