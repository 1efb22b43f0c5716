import { ERROR_CODES } from '@ecm365/shared';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** What the checks read of a reply: app.inject()'s response, or one read off a socket. */
export type Reply = Pick<LightMyRequestResponse, 'statusCode' | 'headers' | 'body' | 'json'>;

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Things a reply must never contain (unless the request itself did: messages may name an unknown field). */
const LEAKS: Array<[what: string, pattern: RegExp]> = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \(.*:\d+:\d+\)|\bat (?:file:\/\/)?\/[^\s)]+:\d+:\d+/],
  ['node_modules', /node_modules/],
  ['a source file', /[\w-]+\.(?:ts|js|mjs|cjs):\d+/],
  ['a file path', /(?:\/work\/|\/home\/|\/root\/|\/tmp\/|\/usr\/lib\/|file:\/\/)/],
  ['an error class', /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|AggregateError|DatabaseError)\b/],
  ['SQL', /\b(?:select\s[^"]{0,80}\sfrom\s+"|insert\s+into\s+"|update\s+"\w+"\s+set|delete\s+from\s+")/i],
  [
    'a Postgres message',
    /invalid input syntax|invalid byte sequence|violates \S+ constraint|duplicate key value|syntax error at or near|current transaction is aborted|relation "\w+"/i,
  ],
  ['a table name', /\b(?:ms365_attempts|ms365_connections|api_tokens|audit_events|throttle_counters)\b/],
];

const clip = (text: string, length = 400) => (text.length > length ? `${text.slice(0, length)}…` : text);

export function describeExchange(sent: SentRequest, response: Reply): string {
  const payload = sent.payload === undefined ? '' : ` body=${clip(JSON.stringify(sent.payload.toString()), 200)}`;
  return `${sent.method} ${clip(sent.url, 200)} headers=${clip(JSON.stringify(sent.headers), 300)}${payload} → ${
    response.statusCode
  } ${clip(response.body)}`;
}

function fail(message: string, sent: SentRequest, response: Reply): never {
  throw new Error(`${message}\n  ${describeExchange(sent, response)}`);
}

/** The error code of an error reply, if it is one. */
export function errorCodeOf(response: Reply): string | undefined {
  try {
    const code = (response.json() as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** `{"error":{"code":<known>,"message":<string>,"details"?:{…},"correlationId"?:<string>}}` and nothing else. */
export function assertErrorBody(sent: SentRequest, response: Reply): void {
  if (!String(response.headers['content-type']).startsWith('application/json'))
    fail(`error reply is not JSON (${String(response.headers['content-type'])})`, sent, response);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    fail('error reply does not parse as JSON', sent, response);
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || Object.keys(body as object).length !== 1) fail('error reply is not {"error":{…}}', sent, response);
  if (!(ERROR_CODES as readonly unknown[]).includes(error.code)) fail('unknown error code', sent, response);
  if (typeof error.message !== 'string' || error.message === '') fail('error message missing', sent, response);
  const extra = Object.keys(error).filter(
    (key) => !['code', 'message', 'messageCode', 'params', 'details', 'correlationId'].includes(key),
  );
  if (extra.length > 0) fail(`unexpected error fields ${extra.join(', ')}`, sent, response);
  if (error.details !== undefined && (typeof error.details !== 'object' || error.details === null))
    fail('error details is not an object', sent, response);
}

function assertNoLeak(sent: SentRequest, response: Reply): void {
  const type = String(response.headers['content-type'] ?? '');
  // Swagger UI's static files are code; every other reply is checked in full.
  const checkBody = response.statusCode >= 400 || /json|text\/plain/.test(type);
  const replied = `${checkBody ? response.body : ''}\n${JSON.stringify(response.headers)}`;
  const requested = `${sent.url}\n${JSON.stringify(sent.headers)}\n${sent.payload?.toString() ?? ''}`;
  for (const [what, pattern] of LEAKS) {
    if (pattern.test(replied) && !pattern.test(requested)) fail(`reply reveals ${what}`, sent, response);
  }
}

/**
 * The properties every reply has, whatever was sent: no 5xx (the database is up in these tests), 4xx in the one
 * error format, and no internals (stack, paths, SQL) anywhere in the reply.
 */
export function assertWellBehaved(sent: SentRequest, response: Reply, serverError?: string): void {
  if (response.statusCode >= 500) fail(`server error${serverError ? ` (${serverError})` : ''}`, sent, response);
  if (response.statusCode >= 400 && sent.method !== 'HEAD') assertErrorBody(sent, response);
  if (response.statusCode === 413 && errorCodeOf(response) !== 'payload_too_large')
    fail('413 without payload_too_large', sent, response);
  assertNoLeak(sent, response);
}

/** For plain regression tests: a 400 validation_failed naming the field at `path`. */
export function expectValidationFailed(response: Reply, path: string): void {
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({
    error: { code: 'validation_failed', details: { issues: [expect.objectContaining({ path })] } },
  });
}
