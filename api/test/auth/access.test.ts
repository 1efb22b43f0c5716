import { SESSION_COOKIE } from '@ecm365/shared';
import { type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/errors/error-handler.js';
import { createRequestAuth } from '../../src/http/request-auth.js';
import { hostOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // Grace dates are changed behind the app's back here (as ops would): no session cache, so it shows at once.
  t = await startTestApp({ env: { SESSION_CACHE_TTL_MS: '0' } });
});
afterAll(() => t.close());

const access = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/ms365/access', headers: { host: hostOf('acme'), cookie } });

async function setGrace(graceUntil: string | null) {
  await t.database.db.updateTable('tenants').set({ graceUntil }).where('slug', '=', 'acme').execute();
}

describe('GET /api/v1/ms365/access', () => {
  it('says group_member for admin and not_member for gast', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const gast = await signIn(t.app, 'gast', 'gast');
    expect((await access(admin.cookie)).json()).toEqual({
      allowed: true,
      reason: 'group_member',
      group: 'online.ecm.microsoft365',
    });
    expect((await access(gast.cookie)).json()).toEqual({
      allowed: false,
      reason: 'not_member',
      group: 'online.ecm.microsoft365',
    });
  });

  it('lets every user in before the grace date, and no longer from that day on', async () => {
    const gast = await signIn(t.app, 'gast', 'gast');
    await setGrace('2999-12-31');
    expect((await access(gast.cookie)).json()).toEqual({
      allowed: true,
      reason: 'grace_period',
      group: 'online.ecm.microsoft365',
      graceUntil: '2999-12-31',
    });
    await setGrace('2022-10-09');
    expect((await access(gast.cookie)).json()).toMatchObject({
      allowed: false,
      reason: 'not_member',
      graceUntil: '2022-10-09',
    });
    await setGrace(null);
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ms365/access',
      headers: { host: hostOf('acme') },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('the requireMs365Access guard', () => {
  it('answers 403 access_denied "Zugriff nicht erlaubt" to non-members and lets members through', async () => {
    // A stand-alone route behind the real guard, over the real session store.
    const probe = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    probe.setErrorHandler(errorHandler);
    await probe.register(fastifyCookie);
    const guards = createRequestAuth({
      sessions: t.services.sessions,
      clock: t.services.clock,
      hostRules: t.services.hostRules,
      sessionCookie: SESSION_COOKIE,
    });
    probe.post('/guarded', { onRequest: [guards.authenticate, guards.requireMs365Access] }, async () => ({ ok: true }));

    const admin = await signIn(t.app, 'admin', 'admin');
    const gast = await signIn(t.app, 'gast', 'gast');
    const call = (who: typeof admin) =>
      probe.inject({
        method: 'POST',
        url: '/guarded',
        headers: { host: who.host, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
      });

    expect((await call(admin)).json()).toEqual({ ok: true });
    const denied = await call(gast);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({
      code: 'access_denied',
      message: 'Zugriff nicht erlaubt',
      details: { group: 'online.ecm.microsoft365', reason: 'not_member' },
    });
    await probe.close();
  });
});
