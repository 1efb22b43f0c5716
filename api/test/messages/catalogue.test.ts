import { readFileSync } from 'node:fs';
import { ERROR_CODES, MESSAGE_CODES, MESSAGE_LOCALES, MESSAGE_PARAMS, type MessageCode } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, renderMessage } from '../../src/messages/catalogue.js';
import { localeOfHeader } from '../../src/messages/request-locale.js';

type Tree = { [key: string]: string | Tree };
const webLocale = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../../web/src/i18n/locales/${locale}.json`, import.meta.url), 'utf8')) as Tree;

/** Where the web keeps a code's text: API errors on the first screen, everything else with the pages. */
const webPath = (code: MessageCode) => {
  const [category, name] = code.split('.') as [string, string];
  return category === 'error' ? ['apiErrors', name] : ['serverTexts', category, name];
};

const lookUp = (tree: Tree, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined), tree);

/** `{name}` placeholders of a text (the web's linked `{'@'}` literals aside). */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message contract (shared/src/messages.ts)', () => {
  it('has codes of the form <category>.<snake_case> and an error text for every API error code', () => {
    for (const code of MESSAGE_CODES) expect(code).toMatch(/^[a-z]+\.[a-z0-9_]+$/);
    for (const code of ERROR_CODES) expect(MESSAGE_CODES).toContain(`error.${code}`);
  });

  for (const locale of MESSAGE_LOCALES) {
    it(`server catalogue ${locale}: a text for every code, with exactly the code's parameters`, () => {
      const catalogue = CATALOGUES[locale] as Record<string, string | undefined>;
      for (const code of MESSAGE_CODES) {
        const text = catalogue[code];
        expect(text, `${locale}: ${code}`).toEqual(expect.any(String));
        expect(text?.trim(), `${locale}: ${code}`).not.toBe('');
        expect(placeholders(text ?? ''), `${locale}: ${code}`).toEqual([...MESSAGE_PARAMS[code]].sort());
      }
      expect(Object.keys(catalogue).sort()).toEqual([...MESSAGE_CODES].sort());
    });

    it(`web locale ${locale}: a text for every code, with exactly the code's parameters`, () => {
      const tree = webLocale(locale);
      for (const code of MESSAGE_CODES) {
        const text = lookUp(tree, webPath(code));
        expect(text, `web ${locale}: ${webPath(code).join('.')}`).toEqual(expect.any(String));
        expect(placeholders(text as string), `web ${locale}: ${code}`).toEqual([...MESSAGE_PARAMS[code]].sort());
      }
    });
  }

  it('renders parameters and leaves a missing one visible', () => {
    expect(renderMessage('en', 'check.mailbox_ok', { mailbox: 'invoices@example.com' })).toBe(
      'Access to the mailbox invoices@example.com works.',
    );
    expect(renderMessage('de', 'error.webhook_limit_reached', { limit: 10 })).toContain('höchstens 10 Webhooks');
    expect(renderMessage('de', 'check.mailbox_ok', {})).toContain('{mailbox}');
  });
});

describe('the language of a request (Accept-Language)', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5', 'en'],
    ['fr', 'de'],
    ['*', 'de'],
    ['en;q=0', 'de'],
    ['de;q=0.5, en;q=0.5', 'de'],
  ])('%j → %s', (header, locale) => {
    expect(localeOfHeader(header)).toBe(locale);
  });
});
