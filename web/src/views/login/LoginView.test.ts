import { mount } from '@vue/test-utils';
import firstScreenMessages from 'virtual:ecm365-messages/de/first-screen';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apiError, flush, freshPinia, mockApi, mountWithPlugins } from '../../test/helpers';
import LoginView from './LoginView.vue';

function loginRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginView },
      { path: '/', component: { template: '<p>start</p>' } },
    ],
  });
}

async function mountLogin() {
  const router = loginRouter();
  await router.push('/login');
  const { wrapper } = mountWithPlugins(LoginView, { global: { plugins: [router] } });
  return { wrapper, router };
}

async function submit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper']) {
  await wrapper.get('#login-username').setValue('admin');
  await wrapper.get('#login-password').setValue('geheim');
  await wrapper.get('form').trigger('submit');
  await flush();
}

describe('the login page', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it.each([
    ['invalid_credentials', 401, 'ELO-Benutzername oder Kennwort ist falsch'],
    ['unknown_tenant', 404, 'Unter dieser Adresse ist kein Kundenportal eingerichtet'],
    ['elo_unavailable', 502, 'Ihr ELO ist gerade nicht erreichbar'],
    ['password_login_disabled', 401, 'ist auf Ihrem ELO deaktiviert'],
  ])('explains %s', async (code, status, text) => {
    mockApi({ 'POST /auth/login': apiError(status, code, 'Servertext') });
    const { wrapper } = await mountLogin();
    await submit(wrapper);
    expect(wrapper.get('[role=alert]').text()).toContain(text);
  });

  it('asks for the missing fields instead of sending an empty form', async () => {
    const { requests } = mockApi({});
    const { wrapper } = await mountLogin();
    await wrapper.get('form').trigger('submit');
    expect(wrapper.get('[role=alert]').text()).toContain('Bitte füllen Sie alle Felder aus.');
    expect(requests).toHaveLength(0);
  });

  it('shows the wait after too many attempts and blocks the button until then', async () => {
    mockApi({ 'POST /auth/login': apiError(429, 'too_many_attempts', 'Zu viele', { retryAfterSeconds: 600 }) });
    const { wrapper } = await mountLogin();
    await submit(wrapper);
    expect(wrapper.get('[role=alert]').text()).toContain('Bitte warten Sie 10 Minuten');
    expect(wrapper.get('button[type=submit]').attributes('disabled')).toBeDefined();
  });

  it('says the wait once to screen readers and counts down outside the live region', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    mockApi({ 'POST /auth/login': apiError(429, 'too_many_attempts', 'Zu viele', { retryAfterSeconds: 90 }) });
    const { wrapper } = await mountLogin();
    await submit(wrapper);
    const alert = () => wrapper.get('[role=alert]').text();
    const announced = alert();
    expect(announced).toContain('Bitte warten Sie 90 Sekunden');
    expect(wrapper.get('[data-testid=login-wait]').text()).toContain('90 Sekunden');

    vi.advanceTimersByTime(5000);
    await nextTick();
    expect(alert()).toBe(announced);
    expect(wrapper.get('[data-testid=login-wait]').text()).toContain('85 Sekunden');
    expect(wrapper.get('[data-testid=login-wait]').element.closest('[role=alert], [aria-live]')).toBeNull();

    vi.advanceTimersByTime(90_000);
    await nextTick();
    expect(alert()).toContain('Sie können es jetzt erneut versuchen');
    expect(wrapper.find('[data-testid=login-wait]').exists()).toBe(false);
    expect(wrapper.get('button[type=submit]').attributes('disabled')).toBeUndefined();
  });

  it('signs in and goes where the user wanted to go, never to another site', async () => {
    mockApi({
      'POST /auth/login': {
        body: {
          user: { id: '1', name: 'admin' },
          tenant: { slug: 'demo', name: 'Demo GmbH' },
          csrfToken: 't',
          ms365Access: { allowed: true, reason: 'group_member', group: 'online.ecm.microsoft365' },
        },
      },
    });
    const { wrapper, router } = await mountLogin();
    await router.replace('/login?redirect=//evil.example');
    await submit(wrapper);
    await flush();
    expect(router.currentRoute.value.fullPath).toBe('/');
  });

  it('needs no text beyond the first-screen messages of the initial bundle, in any of its states', async () => {
    const missing: string[] = [];
    const firstScreenOnly = createI18n({
      legacy: false,
      locale: 'de',
      messages: { de: firstScreenMessages as Record<string, string> },
      missing: (_locale, key) => {
        missing.push(key);
      },
      missingWarn: false,
      fallbackWarn: false,
    });
    const answers = [
      apiError(401, 'invalid_credentials', 'Falsch'),
      apiError(500, 'internal_error', 'Kaputt'),
      apiError(429, 'too_many_attempts', 'Zu viele', { retryAfterSeconds: 600 }),
    ];
    mockApi({ 'POST /auth/login': () => answers.shift() ?? apiError(404, 'unknown_tenant', 'Unbekannt') });
    const router = loginRouter();
    await router.push('/login');
    const wrapper = mount(LoginView, {
      attachTo: document.body,
      global: { plugins: [freshPinia(), firstScreenOnly, router] },
    });
    expect(wrapper.text()).toContain('Anmelden');
    await wrapper.get('form').trigger('submit');
    for (let attempt = 0; attempt < 3; attempt++) await submit(wrapper);
    expect(missing).toEqual([]);
    expect(wrapper.get('[role=alert]').text()).toContain('Bitte warten Sie 10 Minuten');
  });
});
