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

  it('follow the browser’s languages on a first visit, German when it has none of them', async () => {
    const { browserLocale } = await freshI18n();
    expect(browserLocale(['en-US', 'de'])).toBe('en');
    expect(browserLocale(['fr-FR', 'en-GB', 'de'])).toBe('en');
    expect(browserLocale(['de-AT', 'en'])).toBe('de');
    expect(browserLocale(['fr', 'it'])).toBe('de');
    expect(browserLocale([])).toBe('de');
  });

  it('remember the switch, but not the language taken from the browser at start-up', async () => {
    localStorage.removeItem('ecm365.locale');
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US', 'en']);
    try {
      const { setLocale, storedLocale } = await freshI18n();
      expect(storedLocale()).toBe('en');
      await setLocale(storedLocale(), { remember: false });
      expect(localStorage.getItem('ecm365.locale')).toBeNull();
      await setLocale('de');
      expect(localStorage.getItem('ecm365.locale')).toBe('de');
      expect(storedLocale()).toBe('de');
    } finally {
      languages.mockRestore();
      localStorage.removeItem('ecm365.locale');
    }
  });
});
