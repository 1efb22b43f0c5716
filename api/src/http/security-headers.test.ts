import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

async function appServing(publicUrl: string) {
  // Behind a trusted proxy, so that a test can say the request came over https (X-Forwarded-Proto).
  const app = Fastify({ trustProxy: true });
  await app.register(securityHeaders, { publicUrl });
  app.get('/page', async () => ({ ok: true }));
  app.get('/api/v1/thing', async () => ({ ok: true }));
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

  it('forbids framing in both headers, and switches off powerful features the portal never uses', async () => {
    const app = await appServing('https://acme.ecm365.example');
    const reply = await app.inject({ method: 'GET', url: '/page' });
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(String(reply.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const policy = String(reply.headers['permissions-policy']);
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) {
      expect(policy).toContain(feature);
    }
    await app.close();
  });

  it('sends HSTS only on answers to requests that came over https', async () => {
    const app = await appServing('https://acme.ecm365.example');
    const plain = await app.inject({ method: 'GET', url: '/page' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await app.inject({ method: 'GET', url: '/page', headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await app.close();
  });

  it('marks every API answer, errors and unknown paths included, as not to be stored; other answers keep their own', async () => {
    const app = await appServing('http://localhost:3000');
    for (const url of ['/api/v1/thing', '/api/v1/missing', '/api/v1/thing?x=1']) {
      expect((await app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-store');
    }
    expect((await app.inject({ method: 'GET', url: '/page' })).headers['cache-control']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/apix' })).headers['cache-control']).toBeUndefined();
    await app.close();
  });
});
