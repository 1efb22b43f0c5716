import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { request, type Agent } from 'undici';
import { isNetworkFailure, networkFailure } from './microsoft-request-error.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * MSAL's HTTP through our dispatcher (MSAL's built-in client uses the global fetch, which cannot be told to trust
 * the emulator's CA) with a bound on every call. Remembers the last Retry-After so throttling can be honoured.
 * `undici.request` rather than undici's fetch: the same dispatcher without the WHATWG layer (Request, Headers and
 * body streams built for every token call; every health check makes one).
 */
export class MsalNetworkModule implements INetworkModule {
  /** Seconds from the last response's Retry-After header, if it had one. */
  lastRetryAfterSeconds: number | undefined;

  constructor(
    private readonly dispatcher: Agent,
    private readonly timeoutMs: number,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(url: string, method: 'GET' | 'POST', options?: NetworkRequestOptions, timeout?: number) {
    let response;
    try {
      response = await request(url, {
        method,
        headers: options?.headers,
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(Math.min(timeout ?? this.timeoutMs, this.timeoutMs)),
        maxRedirections: 0,
      });
    } catch (error) {
      throw isNetworkFailure(error) ? networkFailure(error) : error;
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.lastRetryAfterSeconds = parseRetryAfter(headers['retry-after']);
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      throw isNetworkFailure(error) ? networkFailure(error) : error;
    }
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // A proxy's HTML error page: MSAL gets an empty object and the status, and reports a server error.
    }
    return { headers, body: body as T, status: response.statusCode } satisfies NetworkResponse<T>;
  }
}
