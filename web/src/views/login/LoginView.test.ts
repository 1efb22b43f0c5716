import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apiError, flush, mockApi, mountWithPlugins } from '../../test/helpers';
import LoginView from './LoginView.vue';

async function mountLogin() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginView },
      { path: '/', component: { template: '<p>start</p>' } },
    ],
  });
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
});
