import type { ConnectionResponse } from '@ecm365/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { useMs365Store } from '../../stores/ms365';
import { connected, flush, freshPinia, mockApi, mountWithPlugins } from '../../test/helpers';
import ConnectionStatusCard from './ConnectionStatusCard.vue';

const withImport = (scopes: string[]): ConnectionResponse => ({
  ...connected,
  scopes,
  features: [
    {
      id: 'invoice-mail-import',
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
      scopes: ['Mail.ReadWrite.Shared'],
    },
  ],
});

async function mountWith(connection: ConnectionResponse) {
  mockApi({ 'GET /ms365/connection': { body: connection } });
  const pinia = freshPinia();
  await useMs365Store(pinia).load();
  const { wrapper } = mountWithPlugins(ConnectionStatusCard, {}, pinia);
  await flush();
  return wrapper;
}

describe('the status card', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('names the permissions the enabled features lack', async () => {
    const wrapper = await mountWith(withImport(['openid', 'profile', 'User.Read']));
    expect(wrapper.get('[data-testid=missing-scopes]').text()).toContain('Mail.ReadWrite.Shared');
  });

  it.each([
    ['short', 'Mail.ReadWrite.Shared'],
    ['resource-qualified', 'https://graph.microsoft.com/Mail.ReadWrite.Shared'],
    ['resource-qualified in lower case', 'https://graph.microsoft.com/mail.readwrite.shared'],
  ])('finds nothing missing when the grant is written %s', async (_spelling, scope) => {
    const wrapper = await mountWith(withImport(['openid', 'User.Read', scope]));
    expect(wrapper.find('[data-testid=missing-scopes]').exists()).toBe(false);
  });
});
