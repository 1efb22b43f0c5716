import type { CreatedWebhook, CreateWebhookRequest, WebhookDelivery, WebhookInfo } from '@ecm365/shared';
import { defineStore } from 'pinia';
import { readonly, ref, watch } from 'vue';
import { notificationsApi, webhooksApi } from '../api/endpoints';
import { useBusyFlag } from './busy-flag';
import { useSessionStore } from './session';

type Busy = 'loading' | 'creating' | 'removing' | 'testing' | 'saving-email';

/** The tenant's webhooks and notification address, as the „Webhooks“ page shows and changes them. */
export const useWebhooksStore = defineStore('webhooks', () => {
  const hooks = ref<WebhookInfo[]>([]);
  /** Delivery logs of the webhooks opened on the page, by webhook id. */
  const deliveries = ref<Record<string, WebhookDelivery[]>>({});
  /** The secret of the webhook just created: shown once, gone on the next change. */
  const revealed = ref<CreatedWebhook | null>(null);
  const notificationEmail = ref<string | null>(null);
  const { busy, run } = useBusyFlag<Busy>();

  function reset(): void {
    hooks.value = [];
    deliveries.value = {};
    revealed.value = null;
    notificationEmail.value = null;
  }
  // Nothing of one session may show to the next user (a logout, or a login in another tab).
  const session = useSessionStore();
  watch(() => (session.session ? `${session.session.tenant.slug}/${session.session.user.id}` : null), reset);

  async function load(): Promise<void> {
    await run('loading', async () => {
      const [list, notifications] = await Promise.all([webhooksApi.list(), notificationsApi.get()]);
      hooks.value = list;
      notificationEmail.value = notifications.email;
    });
  }

  async function create(request: CreateWebhookRequest): Promise<CreatedWebhook> {
    return run('creating', async () => {
      const created = await webhooksApi.create(request);
      revealed.value = created;
      hooks.value = await webhooksApi.list();
      return created;
    });
  }

  function forgetSecret(): void {
    revealed.value = null;
  }

  async function remove(id: string): Promise<void> {
    await run('removing', async () => {
      await webhooksApi.remove(id);
      hooks.value = hooks.value.filter((hook) => hook.id !== id);
      const { [id]: _gone, ...rest } = deliveries.value;
      deliveries.value = rest;
      if (revealed.value?.id === id) revealed.value = null;
    });
  }

  async function loadDeliveries(id: string): Promise<WebhookDelivery[]> {
    const list = await webhooksApi.deliveries(id);
    deliveries.value = { ...deliveries.value, [id]: list };
    return list;
  }

  /** Sends the test event and shows it at the top of the hook's deliveries. */
  async function test(id: string): Promise<WebhookDelivery> {
    return run('testing', async () => {
      const result = await webhooksApi.test(id);
      await loadDeliveries(id);
      return result;
    });
  }

  async function saveNotificationEmail(email: string | null): Promise<void> {
    await run('saving-email', async () => {
      notificationEmail.value = (await notificationsApi.set(email)).email;
    });
  }

  return {
    hooks: readonly(hooks),
    deliveries: readonly(deliveries),
    revealed: readonly(revealed),
    notificationEmail: readonly(notificationEmail),
    busy: readonly(busy),
    load,
    create,
    forgetSecret,
    remove,
    loadDeliveries,
    test,
    saveNotificationEmail,
  };
});
