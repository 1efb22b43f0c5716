import { MESSAGE_CODES, MESSAGE_PARAMS, type MessageCode } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/messages/catalogue.js';
import {
  importProblem,
  localizedMessages,
  localizedProblem,
  storedProblem,
} from '../../src/modules/invoice-import/import-messages.js';

const importCodes = MESSAGE_CODES.filter((code) => code.startsWith('import.'));
/** Values with the characters a template must not trip over (a colon, quotes, a dot, a line break). */
const sample = (code: MessageCode) =>
  Object.fromEntries(MESSAGE_PARAMS[code].map((name) => [name, `${name}: „a.b“ (1)\nx`]));

describe('the import texts in the catalogue', () => {
  it('has import codes', () => {
    expect(importCodes).toContain('import.elo_unreachable');
    expect(importCodes).toContain('import.mailbox_access_denied');
  });

  it('keeps the stable code as error.code and adds messageCode and params', () => {
    expect(importProblem('mailbox_access_denied', { mailbox: 'rechnungen@contoso.example' })).toEqual({
      code: 'mailbox_access_denied',
      messageCode: 'import.mailbox_access_denied',
      params: { mailbox: 'rechnungen@contoso.example' },
      message:
        'Das verbundene Microsoft-365-Konto hat keinen Zugriff auf das Postfach rechnungen@contoso.example. ' +
        'Bitte Vollzugriff erteilen lassen.',
    });
  });

  for (const code of importCodes) {
    it(`recovers ${code} from its stored German text and renders it in English`, () => {
      const name = code.slice('import.'.length);
      const params = sample(code);
      const stored = renderMessage('de', code, params);
      const problem = storedProblem(name, stored);
      expect(problem).toEqual({ code: name, message: stored, messageCode: code, params });
      expect(localizedProblem(problem, 'en').message).toBe(renderMessage('en', code, params));
      expect(localizedProblem(problem, 'de').message).toBe(stored);
    });
  }

  it('leaves a text that does not fit its template, and unknown codes, as stored', () => {
    expect(storedProblem('value_shortened', 'rechnung.pdf: Der Wert für X wurde auf 3 Zeichen gekürzt.')).toEqual({
      code: 'value_shortened',
      message: 'rechnung.pdf: Der Wert für X wurde auf 3 Zeichen gekürzt.',
    });
    expect(storedProblem('attachment_inline', 'Inline-Bild logo.png')).toEqual({
      code: 'attachment_inline',
      message: 'Inline-Bild logo.png',
    });
    expect(localizedProblem({ code: 'attachment_inline', message: 'Inline-Bild' }, 'en').message).toBe('Inline-Bild');
  });

  it('renders an activity page in the request language', () => {
    const page = localizedMessages(
      {
        items: [
          {
            id: 'm1',
            receivedAt: '2026-01-01T00:00:00.000Z',
            from: 'a@example.com',
            subject: 'x',
            state: 'failed',
            documents: [],
            attempts: 1,
            error: storedProblem('elo_unreachable', renderMessage('de', 'import.elo_unreachable')),
            skippedReason: storedProblem('no_attachment', renderMessage('de', 'import.no_attachment')),
            notes: [
              storedProblem('field_not_in_mask', renderMessage('de', 'import.field_not_in_mask', { fields: 'a' })),
            ],
          },
        ],
      },
      'en',
    );
    const [item] = page.items;
    expect(item?.error?.message).toBe(
      'ELO cannot be reached right now. The import tries again later; nothing is lost.',
    );
    expect(item?.error?.code).toBe('elo_unreachable');
    expect(item?.skippedReason?.message).toBe('The email has no attachment.');
    expect(item?.notes?.[0]?.message).toBe('The mask has no index fields for: a – these values are missing in ELO.');
  });
});
