import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const wrongPassword = (headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { host: hostOf('acme'), ...headers },
    payload: { username: 'admin', password: 'wrong' },
  });

describe("the API's own texts follow Accept-Language", () => {
  it("answers curl -H 'accept-language: en' with a wrong password in English, with code and params", async () => {
    const response = await wrongPassword({ 'accept-language': 'en' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_credentials',
        message: 'The ELO user name or password is wrong.',
        messageCode: 'error.invalid_credentials',
        params: {},
        correlationId: expect.any(String),
      },
    });
  });

  it('answers in German without the header or for a language it does not have', async () => {
    for (const headers of [{}, { 'accept-language': 'fr-FR, fr;q=0.9' }] as Record<string, string>[]) {
      const response = await wrongPassword(headers);
      expect(response.json().error.message).toBe('ELO-Benutzername oder Kennwort ist falsch.');
    }
  });

  it("renders the framework's own errors too (an unknown route, a bad body)", async () => {
    const notFound = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nope',
      headers: { host: hostOf('acme'), 'accept-language': 'en-GB' },
    });
    expect(notFound.json().error).toMatchObject({
      code: 'not_found',
      message: 'Not found.',
      messageCode: 'error.not_found',
    });
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'accept-language': 'en' },
      payload: { username: 42 },
    });
    expect(invalid.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'The request is not valid.',
      messageCode: 'error.validation_failed',
    });
  });
});
