import deFirstScreen from 'virtual:ecm365-messages/de/first-screen';
import dePages from 'virtual:ecm365-messages/de/pages';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { compileTree } from '../../build/i18n-messages';
import de from './locales/de.json';
import en from './locales/en.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('the translations', () => {
  it('have the same keys in German and English', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('compile without syntax errors (an unescaped @ or | would break a message)', () => {
    expect(() => compileTree(de, 'de')).not.toThrow();
    expect(() => compileTree(en, 'en')).not.toThrow();
  });

  it('come in two parts, first screen and pages, with every namespace in exactly one of them', () => {
    const firstScreen = Object.keys(deFirstScreen);
    expect(firstScreen).toContain('login');
    expect(Object.keys(dePages)).toContain('ms365');
    expect([...firstScreen, ...Object.keys(dePages)].sort()).toEqual(Object.keys(de).sort());
  });

  it('stay plain text where they are plain text, and become ASTs that vue-i18n renders otherwise', () => {
    const compiled = compileTree(
      {
        plain: 'Anmelden',
        named: 'Hallo {name}!',
        plural: 'eine Minute | {n} Minuten',
        literal: "info{'@'}ecm.online",
        linked: '@:x.plain jetzt',
      },
      'x',
    );
    expect(compiled.plain).toBe('Anmelden');
    for (const key of ['named', 'plural', 'literal', 'linked']) {
      expect(compiled[key], key).toMatchObject({ cacheKey: `x.${key}` });
    }
    const { t } = createI18n({ legacy: false, locale: 'de', messages: { de: { x: compiled } } }).global;
    expect(t('x.plain')).toBe('Anmelden');
    expect(t('x.named', { name: 'Ada' })).toBe('Hallo Ada!');
    expect(t('x.plural', 1)).toBe('eine Minute');
    expect(t('x.plural', 5)).toBe('5 Minuten');
    expect(t('x.literal')).toBe('info@ecm.online');
    expect(t('x.linked')).toBe('Anmelden jetzt');
  });

  it('keep the help article wording for the key strings', () => {
    expect(de.ms365.code.submit).toBe('Einrichtung abschließen & Verbindung testen');
    expect(de.ms365.connect.button).toBe('Verbindung zu Microsoft 365 herstellen');
    expect(de.connector.pending.start).toBe('Verbindung herstellen');
    expect(de.ms365.more.title).toBe('Weitere Einstellungen');
    expect(de.ms365.denied.title).toBe('Zugriff nicht erlaubt');
  });

  it('word the grace date as the rule is: before that day (the article\'s "vor dem 09.10.2022"), not through it', () => {
    expect(de.ms365.grace).toContain('Vor dem {date}');
    expect(en.ms365.grace).toContain('before {date}');
    expect(`${de.ms365.grace} ${en.ms365.grace}`).not.toMatch(/einschließlich|inclusive|\bbis\b|until/i);
  });
});
