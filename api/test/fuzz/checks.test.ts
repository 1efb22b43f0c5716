import { describe, expect, it } from 'vitest';
import { assertWellBehaved, type Reply, type SentRequest } from './support/checks.js';

/** The fuzz tests are only as good as their oracle: it must catch what it claims to catch. */
const sent: SentRequest = { method: 'POST', url: '/api/v1/auth/login', headers: {}, payload: '{"x":1}' };
const reply = (statusCode: number, body: unknown, type = 'application/json; charset=utf-8'): Reply => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { statusCode, headers: { 'content-type': type }, body: text, json: () => JSON.parse(text) };
};
const error = (extra: Record<string, unknown> = {}) => ({
  error: { code: 'validation_failed', message: 'Die Anfrage ist ungültig.', ...extra },
});

describe('the reply checks', () => {
  it('accept the error format and plain successes', () => {
    expect(() => assertWellBehaved(sent, reply(400, error({ correlationId: 'x', details: {} })))).not.toThrow();
    expect(() => assertWellBehaved(sent, reply(200, { ok: true }))).not.toThrow();
    expect(() => assertWellBehaved(sent, reply(303, '', 'text/plain'))).not.toThrow();
  });

  it('refuse any 5xx, and 4xx in another format', () => {
    expect(() => assertWellBehaved(sent, reply(500, error()))).toThrow(/server error/);
    expect(() =>
      assertWellBehaved(sent, reply(400, { error: 'Bad Request', code: 'FST_ERR_BAD_URL', statusCode: 400 })),
    ).toThrow(/not \{"error"/);
    expect(() => assertWellBehaved(sent, reply(400, { error: { code: 'nope', message: 'x' } }))).toThrow(/code/);
    expect(() => assertWellBehaved(sent, reply(400, '', 'text/plain'))).toThrow(/not JSON/);
    expect(() => assertWellBehaved(sent, reply(413, error()))).toThrow(/payload_too_large/);
  });

  it('refuse stack traces, file paths, SQL and Postgres messages anywhere in a reply', () => {
    for (const leak of [
      'TypeError: x is undefined',
      '    at Object.<anonymous> (/srv/app/api/src/app.ts:10:5)',
      'at async handler (file:///srv/app/dist/main.js:1:2)',
      '/work/main/node_modules/fastify/lib/route.js',
      'select "id" from "ms365_attempts" where "id" = $1',
      'invalid byte sequence for encoding "UTF8": 0x00',
    ]) {
      expect(() => assertWellBehaved(sent, reply(400, error({ details: { leak } }))), leak).toThrow(/reveals/);
      expect(() => assertWellBehaved(sent, reply(200, { leak })), leak).toThrow(/reveals/);
    }
  });

  it('allow a reply to repeat what the request itself contained (e.g. an unknown field name)', () => {
    const echoing = { ...sent, payload: '{"TypeError":1}' };
    const unknownField = error({ details: { issues: [{ problem: 'unknown field "TypeError"' }] } });
    expect(() => assertWellBehaved(echoing, reply(400, unknownField))).not.toThrow();
  });
});
