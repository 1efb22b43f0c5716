import { createI18n } from 'vue-i18n';
import { setRequestLanguage } from '../api/client';
import deFirstScreen from 'virtual:ecm365-messages/de/first-screen';
import type deSource from './locales/de.json';

export type MessageSchema = typeof deSource;
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
type MessagePart = 'first-screen' | 'pages';

const STORAGE_KEY = 'ecm365.locale';

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'de',
  fallbackLocale: 'de',
  // Only the German texts of the first screen (the login page) are in the initial bundle; the rest of a language
  // loads with the first page that needs it (loadPageMessages), English when it is chosen. Build-time compiled
  // messages (build/i18n-messages.ts), split by namespace in vite.config.ts; `t()` takes its keys from de.json.
  // A copy: the messages merged in later must not change the imported module.
  messages: { de: { ...deFirstScreen } as unknown as MessageSchema } as Record<Locale, MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
});

const loaders: Record<Locale, Record<MessagePart, () => Promise<{ default: unknown }>>> = {
  de: {
    'first-screen': () => Promise.resolve({ default: deFirstScreen }),
    pages: () => import('virtual:ecm365-messages/de/pages'),
  },
  en: {
    'first-screen': () => import('virtual:ecm365-messages/en/first-screen'),
    pages: () => import('virtual:ecm365-messages/en/pages'),
  },
};

const loaded = new Map<string, Promise<void>>([['de/first-screen', Promise.resolve()]]);
/** Set once a page beyond the first screen was shown: from then on a language is loaded whole. */
let pagesShown = false;

function loadPart(locale: Locale, part: MessagePart): Promise<void> {
  const key = `${locale}/${part}`;
  let done = loaded.get(key);
  if (!done) {
    done = loaders[locale][part]().then(
      (messages) => i18n.global.mergeLocaleMessage(locale, messages.default as MessageSchema),
      (error: unknown) => {
        loaded.delete(key); // a failed download is tried again on the next navigation
        throw error;
      },
    );
    loaded.set(key, done);
  }
  return done;
}

function loadLocale(locale: Locale): Promise<unknown> {
  return Promise.all([loadPart(locale, 'first-screen'), pagesShown ? loadPart(locale, 'pages') : undefined]);
}

/** The texts of every page beyond the first screen, in the current language (awaited by the router). */
export async function loadPageMessages(): Promise<void> {
  pagesShown = true;
  await loadLocale(i18n.global.locale.value);
}

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The first of the browser's languages (navigator.languages, in its order) that the portal has; German otherwise. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  for (const language of languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'de';
}

/** The language chosen in this browser before (the switch), else the browser's own (first visit). */
export function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLocale(value)) return value;
  } catch {
    // No storage (private mode): as on a first visit.
  }
  return browserLocale();
}

/**
 * Switches the language, loading its messages first, and remembers the choice in this browser (the switch); the
 * start-up passes `remember: false`, so that until a choice is made the portal keeps following the browser.
 */
export async function setLocale(locale: Locale, options: { remember?: boolean } = {}): Promise<void> {
  await loadLocale(locale);
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  setRequestLanguage(locale);
  if (options.remember === false) return;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
