import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, startTestApp, type TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let t: TestApp;
let origin: string;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  origin = `http://127.0.0.1:${address.port}`;
});
afterAll(() => t.close());

/** The request lines the app logged for one request id. */
const loggedLinesOf = (requestId: string) =>
  t.logs.map((line) => JSON.parse(line) as { reqId?: string; msg: string }).filter((line) => line.reqId === requestId);

const wrongLogin = (headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { host: hostOf('acme'), ...headers },
    payload: { username: 'admin', password: 'wrong' },
  });

describe('X-Request-Id', () => {
  it('is answered on every reply, with a fresh UUID when the caller sent none', async () => {
    const replies = [
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { host: hostOf('acme') } }),
      await t.app.inject({ method: 'GET', url: '/nowhere' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: hostOf('acme') }, payload: {} }),
      await wrongLogin(),
    ];
    expect(replies.map((reply) => reply.statusCode)).toEqual([200, 401, 404, 400, 401]);
    const ids = replies.map((reply) => reply.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes the caller's id for the reply header, the error body's correlationId and the log lines", async () => {
    const requestId = 'proxy-7f3a.42:1700000000';
    const reply = await wrongLogin({ 'x-request-id': requestId });
    expect(reply.statusCode).toBe(401);
    expect(reply.headers['x-request-id']).toBe(requestId);
    expect(reply.json().error).toMatchObject({ code: 'invalid_credentials', correlationId: requestId });
    expect(loggedLinesOf(requestId).map((line) => line.msg)).toContain('request completed');
  });

  it('answers a fresh UUID instead of an id that is too long or holds characters outside the safe set', async () => {
    const refused = ['a'.repeat(129), 'two words', 'quote"d', 'semi;colon', 'ümlaut', '<script>', 'a, b', ''];
    for (const given of refused) {
      const reply = await wrongLogin({ 'x-request-id': given });
      const answered = reply.headers['x-request-id'];
      expect(answered, given).toMatch(UUID);
      expect(reply.json().error.correlationId).toBe(answered);
    }
    const longest = 'b'.repeat(128);
    expect((await wrongLogin({ 'x-request-id': longest })).headers['x-request-id']).toBe(longest);
  });

  it('works over real HTTP too, also for requests Fastify refuses before routing (bad percent-encoding)', async () => {
    const given = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const health = await fetch(`${origin}/healthz`, { headers: { 'x-request-id': given } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBe(given);

    const fresh = await fetch(`${origin}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(UUID);
    expect(fresh.headers.get('x-request-id')).not.toBe(given);

    const badUrl = await fetch(`${origin}/api/v1/ms365/connect/%zz/code`, {
      headers: { host: hostOf('acme'), 'x-request-id': 'bad-url-1' },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.headers.get('x-request-id')).toBe('bad-url-1');
    expect(((await badUrl.json()) as { error: { correlationId: string } }).error.correlationId).toBe('bad-url-1');

    const twoHeaders = await fetch(`${origin}/healthz`, {
      headers: [
        ['x-request-id', 'first'],
        ['x-request-id', 'second'],
      ],
    });
    expect(twoHeaders.headers.get('x-request-id')).toMatch(UUID);
  });
});
