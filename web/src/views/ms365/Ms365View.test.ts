import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session';
import {
  apiError,
  connected,
  flush,
  freshPinia,
  mockApi,
  mountWithPlugins,
  notConnected,
  session,
  testResult,
} from '../../test/helpers';
import Ms365View from './Ms365View.vue';

const CONNECTOR_URL = `${location.origin}/connector/a1`;

async function mountSignedIn(access = session.ms365Access) {
  mockApi({
    'POST /auth/login': { body: { ...session, ms365Access: access } },
    'GET /ms365/connection': { body: notConnected },
    'POST /ms365/connect': {
      status: 201,
      body: { attemptId: 'a1', connectorUrl: CONNECTOR_URL, expiresAt: '2026-01-01T00:00:00Z' },
    },
    'POST /ms365/connection': { body: { connection: connected, test: testResult } },
  });
  const pinia = freshPinia();
  await useSessionStore(pinia).login({ username: 'admin', password: 'admin' });
  const { wrapper } = mountWithPlugins(Ms365View, {}, pinia);
  await flush();
  return wrapper;
}

describe('the Microsoft 365 page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('opens the connector popup synchronously in the click and then points it at the connector', async () => {
    const popup = { closed: false, location: { href: '' }, focus: vi.fn(), close: vi.fn(), document: null };
    const open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window);
    const wrapper = await mountSignedIn();

    await wrapper.get('[data-testid=open-connector]').trigger('click');
    // Opened before the API answered: the browser still counts it as part of the user's click.
    expect(open).toHaveBeenCalledWith('', 'ecm365-connector', 'popup,width=560,height=720');
    await flush();
    expect(popup.location.href).toBe(CONNECTOR_URL);
    expect(wrapper.find('[data-testid=popup-blocked]').exists()).toBe(false);
  });

  it('explains a blocked popup and offers the connector in a normal tab', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const wrapper = await mountSignedIn();

    await wrapper.get('[data-testid=open-connector]').trigger('click');
    await flush();

    const hint = wrapper.get('[data-testid=popup-blocked]');
    expect(hint.text()).toContain(
      'Sollte sich das Fenster nicht öffnen, prüfen Sie bitte die Pop-up-Blocker Einstellungen Ihres Webbrowsers.',
    );
    const link = wrapper.get('[data-testid=connector-fallback-link]');
    expect(link.attributes()).toMatchObject({ href: CONNECTOR_URL, target: '_blank', rel: 'opener' });
  });

  it('accepts the code from the connector only from this origin and for the attempt it started', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const wrapper = await mountSignedIn();
    await wrapper.get('[data-testid=open-connector]').trigger('click');
    await flush();
    const field = () => (wrapper.get('#ms365-code').element as HTMLInputElement).value;

    const send = (origin: string, data: unknown) => window.dispatchEvent(new MessageEvent('message', { origin, data }));
    send('https://evil.example', { type: 'ms365-code', attemptId: 'a1', code: 'EVIL' });
    send(location.origin, { type: 'ms365-code', attemptId: 'other', code: 'OTHER' });
    send(location.origin, { type: 'something-else', attemptId: 'a1', code: 'X' });
    await flush();
    expect(field()).toBe('');
    expect(wrapper.find('[data-testid=code-received]').exists()).toBe(false);

    send(location.origin, { type: 'ms365-code', attemptId: 'a1', code: 'K3QF-7H2M' });
    await flush();
    expect(field()).toBe('K3QF-7H2M');
    expect(wrapper.get('[data-testid=code-received]').text()).toContain('aus dem Connector-Fenster übernommen');
  });

  it('shows "Zugriff nicht erlaubt" to a user outside the group without calling the API', async () => {
    const wrapper = await mountSignedIn({ allowed: false, reason: 'not_member', group: 'online.ecm.microsoft365' });
    expect(wrapper.get('[data-testid=access-denied]').text()).toContain('Zugriff nicht erlaubt');
    expect(wrapper.text()).toContain('online.ecm.microsoft365');
    expect(wrapper.find('[data-testid=open-connector]').exists()).toBe(false);
  });

  it('says the grace period lasts until before the grace date, the rule the server applies', async () => {
    const wrapper = await mountSignedIn({
      allowed: true,
      reason: 'grace_period',
      group: 'online.ecm.microsoft365',
      graceUntil: '2022-10-09',
    });
    const text = wrapper.text();
    expect(text).toContain('Vor dem 9. Oktober 2022 darf jeder ELO-Benutzer');
    expect(text).toContain('Ab diesem Tag nur noch Mitglieder');
    expect(text).not.toContain('einschließlich');
  });

  it('shows "Zugriff nicht erlaubt" when the API answers 403 access_denied', async () => {
    const pinia = freshPinia();
    mockApi({
      'POST /auth/login': { body: session },
      'GET /ms365/connection': apiError(403, 'access_denied', 'Zugriff nicht erlaubt'),
    });
    await useSessionStore(pinia).login({ username: 'admin', password: 'admin' });
    const { wrapper } = mountWithPlugins(Ms365View, {}, pinia);
    await flush();
    await flush();
    expect(wrapper.find('[data-testid=access-denied]').exists()).toBe(true);
  });
});
