import { message, MESSAGE_CODES, MESSAGE_PARAMS, type MessageCode } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/messages/catalogue.js';
import {
  importProblem,
  localizedMessages,
  documentNote,
  localizedProblem,
  storedNote,
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
    it(`renders ${code} from its stored code and params, German and English`, () => {
      const name = code.slice('import.'.length);
      const params = sample(code);
      const problem = storedProblem(name, params);
      expect(problem).toEqual({ code: name, message: renderMessage('de', code, params), messageCode: code, params });
      expect(localizedProblem(problem, 'en').message).toBe(renderMessage('en', code, params));
    });
  }

  it('keeps an unknown stored code as its own text and takes missing params as none', () => {
    expect(storedProblem('no_such_code', {})).toEqual({ code: 'no_such_code', message: 'no_such_code' });
    expect(storedProblem('elo_unreachable', null)).toMatchObject({ messageCode: 'import.elo_unreachable', params: {} });
  });

  it('puts the document a note is about before its text, in every language', () => {
    const note = storedNote(
      documentNote('value_shortened', message('import.value_shortened', { group: 'X', max: 3 }), 'a.pdf'),
    );
    expect(note).toMatchObject({ code: 'value_shortened', document: 'a.pdf' });
    expect(note.message).toBe('a.pdf: Der Wert für X wurde auf 3 Zeichen gekürzt.');
    expect(localizedProblem(note, 'en').message).toBe('a.pdf: The value for X was shortened to 3 characters.');
    const embedded = documentNote('pdf_embedded_xml_not_einvoice', message('import.xml_no_root'), 'a.pdf', 'x.xml');
    expect(embedded.document).toBe('a.pdf › x.xml');
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
            error: storedProblem('elo_unreachable', {}),
            skippedReason: storedProblem('no_attachment', null),
            notes: [
              storedNote({
                code: 'field_not_in_mask',
                messageCode: 'import.field_not_in_mask',
                params: { fields: 'a' },
              }),
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
