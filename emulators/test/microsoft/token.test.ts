import { ConfidentialClientApplication, ServerError } from '@azure/msal-node';
import { fetch } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  createMsalClient,
  REDIRECT_URI,
  SCOPES,
  signIn,
  useTestEmulator,
  UndiciNetworkModule,
} from './support.js';

const ms = useTestEmulator();
let msal: ConfidentialClientApplication;
beforeEach(() => {
  msal = createMsalClient(ms.emulator, ms.agent);
});

/** Signs in, then redeems the code with the given client and verifier (defaults: the right ones). */
async function redeem(options: { client?: ConfidentialClientApplication; verifier?: string; code?: string } = {}) {
  const flow = await signIn(ms.emulator, msal, ms.agent);
  const code = options.code ?? flow.redirect.get('code') ?? '';
  const redeemWith = (client: ConfidentialClientApplication) =>
    client.acquireTokenByCode({
      code,
      scopes: SCOPES,
      redirectUri: REDIRECT_URI,
      codeVerifier: options.verifier ?? flow.verifier,
      nonce: flow.nonce,
    });
  return { flow, code, redeemWith, result: redeemWith(options.client ?? msal) };
}

async function serverErrorOf(promise: Promise<unknown>): Promise<ServerError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServerError);
  return err as ServerError;
}

function msalWith(clientId: string, secret: string): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId,
      clientSecret: secret,
      authority: ms.emulator.authority(),
      knownAuthorities: [new URL(ms.emulator.origin).host],
      authorityMetadata: ms.emulator.authorityMetadata(),
    },
    system: { networkClient: new UndiciNetworkModule(ms.agent) },
  });
}

async function postToken(body: string, contentType = 'application/x-www-form-urlencoded') {
  const response = await fetch(`${ms.emulator.authority()}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    dispatcher: ms.agent,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('authorization code redemption', () => {
  it('should reject a second use of the same code (AADSTS54005)', async () => {
    const { result, redeemWith } = await redeem();
    await result;
    const err = await serverErrorOf(redeemWith(createMsalClient(ms.emulator, ms.agent)));
    expect(err.errorCode).toBe('invalid_grant');
    expect(String(err.errorNo)).toBe('54005');
  });

  it('should reject a wrong PKCE verifier (AADSTS501481)', async () => {
    const { result } = await redeem({ verifier: 'x'.repeat(43) });
    const err = await serverErrorOf(result);
    expect(err.errorCode).toBe('invalid_grant');
    expect(String(err.errorNo)).toBe('501481');
  });

  it('should reject an expired code (AADSTS70008)', async () => {
    ms.emulator.controls.setTokenLifetimes({ authCodeSeconds: 0 });
    const { result } = await redeem();
    const err = await serverErrorOf(result);
    expect(String(err.errorNo)).toBe('70008');
  });

  it('should reject a wrong client secret (invalid_client, AADSTS7000215)', async () => {
    const { result } = await redeem({ client: msalWith(CLIENT_ID, 'wrong-secret') });
    const err = await serverErrorOf(result);
    expect(err.errorCode).toBe('invalid_client');
    expect(String(err.errorNo)).toBe('7000215');
  });

  it('should reject an expired client secret (invalid_client, AADSTS7000222)', async () => {
    ms.emulator.controls.expireClientSecret(CLIENT_ID, true);
    const { result } = await redeem();
    const err = await serverErrorOf(result);
    expect(err.errorCode).toBe('invalid_client');
    expect(String(err.errorNo)).toBe('7000222');
  });

  it('should reject an unknown app (unauthorized_client, AADSTS700016)', async () => {
    const { result } = await redeem({ client: msalWith('00000000-1111-2222-3333-444444444444', CLIENT_SECRET) });
    const err = await serverErrorOf(result);
    expect(err.errorCode).toBe('unauthorized_client');
    expect(String(err.errorNo)).toBe('700016');
  });
});

describe('the token endpoint over raw HTTP', () => {
  it('should answer errors in the Entra ID shape', async () => {
    const { status, body } = await postToken(
      new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        client_secret: 'nope',
        code: 'x',
      }).toString(),
    );
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(Object.keys(body).sort()).toEqual([
      'correlation_id',
      'error',
      'error_codes',
      'error_description',
      'error_uri',
      'timestamp',
      'trace_id',
    ]);
  });

  it('should return a token response with exactly the fields msal caches', async () => {
    const flow = await signIn(ms.emulator, msal, ms.agent);
    const { status, body } = await postToken(
      new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        code: flow.redirect.get('code') ?? '',
        redirect_uri: REDIRECT_URI,
        code_verifier: flow.verifier,
        scope: 'User.Read Mail.ReadWrite.Shared openid profile offline_access',
        client_info: '1',
      }).toString(),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope: 'User.Read Mail.ReadWrite.Shared openid profile',
      expires_in: 3599,
    });
    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'client_info',
      'expires_in',
      'ext_expires_in',
      'id_token',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    const clientInfo = JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString()) as unknown;
    expect(clientInfo).toEqual({
      uid: '9fbf7154-ff88-4fac-9676-e456169129c5',
      utid: '71504dc3-e810-4f09-95aa-5960b9354205',
    });
  });

  it('should treat junk as a 400 with an Entra error, never a 500', async () => {
    const junk: Array<[string, string?]> = [
      [''],
      ['grant_type=password&client_id=x'],
      [`grant_type=refresh_token&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}&refresh_token=abc`],
      [`grant_type=authorization_code&grant_type=refresh_token&client_id=${CLIENT_ID}`],
      ['%%%%&&&=='],
      ['{"grant_type":"authorization_code"}', 'application/json'],
      ['{not json', 'application/json'],
      ['grant_type=authorization_code', 'text/plain'],
    ];
    for (const [body, type] of junk) {
      const { status, body: answer } = await postToken(body, type);
      expect(status, body).toBeGreaterThanOrEqual(400);
      expect(status, body).toBeLessThan(500);
      expect(typeof answer.error, body).toBe('string');
    }
  });
});
