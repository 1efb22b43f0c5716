import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await startTestApp({ env: { REQUEST_TIMEOUT_MS: '1000', CONNECTION_TIMEOUT_MS: '1500' } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Opens a socket, writes `head` and then `body` one byte per `dripMs`; reports what came back when it closed. */
function drip(head: string, body: string, dripMs: number) {
  return new Promise<{ answer: string; bytesLeft: number }>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, bytesLeft: body.length - sent });
    });
    socket.write(head);
    if (body.length > 0) {
      timer = setInterval(() => {
        if (sent < body.length && !socket.destroyed) socket.write(body[sent++] as string);
      }, dripMs);
    }
  });
}

describe('slow clients', () => {
  it('are cut off with 408 when a request body drips in slower than REQUEST_TIMEOUT_MS allows', async () => {
    const body = JSON.stringify({ username: 'admin', password: `${'x'.repeat(150)}` });
    const head =
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${hostOf('acme')}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    // One byte every 100 ms: the whole body would take 17 s, and every byte keeps the socket busy.
    const { answer, bytesLeft } = await drip(head, body, 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"validation_failed"');
    expect(bytesLeft).toBeGreaterThan(0);
  }, 20_000);

  it('are cut off when they open a connection and send nothing', async () => {
    const { answer, bytesLeft } = await drip('', '', 100);
    expect(bytesLeft).toBe(0);
    expect(answer === '' || /^HTTP\/1\.1 408 /.test(answer)).toBe(true);
  }, 20_000);

  it('that are merely quick get their answer as before', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
  });
});
