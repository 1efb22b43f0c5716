import fc from 'fast-check';
import { pathId } from './ids.js';
import { hugeText, shortText } from './text.js';

/** A whole HTTP/1.1 message as bytes, as a client or an attacker might write it. */
export interface RawRequest {
  label: string;
  bytes: Buffer;
  hasHost: boolean;
}

const methods = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'FOO', 'get', 'G ET', '');
const versions = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/1.1', 'HTTP/2', 'HTTP/1.1x', 'HTTP/9.9', '');
const targets = fc.oneof(
  fc.constantFrom(
    '/healthz',
    '/api/v1/auth/login',
    '/api/v1/ms365/connection',
    '/api/v1/ms365/callback?state=x&code=y',
    '/api/v1/ms365/connect/../../../../etc/passwd',
    '/api/v1/ms365/connect/%zz/code',
    'http://evil.example/healthz',
    '*',
    '',
    '//',
    '/api/v1/ms365/connect/x y/code',
  ),
  pathId.map((id) => `/api/v1/ms365/connect/${id}/code`),
  pathId.map((id) => `/api/v1/api-tokens/${id}`),
);

/** Header lines, some of which the parser must refuse: bad bytes, no colon, folding, oversized, conflicting. */
const headerLines = fc.array(
  fc.oneof(
    { arbitrary: shortText.map((value) => Buffer.from(`X-Fuzz: ${value.replace(/[\r\n]/g, '')}`)), weight: 3 },
    fc
      .constantFrom(
        'Host: acme.ecm365.test',
        'Host: other.ecm365.test',
        'Host:',
        'Cookie: ecm365_session=junk; ecm365_session=%zz',
        'Content-Type: application/json',
        'Content-Length: abc',
        'Content-Length: -1',
        'Content-Length: 1, 2',
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: gzip, chunked',
        'Transfer-Encoding: identity',
        'Authorization: Bearer ecm365_junk',
        'X-CSRF-Token: \t',
        'No colon here',
        ': no name',
        ' folded: continuation',
        'Bad Name: x',
        'X-Nul: a\u0000b',
        'X-Del: a\u007fb',
        'Expect: 100-continue',
        'Connection: upgrade',
        'Upgrade: websocket',
      )
      .map((line) => Buffer.from(line, 'latin1')),
    fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => Buffer.concat([Buffer.from('X-Bytes: '), bytes])),
    hugeText.map((text) => Buffer.from(`X-Huge: ${'h'.repeat(text.length)}`)),
  ),
  { maxLength: 6 },
);

const bodies = fc.constantFrom('', '{}', '{"username":"admin","password":"admin"}', '{', 'x'.repeat(70_000));

/** Every message is complete, so that the server answers without waiting: framed by length or by chunks. */
const chunked = (body: string) =>
  body === '' ? '0\r\n\r\n' : `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
const BOGUS_CHUNKS = 'zz\r\nabc\r\n0\r\n\r\n';

export const rawRequest: fc.Arbitrary<RawRequest> = fc
  .record({
    method: methods,
    target: targets,
    version: versions,
    lines: headerLines,
    content: bodies,
    bogusChunks: fc.boolean(),
    withHost: fc.boolean(),
  })
  .map(({ method, target, version, lines, content, bogusChunks, withHost }) => {
    const head = Buffer.from(`${method} ${target} ${version}\r\n`, 'latin1');
    const host = withHost ? [Buffer.from('Host: acme.ecm365.test')] : [];
    const isChunked = lines.some((line) => /^Transfer-Encoding: .*chunked/i.test(line.toString('latin1')));
    const body = isChunked ? (bogusChunks ? BOGUS_CHUNKS : chunked(content)) : content;
    const length = isChunked ? [] : [Buffer.from(`Content-Length: ${Buffer.byteLength(body)}`)];
    const headerBlock = [...host, ...lines, ...length, Buffer.from('Connection: close')].flatMap((line) => [
      line,
      Buffer.from('\r\n'),
    ]);
    const bytes = Buffer.concat([head, ...headerBlock, Buffer.from('\r\n'), Buffer.from(body)]);
    return {
      label: `${method} ${target.slice(0, 80)} ${version} +${lines.length} lines, ${body.length} bytes`,
      bytes,
      hasHost: /\r\nhost:/i.test(bytes.toString('latin1')),
      // fast-check prints this in a failure report instead of every byte.
      [fc.toStringMethod]: () => JSON.stringify(bytes.toString('latin1').slice(0, 1_500)),
    };
  });
