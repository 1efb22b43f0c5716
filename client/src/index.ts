import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/ecm365-api.js';

export type { components, operations, paths };
/** A named schema of the API, e.g. `Schema<'SessionResponse'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
export type ErrorBody = Schema<'ErrorBody'>;
export type Ecm365Client = Client<paths>;

export interface Ecm365ClientOptions {
  /** The portal's origin, e.g. `https://acme.portal.example` (empty in a browser on the portal itself). */
  baseUrl: string;
  /** Another fetch (a test's, undici's with a dispatcher, …); default the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request, e.g. `{ authorization: 'Bearer ecm365_…' }`. */
  headers?: Record<string, string>;
  /**
   * The CSRF token of a cookie session (`csrfToken` of the login answer), sent as X-CSRF-Token on every unsafe
   * request; a function is asked each time, so a new login's token is picked up.
   */
  csrf?: string | (() => string | undefined);
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The typed client of the ecm365 API (types generated from its OpenAPI document, calls by openapi-fetch):
 * `client.POST('/api/v1/auth/login', { body })` answers `{ data, error, response }`, typed per route and status.
 */
export function createEcm365Client({ baseUrl, fetch, headers, csrf }: Ecm365ClientOptions): Ecm365Client {
  const client = createClient<paths>({ baseUrl, headers, ...(fetch ? { fetch } : {}) });
  if (csrf !== undefined) {
    const withCsrf: Middleware = {
      onRequest({ request }) {
        const token = typeof csrf === 'function' ? csrf() : csrf;
        if (token && UNSAFE.has(request.method)) request.headers.set('x-csrf-token', token);
        return request;
      },
    };
    client.use(withCsrf);
  }
  return client;
}
