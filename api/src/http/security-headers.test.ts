import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

async function appServing(publicUrl: string) {
  const app = Fastify();
  await app.register(securityHeaders, { publicUrl });
  app.get('/page', async () => ({ ok: true }));
  return app;
}

describe('security headers', () => {
  it('sends the strict CSP, no referrer and no framing on every reply, found or not', async () => {
    const app = await appServing('http://localhost:3000');
    for (const url of ['/page', '/page', '/missing']) {
      const reply = await app.inject({ method: 'GET', url });
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['cross-origin-opener-policy']).toBeUndefined();
    }
    await app.close();
  });

  it('asks browsers to upgrade to https only when the portal is served over https', async () => {
    const plain = await appServing('http://localhost:3000');
    const secure = await appServing('https://acme.ecm365.example');
    const cspOf = async (app: typeof plain) =>
      String((await app.inject({ method: 'GET', url: '/page' })).headers['content-security-policy']);
    expect(await cspOf(plain)).not.toContain('upgrade-insecure-requests');
    expect(await cspOf(secure)).toContain('upgrade-insecure-requests');
    await Promise.all([plain.close(), secure.close()]);
  });
});
