import type { WebhookDelivery, WebhookInfo } from '@ecm365/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { useSessionStore } from '../../stores/session';
import { apiError, flush, freshPinia, mockApi, mountWithPlugins, session } from '../../test/helpers';
import WebhooksView from './WebhooksView.vue';

const hook: WebhookInfo = {
  id: 'h1',
  url: 'https://erp.example.com/hooks',
  events: ['ms365.connection.connected'],
  description: 'ERP',
  createdAt: '2026-12-01T09:00:00.000Z',
  createdBy: 'admin',
};
const delivered: WebhookDelivery = {
  id: 'd1',
  eventId: 'evt_1',
  eventType: 'webhook.test',
  test: true,
  status: 'delivered',
  attempts: 1,
  createdAt: '2026-12-01T09:01:00.000Z',
  lastAttemptAt: '2026-12-01T09:01:00.000Z',
  nextAttemptAt: null,
  deliveredAt: '2026-12-01T09:01:00.000Z',
  responseStatus: 204,
  durationMs: 42,
  error: null,
};
const SECRET = 'whsec_c2VjcmV0LXNob3duLW9uY2UtYW5kLW5ldmVyLWFnYWluISE=';

async function mountPage(routes: Parameters<typeof mockApi>[0] = {}) {
  let hooks: WebhookInfo[] = [];
  const api = mockApi({
    'POST /auth/login': { body: session },
    'GET /webhooks': () => ({ body: hooks }),
    'GET /notifications': { body: { email: null } },
    'POST /webhooks': (request) => {
      hooks = [{ ...hook, ...(request.body as object) } as WebhookInfo];
      return { status: 201, body: { id: 'h1', secret: SECRET } };
    },
    'DELETE /webhooks/h1': () => {
      hooks = [];
      return { status: 204 };
    },
    'POST /webhooks/h1/test': { body: delivered },
    'GET /webhooks/h1/deliveries': { body: [delivered] },
    'PUT /notifications': (request) => ({ body: request.body }),
    ...routes,
  });
  const pinia = freshPinia();
  await useSessionStore(pinia).login({ username: 'admin', password: 'admin' });
  const { wrapper } = mountWithPlugins(WebhooksView, {}, pinia);
  await flush();
  return { wrapper, api };
}

describe('the Webhooks page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('adds a webhook with the chosen events and shows its secret once', async () => {
    const { wrapper, api } = await mountPage();
    expect(wrapper.find('[data-testid=webhooks-empty]').exists()).toBe(true);

    await wrapper.get('#webhook-url').setValue('https://erp.example.com/hooks');
    await wrapper.get('[data-testid="event-ms365.connection.needs_reauth"]').setValue(false);
    await wrapper.get('[data-testid="event-invoice_import.message.failed"]').setValue(true);
    await wrapper.get('[data-testid=webhook-form]').trigger('submit');
    await flush();

    const sent = api.requests.find((request) => request.method === 'POST' && request.path === '/webhooks');
    expect(sent?.body).toEqual({
      url: 'https://erp.example.com/hooks',
      events: ['ms365.connection.connected', 'ms365.connection.deleted', 'invoice_import.message.failed'],
    });
    expect(wrapper.get('[data-testid=webhook-secret]').text()).toContain(SECRET);
    expect(wrapper.find('[data-testid=webhook-h1]').exists()).toBe(true);

    await wrapper.get('[data-testid=webhook-secret-done]').trigger('click');
    expect(wrapper.text()).not.toContain(SECRET);
  });

  it('says what is missing instead of sending an empty form', async () => {
    const { wrapper, api } = await mountPage();
    for (const type of ['ms365.connection.connected', 'ms365.connection.needs_reauth', 'ms365.connection.deleted']) {
      await wrapper.get(`[data-testid="event-${type}"]`).setValue(false);
    }
    await wrapper.get('[data-testid=webhook-form]').trigger('submit');
    expect(wrapper.text()).toContain('Bitte geben Sie die Adresse an.');
    expect(wrapper.text()).toContain('Bitte wählen Sie mindestens ein Ereignis.');
    expect(api.requests.some((request) => request.method === 'POST' && request.path === '/webhooks')).toBe(false);
  });

  it("shows the API's German reason when the address is refused", async () => {
    const { wrapper } = await mountPage({
      'POST /webhooks': apiError(400, 'webhook_url_not_allowed', 'Diese Webhook-Adresse ist nicht erlaubt.'),
    });
    await wrapper.get('#webhook-url').setValue('https://10.0.0.1/hooks');
    await wrapper.get('[data-testid=webhook-form]').trigger('submit');
    await flush();
    expect(wrapper.text()).toContain('Diese Webhook-Adresse ist nicht erlaubt.');
    expect(wrapper.find('[data-testid=webhook-secret]').exists()).toBe(false);
  });

  it('sends a test and lists the deliveries with status, response and duration', async () => {
    const { wrapper, api } = await mountPage({ 'GET /webhooks': { body: [hook] } });
    await wrapper.get('[data-testid=webhook-test]').trigger('click');
    await flush();
    expect(api.requests.some((request) => request.method === 'POST' && request.path === '/webhooks/h1/test')).toBe(
      true,
    );
    const row = wrapper.get('[data-testid=delivery-delivered]');
    expect(row.text()).toContain('Test-Ereignis');
    expect(row.text()).toContain('zugestellt');
    expect(row.text()).toContain('HTTP 204');
    expect(row.text()).toContain('42 ms');
  });

  it('deletes a webhook only after the confirmation', async () => {
    const { wrapper, api } = await mountPage({ 'GET /webhooks': { body: [hook] } });
    await wrapper.get('[data-testid=webhook-delete]').trigger('click');
    await flush();
    expect(api.requests.some((request) => request.method === 'DELETE')).toBe(false);
    document.querySelector<HTMLButtonElement>('[data-testid=webhook-confirm-delete]')?.click();
    await flush();
    expect(api.requests.some((request) => request.method === 'DELETE' && request.path === '/webhooks/h1')).toBe(true);
    expect(wrapper.find('[data-testid=webhook-h1]').exists()).toBe(false);
  });

  it('saves the notification address, and an empty field removes it', async () => {
    const { wrapper, api } = await mountPage();
    await wrapper.get('[data-testid=notification-email]').setValue('it@acme.example');
    await wrapper.get('[data-testid=notification-save]').trigger('click');
    await flush();
    await wrapper.get('[data-testid=notification-email]').setValue('');
    await wrapper.get('[data-testid=notification-save]').trigger('click');
    await flush();
    const puts = api.requests.filter((request) => request.method === 'PUT').map((request) => request.body);
    expect(puts).toEqual([{ email: 'it@acme.example' }, { email: null }]);
  });

  it('explains "Zugriff nicht erlaubt" to a user outside the group', async () => {
    const { wrapper } = await mountPage({ 'GET /webhooks': apiError(403, 'access_denied', 'Zugriff nicht erlaubt') });
    expect(wrapper.find('[data-testid=access-denied]').exists()).toBe(true);
  });
});
