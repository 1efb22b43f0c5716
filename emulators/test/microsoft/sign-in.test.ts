import { ConfidentialClientApplication } from '@azure/msal-node';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTOSO_TENANT_ID } from '../../src/microsoft/index.js';
import {
  authCodeUrl,
  CLIENT_ID,
  CLIENT_SECRET,
  connect,
  createMsalClient,
  getPage,
  REDIRECT_URI,
  SCOPES,
  signIn,
  useTestEmulator,
  submitPage,
  UndiciNetworkModule,
} from './support.js';

/** The `<input>` of an account on the page, as one whitespace-normalised string. */
function accountRadio(html: string, upn: string): string {
  const tag = new RegExp(`<input[^>]*value="${upn.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no radio for ${upn}`);
  return tag;
}

const ms = useTestEmulator();
let msal: ConfidentialClientApplication;
beforeEach(() => {
  msal = createMsalClient(ms.emulator, ms.agent);
});

/** Entra's error_description: "AADSTSnnnnn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …" */
const ENTRA_DESCRIPTION =
  /^AADSTS(\d+): .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s;

describe('the sign-in and consent page', () => {
  it('should be German, name the app and describe every requested permission', async () => {
    const { url } = await authCodeUrl(msal);
    const page = await getPage(url, ms.agent);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Konto auswählen');
    expect(page.html).toContain('Angeforderte Berechtigungen');
    expect(page.html).toContain('<strong id="app-name">ecm.online</strong>');
    expect(page.html).toContain('data-scope="User.Read">Sie anmelden und Ihr Profil lesen');
    expect(page.html).toContain('data-scope="Mail.ReadWrite.Shared">E-Mails lesen und ändern');
    expect(page.html).toContain('data-scope="offline_access">Zugriff auf Daten beibehalten');
    expect(page.html).toMatch(/id="accept"[^>]*>Akzeptieren</);
    expect(page.html).toMatch(/id="cancel"[^>]*>Abbrechen</);
    expect(accountRadio(page.html, 'admin@contoso.example')).not.toMatch(/\bchecked\b/);
  });

  it('should preselect the account named by login_hint', async () => {
    const { url } = await authCodeUrl(msal, 'ohne-zugriff@contoso.example');
    const page = await getPage(url, ms.agent);
    expect(accountRadio(page.html, 'ohne-zugriff@contoso.example')).toMatch(/\bchecked\b/);
  });

  it('should show the page again with a hint when "Akzeptieren" is clicked without an account', async () => {
    const { url } = await authCodeUrl(msal);
    const first = await getPage(url, ms.agent);
    const again = await submitPage(ms.emulator, first.html, ms.agent, { action: 'accept' });
    expect(again.status).toBe(200);
    expect(again.html).toContain('id="hint"');
    const done = await submitPage(ms.emulator, again.html, ms.agent, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(done.redirect?.get('code')).toBeTruthy();
  });

  it('should refuse a second submission of the same page', async () => {
    const { url } = await authCodeUrl(msal);
    const page = await getPage(url, ms.agent);
    await submitPage(ms.emulator, page.html, ms.agent, { account: 'admin@contoso.example', action: 'accept' });
    const replay = await submitPage(ms.emulator, page.html, ms.agent, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(replay.status).toBe(400);
    expect(replay.location).toBeUndefined();
  });
});

describe('a successful connection', () => {
  it('should give msal an account, tokens and a cache like Entra ID does', async () => {
    const result = await connect(ms.emulator, msal, ms.agent);
    const { oid, tid } = { oid: '9fbf7154-ff88-4fac-9676-e456169129c5', tid: CONTOSO_TENANT_ID };
    expect(result.account?.homeAccountId).toBe(`${oid}.${tid}`);
    expect(result.account?.username).toBe('admin@contoso.example');
    expect(result.account?.name).toBe('Anna Admin');
    expect(result.tenantId).toBe(tid);
    expect(result.scopes).toEqual(expect.arrayContaining(SCOPES));
    expect(result.tokenType).toBe('Bearer');

    const cache = JSON.parse(msal.getTokenCache().serialize()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(cache).sort()).toEqual(['AccessToken', 'Account', 'AppMetadata', 'IdToken', 'RefreshToken']);
    expect(Object.keys(cache.RefreshToken ?? {})).toHaveLength(1);
  });

  it('should redirect with code, state and session_state', async () => {
    const flow = await signIn(ms.emulator, msal, ms.agent);
    expect(flow.redirect.get('state')).toBe(flow.state);
    expect(flow.redirect.get('code')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(flow.redirect.get('session_state')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should post the result to the app with response_mode=form_post', async () => {
    const url = new URL((await authCodeUrl(msal)).url);
    url.searchParams.set('response_mode', 'form_post');
    const page = await getPage(url.toString(), ms.agent);
    const posted = await submitPage(ms.emulator, page.html, ms.agent, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(posted.status).toBe(200);
    expect(posted.html).toContain(`<form method="post" action="${REDIRECT_URI}" id="form-post">`);
    expect(posted.html).toMatch(/<input type="hidden" name="code" value="[A-Za-z0-9_-]{64}" \/>/);
  });

  it('should also work when msal discovers the metadata over the network instead of authorityMetadata', async () => {
    const discovering = new ConfidentialClientApplication({
      auth: {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        authority: ms.emulator.authority(),
        knownAuthorities: [new URL(ms.emulator.origin).host],
      },
      system: { networkClient: new UndiciNetworkModule(ms.agent) },
    });
    const result = await connect(ms.emulator, discovering, ms.agent);
    expect(result.account?.username).toBe('admin@contoso.example');
  });
});

describe('sign-in errors redirected to the app', () => {
  it('should answer "Abbrechen" with access_denied (AADSTS65004) and the state', async () => {
    const flow = await signIn(ms.emulator, msal, ms.agent, { action: 'cancel' });
    expect(flow.redirect.get('error')).toBe('access_denied');
    expect(flow.redirect.get('error_subcode')).toBe('cancel');
    expect(flow.redirect.get('state')).toBe(flow.state);
    expect(flow.redirect.get('error_description')).toMatch(ENTRA_DESCRIPTION);
    expect(flow.redirect.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(flow.redirect.get('error_uri')).toBe(`${ms.emulator.origin}/error?code=65004`);
    expect(flow.redirect.get('code')).toBeNull();
  });

  it('should refuse a personal account on the organizations authority (AADSTS50020)', async () => {
    const flow = await signIn(ms.emulator, msal, ms.agent, { account: 'privat@outlook.example', action: 'accept' });
    expect(flow.redirect.get('error')).toBe('invalid_request');
    expect(flow.redirect.get('error_description')).toMatch(/^AADSTS50020: User account 'privat@outlook\.example'/);
  });

  it('should refuse an account of another tenant on a tenant authority (AADSTS50020)', async () => {
    const contosoOnly = createMsalClientFor(ms.emulator.authority('contoso.example'));
    const flow = await signIn(ms.emulator, contosoOnly, ms.agent, { account: 'it@fabrikam.example', action: 'accept' });
    expect(flow.redirect.get('error_description')).toMatch(
      /^AADSTS50020: .*does not exist in tenant 'contoso\.example'/,
    );
  });

  it('should demand admin consent while the tenant requires it (AADSTS90094)', async () => {
    ms.emulator.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const flow = await signIn(ms.emulator, msal, ms.agent);
    expect(flow.redirect.get('error')).toBe('consent_required');
    expect(flow.redirect.get('error_description')).toMatch(/^AADSTS90094: /);
  });

  it('should send PKCE-less requests back with invalid_request', async () => {
    const url = new URL((await authCodeUrl(msal)).url);
    url.searchParams.delete('code_challenge');
    const page = await getPage(url.toString(), ms.agent);
    expect(page.status).toBe(302);
    expect(page.redirect?.get('error')).toBe('invalid_request');
    expect(page.redirect?.get('error_description')).toMatch(/^AADSTS900144: .*'code_challenge'/);
  });
});

describe('sign-in errors that must not redirect', () => {
  it('should show an error page for an unknown app (AADSTS700016)', async () => {
    const url = new URL((await authCodeUrl(msal)).url);
    url.searchParams.set('client_id', '00000000-1111-2222-3333-444444444444');
    const page = await getPage(url.toString(), ms.agent);
    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
    expect(page.html).toMatch(/<p id="error-code"><code>AADSTS700016<\/code><\/p>/);
  });

  it('should show an error page for an unregistered redirect URI (AADSTS50011)', async () => {
    const url = new URL((await authCodeUrl(msal)).url);
    url.searchParams.set('redirect_uri', 'https://evil.example/steal');
    const page = await getPage(url.toString(), ms.agent);
    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
    expect(page.html).toContain('AADSTS50011');
  });
});

describe('admin consent', () => {
  const adminConsentUrl = (state: string, scope = 'https://graph.microsoft.com/.default'): string =>
    `${ms.emulator.browserOrigin}/organizations/v2.0/adminconsent?${new URLSearchParams({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      state,
      ...(scope ? { scope } : {}),
    }).toString()}`;

  it('should send the administrator back with AADSTS900144 when the link has no scope, as Microsoft does', async () => {
    const page = await getPage(adminConsentUrl('s-0', ''), ms.agent);
    expect(page.status).toBe(302);
    expect(page.redirect?.get('error')).toBe('invalid_request');
    expect(page.redirect?.get('error_description')).toMatch(/^AADSTS900144: .*'scope'/);
    expect(page.redirect?.get('state')).toBe('s-0');
  });

  it('should ask for exactly the resource-qualified permissions of the link', async () => {
    const page = await getPage(adminConsentUrl('s-4', 'https://graph.microsoft.com/Mail.ReadWrite.Shared'), ms.agent);
    expect(page.html).toContain('data-scope="Mail.ReadWrite.Shared"');
    expect(page.html).not.toContain('data-scope="User.Read"');
    const done = await submitPage(ms.emulator, page.html, ms.agent, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(done.redirect?.get('scope')).toBe('https://graph.microsoft.com/Mail.ReadWrite.Shared');
  });

  it('should let an administrator grant consent, after which users can sign in', async () => {
    ms.emulator.controls.requireAdminConsent(CONTOSO_TENANT_ID, true);
    const page = await getPage(adminConsentUrl('s-1'), ms.agent);
    expect(page.html).toContain('Berechtigungen angefordert');
    const done = await submitPage(ms.emulator, page.html, ms.agent, {
      account: 'admin@contoso.example',
      action: 'accept',
    });
    expect(done.redirect?.get('admin_consent')).toBe('True');
    expect(done.redirect?.get('tenant')).toBe(CONTOSO_TENANT_ID);
    expect(done.redirect?.get('state')).toBe('s-1');
    const result = await connect(ms.emulator, msal, ms.agent, 'ohne-zugriff@contoso.example');
    expect(result.account?.username).toBe('ohne-zugriff@contoso.example');
  });

  it('should not let a non-administrator consent for the organisation', async () => {
    const page = await getPage(adminConsentUrl('s-2'), ms.agent);
    const refused = await submitPage(ms.emulator, page.html, ms.agent, {
      account: 'ohne-zugriff@contoso.example',
      action: 'accept',
    });
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('Administratorgenehmigung erforderlich');
  });

  it('should answer a cancelled admin consent with access_denied and error_subcode=cancel', async () => {
    const page = await getPage(adminConsentUrl('s-3'), ms.agent);
    const cancelled = await submitPage(ms.emulator, page.html, ms.agent, { action: 'cancel' });
    expect(cancelled.redirect?.get('error')).toBe('access_denied');
    expect(cancelled.redirect?.get('error_subcode')).toBe('cancel');
    expect(cancelled.redirect?.get('state')).toBe('s-3');
  });
});

function createMsalClientFor(authority: string): ConfidentialClientApplication {
  const metadata = ms.emulator.authorityMetadata(new URL(authority).pathname.slice(1));
  return new ConfidentialClientApplication({
    auth: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      authority,
      knownAuthorities: [new URL(ms.emulator.origin).host],
      authorityMetadata: metadata,
    },
    system: { networkClient: new UndiciNetworkModule(ms.agent) },
  });
}
