import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { request, type Agent } from 'undici';
import { ResponseTooLargeError } from '../transport-failure.js';

/** Graph's JSON answers to `me` and the Inbox are small; anything past this is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Statuses whose Response must not have a body (the WHATWG constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The last link of the Graph client's middleware chain: the request goes out with `undici.request` through the
 * shared dispatcher (our CA, pool and timeouts) instead of the library's HTTPMessageHandler, which calls the
 * global `fetch`. The answer is handed back to the library as the Response it expects (its error and response
 * handlers read status, headers and JSON from it). No redirects are followed: `me` and the Inbox never redirect,
 * and a bearer token is not sent on to another host.
 */
export class UndiciGraphHandler implements Middleware {
  constructor(
    private readonly dispatcher: Agent,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = context.options ?? {};
    const response = await request(url, {
      method: (options.method ?? 'GET') as 'GET',
      headers: options.headers as Record<string, string> | undefined,
      body: typeof options.body === 'string' ? options.body : undefined,
      dispatcher: this.dispatcher,
      signal: options.signal ?? undefined,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      maxRedirections: 0,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        response.body.destroy();
        throw new ResponseTooLargeError();
      }
      chunks.push(chunk);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const status = response.statusCode;
    context.response = new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), { status, headers });
  }
}
