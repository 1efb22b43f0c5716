import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

type Tree = { [key: string]: string | Tree };

/** The portal's locale file of a language, to find buttons and fields by what that language calls them. */
export function localeTexts(locale: 'de' | 'en') {
  const tree = JSON.parse(
    readFileSync(new URL(`../../web/src/i18n/locales/${locale}.json`, import.meta.url), 'utf8'),
  ) as Tree;
  return (key: string): string => {
    const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (node as Tree)?.[part], tree);
    if (typeof value !== 'string') throw new Error(`no text ${key} in ${locale}.json`);
    return value.replace(/\{'(.)'\}/g, '$1');
  };
}

/**
 * Names and quoted seed terms that stay as they are in either language: product and company names, the ELO group,
 * the demo tenant, accounts and mailboxes of the seed data, permission names. Removed before looking for words of
 * the other language.
 */
export const LANGUAGE_NEUTRAL = [
  'ecm.online for Microsoft 365',
  'ecm.online',
  'online.ecm.microsoft365',
  'Microsoft 365',
  'Microsoft',
  'ACME AG',
  'Demo GmbH',
  'Contoso',
  'admin@contoso.example',
  'ohne-zugriff@contoso.example',
  'rechnungen@contoso.example',
  'rechnungen@example.com',
  'Mail.ReadWrite.Shared',
  // The names of the mailbox folders the import creates: the same in every portal language.
  'ELO importiert',
  'ELO Fehler',
  'offline_access',
  'User.Read',
  'support@ecm.online',
  'Deutsch',
  'English',
];

/** Words (and letters) that only a German sentence has; a line with one of them is German. */
const GERMAN =
  /[äöüÄÖÜß]|\b(und|oder|nicht|der|die|das|den|dem|des|Sie|Ihr|Ihre|Ihres|ist|sind|mit|für|bitte|wird|werden|wurde|ein|eine|einen|zu|auf|bei|von|im|zum|zur|kein|keine|noch|Verbindung|Anmelden|Kennwort|Benutzer|Fehler|Einstellungen|Zugriff|Postfach)\b/i;

/** Words that only an English sentence has. */
const ENGLISH =
  /\b(the|and|is|are|with|please|your|you|not|to|of|for|sign|signed|connection|settings|user|password|error|access|mailbox|works|connected|failed|test|again)\b/i;

/** What a person reads on the page: its title, the rendered text, and the texts of labels, titles and placeholders. */
export async function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.title, ...document.body.innerText.split('\n')];
    for (const element of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'))) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.map((text) => text.trim()).filter((text) => text !== '');
  });
}

/**
 * The lines of the page that read as the other language than `locale`, after removing the neutral terms and `data`
 * (what the page shows of the customer's own data, e.g. mail subjects).
 */
export async function linesInOtherLanguage(page: Page, locale: 'de' | 'en', data: string[] = []): Promise<string[]> {
  const other = locale === 'en' ? GERMAN : ENGLISH;
  // Longest first, so a term inside a longer one does not leave the longer one's rest behind.
  const neutral = [...data, ...LANGUAGE_NEUTRAL].sort((a, b) => b.length - a.length);
  return (await readableTexts(page)).filter((line) => {
    let rest = line;
    for (const term of neutral) rest = rest.split(term).join(' ');
    return other.test(rest);
  });
}
