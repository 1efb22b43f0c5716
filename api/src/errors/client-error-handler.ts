import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from '@ecm365/shared';
import { DomainError } from './domain-errors.js';
import { errorBodyOf } from './error-body.js';

/**
 * Requests Node's HTTP parser refuses (broken request line, bad header bytes, headers over the size limit) never
 * reach Fastify's error handler; Fastify answers them on the socket. This answers them in the API's error format
 * instead, like every other 4xx. There is no request yet, so there is no correlation id and no Accept-Language
 * (the texts are German, the default).
 */
function replyFor(code: string | undefined): [status: number, body: ErrorBody] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, errorBodyOf(new DomainError('payload_too_large', 431, 'error.payload_too_large'), 'de')];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, errorBodyOf(new DomainError('validation_failed', 408, 'error.request_timeout'), 'de')];
    default:
      return [400, errorBodyOf(new DomainError('validation_failed', 400, 'error.validation_failed'), 'de')];
  }
}

/** The response Node's HTTP server is writing on this socket, if any (the parser may fail after the request). */
type HttpSocket = Socket & { _httpMessage?: { headersSent?: boolean } | null };

export function clientErrorHandler(error: Error & { code?: string }, socket: HttpSocket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, body] = replyFor(error.code);
  const text = JSON.stringify(body);
  // A request may have been answered already and only its body be broken (e.g. a bad chunk after the headers):
  // a second response on that socket would corrupt the first, so then the connection is only closed, as Node does.
  if (socket.writable && !socket._httpMessage?.headersSent) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}
