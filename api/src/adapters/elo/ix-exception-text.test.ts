import { describe, expect, it } from 'vitest';
import { isPasswordLoginDisabled, parseIxException } from './ix-exception-text.js';

describe('parseIxException', () => {
  it('splits code and text', () => {
    expect(parseIxException('[ELOIX:3008]Wrong user name or password.')).toEqual({
      code: 3008,
      text: 'Wrong user name or password.',
    });
  });

  it('tolerates whitespace around the prefix', () => {
    expect(parseIxException('  [ELOIX:2001] Ticket invalid ')).toEqual({ code: 2001, text: 'Ticket invalid' });
  });

  it('answers code null for texts without the prefix', () => {
    expect(parseIxException('java.lang.NullPointerException')).toEqual({
      code: null,
      text: 'java.lang.NullPointerException',
    });
    expect(parseIxException('[ELOIX:abc]x').code).toBeNull();
  });
});

describe('isPasswordLoginDisabled', () => {
  it.each([
    '[ELOIX:3007]Password denied.',
    '[ELOIX:5000]Password login is disabled. Use the identity provider.',
    '[ELOIX:5000]Password-Login deactivated',
    '[ELOIX:1234]Login only via Modern Authentication',
    'Anmeldung mit ELO-Benutzer und Kennwort ist auf diesem ELO deaktiviert',
    '[ELOIX:9]Die Anmeldung mit Passwort ist deaktiviert.',
  ])('recognises %s', (text) => {
    expect(isPasswordLoginDisabled(parseIxException(text))).toBe(true);
  });

  it.each([
    '[ELOIX:3008]Wrong user name or password.',
    '[ELOIX:2001]Invalid ticket',
    'Password expired',
    '[ELOIX:5]Kennwort falsch oder Benutzer deaktiviert',
  ])('does not mistake %s for it', (text) => {
    expect(isPasswordLoginDisabled(parseIxException(text))).toBe(false);
  });
});
