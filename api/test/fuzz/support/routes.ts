import { readFileSync } from 'node:fs';
import { METHODS } from 'node:http';

/** Who may call: nobody needed, the portal session, either, or only an API token (the access-token route). */
export type Security = 'none' | 'session' | 'sessionOrToken' | 'token';

export interface RouteSpec {
  method: string;
  /** OpenAPI path template, e.g. `/api/v1/ms365/connect/{attemptId}`. */
  path: string;
  params: string[];
  hasBody: boolean;
  security: Security;
  /** The API token scope the route needs, as the document names it on the bearer requirement. */
  bearerScope?: string;
  /** Not a route of the app (unknown path or method): must answer 404 in the error format. */
  unknown?: boolean;
}

interface OpenApiOperation {
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  parameters?: Array<{ in: string; name: string }>;
}

const document = JSON.parse(readFileSync(new URL('../../../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, OpenApiOperation>>;
};

function securityOf(operation: OpenApiOperation): Security {
  const schemes = (operation.security ?? []).flatMap((entry) => Object.keys(entry));
  if (schemes.includes('bearerToken')) return schemes.includes('sessionCookie') ? 'sessionOrToken' : 'token';
  if (schemes.includes('sessionCookie')) return 'session';
  // No requirement, or only GET /metrics' METRICS_TOKEN (unset in tests).
  return 'none';
}

/** Every operation of docs/openapi.json. */
export const DOCUMENTED_ROUTES: RouteSpec[] = Object.entries(document.paths).flatMap(([path, operations]) =>
  Object.entries(operations).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    hasBody: operation.requestBody !== undefined,
    security: securityOf(operation),
    bearerScope: (operation.security ?? []).find((entry) => 'bearerToken' in entry)?.bearerToken?.[0],
  })),
);

/** Routes the document hides (the document itself, Swagger UI) and HEAD, which Fastify adds to every GET. */
export const HIDDEN_ROUTES: RouteSpec[] = [
  { method: 'GET', path: '/openapi.json', params: [], hasBody: false, security: 'none' },
  { method: 'GET', path: '/docs', params: [], hasBody: false, security: 'none' },
  { method: 'GET', path: '/docs/{file}', params: ['file'], hasBody: false, security: 'none' },
  { method: 'HEAD', path: '/api/v1/ms365/connection', params: [], hasBody: false, security: 'sessionOrToken' },
  { method: 'HEAD', path: '/healthz', params: [], hasBody: false, security: 'none' },
];

const UNKNOWN_PATHS = [
  '/',
  '/api',
  '/api/v1',
  '/api/v1/',
  '/api/v2/auth/login',
  '/api/v1/unknown',
  '/api/v1/ms365/connect/{attemptId}/unknown',
  '/api/v1/ms365/connect/{attemptId}/code/{id}',
  '/api/v1/api-tokens/{id}/{attemptId}',
  '/.env',
  '/index.html',
  '/api/v1/auth/login/../session',
  '//api//v1//auth//session',
];

/** Unknown paths under any method, and known paths under methods they do not have. */
export const UNKNOWN_ROUTES: RouteSpec[] = [
  ...UNKNOWN_PATHS.flatMap((path) =>
    ['GET', 'POST', 'DELETE'].map((method) => ({
      method,
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
      hasBody: method !== 'GET',
      security: 'none' as const,
      unknown: true,
    })),
  ),
  ...['PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'PURGE', 'SEARCH'].flatMap((method) =>
    ['/api/v1/ms365/connection', '/api/v1/auth/login', '/api/v1/ms365/connect/{attemptId}'].map((path) => ({
      method,
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
      hasBody: true,
      security: 'none' as const,
      unknown: true,
    })),
  ),
].filter((route) => METHODS.includes(route.method));

export const ALL_ROUTES: RouteSpec[] = [...DOCUMENTED_ROUTES, ...HIDDEN_ROUTES, ...UNKNOWN_ROUTES];

/** A valid body for each route that takes one; mutations of these reach past the first validation error. */
export const EXAMPLE_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/auth/login': { username: 'admin', password: 'admin', tenant: 'acme' },
  'POST /api/v1/api-tokens': { name: 'ERP import', expiresInDays: 30 },
  'POST /api/v1/ms365/connection': { code: '0000-0000-0000-0000-0000-0000-0000' },
  'PUT /api/v1/ms365/features/invoice-mail-import': { enabled: true, mailbox: 'rechnungen@contoso.example' },
};

export const routeKey = (route: RouteSpec) => `${route.method} ${route.path}`;

/** The request path of a route with its parameters filled in (values are inserted as given: already encoded). */
export function urlOf(route: RouteSpec, params: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? 'x');
}

/** Routes that end the session they are called with: they get a throwaway session, not the shared one. */
export const SESSION_ENDING = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login']);
