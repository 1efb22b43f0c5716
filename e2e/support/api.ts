import { createEcm365Client, type Ecm365Client } from '@ecm365/client';
import { baseUrl } from './browser.js';

/** A signed-in API client from the test process (@ecm365/client), used to put the demo tenant into a known state. */
export async function apiSession(username = 'admin', password = username): Promise<Ecm365Client> {
  const session: { cookie?: string; csrfToken?: string } = {};
  const client = createEcm365Client({ baseUrl: baseUrl(), csrf: () => session.csrfToken });
  const login = await client.POST('/api/v1/auth/login', { body: { username, password } });
  if (!login.data)
    throw new Error(`API login as ${username} failed: ${login.response.status} ${login.error?.error.code}`);
  session.cookie = (login.response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  session.csrfToken = login.data.csrfToken;
  client.use({
    onRequest: ({ request }) => {
      request.headers.set('cookie', session.cookie ?? '');
      return request;
    },
  });
  return client;
}

/** No connection, invoice import off: the state a new customer starts from. */
export async function resetMs365(): Promise<void> {
  const api = await apiSession();
  const removed = await api.DELETE('/api/v1/ms365/connection');
  const status = removed.response.status;
  if (status !== 204 && status !== 404) throw new Error(`reset: DELETE answered ${status}`);
  const feature = await api.PUT('/api/v1/ms365/features/invoice-mail-import', {
    body: { enabled: false, mailbox: null },
  });
  if (!feature.data) throw new Error(`reset: PUT feature answered ${feature.response.status}`);
}
