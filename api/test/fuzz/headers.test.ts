import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { headerCase, toWireHeaders } from './arbitraries/headers.js';
import { anyRoute } from './arbitraries/routes.js';
import { startFuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';
import { EXAMPLE_BODIES, routeKey, urlOf } from './support/routes.js';

let fz: FuzzApp;
beforeAll(async () => {
  // Behind one proxy, so that X-Forwarded-* is believed and reaches request.ip, protocol and host.
  fz = await startFuzzApp({ TRUST_PROXY_HOPS: '1' });
});
afterEach(() => fz.expectAlive());
afterAll(() => fz.close());

describe('headers', () => {
  it(
    'random, huge and unicode Host, Cookie, X-CSRF-Token, Authorization, Content-Type and X-Forwarded-*',
    async () => {
      const headers = headerCase({ cookie: fz.acme.cookie, csrfToken: fz.acme.csrfToken, bearer: fz.acmeToken });
      await fc.assert(
        fc.asyncProperty(anyRoute, headers, async (route, sent) => {
          const example = EXAMPLE_BODIES[routeKey(route)];
          await fz.send({
            method: route.method,
            url: urlOf(route, { attemptId: 'fuzzattempt', id: 'fuzz', file: 'index.html' }),
            headers: toWireHeaders(sent),
            ...(example ? { payload: JSON.stringify(example) } : {}),
          });
        }),
        fuzzParameters(200),
      );
    },
    fuzzTimeout(),
  );
});
