import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { fetch, type Agent } from 'undici';
import { isNetworkFailure, networkFailure } from './microsoft-request-error.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * MSAL's HTTP through our dispatcher (MSAL's built-in client uses the global fetch, which cannot be told to trust
 * the emulator's CA) with a bound on every call. Remembers the last Retry-After so throttling can be honoured.
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
      response = await fetch(url, {
        method,
        headers: options?.headers,
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(Math.min(timeout ?? this.timeoutMs, this.timeoutMs)),
        redirect: 'manual',
      });
    } catch (error) {
      throw isNetworkFailure(error) ? networkFailure(error) : error;
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    this.lastRetryAfterSeconds = parseRetryAfter(headers['retry-after']);
    const text = await response.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // A proxy's HTML error page: MSAL gets an empty object and the status, and reports a server error.
    }
    return { headers, body: body as T, status: response.status } satisfies NetworkResponse<T>;
  }
}
