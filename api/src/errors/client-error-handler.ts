import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody } from '@ecm365/shared';

/**
 * Requests Node's HTTP parser refuses (broken request line, bad header bytes, headers over the size limit) never
 * reach Fastify's error handler; Fastify answers them on the socket. This answers them in the API's error format
 * instead, like every other 4xx. There is no request yet, so there is no correlation id.
 */
function replyFor(code: string | undefined): [status: number, body: ErrorBody] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, { error: { code: 'payload_too_large', message: 'Die Anfrage ist zu groß.' } }];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, { error: { code: 'validation_failed', message: 'Die Anfrage kam nicht rechtzeitig an.' } }];
    default:
      return [400, { error: { code: 'validation_failed', message: 'Die Anfrage ist ungültig.' } }];
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
