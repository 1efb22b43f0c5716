import { parseMs365Code } from '@ecm365/shared';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { signIn, type SignedIn } from '../support/test-app.js';
import { codeInput } from './arbitraries/codes.js';
import { errorCodeOf } from './support/checks.js';
import { startFuzzApp, type FuzzApp } from './support/fuzz-app.js';
import { fuzzParameters, fuzzTimeout } from './support/fuzz-parameters.js';

let fz: FuzzApp;
beforeAll(async () => {
  fz = await startFuzzApp();
});
afterEach(() => fz.expectAlive());
afterAll(() => fz.close());

/** What POST /ms365/connection must answer for a code that was never issued. */
function expectedCodes(input: string): string[] {
  const length = [...input].length; // JSON Schema counts code points
  if (length === 0 || length > 200) return ['validation_failed'];
  // A typo is caught by the check character before the database is asked; a well-formed code is unknown.
  return parseMs365Code(input).ok ? ['invalid_code', 'too_many_attempts'] : ['invalid_code_format'];
}

describe('MS365 codes', () => {
  it(
    'random strings, near-valid codes, look-alikes and whitespace variants never connect anything',
    async () => {
      let session: SignedIn = fz.acme;
      let wrongCodes = 0;
      await fc.assert(
        fc.asyncProperty(codeInput, async (code) => {
          // Five unknown codes block a session (tested elsewhere); a fresh session keeps the fuzz past that limit.
          if (wrongCodes >= 4) {
            session = await signIn(fz.t.app, 'admin', 'admin');
            wrongCodes = 0;
          }
          const response = await fz.send({
            method: 'POST',
            url: '/api/v1/ms365/connection',
            headers: {
              host: session.host,
              cookie: session.cookie,
              'x-csrf-token': session.csrfToken,
              'content-type': 'application/json',
            },
            payload: JSON.stringify({ code }),
          });
          const expected = expectedCodes(code);
          const got = errorCodeOf(response);
          if (!got || !expected.includes(got))
            throw new Error(`code ${JSON.stringify(code)} got ${response.statusCode} ${got}, expected ${expected}`);
          if (got === 'invalid_code') wrongCodes++;
        }),
        fuzzParameters(150),
      );
      const status = await fz.send({
        method: 'GET',
        url: '/api/v1/ms365/connection',
        headers: { host: fz.acme.host, cookie: fz.acme.cookie },
      });
      if (status.json<{ status: string }>().status !== 'not_connected') throw new Error('a fuzzed code connected acme');
    },
    fuzzTimeout(),
  );
});
