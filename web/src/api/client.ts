import { createEcm365Client, type Ecm365Client } from '@ecm365/client';
import type { ErrorBody, ErrorCode } from '@ecm365/shared';

/** Codes the client adds for failures that never reached the API's error format. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

/** Every failed API call ends up as one of these; views branch on `code`, never on the message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly correlationId?: string,
    /** From the Retry-After header or details.retryAfterSeconds (429). */
    readonly retryAfterSeconds?: number,
    /** The message as code and params (shared/src/messages.ts), rendered by the web in its language. */
    readonly messageCode?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Whatever a failed call threw, as an ApiError (anything else means the request never got an answer). */
export function toApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'network_error', String(caught));
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let staleCsrfHandler: (() => Promise<boolean>) | null = null;
let refreshing: Promise<boolean> | null = null;
let language: string | null = null;

/** The token from the login or session response; sent as X-CSRF-Token on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The portal's language, sent as Accept-Language: the API's own texts (`message`) then match the page. */
export function setRequestLanguage(locale: string | null): void {
  language = locale;
}

/** Called once for every 401 of an authenticated call (an expired session): the app sends the user to login. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/**
 * Called when the server rejects the CSRF token (another tab signed out and in again): the app reads the session
 * anew, which sets the new token, and answers whether it is still the same user, so the call may be repeated once.
 */
export function onStaleCsrfToken(handler: (() => Promise<boolean>) | null): void {
  staleCsrfHandler = handler;
}

/**
 * The typed client (@ecm365/client) on the portal's own origin: every path and shape comes from the OpenAPI
 * document. fetch is looked up per call (tests replace it), the CSRF token is the current one.
 */
const client = createEcm365Client({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request) => {
    if (language) request.headers.set('accept-language', language);
    return globalThis.fetch(request);
  },
  headers: { accept: 'application/json' },
  csrf: () => csrfToken ?? undefined,
});

/** What an @ecm365/client call answers. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}
type Call<T> = (api: Ecm365Client) => Promise<Answer<T>>;

export interface RequestOptions {
  body?: unknown;
  /** Login and the session probe expect 401 as an answer, not as an expired session. */
  expectUnauthorized?: boolean;
}

/** Makes one call of the typed client: its data, or an ApiError (a stale CSRF token is renewed once). */
export async function apiCall<T>(call: Call<T>, options: RequestOptions = {}): Promise<T> {
  try {
    return await send(call, options);
  } catch (error) {
    if (!isApiError(error, 'csrf_failed') || !staleCsrfHandler || !(await refreshCsrfToken(staleCsrfHandler))) {
      throw error;
    }
    return send(call, options);
  }
}

/** Several calls may fail with the same stale token at once: they share one session read. */
async function refreshCsrfToken(handler: () => Promise<boolean>): Promise<boolean> {
  refreshing ??= handler().finally(() => {
    refreshing = null;
  });
  try {
    return await refreshing;
  } catch (error) {
    // The session itself is gone: the same as a 401 of the call.
    if (isApiError(error, 'not_authenticated')) {
      unauthorizedHandler?.();
      throw error;
    }
    return false;
  }
}

async function send<T>(call: Call<T>, options: RequestOptions): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call(client);
  } catch {
    throw new ApiError(0, 'network_error', 'Keine Verbindung zum Server.');
  }
  const { response } = answer;
  if (response.ok) return answer.data as T;

  const error = errorFromResponse(response, answer.error);
  if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
  throw error;
}

function errorFromResponse(response: Response, payload: unknown): ApiError {
  const body = (payload as Partial<ErrorBody> | undefined)?.error;
  if (!body || typeof body.code !== 'string') {
    return new ApiError(response.status, 'unexpected_response', `Unerwartete Antwort (HTTP ${response.status}).`);
  }
  const details = body.details ?? {};
  return new ApiError(
    response.status,
    body.code,
    body.message,
    details,
    body.correlationId,
    retryAfter(response, details),
    body.messageCode,
    body.params,
  );
}

function retryAfter(response: Response, details: Record<string, unknown>): number | undefined {
  if (typeof details.retryAfterSeconds === 'number') return details.retryAfterSeconds;
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : undefined;
}
