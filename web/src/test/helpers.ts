import type { ConnectionResponse, ConnectionTestResult, SessionResponse } from '@ecm365/shared';
import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { vi } from 'vitest';
import type { Component } from 'vue';
import { i18n } from '../i18n';

export interface MockResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/**
 * Replaces fetch with a table of canned answers keyed by "METHOD /path" (without /api/v1). A function value can
 * answer differently per call. Unknown routes answer 404 not_found, like the real API.
 */
export function mockApi(routes: Record<string, MockResponse | ((request: RecordedRequest) => MockResponse)>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    // @ecm365/client sends a Request; anything else sends a URL and init.
    const sent = input instanceof Request ? input : new Request(new URL(String(input), location.origin), init);
    const url = new URL(sent.url);
    const text = await sent.text();
    const request: RecordedRequest = {
      method: sent.method,
      path: (url.pathname + url.search).replace(/^\/api\/v1/, ''),
      headers: Object.fromEntries(sent.headers),
      body: text ? (JSON.parse(text) as unknown) : undefined,
      credentials: sent.credentials,
    };
    const method = request.method;
    const path = request.path;
    requests.push(request);
    const route = routes[`${method} ${path}`];
    const answer = typeof route === 'function' ? route(request) : route;
    if (!answer) return jsonResponse(404, { error: { code: 'not_found', message: 'Nicht gefunden.' } });
    return jsonResponse(answer.status ?? 200, answer.body, answer.headers);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined || status === 204 ? null : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function apiError(status: number, code: string, message: string, details?: Record<string, unknown>) {
  return { status, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

export function freshPinia(): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

/** Mounts with Pinia and the real German messages. */
export function mountWithPlugins<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> = {},
  pinia: Pinia = freshPinia(),
) {
  const wrapper = mount(component, {
    ...options,
    attachTo: document.body,
    global: { ...options.global, plugins: [pinia, i18n, ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>);
  return { wrapper, pinia };
}

export const session: SessionResponse = {
  user: { id: '7', name: 'admin' },
  tenant: { slug: 'demo', name: 'Demo GmbH' },
  csrfToken: 'csrf-123',
  ms365Access: { allowed: true, reason: 'group_member', group: 'online.ecm.microsoft365' },
};

export const notConnected: ConnectionResponse = {
  status: 'not_connected',
  features: [{ id: 'invoice-mail-import', enabled: false, mailbox: null, scopes: ['Mail.ReadWrite.Shared'] }],
};

export const testResult: ConnectionTestResult = {
  ok: false,
  testedAt: '2026-11-26T10:00:00.000Z',
  checks: [
    { id: 'token', ok: true, message: 'Anmeldung bei Microsoft 365 funktioniert.' },
    {
      id: 'invoice-mail-import.mailbox',
      ok: false,
      message: 'Kein Zugriff auf das Postfach rechnungen@contoso.example.',
      hint: 'Der Benutzer mit dem Sie die Microsoft 365 Verbindung herstellen muss unbedingt die notwendigen Berechtigungen besitzen.',
    },
  ],
};

export const connected: ConnectionResponse = {
  status: 'connected',
  account: { username: 'admin@contoso.example', displayName: 'Adele Admin', microsoftTenantId: 'tid' },
  scopes: ['openid', 'profile', 'offline_access', 'User.Read'],
  connectedAt: '2026-11-26T09:00:00.000Z',
  connectedBy: 'admin',
  lastTest: { ...testResult, ok: true, checks: [testResult.checks[0]!] },
  features: notConnected.features,
};

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
