import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { formatMs365Code } from '@ecm365/shared';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from './logging.js';
import { OneLinePerRequest } from './request-logging.js';

const sessionId = () => randomBytes(32).toString('base64url');
const apiToken = () => `ecm365_${sessionId()}`;
const jwt = [
  { alg: 'RS256', kid: 'k1' },
  { aud: 'x', sub: 'y' },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat(randomBytes(64).toString('base64url'))
  .join('.');

describe('redactSecrets', () => {
  it('hides OAuth codes, state and error descriptions but keeps the path and other parameters', () => {
    expect(redactSecrets('/api/v1/ms365/callback?code=0.AAA-secret&state=s3cr3t&session_state=x')).toBe(
      '/api/v1/ms365/callback?code=[redacted]&state=[redacted]&session_state=[redacted]',
    );
    expect(redactSecrets('/x?error=access_denied&error_description=AADSTS65004%3A+declined')).toBe(
      '/x?error=access_denied&error_description=[redacted]',
    );
    expect(redactSecrets('/api/v1/auth/session')).toBe('/api/v1/auth/session');
  });

  it('hides secrets a client put into the query by mistake, by name', () => {
    expect(
      redactSecrets(
        '/api/v1/ms365/connection?token=t1&api_key=k2&ecm365_session=s3&csrfToken=c4&__Host-ecm365_session=s5',
      ),
    ).toBe(
      '/api/v1/ms365/connection?token=[redacted]&api_key=[redacted]&ecm365_session=[redacted]&csrfToken=[redacted]&__Host-ecm365_session=[redacted]',
    );
  });

  it('hides our API tokens, MS365 codes, JWTs, session ids and bearer credentials by their shape, wherever they are', () => {
    const secrets = [apiToken(), formatMs365Code(randomBytes(17)), jwt, sessionId()];
    for (const secret of secrets) {
      for (const text of [`/x?q=${secret}`, `/api/v1/things/${secret}/x`, `failed for ${secret}, retrying`]) {
        const redacted = redactSecrets(text);
        expect(redacted).not.toContain(secret);
        expect(redacted).toContain('[redacted]');
      }
    }
    expect(redactSecrets('authorization: Bearer opaque.value-1')).toBe('authorization: Bearer [redacted]');
  });

  it('leaves ordinary values alone: attempt ids, request ids, dates, metric names', () => {
    const ordinary = [
      `/api/v1/ms365/connect/${randomBytes(16).toString('base64url')}/authorize`,
      '"reqId":"0f8fad5b-d9cb-469f-a165-70867728950e","time":"2026-12-01T21:00:00.000Z"',
      'ecm365_http_request_duration_seconds_bucket',
      '/api/v1/ms365/connection?status=connected&limit=50',
    ];
    for (const text of ordinary) expect(redactSecrets(text)).toBe(text);
  });
});

describe('the logger', () => {
  it('redacts every line it writes: messages, errors and objects of any depth', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    const [token, session] = [apiToken(), sessionId()];
    logger.info({ attempt: { detail: { value: token } } }, `saw ${session}`);
    logger.error({ err: new Error(`bad token ${token} in /x?csrfToken=abc`) }, 'failed');
    const written = lines.join('');
    expect(written).not.toContain(token);
    expect(written).not.toContain(session);
    expect(written).not.toContain('csrfToken=abc');
    expect(lines.map((line) => JSON.parse(line) as { msg: string }).map((line) => line.msg)).toEqual([
      'saw [redacted]',
      'failed',
    ]);
  });
});

/** A stream that collects what is written; `isTTY` makes it look like a terminal, as process.stdout on one does. */
function output({ isTTY }: { isTTY: boolean }) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  // Colours depend on the terminal the tests run in; the text does not.
  return { stream, text: () => stripVTControlCharacters(chunks.join('')) };
}

describe('the logger on a terminal', () => {
  it('writes human-readable lines, no JSON, with level, message, fields and the error stack', () => {
    const terminal = output({ isTTY: true });
    const logger = createLogger('info', terminal.stream);
    logger.info({ signal: 'SIGTERM' }, 'shutting down');
    logger.error({ err: new Error('pool ended') }, 'unexpected error');
    const lines = terminal.text().split('\n');
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: shutting down \{"signal":"SIGTERM"\}$/);
    expect(lines[1]).toMatch(/ ERROR: unexpected error ?$/);
    expect(terminal.text()).toContain('Error: pool ended');
    expect(terminal.text()).not.toContain('"level"');
    expect(() => JSON.parse(lines[0] ?? '')).toThrow();
  });

  it('redacts secrets in pretty lines as in JSON ones: by name, by shape, in messages, fields and errors', () => {
    const terminal = output({ isTTY: true });
    const logger = createLogger('info', terminal.stream);
    const [token, session, code] = [apiToken(), sessionId(), formatMs365Code(randomBytes(17))];
    logger.info({ attempt: { detail: { value: token } }, password: 'Pw-visible?' }, `saw ${session}`);
    logger.warn({ body: { code } }, `redeeming ${code} with Bearer opaque-credential`);
    logger.error({ err: new Error(`bad token ${token} in /x?csrfToken=abc`) }, 'failed');
    const written = terminal.text();
    for (const secret of [token, session, code, 'Pw-visible?', 'opaque-credential', 'csrfToken=abc'])
      expect(written).not.toContain(secret);
    expect(written).toContain('saw [redacted]');
    expect(written).toContain('"password":"[redacted]"');
    expect(written).toContain('Bearer [redacted]');
    expect(written).toContain('csrfToken=[redacted]');
  });

  it('shows a request as one line with method, redacted URL, status, duration and request id', async () => {
    const terminal = output({ isTTY: true });
    const app = Fastify({
      loggerInstance: createLogger('info', terminal.stream) as FastifyBaseLogger,
      logController: new OneLinePerRequest(),
      genReqId: () => 'req-1',
    });
    app.get('/api/v1/ms365/callback', async (_request, reply) => reply.code(302).header('location', '/').send());
    await app.inject({ method: 'GET', url: '/api/v1/ms365/callback?code=0.AAA-secret&state=abc' });
    await app.close();
    expect(terminal.text()).toMatch(
      /INFO: request completed GET \/api\/v1\/ms365\/callback\?code=\[redacted\]&state=\[redacted\] 302 \d+\.\d ms \[req-1\]\n/,
    );
    expect(terminal.text()).not.toContain('0.AAA-secret');
  });

  it('writes JSON lines when the output is no terminal, and follows LOG_FORMAT when it is set', () => {
    const pipe = output({ isTTY: false });
    createLogger('info', pipe.stream).info('plain');
    expect(JSON.parse(pipe.text())).toMatchObject({ level: 30, msg: 'plain' });

    const terminalAskedForJson = output({ isTTY: true });
    createLogger('info', terminalAskedForJson.stream, 'json').info('as json');
    expect(JSON.parse(terminalAskedForJson.text())).toMatchObject({ msg: 'as json' });

    const pipeAskedForPretty = output({ isTTY: false });
    createLogger('info', pipeAskedForPretty.stream, 'pretty').info('as pretty');
    expect(pipeAskedForPretty.text()).toMatch(/INFO: as pretty\n$/);
  });
});
