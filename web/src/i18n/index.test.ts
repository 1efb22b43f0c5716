import { describe, expect, it, vi } from 'vitest';

/** The i18n module as the browser starts it (the test setup has loaded every message into the shared one). */
async function freshI18n() {
  vi.resetModules();
  return import('./index');
}

describe('the portal’s messages', () => {
  it('start with the first screen’s German texts and load the pages’ only when a page asks for them', async () => {
    const { i18n, loadPageMessages, setLocale } = await freshI18n();
    const { t, te } = i18n.global;
    expect(t('login.title')).toBe('Anmelden');
    expect(te('nav.overview')).toBe(false);

    await setLocale('en');
    expect(t('login.title')).toBe('Sign in');
    expect(te('nav.overview', 'en')).toBe(false);

    await loadPageMessages();
    expect(t('nav.overview')).toBe('Overview');
    // From now on a language comes whole.
    await setLocale('de');
    expect(t('nav.overview')).toBe('Übersicht');
    expect(document.documentElement.lang).toBe('de');
  });
});
