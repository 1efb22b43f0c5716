import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdTokenValidator } from './id-token-validator.js';
import { MicrosoftRequestError } from './microsoft-request-error.js';

const CLIENT_ID = randomUUID();
const TENANT = '71504dc3-e810-4f09-95aa-5960b9354205';
const OTHER_TENANT = 'c2f1a4e8-7d3b-4f5a-9e6c-2b8d0a1f3e57';
const AUTHORITY = 'https://login.example';
const NOW = new Date('2026-11-30T10:00:00Z');
const seconds = NOW.getTime() / 1000;

let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let jwks: JSONWebKeySet;
let keyLoads = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
});

const validator = () =>
  new IdTokenValidator({
    clientId: CLIENT_ID,
    metadata: async () => ({ issuer: `${AUTHORITY}/{tenantid}/v2.0`, jwksUri: `${AUTHORITY}/keys` }),
    loadKeys: async () => {
      keyLoads += 1;
      return jwks;
    },
    now: () => NOW,
  });

function token(claims: JWTPayload = {}, kid = 'k1'): Promise<string> {
  return new SignJWT({
    aud: CLIENT_ID,
    iss: `${AUTHORITY}/${TENANT}/v2.0`,
    tid: TENANT,
    iat: seconds,
    nbf: seconds,
    exp: seconds + 3600,
    nonce: 'n-1',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid })
    .sign(privateKey);
}

async function reasonOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MicrosoftRequestError);
  const { failure } = error as MicrosoftRequestError;
  expect(failure.error).toBe('id_token_rejected');
  return failure.description;
}

describe('IdTokenValidator', () => {
  it("accepts Microsoft's token for this app, tenant and nonce", async () => {
    expect(await validator().validate(await token(), 'n-1')).toMatchObject({ tid: TENANT, aud: CLIENT_ID });
  });

  it('fills the issuer template with the token’s own tenant: a token of one tenant with another’s issuer is refused', async () => {
    const foreign = await token({ iss: `${AUTHORITY}/${OTHER_TENANT}/v2.0` });
    expect(await reasonOf(validator().validate(foreign, 'n-1'))).toBe('claim_iss');
    const mislabelled = await token({ tid: OTHER_TENANT });
    expect(await reasonOf(validator().validate(mislabelled, 'n-1'))).toBe('claim_iss');
  });

  it('refuses another app’s token, and a token without a tenant', async () => {
    expect(await reasonOf(validator().validate(await token({ aud: randomUUID() }), 'n-1'))).toBe('claim_aud');
    expect(await reasonOf(validator().validate(await token({ tid: undefined }), 'n-1'))).toBe('claim_tid');
  });

  it('allows a few minutes of clock skew, not more', async () => {
    expect(await validator().validate(await token({ nbf: seconds + 120, iat: seconds + 120 }), 'n-1')).toBeTruthy();
    expect(await validator().validate(await token({ exp: seconds - 120 }), 'n-1')).toBeTruthy();
    expect(await reasonOf(validator().validate(await token({ nbf: seconds + 900 }), 'n-1'))).toBe('claim_nbf');
    expect(await reasonOf(validator().validate(await token({ iat: seconds + 900, nbf: seconds }), 'n-1'))).toBe(
      'claim_iat',
    );
    expect(await reasonOf(validator().validate(await token({ exp: seconds - 900 }), 'n-1'))).toBe('expired_exp');
    expect(await reasonOf(validator().validate(await token({ iat: seconds - 7200 }), 'n-1'))).toBe('expired_iat');
  });

  it('refuses a nonce of another trip, a missing token and an unsigned one', async () => {
    expect(await reasonOf(validator().validate(await token(), 'n-2'))).toBe('nonce');
    expect(await reasonOf(validator().validate('', 'n-1'))).toBe('missing');
    const [, payload] = (await token()).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    expect(await reasonOf(validator().validate(unsigned, 'n-1'))).toBe('algorithm');
  });

  it('looks the keys up once, and once more for a kid it does not know', async () => {
    const checker = validator();
    const loadsBefore = keyLoads;
    await checker.validate(await token(), 'n-1');
    await checker.validate(await token(), 'n-1');
    expect(keyLoads - loadsBefore).toBe(1);
    expect(await reasonOf(checker.validate(await token({}, 'k-unknown'), 'n-1'))).toBe('unknown_key');
    expect(keyLoads - loadsBefore).toBe(2);
  });
});
