import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressNotAllowedError, guardedLookup, WebhookSender } from '../../src/adapters/webhooks/index.js';

/** A loopback server whose behaviour per path the tests choose; it counts the requests that reached it. */
let server: http.Server;
let origin: string;
const hits: string[] = [];
const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/redirect') return response.writeHead(307, { location: `${origin}/target` }).end();
      if (request.url === '/slow') return; // never answers
      if (request.url === '/huge') {
        response.writeHead(200);
        const block = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 200 && response.write(block)) sent++;
          if (sent < 200) response.once('drain', pump);
          else response.end();
        };
        return pump();
      }
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(request.headers[name])]),
      );
      try {
        new Webhook(SECRET).verify(Buffer.concat(chunks).toString('utf8'), headers);
        response.writeHead(204).end();
      } catch {
        response.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const message = (path: string, url = `${origin}${path}`) => ({
  url,
  id: 'evt_test',
  body: JSON.stringify({ id: 'evt_test', type: 'webhook.test' }),
  secret: SECRET,
  timestamp: new Date(),
});
const lenient = new WebhookSender({ timeoutMs: 1000, allowPrivateTargets: true, allowHttp: true });
const strict = new WebhookSender({ timeoutMs: 1000, allowPrivateTargets: false, allowHttp: true });

describe('the webhook sender (adapter)', () => {
  it('signs so that a Standard Webhooks receiver accepts the request', async () => {
    expect(await lenient.send(message('/ok'))).toMatchObject({ ok: true, status: 204, error: null });
  });

  it('does not follow redirects: the redirect target is never called', async () => {
    hits.length = 0;
    expect(await lenient.send(message('/redirect'))).toMatchObject({
      ok: false,
      status: 307,
      error: 'redirect_not_followed',
    });
    expect(hits).toEqual(['/redirect']);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    expect(await lenient.send(message('/slow'))).toMatchObject({ ok: false, status: null, error: 'timeout' });
  });

  it('reads a bounded part of a huge answer and still reports its status', async () => {
    expect(await lenient.send(message('/huge'))).toMatchObject({ ok: true, status: 200 });
  });

  it('refuses loopback targets when private targets are not allowed, before any connection is made', async () => {
    hits.length = 0;
    for (const url of [`${origin}/ok`, `http://localhost:${new URL(origin).port}/ok`, 'http://[::ffff:127.0.0.1]/ok']) {
      expect(await strict.send(message('', url)), url).toMatchObject({ ok: false, error: 'address_not_allowed' });
    }
    expect(hits).toEqual([]);
  });
});

describe('the connect-time address check (guarded lookup)', () => {
  it('refuses a connection when the name resolves to a loopback address, whatever the URL said', async () => {
    hits.length = 0;
    const error = await new Promise<Error>((resolve) => {
      http
        .get(`http://localhost:${new URL(origin).port}/ok`, { lookup: guardedLookup(false) }, () =>
          resolve(new Error('connected')),
        )
        .on('error', resolve);
    });
    expect(error).toBeInstanceOf(AddressNotAllowedError);
    expect(hits).toEqual([]);
  });

  it('lets the same connection through when ops allow private targets', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`http://localhost:${new URL(origin).port}/ok`, { lookup: guardedLookup(true), family: 4 }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(401); // reached the server (a GET without signature)
  });
});
