import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, freshPinia, mockApi, session as sessionFixture } from '../test/helpers';
import { useSessionStore } from './session';

describe('the session store', () => {
  beforeEach(() => {
    freshPinia();
  });

  it('asks the server once and keeps the CSRF token for later unsafe calls', async () => {
    const { requests } = mockApi({
      'GET /auth/session': { body: sessionFixture },
      'POST /auth/logout': { status: 204 },
    });
    const store = useSessionStore();

    await Promise.all([store.ensureLoaded(), store.ensureLoaded()]);
    await store.ensureLoaded();
    expect(requests.filter((r) => r.path === '/auth/session')).toHaveLength(1);
    expect(store.isAuthenticated).toBe(true);
    expect(store.tenant?.name).toBe('Demo GmbH');

    await store.logout();
    expect(requests.at(-1)!.headers['x-csrf-token']).toBe('csrf-123');
    expect(store.isAuthenticated).toBe(false);
    expect(store.notice).toBe('logged_out');
  });

  it('treats 401 from the session probe as signed out, not as an error', async () => {
    mockApi({ 'GET /auth/session': apiError(401, 'not_authenticated', 'Bitte melden Sie sich an.') });
    const store = useSessionStore();
    await store.ensureLoaded();
    expect(store.isAuthenticated).toBe(false);
    expect(store.loaded).toBe(true);
  });

  it('signs in and passes login errors on as ApiErrors', async () => {
    let calls = 0;
    mockApi({
      'POST /auth/login': () =>
        ++calls === 1 ? apiError(401, 'invalid_credentials', 'Falsch') : { body: sessionFixture },
    });
    const store = useSessionStore();
    await expect(store.login({ username: 'admin', password: 'x' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await store.login({ username: 'admin', password: 'admin' });
    expect(store.user?.name).toBe('admin');
  });

  it('forgets the session when the server says it expired', async () => {
    mockApi({ 'POST /auth/login': { body: sessionFixture } });
    const store = useSessionStore();
    await store.login({ username: 'admin', password: 'admin' });
    store.expire();
    expect(store.isAuthenticated).toBe(false);
    expect(store.notice).toBe('session_expired');
  });

  it('reads the session again after a login in another tab and says whether it is still the same user', async () => {
    let current = sessionFixture;
    mockApi({ 'POST /auth/login': { body: sessionFixture }, 'GET /auth/session': () => ({ body: current }) });
    const store = useSessionStore();
    await store.login({ username: 'admin', password: 'admin' });

    current = { ...sessionFixture, csrfToken: 'csrf-new' };
    await expect(store.refresh()).resolves.toBe(true);
    expect(store.session?.csrfToken).toBe('csrf-new');

    current = { ...sessionFixture, user: { id: '8', name: 'gast' }, csrfToken: 'csrf-other' };
    await expect(store.refresh()).resolves.toBe(false);
    expect(store.user?.name).toBe('gast');
  });
});
