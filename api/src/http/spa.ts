import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundHandler } from '../errors/error-handler.js';

/** The built web portal, from this file both in `src/` and in `dist/`. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Paths the SPA never answers: the API and the operational endpoints keep their JSON 404s. */
const SERVER_PATHS = /^\/(api|docs|openapi\.json|metrics|healthz|readyz)(\/|\?|$)/;

/**
 * Serves the built Vue SPA on the API's port: hashed assets with long caching, compressed where the browser
 * accepts it, and index.html for every other GET so that client-side routes (/microsoft-365, /connector/…) survive
 * a reload.
 */
export async function registerSpa(app: FastifyInstance, distDir: string = DEFAULT_WEB_DIST): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ distDir }, 'web portal is not built; only the API is served (pnpm --filter @ecm365/web build)');
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The web build writes .br and .gz copies of its text files (web/build/precompress.ts); a browser that accepts
    // one gets it, with Vary: Accept-Encoding.
    preCompressed: true,
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.url)) {
      return notFoundHandler(request, reply);
    }
    if (/\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '')) return notFoundHandler(request, reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
