import { API_PREFIX, sessionCookieName } from '@ecm365/shared';
import fastifyCookie from '@fastify/cookie';
import buildSerializerCompiler from '@fastify/fast-json-stringify-compiler';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ajvFormats from 'ajv-formats';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import { clientErrorHandler } from './errors/client-error-handler.js';
import { errorHandler, notFoundHandler } from './errors/error-handler.js';
import { registerOpenApi } from './http/openapi.js';
import { registerMetrics } from './metrics/metrics.routes.js';
import { OneLinePerRequest } from './http/request-logging.js';
import { proxyWarnings } from './http/proxy-warnings.js';
import { requestIdHeader, requestIdOf } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { registerSpa } from './http/spa.js';
import { createRequestAuth } from './http/request-auth.js';
import { declareRouteAccess } from './http/route-scope.js';
import { accessRoutes } from './modules/access/access.routes.js';
import { apiTokenRoutes } from './modules/api-tokens/api-token.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { callbackRoutes } from './modules/ms365/attempts/callback.routes.js';
import { attemptRoutes } from './modules/ms365/attempts/attempt.routes.js';
import { accessTokenRoutes } from './modules/ms365/connection/access-token.routes.js';
import { connectionRoutes } from './modules/ms365/connection/connection.routes.js';
import { invoiceImportRoutes } from './modules/invoice-import/invoice-import.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { notificationRoutes } from './modules/notifications/notification.routes.js';
import { webhookRoutes } from './modules/webhooks/webhook.routes.js';
import type { Services } from './services.js';

export interface AppOptions {
  services: Services;
  /** Folder of the built web portal; default web/dist. False serves the API only. */
  webDist?: string | false;
  /** Sees every route as it is added (the OpenAPI tests check the routes' declarations). */
  onRoute?: (route: RouteOptions) => void;
  /** 'eager' compiles every response serializer at `ready` (a test does, so that a bad one fails CI); default lazy. */
  serializers?: 'lazy' | 'eager';
}

type SerializerFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']
>;

/**
 * Fastify's own serializer factory (fast-json-stringify), our dependency in the version range Fastify declares, so
 * that both share one installed copy (and the server bundle one copy of its code: loading a second one from
 * node_modules at start cost about 0.15 s, issue 13).
 */
function fastifySerializerFactory(): SerializerFactory {
  return (buildSerializerCompiler as unknown as () => SerializerFactory)();
}

/**
 * Response serializers compiled on a route's first answer instead of at `ready`: fast-json-stringify generating
 * code for every response schema of every route was about 0.7 s CPU of each start (issue 13, CPU profile of a warm
 * demo start), for routes most of which a start never answers. One route's serializer costs a few milliseconds on
 * its first answer, once; the output is the same function Fastify would have compiled at start.
 */
function lazySerializers(build: SerializerFactory): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data: unknown) => (serialize ??= compile(route) as (data: unknown) => string)(data);
    };
  };
}

