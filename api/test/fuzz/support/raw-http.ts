import net from 'node:net';
import type { Reply } from './checks.js';

/** A reply read off the socket, shaped like app.inject()'s so that the same checks apply. */
export type RawReply = Reply & { raw: string };

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (lineEnd < 0 || !Number.isFinite(size) || size === 0) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

function parseReply(raw: Buffer): RawReply | undefined {
  // An interim `100 Continue` (for Expect: 100-continue) precedes the real reply.
  const text = raw.toString('utf8').replace(/^(?:HTTP\/1\.1 1\d\d [^\r]*\r\n\r\n)+/, '');
  const headEnd = text.indexOf('\r\n\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (headEnd < 0 || !status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of text.slice(0, headEnd).split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rawBody = text.slice(headEnd + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rawBody) : rawBody;
  return { statusCode: Number(status[1]), headers, body, json: () => JSON.parse(body), raw: text };
}

/** Writes `bytes` on a fresh connection and reads until the server closes it. */
export function sendRaw(port: number, bytes: Buffer, timeoutMs = 5_000): Promise<RawReply | undefined> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete reply within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // the server may reset after answering a broken request
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseReply(Buffer.concat(chunks)));
    });
    // Written, not ended: Node closes a half-closed connection without answering a request still in progress.
    // Every generated request is complete and says Connection: close, so the server closes when it has answered.
    socket.write(bytes);
  });
}
