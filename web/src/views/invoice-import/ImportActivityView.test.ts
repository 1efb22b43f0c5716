import type { ImportMessage } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { apiError, flush, mockApi, mountWithPlugins } from '../../test/helpers';
import ImportActivityView from './ImportActivityView.vue';

const PATH = '/ms365/features/invoice-mail-import';

const imported: ImportMessage = {
  id: 'm1',
  receivedAt: '2026-12-01T09:40:00.000Z',
  from: 'Muster GmbH <buchhaltung@muster.example>',
  subject: 'Rechnung 2026-0815',
  state: 'imported',
  attempts: 1,
  documents: [
    {
      name: 'rechnung-0815.xml',
      size: 14_336,
      kind: 'einvoice_xml',
      einvoice: { syntax: 'ubl', profile: 'XRechnung 3.0' },
      eloObjId: '4711',
      eloPath: '¶Rechnungseingang¶2026¶12¶rechnung-0815.xml',
    },
  ],
};
const failed: ImportMessage = {
  id: 'm2',
  receivedAt: '2026-12-01T09:30:00.000Z',
  from: 'lieferant@example.com',
  subject: 'Ihre Rechnung',
  state: 'failed',
  attempts: 3,
  documents: [{ name: 'rechnung.pdf', size: 2_500_000, kind: 'pdf' }],
  error: { code: 'elo_mask_rejected', message: 'ELO hat die Maske „Rechnung“ abgelehnt.' },
};

function mountView() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'ms365', component: { template: '<div />' } },
      { path: '/a', name: 'invoice-import-activity', component: { template: '<div />' } },
    ],
  });
  return mountWithPlugins(ImportActivityView, { global: { plugins: [router] } });
}

describe('the import activity page', () => {
  it('lists mails with their documents, ELO paths, e-invoice profile and errors', async () => {
    mockApi({ [`GET ${PATH}/messages?limit=25`]: { body: { items: [imported, failed] } } });
    const { wrapper } = mountView();
    await flush();
    await flush();
    const first = wrapper.get('[data-message-id="m1"]');
    expect(first.text()).toContain('Rechnung 2026-0815');
    expect(first.text()).toContain('buchhaltung@muster.example');
    expect(first.get('[data-testid="import-message-state"]').text()).toBe('Importiert');
    expect(first.get('[data-testid="einvoice-badge"]').text()).toBe('E-Rechnung · XRechnung 3.0');
    expect(first.get('[data-testid="import-document-path"]').text()).toContain(
      '¶Rechnungseingang¶2026¶12¶rechnung-0815.xml',
    );
    expect(first.text()).toContain('14 KB');
    const second = wrapper.get('[data-message-id="m2"]');
    expect(second.get('[data-testid="import-message-error"]').text()).toContain(
      'ELO hat die Maske „Rechnung“ abgelehnt.',
    );
    expect(second.text()).toContain('Bisher 3 Versuche');
    expect(second.text()).toContain('2,4 MB');
    expect(first.find('[data-testid="import-retry"]').exists()).toBe(false);
  });

  it('explains a known problem in plain words and keeps the message received folded away', async () => {
    const rejected = {
      ...failed,
      error: {
        code: 'elo_rejected',
        message: 'ELO hat das Dokument abgelehnt: Keywording form "Rechnung" refuses new entries.',
      },
    };
    mockApi({ [`GET ${PATH}/messages?limit=25`]: { body: { items: [rejected] } } });
    const { wrapper } = mountView();
    await flush();
    await flush();
    const error = wrapper.get('[data-message-id="m2"] [data-testid="import-message-error"]');
    expect(error.find('p').text()).toContain('ELO hat das Dokument nicht angenommen');
    expect(error.get('details').element.open).toBe(false);
    expect(error.get('[data-testid="import-message-error-detail"]').text()).toContain('refuses new entries');
  });

  it('retries a failed mail and reads the list again', async () => {
    let retried = false;
    const { requests } = mockApi({
      [`GET ${PATH}/messages?limit=25`]: () => ({
        body: { items: [imported, retried ? { ...failed, state: 'pending', error: undefined } : failed] },
      }),
      [`POST ${PATH}/messages/m2/retry`]: () => {
        retried = true;
        return { status: 202, body: {} };
      },
    });
    const { wrapper } = mountView();
    await flush();
    await flush();
    await wrapper.get('[data-testid="import-retry"]').trigger('click');
    await flush();
    await flush();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      `${PATH}/messages/m2/retry`,
    ]);
    expect(wrapper.get('[data-message-id="m2"] [data-testid="import-message-state"]').text()).toBe('In Arbeit');
  });

  it('says why a retry was refused', async () => {
    mockApi({
      [`GET ${PATH}/messages?limit=25`]: { body: { items: [failed] } },
      [`POST ${PATH}/messages/m2/retry`]: apiError(409, 'validation_failed', 'Die E-Mail ist nicht fehlgeschlagen.'),
    });
    const { wrapper } = mountView();
    await flush();
    await flush();
    await wrapper.get('[data-testid="import-retry"]').trigger('click');
    await flush();
    expect(wrapper.get('[role=alert]').text()).toContain('Die E-Mail ist nicht fehlgeschlagen.');
  });

  it('loads further pages by cursor and filters by state', async () => {
    const { requests } = mockApi({
      [`GET ${PATH}/messages?limit=25`]: { body: { items: [imported], nextCursor: 'c2' } },
      [`GET ${PATH}/messages?limit=25&cursor=c2`]: { body: { items: [failed] } },
      [`GET ${PATH}/messages?state=failed&limit=25`]: { body: { items: [failed] } },
    });
    const { wrapper } = mountView();
    await flush();
    await flush();
    await wrapper.get('[data-testid="import-more"]').trigger('click');
    await flush();
    expect(wrapper.findAll('[data-message-id]').map((item) => item.attributes('data-message-id'))).toEqual([
      'm1',
      'm2',
    ]);
    expect(wrapper.find('[data-testid="import-more"]').exists()).toBe(false);

    await wrapper.get('[data-testid="import-filter"]').setValue('failed');
    await flush();
    await flush();
    expect(requests.at(-1)?.path).toBe(`${PATH}/messages?state=failed&limit=25`);
    expect(wrapper.findAll('[data-message-id]').map((item) => item.attributes('data-message-id'))).toEqual(['m2']);
  });

  it('explains an empty list', async () => {
    mockApi({ [`GET ${PATH}/messages?limit=25`]: { body: { items: [] } } });
    const { wrapper } = mountView();
    await flush();
    await flush();
    expect(wrapper.get('[data-testid="import-empty"]').text()).toContain('Noch keine E-Mails importiert');
  });
});
