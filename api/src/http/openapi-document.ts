import type { RouteOptions } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createDatabase } from '../db/database.js';
import { createLogger } from './logging.js';
import { createServices } from '../services.js';

/**
 * The OpenAPI document without a running server: the app is assembled over a database handle that is never
 * queried (pg connects lazily), so `pnpm openapi` works anywhere.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  return (await buildOpenApiDocumentAndRoutes()).document;
}

/** The document and the routes it was made from (for the tests of the routes' declarations). */
export async function buildOpenApiDocumentAndRoutes(): Promise<{
  document: Record<string, unknown>;
  routes: RouteOptions[];
}> {
  const { services, database } = offlineServices();
  const routes: RouteOptions[] = [];
  const app = await buildApp({ services, webDist: false, onRoute: (route) => routes.push(route) });
  try {
    await app.ready();
    return { document: app.swagger() as unknown as Record<string, unknown>, routes };
  } finally {
    await app.close();
    await services.close();
    await database.close();
  }
}

/**
 * The app's services over a database handle that is never queried (pg connects lazily) and a Microsoft app
 * registration that is never called: enough to assemble the app and its routes anywhere.
 */
export function offlineServices() {
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'https://portal.example',
  });
  const database = createDatabase('postgres://unused@127.0.0.1:1/unused', { poolSize: 1 });
  const services = createServices({
    config,
    db: database.db,
    microsoft: {
      clientId: 'unused',
      clientSecret: 'unused',
      authority: 'https://login.microsoftonline.com/organizations',
      graphBaseUrl: 'https://graph.microsoft.com/',
      redirectUri: 'https://portal.example/api/v1/ms365/callback',
      timeoutMs: 1000,
    },
    encryptionKeys: [{ id: 'unused', key: Buffer.alloc(32) }],
    logger: createLogger('silent'),
  });
  return { services, database };
}
