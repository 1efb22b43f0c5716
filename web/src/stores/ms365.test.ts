import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, connected, flush, freshPinia, mockApi, notConnected, session, testResult } from '../test/helpers';
import { useMs365Store } from './ms365';
import { useSessionStore } from './session';

describe('the Microsoft 365 store', () => {
  beforeEach(() => {
    freshPinia();
  });

  it('loads the connection with its last test', async () => {
    mockApi({ 'GET /ms365/connection': { body: connected } });
    const store = useMs365Store();
    await store.load();
    expect(store.status).toBe('connected');
    expect(store.lastTest?.ok).toBe(true);
    expect(store.invoiceMailImport?.enabled).toBe(false);
  });

  it('remembers a 403 access_denied from any call', async () => {
    mockApi({ 'GET /ms365/connection': apiError(403, 'access_denied', 'Zugriff nicht erlaubt') });
    const store = useMs365Store();
    await expect(store.load()).rejects.toMatchObject({ code: 'access_denied' });
    expect(store.accessDenied).toBe(true);
  });

  it('forgets a 403 once the connection loads again (membership granted meanwhile)', async () => {
    let denied = true;
    mockApi({
      'GET /ms365/connection': () =>
        denied ? apiError(403, 'access_denied', 'Zugriff nicht erlaubt') : { body: connected },
    });
    const store = useMs365Store();
    await expect(store.load()).rejects.toMatchObject({ code: 'access_denied' });
    denied = false;
    await store.load();
    expect(store.accessDenied).toBe(false);
    expect(store.status).toBe('connected');
  });

  it('shows nothing of the last session after a logout or to the next user', async () => {
    mockApi({
      'POST /auth/login': { body: session },
      'POST /auth/logout': { status: 204 },
      'GET /ms365/connection': apiError(403, 'access_denied', 'Zugriff nicht erlaubt'),
      'POST /ms365/connect': {
        status: 201,
        body: {
          attemptId: 'a1',
          connectorUrl: 'http://localhost:3000/connector/a1',
          expiresAt: '2026-01-01T00:00:00Z',
        },
      },
    });
    const sessionStore = useSessionStore();
    const store = useMs365Store();
    await sessionStore.login({ username: 'admin', password: 'admin' });
    await store.startAttempt();
    await expect(store.load()).rejects.toMatchObject({ code: 'access_denied' });
    expect(store.accessDenied).toBe(true);

    await sessionStore.logout();
    await flush();
    expect(store.accessDenied).toBe(false);
    expect(store.attempt).toBeNull();
    expect(store.connection).toBeNull();
  });

  it('keeps what it shows when the same user gets a new CSRF token, not for another user', async () => {
    let current = session;
    mockApi({
      'POST /auth/login': { body: session },
      'GET /auth/session': () => ({ body: current }),
      'GET /ms365/connection': { body: connected },
    });
    const sessionStore = useSessionStore();
    const store = useMs365Store();
    await sessionStore.login({ username: 'admin', password: 'admin' });
    await flush();
    await store.load();

    current = { ...session, csrfToken: 'csrf-new' };
    await sessionStore.refresh();
    await flush();
    expect(store.status).toBe('connected');

    current = { ...session, user: { id: '8', name: 'gast' }, csrfToken: 'csrf-other' };
    await sessionStore.refresh();
    await flush();
    expect(store.connection).toBeNull();
  });

  it('starts an attempt, redeems its code and keeps the test result', async () => {
    const { requests } = mockApi({
      'GET /ms365/connection': { body: notConnected },
      'POST /ms365/connect': {
        status: 201,
        body: {
          attemptId: 'a1',
          connectorUrl: 'http://localhost:3000/connector/a1',
          expiresAt: '2026-01-01T00:00:00Z',
        },
      },
      'POST /ms365/connection': { body: { connection: connected, test: testResult } },
    });
    const store = useMs365Store();
    await store.load();
    await store.startAttempt();
    expect(store.attempt?.attemptId).toBe('a1');
    expect(store.busy).toBeNull();

    await store.redeem('ABCD-EFGH');
    expect(requests.at(-1)!.body).toEqual({ code: 'ABCD-EFGH' });
    expect(store.status).toBe('connected');
    expect(store.lastTest).toEqual(testResult);
    expect(store.attempt).toBeNull();
  });

  it('tests again and takes the connection from the answer, without asking for it a second time', async () => {
    const reauth = { ...connected, status: 'needs_reauth' as const, lastTest: testResult };
    const { requests } = mockApi({
      'GET /ms365/connection': { body: connected },
      'POST /ms365/connection/test': { body: { ...testResult, connection: reauth } },
    });
    const store = useMs365Store();
    await store.load();

    await expect(store.retest()).resolves.toEqual(testResult);
    expect(store.status).toBe('needs_reauth');
    expect(store.lastTest).toEqual(testResult);
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /ms365/connection',
      'POST /ms365/connection/test',
    ]);
  });

  it('reloads the status after a disconnect and updates saved feature settings', async () => {
    let deleted = false;
    mockApi({
      'GET /ms365/connection': () => ({ body: deleted ? notConnected : connected }),
      'DELETE /ms365/connection': () => {
        deleted = true;
        return { status: 204 };
      },
      'PUT /ms365/features/invoice-mail-import': {
        body: { id: 'invoice-mail-import', enabled: true, mailbox: 'rechnungen@contoso.example', scopes: [] },
      },
    });
    const store = useMs365Store();
    await store.load();
    await store.saveInvoiceMailImport({ enabled: true, mailbox: 'rechnungen@contoso.example' });
    expect(store.invoiceMailImport?.mailbox).toBe('rechnungen@contoso.example');

    await store.disconnect();
    expect(store.status).toBe('not_connected');
    expect(store.lastTest).toBeNull();
  });
});
