import type { ErrorCode } from '@ecm365/shared';
import type { RouteOptions } from 'fastify';
import { ERROR_CATALOG, UNSUPPORTED_MEDIA_TYPE } from './openapi-errors.js';
import { routeAccessOf } from './route-scope.js';

/** Response headers a route can name; each is described once under components.headers (openapi-shape.ts). */
export type DocumentedHeader = 'Set-Cookie' | 'Location';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The error codes this route's own logic answers with (its service, its guards). Those that follow from the
     * route's shape are added by routeErrors below and need not be listed.
     */
    errors?: readonly ErrorCode[];
    /** Headers of a success response, by status. */
    responseHeaders?: Readonly<Partial<Record<number, readonly DocumentedHeader[]>>>;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The onRequest hooks of request-auth.ts, by function name: what they can answer. */
const HOOK_ERRORS: Readonly<Record<string, readonly ErrorCode[]>> = {
  authenticate: ['not_authenticated'],
  authenticateSession: ['not_authenticated'],
  requireMs365Access: ['access_denied'],
};

function hookNames(route: RouteOptions): string[] {
  return [route.onRequest ?? []].flat().map((hook) => (hook as { name: string }).name);
}

/**
 * Every error a route can answer, by status: its declared ones plus those of its shape — a body (or an unsafe
 * method) can be invalid, too large or of the wrong type; authentication can fail; a cookie request without the
 * CSRF header is refused; wrong bearer tokens are limited per address; anything can fail unexpectedly (500) or
 * find the database away (503).
 */
export function routeErrors(route: RouteOptions): Record<string, ErrorCode[]> {
  const schema = route.schema ?? {};
  const methods = [route.method].flat();
  const unsafe = methods.some((method) => UNSAFE.has(method));
  const security = (schema.security ?? []).flatMap((requirement) => Object.keys(requirement));
  const codes = new Set<ErrorCode>(schema.errors ?? []);
  if (unsafe || schema.params || schema.querystring) codes.add('validation_failed');
  if (unsafe) codes.add('payload_too_large');
  if (security.length > 0) codes.add('not_authenticated');
  if (unsafe && security.includes('csrfToken')) codes.add('csrf_failed');
  if (security.includes('bearerToken')) codes.add('too_many_attempts');
  // A token outside the route's scope, or a session on a tokens-only route (route-scope.ts).
  if (routeAccessOf(route)?.kind === 'scope') codes.add('insufficient_scope');
  for (const name of hookNames(route)) for (const code of HOOK_ERRORS[name] ?? []) codes.add(code);
  codes.add('internal_error');
  codes.add('service_unavailable');

  const byStatus: Record<string, ErrorCode[]> = {};
  for (const code of codes) (byStatus[ERROR_CATALOG[code].status] ??= []).push(code);
  if (unsafe) byStatus[UNSUPPORTED_MEDIA_TYPE.status] = [UNSUPPORTED_MEDIA_TYPE.code];
  return byStatus;
}

/**
 * @fastify/swagger's per-route transform: the declarations above become `x-` keys of the operation (finished by
 * openapi-shape.ts), and the bearer requirement names the API token scope the route needs (route-scope.ts).
 */
export function documentRoute({
  schema,
  url,
  route,
}: {
  schema: RouteOptions['schema'];
  url: string;
  route: RouteOptions;
}) {
  if (!schema || schema.hide) return { schema, url };
  const { errors: _errors, responseHeaders, ...documented } = schema;
  const access = routeAccessOf(route);
  const scope = access?.kind === 'scope' ? access.scope : undefined;
  const security = documented.security?.map((requirement) =>
    'bearerToken' in requirement && scope ? { ...requirement, bearerToken: [scope] } : requirement,
  );
  return {
    url,
    schema: {
      ...documented,
      ...(security ? { security } : {}),
      'x-errors': routeErrors(route),
      ...(responseHeaders ? { 'x-response-headers': responseHeaders } : {}),
    },
  };
}
