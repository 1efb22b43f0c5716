import { describe, expect, it } from 'vitest';
import { useMs365Store } from '../../stores/ms365';
import { connected, flush, mockApi, mountWithPlugins, testResult } from '../../test/helpers';
import InvoiceImportSettings from './InvoiceImportSettings.vue';

describe('the invoice import settings', () => {
  it('keeps an unsaved mailbox while the connection is tested again, and takes saved settings', async () => {
    const saved = { id: 'invoice-mail-import', enabled: true, mailbox: 'rechnungen@contoso.example' };
    mockApi({
      'GET /ms365/connection': { body: connected },
      'POST /ms365/connection/test': { body: testResult },
      'PUT /ms365/features/invoice-mail-import': { body: saved },
    });
    const { wrapper, pinia } = mountWithPlugins(InvoiceImportSettings);
    const store = useMs365Store(pinia);
    await store.load();
    await flush();
    const mailbox = wrapper.get<HTMLInputElement>('#invoice-mailbox');
    expect(mailbox.element.value).toBe('');

    await mailbox.setValue('rechnungen@contoso.example');
    await store.retest(); // replaces the connection object, with the same stored settings
    await flush();
    expect(mailbox.element.value).toBe('rechnungen@contoso.example');

    await wrapper.get('[data-testid="invoice-enabled"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(store.invoiceMailImport).toMatchObject({ enabled: true, mailbox: 'rechnungen@contoso.example' });
    expect(wrapper.get<HTMLInputElement>('[data-testid="invoice-enabled"]').element.checked).toBe(true);
  });
});
