import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { formatMs365Code } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from './logging.js';

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
