import { describe, expect, it } from 'vitest';
import { authorizePath, CALLBACK_PATH, connectorPage, loginPageTo, PORTAL_PAGES } from './paths.js';

// These URLs live outside the code: in Microsoft's app registrations (the redirect URI), in connector links sent
// to integrators and in mails already delivered. Changing one breaks them, so it takes changing this test too.
describe('the shared path table', () => {
  it('keeps the URLs that others have stored', () => {
    expect(CALLBACK_PATH).toBe('/api/v1/ms365/callback');
    expect(PORTAL_PAGES.ms365).toBe('/microsoft-365');
    expect(connectorPage('att_1')).toBe('/connector/att_1');
    expect(authorizePath('att_1')).toBe('/api/v1/ms365/connect/att_1/authorize');
  });

  it('encodes what goes into a path or a query', () => {
    expect(connectorPage('a/b?c')).toBe('/connector/a%2Fb%3Fc');
    expect(authorizePath('a/b')).toBe('/api/v1/ms365/connect/a%2Fb/authorize');
    expect(loginPageTo(connectorPage('att_1'))).toBe('/login?redirect=%2Fconnector%2Fatt_1');
  });
});
