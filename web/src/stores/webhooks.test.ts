import { beforeEach, describe, expect, it } from 'vitest';
import { flush, freshPinia, mockApi, session } from '../test/helpers';
import { useSessionStore } from './session';
import { useWebhooksStore } from './webhooks';

describe('the webhooks store', () => {
  beforeEach(() => {
    freshPinia();
  });

  it('shows nothing of one session to the next: hooks and the once-shown secret go on logout', async () => {
    mockApi({
      'POST /auth/login': { body: session },
      'POST /auth/logout': { status: 204 },
      'POST /webhooks': { status: 201, body: { id: 'h1', secret: 'whsec_x' } },
      'GET /webhooks': {
        body: [
          { id: 'h1', url: 'https://a.example/', events: [], description: null, createdAt: '', createdBy: 'admin' },
        ],
      },
    });
    await useSessionStore().login({ username: 'admin', password: 'admin' });
    const store = useWebhooksStore();
    await store.create({ url: 'https://a.example/', events: ['ms365.connection.connected'] });
    expect(store.revealed?.secret).toBe('whsec_x');
    expect(store.hooks).toHaveLength(1);

    await useSessionStore().logout();
    await flush();
    expect(store.revealed).toBeNull();
    expect(store.hooks).toEqual([]);
  });

  it('drops the shown secret when its webhook is deleted', async () => {
    mockApi({
      'POST /webhooks': { status: 201, body: { id: 'h1', secret: 'whsec_x' } },
      'GET /webhooks': { body: [] },
      'DELETE /webhooks/h1': { status: 204 },
    });
    const store = useWebhooksStore();
    await store.create({ url: 'https://a.example/', events: ['ms365.connection.connected'] });
    await store.remove('h1');
    expect(store.revealed).toBeNull();
  });
});
