import { describe, expect, it, vi } from 'vitest';
import { useMs365Store } from '../../stores/ms365';
import { apiError, connected, flush, mockApi, mountWithPlugins, testResult } from '../../test/helpers';
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

  it('says what went wrong when saving fails, also without a message from the server', async () => {
    mockApi({
      'GET /ms365/connection': { body: connected },
      'PUT /ms365/features/invoice-mail-import': apiError(500, 'internal_error', ''),
    });
    const { wrapper, pinia } = mountWithPlugins(InvoiceImportSettings);
    await useMs365Store(pinia).load();
    await flush();
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(wrapper.get('[role=alert] p').text()).toBe(
      'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
    );

    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(wrapper.get('[role=alert]').text()).toContain('Keine Verbindung zum Server.');
  });
});
