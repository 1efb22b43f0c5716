import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID, ID_TOKEN_TAMPERS } from '../../src/microsoft/index.js';
import { CLIENT_ID, connect, createGraphClient, createMsalClient, useTestEmulator } from './support.js';

const ms = useTestEmulator();

type Claims = Record<string, unknown>;

function decode(token: string): { header: Claims; claims: Claims; signingInput: string; signature: Buffer } {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Claims;
  return {
    header: json(header),
    claims: json(payload),
    signingInput: `${header}.${payload}`,
    signature: Buffer.from(signature, 'base64url'),
  };
}

async function publishedKeys(): Promise<JsonWebKey[]> {
  const response = await fetch(`${ms.emulator.authority()}/discovery/v2.0/keys`, { dispatcher: ms.agent });
  return ((await response.json()) as { keys: JsonWebKey[] }).keys;
}

/** Whether the token's signature checks out against the published key its `kid` names. */
async function signedByPublishedKey(token: string): Promise<boolean> {
  const { header, signingInput, signature } = decode(token);
  const jwk = (await publishedKeys()).find((key) => key.kid === header.kid);
  if (!jwk) return false;
  return verify('sha256', Buffer.from(signingInput), createPublicKey({ key: jwk, format: 'jwk' }), signature);
}

const idTokenOfConnect = async () =>
  (await connect(ms.emulator, createMsalClient(ms.emulator, ms.agent), ms.agent)).idToken;

describe('spoiled id_tokens (tamperIdTokens)', () => {
  it('should issue a valid id_token by default: published key, our app as audience, the tenant as issuer', async () => {
    const token = await idTokenOfConnect();
    const { claims } = decode(token);
    expect(await signedByPublishedKey(token)).toBe(true);
    expect(claims).toMatchObject({ aud: CLIENT_ID, iss: `${ms.emulator.origin}/${CONTOSO_TENANT_ID}/v2.0` });
    const now = Date.now() / 1000;
    expect(claims.nbf as number).toBeLessThanOrEqual(now + 1);
    expect(claims.exp as number).toBeGreaterThan(now);
  });

  it('should spoil exactly what each tamper names, once, and issue valid id_tokens again afterwards', async () => {
    const now = Date.now() / 1000;
    const checks: Record<(typeof ID_TOKEN_TAMPERS)[number], (token: string) => Promise<void>> = {
      foreign_audience: async (token) => {
        expect(decode(token).claims.aud).not.toBe(CLIENT_ID);
        expect(await signedByPublishedKey(token)).toBe(true);
      },
      foreign_issuer: async (token) => {
        expect(String(decode(token).claims.iss).startsWith(ms.emulator.origin)).toBe(false);
        expect(await signedByPublishedKey(token)).toBe(true);
      },
      expired: async (token) => {
        expect(decode(token).claims.exp as number).toBeLessThan(now);
        expect(await signedByPublishedKey(token)).toBe(true);
      },
      not_yet_valid: async (token) => {
        expect(decode(token).claims.nbf as number).toBeGreaterThan(now + 60);
        expect(await signedByPublishedKey(token)).toBe(true);
      },
      unknown_key: async (token) => {
        const kids = (await publishedKeys()).map((key) => key.kid);
        expect(kids).not.toContain(decode(token).header.kid);
      },
      bad_signature: async (token) => {
        const kids = (await publishedKeys()).map((key) => key.kid);
        expect(kids).toContain(decode(token).header.kid);
        expect(await signedByPublishedKey(token)).toBe(false);
      },
    };
    for (const tamper of ID_TOKEN_TAMPERS) {
      ms.emulator.controls.tamperIdTokens({ tamper });
      await checks[tamper](await idTokenOfConnect());
      expect(await signedByPublishedKey(await idTokenOfConnect()), `after ${tamper}`).toBe(true);
    }
  });

  it('should be settable over HTTP and refuse unknown tampers', async () => {
    const post = (body: unknown) =>
      fetch(`${ms.emulator.origin}/_emulator/tamper-id-tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        dispatcher: ms.agent,
      });
    expect((await post({ tamper: 'forged', times: 1 })).status).toBe(400);
    expect((await post({ tamper: 'foreign_audience', times: 0 })).status).toBe(400);
    expect((await post({ tamper: 'foreign_audience', times: 2 })).status).toBe(204);
    expect(decode(await idTokenOfConnect()).claims.aud).not.toBe(CLIENT_ID);
    expect(decode(await idTokenOfConnect()).claims.aud).not.toBe(CLIENT_ID);
    expect(decode(await idTokenOfConnect()).claims.aud).toBe(CLIENT_ID);
  });
});

describe('the spelling of scope in token responses (setScopeStyle)', () => {
  it('should send Graph permissions resource-qualified or in lower case when told, and short by default', async () => {
    const msal = createMsalClient(ms.emulator, ms.agent);
    const scopesOf = async () => (await connect(ms.emulator, msal, ms.agent)).scopes;
    expect(await scopesOf()).toEqual(expect.arrayContaining(['User.Read', 'Mail.ReadWrite.Shared']));
    ms.emulator.controls.setScopeStyle('resource');
    expect(await scopesOf()).toEqual(
      expect.arrayContaining([
        'https://graph.microsoft.com/User.Read',
        'https://graph.microsoft.com/Mail.ReadWrite.Shared',
      ]),
    );
    ms.emulator.controls.setScopeStyle('resource_lowercase');
    expect(await scopesOf()).toEqual(expect.arrayContaining(['https://graph.microsoft.com/mail.readwrite.shared']));
    ms.emulator.controls.reset();
    expect(await scopesOf()).toContain('Mail.ReadWrite.Shared');
  });
});

describe('signing key rotation (rotateSigningKey)', () => {
  it('should sign new tokens with a new published key, keep the old one published, and let Graph accept both', async () => {
    const msal = createMsalClient(ms.emulator, ms.agent);
    const before = await connect(ms.emulator, msal, ms.agent);
    await ms.emulator.controls.rotateSigningKey();
    const after = await connect(ms.emulator, msal, ms.agent, 'ohne-zugriff@contoso.example');
    const kids = (await publishedKeys()).map((key) => key.kid);
    const [oldKid, newKid] = [decode(before.idToken).header.kid, decode(after.idToken).header.kid];
    expect(newKid).not.toBe(oldKid);
    expect(kids).toEqual([newKid, oldKid]);
    expect(ms.emulator.controls.stats().jwksRequests).toBeGreaterThan(0);
    for (const token of [before.accessToken, after.accessToken]) {
      const me = (await createGraphClient(ms.emulator, ms.agent, async () => token)
        .api('/me')
        .get()) as { id: string };
      expect(me.id).toBeTruthy();
    }
  });
});