/** Builds the HTTP app from ready services. Does not listen: main.ts does, tests use `app.inject()`. */
export async function buildApp({
  services,
  webDist,
  onRoute,
  serializers = 'lazy',
}: AppOptions): Promise<FastifyInstance> {
  const { config } = services;
  const buildSerializer = fastifySerializerFactory();
  const app = Fastify({
    // Typed as Fastify's logger so the instance keeps Fastify's default generics; it is a pino logger.
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    // Slow clients are cut off (a body dripping in byte by byte held a socket for ever): the whole request within
    // REQUEST_TIMEOUT_MS (answered 408), no socket silent for CONNECTION_TIMEOUT_MS. Node enforces the request
    // timeout only while headersTimeout (default 60 s) is not longer, and checks it on an interval (default 30 s).
    requestTimeout: config.timeouts.requestMs,
    connectionTimeout: config.timeouts.connectionMs,
    http: {
      requestTimeout: config.timeouts.requestMs,
      headersTimeout: config.timeouts.requestMs,
      connectionsCheckingInterval: 1000,
    },
    // Behind N proxies the client address is the Nth from the right in X-Forwarded-For.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    // A caller's X-Request-Id when it is sane, else a fresh UUID (request-id.ts); Fastify's own header lookup is
    // off because it would take any value.
    genReqId: requestIdOf,
    logController: new OneLinePerRequest(),
    requestIdHeader: false,
    // Bad percent-encoding and over-long path parameters, and requests the HTTP parser refuses, are answered by
    // Fastify itself unless told otherwise: in the API's error format like every other 4xx.
    frameworkErrors: errorHandler,
    clientErrorHandler,
    ajv: {
      // Unknown fields are an error (SPEC §3), not silently dropped; no type coercion of JSON bodies.
      // validateSchema off: checking each route schema against the JSON-Schema meta-schema first compiled that
      // meta-schema and was 0.34 s of a warm start (issue 13, CPU profile). The schemas are fixed in the code, so
      // the check runs in CI instead (test/openapi/route-schemas-meta.test.ts); Ajv still refuses unknown keywords.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false, validateSchema: false },
      // ajv-formats is typed against its own copy of Ajv's types; it is the same Ajv at run time.
      plugins: [ajvFormats as never],
    },
    schemaController: {
      compilersFactory: {
        buildSerializer: serializers === 'lazy' ? lazySerializers(buildSerializer) : buildSerializer,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  if (onRoute) app.addHook('onRoute', onRoute);
  app.decorateRequest('principal', null);
  app.setErrorHandler(errorHandler);
  await app.register(requestIdHeader);
  await app.register(securityHeaders, { publicUrl: config.publicUrl });
  await app.register(proxyWarnings, {
    publicUrl: config.publicUrl,
    trustProxyHops: config.trustProxyHops,
    production: config.env === 'production',
  });
  await app.register(fastifyCookie);

  await registerOpenApi(app, config.publicUrl);
  await registerMetrics(app, services.metrics, {
    token: config.metricsToken,
    production: config.env === 'production',
  });
  await app.register(healthRoutes, { db: services.db, version: services.buildInfo.version });
  const requestAuth = createRequestAuth({
    sessions: services.sessions,
    clock: services.clock,
    hostRules: services.hostRules,
    sessionCookie: sessionCookieName(config.session.cookieSecure),
    bearer: (token, ip) => services.apiTokens.resolve(token, ip),
  });
  await app.register(
    async (api) => {
      declareRouteAccess(api, app);
      await api.register(authRoutes, {
        auth: services.auth,
        requestAuth,
        cookie: {
          name: sessionCookieName(config.session.cookieSecure),
          secure: config.session.cookieSecure,
          maxAgeSeconds: config.session.absoluteHours * 3600,
        },
      });
      await api.register(accessRoutes, { requestAuth, clock: services.clock });
      await api.register(attemptRoutes, {
        attempts: services.attempts,
        requestAuth,
        hostRules: services.hostRules,
        cookieSecure: config.session.cookieSecure,
      });
      await api.register(callbackRoutes, { attempts: services.attempts, requestAuth });
      await api.register(apiTokenRoutes, { tokens: services.apiTokens, requestAuth });
      await api.register(connectionRoutes, {
        connection: services.connection,
        requestAuth,
      });
      await api.register(invoiceImportRoutes, { imports: services.invoiceImport, requestAuth });
      await api.register(accessTokenRoutes, { accessTokens: services.accessTokens, requestAuth });
      await api.register(webhookRoutes, { webhooks: services.webhooks, requestAuth });
      await api.register(notificationRoutes, { notifications: services.notifications, requestAuth });
    },
    { prefix: API_PREFIX },
  );
  if (webDist === false) app.setNotFoundHandler(notFoundHandler);
  else await registerSpa(app, webDist);
  return app;
}
