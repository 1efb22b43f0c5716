import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.js';
import { OneLinePerRequest } from './request-logging.js';

/** A Fastify with the app's logger (at `level`) and log controller, and the lines it writes, parsed. */
function loggedLines(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const app = Fastify({
    loggerInstance: createLogger(level, sink) as FastifyBaseLogger,
    logController: new OneLinePerRequest(),
  });
  return { app, lines };
}

/** An app with the three probes; `/readyz?down` answers 503 as during a database outage. */
function withProbes(level: string) {
  const { app, lines } = loggedLines(level);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get<{ Querystring: { down?: string } }>('/readyz', async (request, reply) =>
    reply.code(request.query.down === undefined ? 200 : 503).send({ status: 'x' }),
  );
  app.get('/metrics', async () => 'up 1\n');
  app.get('/api/v1/auth/session', async () => ({ ok: true }));
  return { app, lines };
}

const PINO_DEBUG = 20;
const PINO_INFO = 30;

describe('request logging', () => {
  it('writes one line per request with method, redacted URL, status and duration', async () => {
    const { app, lines } = loggedLines('info');
    app.get('/api/v1/ms365/callback', async (_request, reply) => reply.code(302).header('location', '/').send());

    await app.inject({ method: 'GET', url: '/api/v1/ms365/callback?code=0.AAA-secret&state=abc' });
    await app.inject({ method: 'GET', url: '/nowhere' });

    const requestLines = lines.filter((line) => line.msg === 'request completed');
    expect(requestLines).toHaveLength(2);
    expect(lines.filter((line) => line.msg === 'incoming request')).toEqual([]);
    expect(requestLines[0]).toMatchObject({
      req: { method: 'GET', url: '/api/v1/ms365/callback?code=[redacted]&state=[redacted]' },
      res: { statusCode: 302 },
    });
    expect(requestLines[0]?.responseTime).toEqual(expect.any(Number));
    expect(requestLines[1]).toMatchObject({ req: { url: '/nowhere' }, res: { statusCode: 404 } });
    expect(JSON.stringify(lines)).not.toContain('0.AAA-secret');
    await app.close();
  });
});

describe('request logging of health probes', () => {
  it('writes successful probes of /healthz, /readyz and /metrics at debug, other requests at info', async () => {
    const { app, lines } = withProbes('debug');
    for (const url of ['/healthz', '/readyz', '/metrics', '/api/v1/auth/session', '/healthz/'])
      await app.inject({ method: 'GET', url });
    const levelOf = Object.fromEntries(
      lines
        .filter((line) => line.msg === 'request completed')
        .map((line) => [(line.req as { url: string }).url, line.level]),
    );
    expect(levelOf).toEqual({
      '/healthz': PINO_DEBUG,
      '/readyz': PINO_DEBUG,
      '/metrics': PINO_DEBUG,
      '/api/v1/auth/session': PINO_INFO,
      '/healthz/': PINO_INFO,
    });
    await app.close();
  });

  it('leaves no line of a successful probe at LOG_LEVEL=info, but keeps a failing one', async () => {
    const { app, lines } = withProbes('info');
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/readyz' });
    await app.inject({ method: 'GET', url: '/readyz?down' });
    expect(lines.map((line) => [(line.req as { url: string }).url, line.level])).toEqual([['/readyz?down', PINO_INFO]]);
    await app.close();
  });
});
