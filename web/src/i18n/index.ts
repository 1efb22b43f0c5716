import { createI18n } from 'vue-i18n';
import de from 'virtual:ecm365-messages/de';
import type deSource from './locales/de.json';

export type MessageSchema = typeof deSource;
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'ecm365.locale';

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'de',
  fallbackLocale: 'de',
  // German is in the initial bundle; English is loaded when chosen.
  // Compiled ASTs at run time; their shape is that of de.json, which gives `t()` its keys.
  messages: { de: de as unknown as MessageSchema } as Record<Locale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
});

const loaders: Record<Locale, () => Promise<{ default: unknown }>> = {
  de: () => Promise.resolve({ default: de }),
  en: () => import('virtual:ecm365-messages/en'),
};

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'de';
  } catch {
    return 'de';
  }
}

/** Switches the language, loading its messages first, and remembers the choice in this browser. */
export async function setLocale(locale: Locale): Promise<void> {
  if (!i18n.global.availableLocales.includes(locale)) {
    const messages = await loaders[locale]();
    i18n.global.setLocaleMessage(locale, messages.default as unknown as MessageSchema);
  }
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
