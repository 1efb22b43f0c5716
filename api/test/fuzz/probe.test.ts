import net from 'node:net';
import { afterAll, beforeAll, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

function raw(text: string | Buffer): Promise<string> {
  const { port } = t.app.server.address() as net.AddressInfo;
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('end', () => resolve(out));
    socket.on('error', (e) => resolve(out + ' ERR ' + e.message));
    socket.on('close', () => resolve(out));
    socket.end(text);
  });
}

it('probe', async () => {
  const show = async (label: string, text: string | Buffer) =>
    console.log(label, JSON.stringify((await raw(text)).slice(0, 400)));
  await show('big header', `GET /healthz HTTP/1.1\r\nHost: acme.ecm365.test\r\nX-A: ${'a'.repeat(20000)}\r\n\r\n`);
  await show(
    'bad header byte',
    Buffer.concat([
      Buffer.from('GET /healthz HTTP/1.1\r\nHost: acme.ecm365.test\r\nX-A: '),
      Buffer.from([0x00, 0x7f, 0xff]),
      Buffer.from('\r\nConnection: close\r\n\r\n'),
    ]),
  );
  await show(
    'utf8 host',
    Buffer.concat([
      Buffer.from('GET /api/v1/auth/session HTTP/1.1\r\nHost: '),
      Buffer.from('ä.ecm365.test'),
      Buffer.from('\r\nConnection: close\r\n\r\n'),
    ]),
  );
  await show('bad request line', `GARBAGE\r\n\r\n`);
  await show('no host', `GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n`);
  await show('two hosts', `GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n`);
  await show(
    'bad chunk',
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: acme.ecm365.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
  );
  await show(
    'chunked big',
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: acme.ecm365.test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n11170\r\n${'a'.repeat(70000)}\r\n0\r\n\r\n`,
  );
  await show(
    'cl lies',
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: acme.ecm365.test\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n{}`,
  );
  await show(
    'cl short',
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: acme.ecm365.test\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"username":"a","password":"b"}`,
  );
  await show(
    'cl bad',
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: acme.ecm365.test\r\nContent-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}`,
  );
  await show(
    'bad path',
    `GET /api/v1/ms365/connect/%zz HTTP/1.1\r\nHost: acme.ecm365.test\r\nConnection: close\r\n\r\n`,
  );
  await show(
    'abs url',
    `GET http://evil.example/healthz HTTP/1.1\r\nHost: acme.ecm365.test\r\nConnection: close\r\n\r\n`,
  );
  await show('star', `OPTIONS * HTTP/1.1\r\nHost: acme.ecm365.test\r\nConnection: close\r\n\r\n`);
  await show('unk method', `FOO /healthz HTTP/1.1\r\nHost: acme.ecm365.test\r\nConnection: close\r\n\r\n`);
  await show('propfind', `PROPFIND /healthz HTTP/1.1\r\nHost: acme.ecm365.test\r\nConnection: close\r\n\r\n`);
  await show('http10', `GET /healthz HTTP/1.0\r\n\r\n`);
  await show(
    'url nul',
    `GET /api/v1/ms365/connect/a%00/code HTTP/1.1\r\nHost: acme.ecm365.test\r\nConnection: close\r\n\r\n`,
  );
});
