import type { ConnectResponse } from '@ecm365/shared';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostHeader } from './arbitraries/headers.js';
import { callbackQuery } from './arbitraries/query.js';
import { asWireHeaderValue } from './arbitraries/text.js';
import type { Reply } from './support/checks.js';
import { startFuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';

let fz: FuzzApp;
beforeAll(async () => {
  fz = await startFuzzApp();
});
afterEach(() => fz.expectAlive());
afterAll(() => fz.close());

const CALLBACK = '/api/v1/ms365/callback';

/** The callback only ever sends the browser to the portal itself: never an open redirect. */
function expectPortalRedirect(response: Reply): void {
  if (response.statusCode === 400) return;
  if (response.statusCode !== 303) throw new Error(`callback answered ${response.statusCode}`);
  const target = new URL(String(response.headers.location));
  if (target.protocol !== 'http:' || !/^(?:[a-z0-9-]+\.)?ecm365\.test$/.test(target.hostname) || target.port !== '')
    throw new Error(`callback redirects off the portal: ${target.href}`);
}

describe('the callback', () => {
  it(
    'answers any query, with or without a session, on any host, with a redirect to the portal or a 400',
    async () => {
      const cookie = fc.option(fc.constantFrom(fz.acme.cookie, 'ecm365_session=junk'), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(callbackQuery, hostHeader, cookie, async (query, host, sessionCookie) => {
          const response = await fz.send({
            method: 'GET',
            url: `${CALLBACK}?${query}`,
            headers: { host: asWireHeaderValue(host), ...(sessionCookie ? { cookie: sessionCookie } : {}) },
          });
          expectPortalRedirect(response);
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(),
  );

  it(
    'survives junk codes, errors and extra parameters next to a live state',
    async () => {
      const user = asUser(fz.t, fz.acme);
      const liveState = async () => {
        const { attemptId } = (await user.post('/api/v1/ms365/connect')).json<ConnectResponse>();
        const microsoft = String((await user.get(`/api/v1/ms365/connect/${attemptId}/authorize`)).headers.location);
        return new URL(microsoft).searchParams.get('state') ?? '';
      };
      await fc.assert(
        fc.asyncProperty(callbackQuery, async (query) => {
          const state = encodeURIComponent(await liveState());
          const response = await fz.send({
            method: 'GET',
            url: `${CALLBACK}?${query}&state=${state}`.replace('?&', '?'),
            headers: { host: fz.acme.host, cookie: fz.acme.cookie },
          });
          expectPortalRedirect(response);
        }),
        fuzzParameters(30),
      );
    },
    fuzzTimeout(),
  );
});
