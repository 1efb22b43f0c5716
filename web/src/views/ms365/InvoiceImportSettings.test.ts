import { DEFAULT_ELO_FIELDS, type InvoiceMailImportResponse } from '@ecm365/shared';
import { describe, expect, it, vi } from 'vitest';
import { useInvoiceImportStore } from '../../stores/invoice-import';
import { useMs365Store } from '../../stores/ms365';
import { apiError, connected, flush, mockApi, mountWithPlugins, testResult } from '../../test/helpers';
import InvoiceImportSettings from './InvoiceImportSettings.vue';

const PATH = '/ms365/features/invoice-mail-import';

function importState(overrides: Partial<InvoiceMailImportResponse> = {}): InvoiceMailImportResponse {
  return {
    id: 'invoice-mail-import',
    enabled: true,
    mailbox: 'rechnungen@contoso.example',
    scopes: ['Mail.ReadWrite.Shared'],
    eloFolder: '¶Rechnungseingang¶{yyyy}¶{MM}',
    eloMask: 'Rechnung',
    afterImport: 'move',
    importFrom: '2026-12-01T08:00:00.000Z',
    content: 'attachments',
    includeInline: false,
    eloFields: { ...DEFAULT_ELO_FIELDS },
    state: 'running',
    lastRunAt: '2026-12-01T09:42:00.000Z',
    nextRunAt: '2026-12-01T09:47:00.000Z',
    backlog: 0,
    counts: { imported: 12, failed: 1, skipped: 2 },
    ...overrides,
  };
}

const mountCard = () => mountWithPlugins(InvoiceImportSettings, { global: { stubs: { RouterLink: true } } });

