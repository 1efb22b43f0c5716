import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.js';
import { OneLinePerRequest } from './request-logging.js';

describe('request logging', () => {
  it('writes one line per request with method, redacted URL, status and duration', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        callback();
      },
    });
    const app = Fastify({
      loggerInstance: createLogger('info', sink) as FastifyBaseLogger,
      logController: new OneLinePerRequest(),
    });
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
