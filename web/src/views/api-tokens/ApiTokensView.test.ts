import type { ApiTokenInfo } from '@ecm365/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '../../stores/session';
import { flush, freshPinia, mockApi, mountWithPlugins, session } from '../../test/helpers';
import ApiTokensView from './ApiTokensView.vue';

const TOKEN = 'ecm365_shown-once-and-never-again-0123456789abcdefghij';
const base: ApiTokenInfo = {
  id: 't1',
  name: 'ELO-Skript',
  scopes: ['ms365:read', 'ms365:token'],
  createdAt: '2026-12-01T09:00:00.000Z',
  createdBy: 'admin',
  lastUsedAt: null,
  expiresAt: '2027-03-01T09:00:00.000Z',
  revokedAt: null,
};

async function mountPage(initial: ApiTokenInfo[] = []) {
  let tokens = initial;
  const api = mockApi({
    'POST /auth/login': { body: session },
    'GET /api-tokens': () => ({ body: tokens }),
    'POST /api-tokens': (request) => {
      const body = request.body as { name: string; scopes: ApiTokenInfo['scopes'] };
      tokens = [{ ...base, name: body.name, scopes: body.scopes }];
      return { status: 201, body: { ...tokens[0], token: TOKEN } };
    },
  });
  const pinia = freshPinia();
  await useSessionStore(pinia).login({ username: 'admin', password: 'admin' });
  const { wrapper } = mountWithPlugins(ApiTokensView, {}, pinia);
  await flush();
  return { wrapper, api };
}

describe('the API-Tokens page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('creates a token with the chosen scopes and expiry and shows it once', async () => {
    const { wrapper, api } = await mountPage();
    expect(wrapper.find('[data-testid=api-tokens-empty]').exists()).toBe(true);
    expect(wrapper.text()).toContain('Microsoft-Zugriffstoken abrufen');

    await wrapper.get('#api-token-name').setValue('ELO-Skript');
    await wrapper.get('[data-testid="scope-ms365:token"]').setValue(true);
    await wrapper.get('[data-testid=api-token-expiry]').setValue('365');
    await wrapper.get('[data-testid=api-token-form]').trigger('submit');
    await flush();

    const sent = api.requests.find((request) => request.method === 'POST' && request.path === '/api-tokens');
    expect(sent?.body).toEqual({ name: 'ELO-Skript', scopes: ['ms365:read', 'ms365:token'], expiresInDays: 365 });
    expect(wrapper.get('[data-testid=api-token-secret]').text()).toContain(TOKEN);
    expect(wrapper.get('[data-testid=api-token-t1]').text()).toContain('ms365:token');

    await wrapper.get('[data-testid=api-token-secret-done]').trigger('click');
    expect(wrapper.text()).not.toContain(TOKEN);
  });

  it('says what is missing instead of sending an empty form', async () => {
    const { wrapper, api } = await mountPage();
    await wrapper.get('[data-testid="scope-ms365:read"]').setValue(false);
    await wrapper.get('[data-testid=api-token-form]').trigger('submit');
    expect(wrapper.text()).toContain('Bitte wählen Sie mindestens eine Berechtigung.');
    expect(api.requests.some((request) => request.method === 'POST' && request.path === '/api-tokens')).toBe(false);
  });

  it('shows the expiry of a token, and why a revoked one no longer works', async () => {
    const { wrapper } = await mountPage([{ ...base, revokedAt: '2026-12-02T03:00:00.000Z' }]);
    const item = wrapper.get('[data-testid=api-token-t1]');
    expect(item.get('[data-testid=api-token-expiry]').text()).toContain('gültig bis');
    expect(item.text()).toContain('gesperrt');
    expect(item.text()).toContain('nicht mehr in der ELO-Gruppe');
  });
});
