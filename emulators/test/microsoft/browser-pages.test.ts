import { createServer, type Server } from 'node:net';
import { fetch } from 'undici';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMicrosoftEmulator } from '../../src/microsoft/index.js';
import { authCodeUrl, CLIENT_ID, CLIENT_SECRET, createMsalClient, REDIRECT_URI, useTestEmulator } from './support.js';

const ms = useTestEmulator();

const clients = [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }];

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address) resolve({ server, port: address.port });
      else reject(new Error('no port'));
    });
  });
}

describe('the browser pages over plain http', () => {
  it('should send msal-node to a plain-http sign-in page, whose form completes the sign-in', async () => {
    const start = await authCodeUrl(createMsalClient(ms.emulator, ms.agent));
    expect(start.url.startsWith(`${ms.emulator.browserOrigin}/organizations/oauth2/v2.0/authorize?`)).toBe(true);
    // No TLS and no CA involved: what a browser without the emulator's certificate gets.
    const page = await fetch(start.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /action="([^"]+)" id="signin-form"/.exec(html)?.[1] ?? '';
    const interaction = /name="interaction" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const answer = await fetch(new URL(action, ms.emulator.browserOrigin), {
      method: 'POST',
      body: new URLSearchParams({ interaction, action: 'accept', account: 'admin@contoso.example' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe(start.state);
    expect(back.searchParams.get('code')).toBeTruthy();
  });

  it('should not serve tokens, keys, Graph or the controls without TLS', async () => {
    for (const [method, path] of [
      ['POST', '/organizations/oauth2/v2.0/token'],
      ['GET', '/organizations/discovery/v2.0/keys'],
      ['GET', '/v1.0/me'],
      ['GET', '/_emulator/stats'],
    ] as const) {
      const response = await fetch(`${ms.emulator.browserOrigin}${path}`, { method });
      // 404, or Graph's 400 "Resource not found for the segment" for Graph paths.
      expect([400, 404], path).toContain(response.status);
      expect(await response.text(), path).toMatch(/not found|No route/i);
    }
  });
});

// Two emulators start here (key pairs, certificates): seconds on a busy machine, so a generous limit; nothing is timed.
describe('a taken port', { timeout: 60_000 }, () => {
  it('should fail by default and listen on a free port instead when allowed', async () => {
    const { server, port } = await occupyPort();
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await expect(startMicrosoftEmulator({ clients, port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const elsewhere = await startMicrosoftEmulator({ clients, port, whenPortTaken: 'any' });
    onTestFinished(() => elsewhere.close());
    expect(new URL(elsewhere.origin).port).not.toBe(String(port));
    const discovery = await fetch(`${elsewhere.authority()}/v2.0/.well-known/openid-configuration`, {
      dispatcher: ms.agent,
    }).catch((error: unknown) => error);
    // Another emulator's CA: the TLS handshake is refused, which proves something listens there with TLS.
    expect(discovery).toBeInstanceOf(Error);
  });
});
