import { describe, expect, it } from 'vitest';
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
