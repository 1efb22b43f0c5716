import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, flush, mockApi, mountWithPlugins } from '../../test/helpers';
import ConnectorView from './ConnectorView.vue';

const attempt = (status: string, extra: object = {}) => ({
  body: {
    attemptId: 'a1',
    status,
    expiresAt: '2026-11-26T10:10:00.000Z',
    authorizeUrl: '/api/v1/ms365/connect/a1/authorize',
    ...extra,
  },
});

async function mountConnector() {
  const { wrapper } = mountWithPlugins(ConnectorView, { props: { attemptId: 'a1' } });
  await flush();
  await flush();
  return wrapper;
}

describe('the connector window', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the code with the warning and hands it to the portal page of this origin', async () => {
    mockApi({
      'GET /ms365/connect/a1': attempt('code_ready'),
      'GET /ms365/connect/a1/code': { body: { code: 'K3QF-7H2M', expiresAt: '2026-11-26T10:10:00.000Z' } },
    });
    const opener = { postMessage: vi.fn() };
    vi.stubGlobal('opener', opener);
    const broadcast = vi.fn();
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        postMessage = broadcast;
        addEventListener() {}
        close() {}
      },
    );

    const wrapper = await mountConnector();
    expect(wrapper.get('[data-testid=ms365-code]').text()).toBe('K3QF-7H2M');
    expect(wrapper.get('[data-testid=code-warning]').text()).toContain(
      'Bitte nehmen Sie zur Kenntnis, dass dieser Code nicht für Dritte bestimmt ist',
    );
    const message = { type: 'ms365-code', attemptId: 'a1', code: 'K3QF-7H2M' };
    expect(broadcast).toHaveBeenCalledWith(message);
    expect(opener.postMessage).toHaveBeenCalledWith(message, location.origin);
  });

  it('copies the code and says so, also to screen readers', async () => {
    mockApi({
      'GET /ms365/connect/a1': attempt('code_ready'),
      'GET /ms365/connect/a1/code': { body: { code: 'K3QF-7H2M', expiresAt: '2026-11-26T10:10:00.000Z' } },
    });
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const wrapper = await mountConnector();
    await wrapper.get('button.copy-button').trigger('click');
    await flush();
    expect(writeText).toHaveBeenCalledWith('K3QF-7H2M');
    const status = wrapper.get('.copy-feedback');
    expect(status.attributes('aria-live')).toBe('polite');
    expect(status.text()).toContain('Code in die Zwischenablage kopiert');
  });

  it('explains a Microsoft error with details and the admin consent link to forward', async () => {
    mockApi({
      'GET /ms365/connect/a1': attempt('failed', {
        error: {
          kind: 'consent_required',
          message: 'Für die Verbindung fehlt die Zustimmung eines Administrators.',
          aadstsCode: 'AADSTS90094',
          correlationId: 'corr-1',
          adminConsentUrl: 'https://login.example/contoso/v2.0/adminconsent?client_id=x',
        },
      }),
    });
    const wrapper = await mountConnector();
    const failed = wrapper.get('[data-testid=connector-failed]');
    expect(failed.text()).toContain('Für die Verbindung fehlt die Zustimmung eines Administrators.');
    expect(failed.text()).toContain('AADSTS90094');
    expect(failed.text()).toContain('corr-1');
    expect(wrapper.get('[data-testid=admin-consent-link]').attributes('href')).toBe(
      'https://login.example/contoso/v2.0/adminconsent?client_id=x',
    );
  });

  it('says when the attempt has expired or its code was used', async () => {
    mockApi({
      'GET /ms365/connect/a1': attempt('code_ready'),
      'GET /ms365/connect/a1/code': apiError(410, 'code_redeemed', 'Bereits verwendet'),
    });
    const wrapper = await mountConnector();
    expect(wrapper.get('[data-testid=connector-ended]').text()).toContain('Die Einrichtung ist abgeschlossen');
  });

  it('sends the window to Microsoft through the API when the user clicks „Verbindung herstellen“', async () => {
    mockApi({ 'GET /ms365/connect/a1': attempt('pending') });
    const assign = vi.fn();
    vi.stubGlobal('location', { ...location, assign, origin: location.origin });
    const wrapper = await mountConnector();
    await wrapper.get('[data-testid=connector-start]').trigger('click');
    expect(assign).toHaveBeenCalledWith('/api/v1/ms365/connect/a1/authorize');
  });

  it('warns when Microsoft answered to a browser that did not start the attempt', async () => {
    mockApi({ 'GET /ms365/connect/a1': attempt('pending') });
    window.history.replaceState(null, '', '/connector/a1?error=session_mismatch');
    const wrapper = await mountConnector();
    expect(wrapper.get('[data-testid=connector-session-mismatch]').text()).toContain('anderen Sitzung');
    expect(wrapper.find('[data-testid=connector-start]').exists()).toBe(true);
    window.history.replaceState(null, '', '/');
  });

  it('explains a return from Microsoft to an address without the user’s session, instead of a login form', async () => {
    mockApi({ 'GET /ms365/connect/a1': apiError(401, 'not_authenticated', 'Bitte melden Sie sich an.') });
    window.history.replaceState(null, '', '/connector/a1?error=session_mismatch');
    const wrapper = await mountConnector();
    const explained = wrapper.get('[data-testid=connector-signed-out]');
    expect(explained.text()).toContain(`zur Adresse des Kundenportals zurück: ${location.origin}`);
    expect(explained.text()).toContain('127.0.0.1 statt localhost');
    expect(wrapper.get('[data-testid=connector-open-portal]').attributes('href')).toBe(
      '/login?redirect=%2Fmicrosoft-365',
    );
    expect(wrapper.find('input[type=password]').exists()).toBe(false);
    window.history.replaceState(null, '', '/');
  });

  it('asks to sign in, with the way back here, when the window has no session otherwise', async () => {
    mockApi({ 'GET /ms365/connect/a1': apiError(401, 'not_authenticated', 'Bitte melden Sie sich an.') });
    const wrapper = await mountConnector();
    expect(wrapper.get('[data-testid=connector-signed-out]').find('a').attributes('href')).toBe(
      '/login?redirect=%2Fconnector%2Fa1',
    );
  });

  it('refuses an API token’s connector link in a browser other than the one that opened it first', async () => {
    mockApi({ 'GET /ms365/connect/a1': apiError(403, 'session_mismatch', 'Anderer Browser.') });
    const wrapper = await mountConnector();
    expect(wrapper.get('[data-testid=connector-foreign-browser]').text()).toContain('in einem anderen Browser');
    expect(wrapper.find('[data-testid=connector-start]').exists()).toBe(false);
  });

  it('tells the browser of an API token’s attempt that it is done, without the code (that is the token’s)', async () => {
    mockApi({
      'GET /ms365/connect/a1': attempt('code_ready'),
      'GET /ms365/connect/a1/code': apiError(401, 'not_authenticated', 'Bitte melden Sie sich an.'),
    });
    const wrapper = await mountConnector();
    expect(wrapper.get('[data-testid=connector-handed-over]').text()).toContain('Sie können dieses Fenster schließen');
    expect(wrapper.find('[data-testid=ms365-code]').exists()).toBe(false);
  });
});
