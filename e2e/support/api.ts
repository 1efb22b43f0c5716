import { API_PREFIX, CSRF_HEADER, type SessionResponse } from '@ecm365/shared';
import { baseUrl } from './browser.js';

/** A signed-in API client from the test process (Node's fetch), used to put the demo tenant into a known state. */
export async function apiSession(username = 'admin', password = username) {
  const response = await fetch(`${baseUrl()}${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`API login as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as SessionResponse;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${baseUrl()}${API_PREFIX}${path}`, {
      method,
      headers: {
        cookie,
        [CSRF_HEADER]: csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { call };
}

/** No connection, invoice import off: the state a new customer starts from. */
export async function resetMs365(): Promise<void> {
  const api = await apiSession();
  const removed = await api.call('DELETE', '/ms365/connection');
  if (removed.status !== 204 && removed.status !== 404) throw new Error(`reset: DELETE answered ${removed.status}`);
  const feature = await api.call('PUT', '/ms365/features/invoice-mail-import', { enabled: false, mailbox: null });
  if (feature.status !== 200) throw new Error(`reset: PUT feature answered ${feature.status}`);
}
