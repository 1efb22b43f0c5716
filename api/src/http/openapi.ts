import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { CSRF_HEADER, SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookieName } from '@ecm365/shared';
import type { FastifyInstance } from 'fastify';
import { contractSchemas } from './openapi-components.js';
import { shapeDocument } from './openapi-shape.js';
import { documentRoute } from './route-docs.js';
import { API_SCOPES } from '@ecm365/shared';

const DESCRIPTION = `The REST API of the ecm365 portal: sign in with ELO, manage the Microsoft 365 connection.

Browser sessions: \`POST /api/v1/auth/login\` sets the HttpOnly cookie \`${SESSION_COOKIE}\` (over https Secure and
named \`${SECURE_SESSION_COOKIE}\`) and answers a \`csrfToken\`; every unsafe request authenticated by that cookie must
send it as \`X-CSRF-Token\`.
Integrators: create an API token once with a session (\`POST /api/v1/api-tokens {name, scopes, expiresInDays?}\`)
and send it as \`Authorization: Bearer <token>\`; no CSRF token is needed then. Scopes: \`ms365:read\`,
\`ms365:write\`, \`ms365:token\` (\`POST /api/v1/ms365/connection/access-token\`, a Graph access token for ELO-side
features), \`imports:read\`, \`imports:write\`, \`webhooks:write\`; a call outside them answers 403
\`insufficient_scope\` naming the missing scope (\`details.scope\`). Tokens made before scopes existed keep
\`ms365:read\` + \`ms365:write\`.
Limits answer 429 \`too_many_attempts\` with \`Retry-After\`: failed logins, wrong MS365 codes and wrong bearer tokens
(per address, on any route that takes one), and per tenant and minute connect attempts, connection tests and new
API tokens.
Errors are always \`{"error": {"code", "message", "details"?, "correlationId"?}}\`.`;

/** OpenAPI 3 generated from the route schemas at `GET /openapi.json`, Swagger UI at `GET /docs`. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'ecm365 API', version: '1.0.0', description: DESCRIPTION },
      // Relative: Swagger UI's "Try it out" then calls the tenant host the document was fetched from.
      servers: [{ url: '/', description: 'The host this document was fetched from (every tenant host).' }],
      tags: [
        { name: 'auth', description: 'Sign-in with ELO user and password' },
        { name: 'ms365', description: 'The Microsoft 365 connection' },
        { name: 'api-tokens', description: 'Tokens for integrators' },
        {
          name: 'webhooks',
          description:
            'Signed event deliveries (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Body: ' +
            '{id, type, timestamp, tenant: {slug}, data}; the id is stable across retries, de-duplicate by it.',
        },
        { name: 'notifications', description: 'Notification mails to the customer' },
        { name: 'ops', description: 'Health and metrics' },
      ],
      components: {
        schemas: contractSchemas(),
        securitySchemes: {
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: sessionCookieName(publicUrl.startsWith('https:')),
            description: 'Set by POST /api/v1/auth/login (Set-Cookie); HttpOnly, so browsers send it themselves.',
          },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description:
              'The csrfToken of the login answer (and of GET /api/v1/auth/session), on unsafe cookie requests.',
          },
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token (ecm365_…) from POST /api/v1/api-tokens. Each operation names the scope it needs ' +
              `(${API_SCOPES.join(', ')}); a call outside the token's scopes is refused with 403.`,
          },
          metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, for GET /metrics.' },
        },
      },
    },
    transform: documentRoute as never,
    transformObject: shapeDocument as never,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI sets inline styles; over plain http (the demo) upgrading requests would break its assets. Its
    // default lets the page be framed by its own origin: not framable at all, like the rest of the portal.
    transformStaticCSP: (header) => {
      const withStyles = header
        .replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'");
      return publicUrl.startsWith('https:') ? withStyles : withStyles.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

type SecurityRequirement = Array<Record<string, string[]>>;

/** `security` entries for route schemas. */
export const SECURITY: Record<'sessionOrToken' | 'session' | 'token', SecurityRequirement> = {
  /** Cookie (+ CSRF header on unsafe methods) or an API token. */
  sessionOrToken: [{ sessionCookie: [], csrfToken: [] }, { bearerToken: [] }],
  /** Cookie (+ CSRF header on unsafe methods) only. */
  session: [{ sessionCookie: [], csrfToken: [] }],
  /** An API token only. */
  token: [{ bearerToken: [] }],
};
