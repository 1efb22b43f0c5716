import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './arbitraries/raw-requests.js';
import { assertWellBehaved } from './support/checks.js';
import { startFuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';
import { sendRaw } from './support/raw-http.js';

let fz: FuzzApp;
let port: number;
beforeAll(async () => {
  fz = await startFuzzApp();
  await fz.t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (fz.t.app.server.address() as AddressInfo).port;
});
afterEach(() => fz.expectAlive());
afterAll(() => fz.close());

describe('over a real socket (what app.inject() cannot send)', () => {
  it(
    'broken request lines, header bytes the parser refuses, oversized headers, bad framing',
    async () => {
      await fc.assert(
        fc.asyncProperty(rawRequest, async (request) => {
          const reply = await sendRaw(port, request.bytes);
          if (!reply) throw new Error(`no HTTP reply to ${request.label}`);
          // An HTTP/1.1 request without Host gets Node's bare 400 before any app code runs (RFC 9112 §3.2).
          if (!request.hasHost && reply.statusCode === 400 && reply.body === '') return;
          const method = request.bytes.toString('latin1').split(' ')[0] ?? '';
          assertWellBehaved({ method, url: request.label, headers: {}, payload: request.bytes }, reply);
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(),
  );
});

describe("regressions found by the socket fuzz: the parser's refusals in the error format", () => {
  it('a broken request line or header byte: 400 validation_failed', async () => {
    for (const bytes of [
      Buffer.from('GARBAGE\r\n\r\n'),
      Buffer.concat([
        Buffer.from('GET /healthz HTTP/1.1\r\nHost: a\r\nX: '),
        Buffer.from([0]),
        Buffer.from('\r\n\r\n'),
      ]),
    ]) {
      const reply = await sendRaw(port, bytes);
      expect(reply?.statusCode).toBe(400);
      expect(reply?.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: 'Die Anfrage ist ungültig.',
          messageCode: 'error.validation_failed',
          params: {},
        },
      });
    }
  });

  it('a request answered before its broken chunked body: that one answer, no second response on the socket', async () => {
    const reply = await sendRaw(
      port,
      Buffer.from(
        'GET /api/v1/api-tokens/a HTTP/1.1\r\nHost: acme.ecm365.test\r\nTransfer-Encoding: chunked\r\n' +
          'Connection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
      ),
    );
    expect(reply?.statusCode).toBe(404);
    expect(reply?.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('headers over the size limit: 431 payload_too_large', async () => {
    const reply = await sendRaw(
      port,
      Buffer.from(`GET /healthz HTTP/1.1\r\nHost: a\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(reply?.statusCode).toBe(431);
    expect(reply?.json().error.code).toBe('payload_too_large');
  });
});
