import { describe, expect, it } from 'vitest';
import { portalOriginCheck } from './request-origin.js';

describe('portalOriginCheck', () => {
  const isPortal = portalOriginCheck('https://portal.ecm365.example', 'ecm365.example');

  it('accepts the public URL, the base domain and its tenant and selfhost subdomains', () => {
    for (const origin of [
      'https://portal.ecm365.example',
      'https://ecm365.example',
      'https://acme.ecm365.example',
      'https://selfhost.ecm365.example',
    ]) {
      expect(isPortal(origin), origin).toBe(true);
    }
  });

  it('refuses other schemes, ports, deeper or invalid labels and foreign hosts (no open redirect)', () => {
    for (const origin of [
      'http://acme.ecm365.example',
      'https://acme.ecm365.example:8443',
      'https://a.b.ecm365.example',
      'https://-acme.ecm365.example',
      'https://ecm365.example.evil.test',
      'https://evil.test',
      'https://acme.ecm365.example/path',
      'not a url',
    ]) {
      expect(isPortal(origin), origin).toBe(false);
    }
  });
});
