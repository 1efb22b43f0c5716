import { describe, expect, it } from 'vitest';
import { classifyEloException, eloExceptionError, parseEloException } from './archive-errors.js';

describe('ELO exceptions of the filing calls', () => {
  it('reads the code behind a ticket prefix and drops the [NO-DETAILS] tail', () => {
    expect(
      parseEloException('[TICKET:de.elo.x][ELOIX:1002]Keine Lizenz für den Indexserver vorhanden. [NO-DETAILS]'),
    ).toEqual({
      code: 1002,
      text: 'Keine Lizenz für den Indexserver vorhanden.',
    });
  });

  it.each([
    ['[ELOIX:2001]Ungültiges Ticket', 'session'],
    ['[ELOIX:3008]Falsches Kennwort', 'credentials'],
    ['[ELOIX:5023]Objekt nicht gefunden', 'not_found'],
    ['[ELOIX:5001]Zugriff verweigert', 'permission'],
    ['[ELOIX:9903]Access denied: no write access to ¶X', 'permission'],
    ['[ELOIX:2003]Temporärer Fehler', 'unavailable'],
    ['[ELOIX:5022]Gesperrt', 'unavailable'],
    ['[ELOIX:2000]Invalid parameter: value too long', 'rejected'],
    ['[ELOIX:4711]Etwas anderes', 'unexpected'],
    ['kein Code', 'unexpected'],
  ])('classifies %s as %s', (exception, kind) => {
    expect(classifyEloException(parseEloException(exception))).toBe(kind);
  });

  it('gives a German message with ELO’s reason and keeps the code for the ledger', () => {
    const error = eloExceptionError(
      'checkinDocEnd',
      '[ELOIX:2000]Invalid parameter: value of index field RE_NUMMER is longer than 50 characters',
    );
    expect(error).toMatchObject({
      kind: 'rejected',
      code: 'elo_rejected',
      detail: { fn: 'checkinDocEnd', eloCode: 2000 },
    });
    expect(error.message).toBe(
      'ELO rejected the filing: Invalid parameter: value of index field RE_NUMMER is longer than 50 characters',
    );
  });
});