describe('the invoice import card', () => {
  it('keeps an unsaved mailbox while the connection is tested again, and takes saved settings', async () => {
    const saved = {
      id: 'invoice-mail-import',
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
      scopes: ['Mail.ReadWrite.Shared'],
    };
    const { requests } = mockApi({
      'GET /ms365/connection': { body: connected },
      'POST /ms365/connection/test': { body: { ...testResult, connection: connected } },
      [`PUT ${PATH}`]: { body: saved },
    });
    const { wrapper, pinia } = mountCard();
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
    // Without the import's own settings from the API only the two basic ones are sent.
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
    });
  });

  it('keeps what the user typed while the import’s own settings are still loading', async () => {
    let answer: (value: Response) => void = () => undefined;
    const { fetchMock } = mockApi({ 'GET /ms365/connection': { body: connected } });
    const { wrapper, pinia } = mountCard();
    await useMs365Store(pinia).load();
    await flush();
    // The import's settings answer only now, after the user began typing.
    const respond = new Promise<Response>((resolve) => (answer = resolve));
    fetchMock.mockImplementationOnce(() => respond);
    const loading = useInvoiceImportStore(pinia).load();
    await wrapper.get('[data-testid="invoice-enabled"]').setValue(true);
    await wrapper.get('#invoice-mailbox').setValue('rechnungen@contoso.example');
    answer(
      new Response(JSON.stringify(importState({ enabled: false, mailbox: null, state: 'disabled' })), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    await loading;
    await flush();
    expect(wrapper.find('#invoice-elo-folder').exists()).toBe(true);
    expect(wrapper.get<HTMLInputElement>('[data-testid="invoice-enabled"]').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('#invoice-mailbox').element.value).toBe('rechnungen@contoso.example');
  });

  it('says what went wrong when saving fails, also without a message from the server', async () => {
    mockApi({
      'GET /ms365/connection': { body: connected },
      [`PUT ${PATH}`]: apiError(500, 'internal_error', ''),
    });
    const { wrapper, pinia } = mountCard();
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

  it('shows the state in words and the counts, and runs a round with „Jetzt prüfen“', async () => {
    const { requests } = mockApi({
      'GET /ms365/connection': { body: connected },
      [`GET ${PATH}`]: { body: importState() },
      [`POST ${PATH}/run`]: { status: 202, body: {} },
    });
    const { wrapper } = mountCard();
    await flush();
    await flush();
    const state = wrapper.get('[data-testid="invoice-import-state"]');
    expect(state.attributes('aria-live')).toBe('polite');
    expect(state.text()).toMatch(/^Läuft – zuletzt geprüft .*\d\d:42, nächste Prüfung .*\d\d:47$/);
    expect(wrapper.get('[data-testid="invoice-import-counts"]').text()).toContain('12');
    expect(wrapper.get<HTMLInputElement>('#invoice-elo-folder').element.value).toBe('¶Rechnungseingang¶{yyyy}¶{MM}');
    expect(wrapper.get<HTMLInputElement>('#invoice-elo-mask').element.value).toBe('Rechnung');
    expect(wrapper.get<HTMLInputElement>('input[name=afterImport][value=move]').element.checked).toBe(true);

    await wrapper.get('[data-testid="invoice-run"]').trigger('click');
    await flush();
    await flush();
    expect(requests.some((request) => request.method === 'POST' && request.path === `${PATH}/run`)).toBe(true);
    expect(wrapper.find('[data-testid="invoice-run-requested"]').exists()).toBe(true);
  });

  it.each([
    ['waiting_for_connection', 'Wartet auf die Microsoft-365-Verbindung'],
    ['waiting_for_elo', 'Wartet auf das ELO-Dienstkonto'],
  ] as const)('says %s in words', async (value, text) => {
    mockApi({ [`GET ${PATH}`]: { body: importState({ state: value }) } });
    const { wrapper } = mountCard();
    await flush();
    await flush();
    expect(wrapper.get('[data-testid="invoice-import-state"]').text()).toBe(text);
    expect(wrapper.find('[data-testid="invoice-run"]').exists()).toBe(false);
  });

  it('names the reason when the import needs attention', async () => {
    const lastError = { code: 'mailbox_access_denied', message: 'Kein Zugriff auf das Postfach.' };
    mockApi({ [`GET ${PATH}`]: { body: importState({ state: 'needs_attention', lastError }) } });
    const { wrapper } = mountCard();
    await flush();
    await flush();
    expect(wrapper.get('[data-testid="invoice-import-state"]').text()).toBe(
      'Handlungsbedarf: Kein Zugriff auf das Postfach.',
    );
  });

  it('sends every setting and shows the API’s 400 answers at their fields', async () => {
    const { requests } = mockApi({
      'GET /ms365/connection': { body: connected },
      [`GET ${PATH}`]: { body: importState() },
      [`PUT ${PATH}`]: (request) =>
        (request.body as { eloMask: string }).eloMask === 'Gibtsnicht'
          ? apiError(400, 'validation_failed', 'Die Maske „Gibtsnicht“ gibt es im ELO nicht.', { field: 'eloMask' })
          : apiError(400, 'validation_failed', 'Die Anfrage ist ungültig.', {
              issues: [{ location: 'body', path: '/eloFolder', problem: 'must match pattern' }],
            }),
    });
    const { wrapper, pinia } = mountCard();
    await useMs365Store(pinia).load();
    await flush();
    await flush();

    await wrapper.get('#invoice-elo-mask').setValue('Gibtsnicht');
    await wrapper.get('input[name=afterImport][value=mark_read]').setValue(true);
    await wrapper.get('input[name=content][value=both]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(requests.find((request) => request.method === 'PUT')?.body).toMatchObject({
      enabled: true,
      mailbox: 'rechnungen@contoso.example',
      eloFolder: '¶Rechnungseingang¶{yyyy}¶{MM}',
      eloMask: 'Gibtsnicht',
      afterImport: 'mark_read',
      content: 'both',
      includeInline: false,
      importFrom: '2026-12-01T08:00:00.000Z',
    });
    expect(wrapper.get('#invoice-elo-mask-error').text()).toBe('Die Maske „Gibtsnicht“ gibt es im ELO nicht.');
    expect(wrapper.get('#invoice-elo-mask').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="invoice-save-error"]').text()).toContain('Bitte prüfen Sie die markierten');

    await wrapper.get('#invoice-elo-mask').setValue('Rechnung');
    await wrapper.get('#invoice-elo-folder').setValue('Rechnungseingang');
    await wrapper.get('form').trigger('submit');
    await flush();
    expect(wrapper.get('#invoice-elo-mask-error').text()).toBe('');
    expect(wrapper.get('#invoice-elo-folder-error').text()).toContain('gültigen ELO-Pfad');
  });
});
