import { afterEach, describe, expect, it } from 'vitest';
import { useMs365Store } from '../../stores/ms365';
import { connected, flush, freshPinia, mockApi, mountWithPlugins } from '../../test/helpers';
import Ms365News from './Ms365News.vue';

async function mountWith(connection: object) {
  mockApi({ 'GET /ms365/connection': { body: connection } });
  const pinia = freshPinia();
  await useMs365Store(pinia).load();
  const { wrapper } = mountWithPlugins(Ms365News, {}, pinia);
  await flush();
  return wrapper.get('[data-testid=support-note]');
}

describe('the support line of the news box', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps the article’s request while no support mail is on its way', async () => {
    const note = await mountWith(connected);
    expect(note.text()).toContain('Bitte geben Sie uns anschließend unter support@ecm.online Bescheid');
  });

  it('says when support was informed, keeping the address for questions', async () => {
    const note = await mountWith({
      ...connected,
      supportNotification: {
        status: 'sent',
        queuedAt: '2026-12-01T09:00:00.000Z',
        sentAt: '2026-12-01T09:00:02.000Z',
        email: 'support@ecm.online',
      },
    });
    expect(note.text()).toMatch(/^Der Support wurde am 01\.12\.2026, \d\d:00 automatisch informiert\./);
    expect(note.get('a').attributes('href')).toBe('mailto:support@ecm.online');
  });

  it('says the mail is on its way while it is queued', async () => {
    const note = await mountWith({
      ...connected,
      supportNotification: { status: 'pending', queuedAt: '2026-12-01T09:00:00.000Z', email: 'support@ecm.online' },
    });
    expect(note.text()).toContain('Der Support wird automatisch informiert');
  });
});
