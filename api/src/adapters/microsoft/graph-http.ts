import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { request, type Agent } from 'undici';
import { ResponseTooLargeError } from '../transport-failure.js';
import { isNetworkFailure, MicrosoftRequestError, networkFailure } from './microsoft-request-error.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * Plain HTTPS to Graph for the mail gateway, through undici and the shared dispatcher. Not the Graph client
 * library: it re-parses an absolute URL and rebuilds its query string, while delta links must be followed byte for
 * byte, and its stream responses are WHATWG streams without per-request header and idle timeouts.
 */

export interface GraphCall {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  accessToken: string;
  /** `Prefer` preferences, each sent as its own header line. */
  prefer: string[];
  body?: unknown;
  /** Until the response headers arrive. */
  headersTimeoutMs: number;
  /** Longest pause between two chunks of the body while the reader wants more (undici's bodyTimeout). */
  bodyIdleTimeoutMs: number;
  /** Bound of the whole call (JSON calls only: a download may take as long as it keeps flowing). */
  totalTimeoutMs?: number;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** Graph's error classes for expired delta state: the round has to start over without its link. */
const EXPIRED_STATE_CODES = new Set(['syncstatenotfound', 'syncstateinvalid', 'resyncrequired']);

/** A delta link that no longer works (410 Gone, SyncStateNotFound, resyncRequired): start a fresh round. */
export class DeltaStateExpiredError extends MicrosoftRequestError {
  constructor(failure: MicrosoftRequestError['failure']) {
    super(failure);
    this.name = 'DeltaStateExpiredError';
  }
}

const MAX_JSON_BYTES = 8 * 1024 * 1024;
const MAX_ERROR_BYTES = 64 * 1024;

const header = (headers: GraphResponse['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export async function sendGraph(dispatcher: Agent, call: GraphCall): Promise<GraphResponse> {
  const headers: string[] = [
    'authorization',
    `Bearer ${call.accessToken}`,
    'accept',
    'application/json',
    'client-request-id',
    randomUUID(),
  ];
  for (const preference of call.prefer) headers.push('prefer', preference);
  if (call.body !== undefined) headers.push('content-type', 'application/json');
  try {
    const response = await request(call.url, {
      method: call.method,
      dispatcher,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      headersTimeout: call.headersTimeoutMs,
      bodyTimeout: call.bodyIdleTimeoutMs,
      signal: call.totalTimeoutMs === undefined ? undefined : AbortSignal.timeout(call.totalTimeoutMs),
      maxRedirections: 0,
    });
    return { status: response.statusCode, headers: response.headers, body: response.body };
  } catch (error) {
    throw isNetworkFailure(error) ? networkFailure(error) : error;
  }
}

async function readText(body: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new ResponseTooLargeError();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Graph's error body `{error:{code,message,innerError:{request-id}}}` and headers as a MicrosoftRequestError. */
export async function graphFailure(response: GraphResponse): Promise<MicrosoftRequestError> {
  let text = '';
  try {
    text = await readText(response.body, MAX_ERROR_BYTES);
  } catch {
    // An oversized or broken error body: the status alone has to do.
  }
  let error: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> } = {};
  try {
    error = ((JSON.parse(text) as { error?: typeof error }).error ?? {}) as typeof error;
  } catch {
    // A proxy's HTML page, not Graph's JSON.
  }
  const code = typeof error.code === 'string' && error.code !== '' ? error.code : `http_${response.status}`;
  const innerRequestId = error.innerError?.['request-id'];
  const failure = {
    error: code,
    description: typeof error.message === 'string' ? error.message : undefined,
    httpStatus: response.status,
    correlationId:
      header(response.headers, 'request-id') ??
      (typeof innerRequestId === 'string' ? innerRequestId : undefined) ??
      header(response.headers, 'client-request-id'),
    retryAfterSeconds: parseRetryAfter(header(response.headers, 'retry-after')),
  };
  const expired = response.status === 410 || EXPIRED_STATE_CODES.has(code.toLowerCase());
  return expired ? new DeltaStateExpiredError(failure) : new MicrosoftRequestError(failure);
}

/** The JSON of a successful answer (bounded), or the failure thrown. */
export async function jsonOf<T>(response: GraphResponse): Promise<T> {
  if (response.status < 200 || response.status >= 300) throw await graphFailure(response);
  try {
    const text = await readText(response.body, MAX_JSON_BYTES);
    return (text ? JSON.parse(text) : {}) as T;
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new MicrosoftRequestError({ error: 'invalid_response', httpStatus: response.status });
    }
    throw isNetworkFailure(error) ? networkFailure(error) : error;
  }
}
