import { afterAll, beforeAll, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterAll(() => t.close());

it('probe', async () => {
  const h = { host: admin.host, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
  const show = (label: string, r: { statusCode: number; body: string }) =>
    console.log(label, r.statusCode, r.body.slice(0, 300));
  show('nul attempt', await t.app.inject({ method: 'GET', url: '/api/v1/ms365/connect/a%00b', headers: h }));
  show('nul attempt code', await t.app.inject({ method: 'GET', url: '/api/v1/ms365/connect/%00/code', headers: h }));
  show(
    'nul token name',
    await t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: h, payload: { name: 'a\u0000b' } }),
  );
  show(
    'nul login',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme') },
      payload: { username: 'a\u0000b', password: 'x' },
    }),
  );
  show(
    'nul login tenant',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: 'selfhost.ecm365.test' },
      payload: { username: 'ab', password: 'x', tenant: 'a\u0000' },
    }),
  );
  show(
    'proto',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json' },
      payload: '{"__proto__":{"x":1},"username":"a","password":"b"}',
    }),
  );
  show(
    'constructor',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json' },
      payload: '{"constructor":{"prototype":{"x":1}},"username":"a","password":"b"}',
    }),
  );
  show(
    'bad utf8',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    }),
  );
  show(
    'text',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'text/plain' },
      payload: 'hi',
    }),
  );
  show(
    'ct params',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json; charset=latin1' },
      payload: '{}',
    }),
  );
  show(
    'ct params2',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json; charset=utf-16' },
      payload: '{}',
    }),
  );
  show(
    'empty json',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json' },
      payload: '',
    }),
  );
  show(
    'empty logout json',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...h, 'content-type': 'application/json' },
      payload: '',
    }),
  );
  show(
    'big',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json' },
      payload: 'x'.repeat(70000),
    }),
  );
  show(
    'big text',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'text/plain' },
      payload: 'x'.repeat(70000),
    }),
  );
  show(
    'host junk',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/ms365/connect',
      headers: { ...h, host: 'acme.ecm365.test:99999999' },
    }),
  );
  show(
    'host junk2',
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/ms365/connect',
      headers: { ...h, host: 'acme.ecm365.test:abc' },
    }),
  );
  show(
    'host junk3',
    await t.app.inject({ method: 'GET', url: '/api/v1/ms365/callback?state=x&code=y', headers: { ...h, host: 'a b' } }),
  );
  show(
    'host junk4',
    await t.app.inject({ method: 'GET', url: '/api/v1/ms365/callback?state=x&code=y', headers: { ...h, host: '[' } }),
  );
  show(
    'host junk5',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/callback?state=x&code=y',
      headers: { ...h, host: 'ä.ecm365.test' },
    }),
  );
  show(
    'cb dup',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/callback?state=x&state=y',
      headers: { host: hostOf('acme') },
    }),
  );
  show(
    'cb none',
    await t.app.inject({ method: 'GET', url: '/api/v1/ms365/callback', headers: { host: hostOf('acme') } }),
  );
  show(
    'cb err',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/callback?error=%00&error_description=%ff',
      headers: { host: hostOf('acme') },
    }),
  );
  show(
    'cb state nul',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/callback?state=admin-consent.%00&admin_consent=True',
      headers: { host: hostOf('acme') },
    }),
  );
  show('bad pct', await t.app.inject({ method: 'GET', url: '/api/v1/ms365/connect/%E0%A4%A/code', headers: h }));
  show('bad pct q', await t.app.inject({ method: 'GET', url: '/api/v1/ms365/callback?state=%E0%A4%A', headers: h }));
  show(
    'cookie junk',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host: hostOf('acme'), cookie: 'ecm365_session=%E0%A4%A; ecm365_session=x' },
    }),
  );
  show(
    'cookie nul',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host: hostOf('acme'), cookie: 'ecm365_session=%00' },
    }),
  );
  show(
    'bearer',
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/connection',
      headers: { host: hostOf('acme'), authorization: 'Bearer ecm365_\u00e4' },
    }),
  );
  show('unk method', await t.app.inject({ method: 'PATCH' as never, url: '/api/v1/ms365/connection', headers: h }));
  show('options', await t.app.inject({ method: 'OPTIONS', url: '/api/v1/ms365/connection', headers: h }));
  show('head', await t.app.inject({ method: 'HEAD', url: '/api/v1/ms365/connection', headers: h }));
  show('code nul', await asUser(t, admin).post('/api/v1/ms365/connection', { code: '\u0000' }));
  show(
    'mailbox',
    await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', {
      enabled: true,
      mailbox: 'a\u0000@b.de',
    }),
  );
  show(
    'mailbox2',
    await asUser(t, admin).put('/api/v1/ms365/features/invoice-mail-import', { enabled: true, mailbox: 'ä@ü.de' }),
  );
  show('token del', await asUser(t, admin).delete('/api/v1/api-tokens/%00'));
  show('docs', await t.app.inject({ method: 'GET', url: '/docs/%00', headers: h }));
  show('docs2', await t.app.inject({ method: 'GET', url: '/docs/static/..%2f..%2fpackage.json', headers: h }));
  show(
    'metrics',
    await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'x'.repeat(10000) } }),
  );
});
