import type { ImportProblem } from '@ecm365/shared';

/**
 * Every German text the invoice import shows (errors, skip reasons, notes, state words), keyed by a stable code.
 * Codes go into the ledger and the API ({code, message}); the text is looked up here, so a later i18n pass
 * translates this one file. Texts with a value take it as a function argument.
 */
export const IMPORT_MESSAGES = {
  // State words (portal and logs).
  state_disabled: 'Ausgeschaltet',
  state_waiting_for_connection: 'Wartet auf die Verbindung zu Microsoft 365',
  state_waiting_for_elo: 'Wartet auf das ELO-Dienstkonto',
  state_running: 'Läuft',
  state_needs_attention: 'Handlungsbedarf',

  // Settings validation.
  mailbox_required: 'Bitte geben Sie das Postfach an, aus dem Rechnungen importiert werden sollen.',
  elo_folder_invalid:
    'Der ELO-Ablagepfad muss mit ¶ beginnen und darf keine leeren Ordnernamen enthalten, z. B. ¶Rechnungseingang¶{yyyy}¶{MM}.',
  elo_folder_placeholder: (placeholder: string) =>
    `Der ELO-Ablagepfad enthält den unbekannten Platzhalter ${placeholder}; erlaubt sind {yyyy}, {MM} und {dd}.`,
  elo_field_name_invalid: (key: string) =>
    `Das Indexfeld für „${key}“ muss ein Gruppenname aus Buchstaben, Ziffern und _ sein.`,
  elo_field_duplicate: (group: string) => `Das Indexfeld ${group} ist mehreren Werten zugeordnet.`,
  import_key_field_missing: (group: string, mask: string) =>
    `Die Maske „${mask}“ hat kein Indexfeld ${group} für den Import-Schlüssel. Ohne ihn kann ecm365 doppelte Ablagen nicht verhindern.`,
  import_key_field_too_short: (group: string, max: number, needed: number) =>
    `Das Indexfeld ${group} fasst nur ${max} Zeichen; der Import-Schlüssel braucht ${needed}.`,
  import_from_invalid: 'Das Datum „Importieren ab“ ist ungültig.',

  // API conflicts.
  import_not_retryable: 'Nur eine fehlgeschlagene E-Mail kann erneut versucht werden.',
  import_disabled: 'Der Rechnungs-Import ist ausgeschaltet.',
  import_message_not_found: 'Diese E-Mail gibt es im Rechnungs-Import nicht.',

  // Import-wide problems (state needs_attention).
  connection_missing: 'Es besteht keine Verbindung zu Microsoft 365. Bitte richten Sie die Verbindung ein.',
  connection_needs_reauth:
    'Die Verbindung zu Microsoft 365 muss erneut eingerichtet werden („Verbindung erneut einrichten“). Der Import ist bis dahin angehalten.',
  connection_scope_missing:
    'Der Verbindung fehlt die Berechtigung Mail.ReadWrite.Shared. Bitte richten Sie die Verbindung erneut ein.',
  mailbox_access_denied: (mailbox: string) =>
    `Das verbundene Microsoft-365-Konto hat keinen Zugriff auf das Postfach ${mailbox}. Bitte Vollzugriff erteilen lassen.`,
  mailbox_not_found: (mailbox: string) =>
    `Das Postfach ${mailbox} gibt es in Microsoft 365 nicht (oder es ist inaktiv).`,
  elo_service_account_missing:
    'Für den Import ist kein ELO-Dienstkonto hinterlegt. Bitte wenden Sie sich an den Betrieb (ecm365 tenant update --elo-service-user).',
  elo_service_account_refused:
    'ELO hat das Dienstkonto des Imports abgelehnt (Kennwort falsch, Benutzer gesperrt oder Kennwort-Anmeldung abgeschaltet).',
  elo_unreachable: 'ELO ist gerade nicht erreichbar. Der Import versucht es später erneut; es geht nichts verloren.',
  microsoft_unavailable:
    'Microsoft 365 ist gerade nicht erreichbar oder drosselt die Anfragen. Der Import versucht es später erneut.',
  elo_mask_fallback: (requested: string, used: string) =>
    `Die ELO-Maske „${requested}“ gibt es nicht; abgelegt wird mit der Basismaske „${used}“.`,

  // Connection test probes (the import's own calls).
  probe_delta_failed: (mailbox: string) =>
    `Das Postfach ${mailbox} öffnet sich, aber neue E-Mails lassen sich nicht abfragen (Delta-Abfrage abgelehnt). Ist nur ein einzelner Ordner freigegeben statt des ganzen Postfachs?`,
  probe_folders_failed: (mailbox: string) =>
    `Im Postfach ${mailbox} lassen sich die Ordner „ELO importiert“ und „ELO Fehler“ nicht anlegen. Der Import braucht Vollzugriff (Mail.ReadWrite.Shared).`,

  // Per mail: failures.
  elo_permission_denied: (detail: string) => `ELO verweigert dem Dienstkonto die Ablage: ${detail}`,
  elo_rejected: (detail: string) => `ELO hat das Dokument abgelehnt: ${detail}`,
  elo_error: (detail: string) => `ELO meldet einen Fehler: ${detail}`,
  mail_gone: 'Die E-Mail ist im Postfach nicht mehr vorhanden.',
  mail_too_many_attempts: 'Die E-Mail konnte nach mehreren Versuchen nicht importiert werden.',
  import_internal_error: 'Beim Import ist ein interner Fehler aufgetreten. Der Betrieb wurde informiert.',
  move_failed: 'Die E-Mail ist in ELO, konnte aber im Postfach nicht verschoben werden. Der Import versucht es erneut.',

  // Per mail: skipped and notes.
  no_attachment: 'Die E-Mail hat keinen Anhang.',
  nothing_importable: 'Die E-Mail hat keinen Anhang, der übernommen werden kann.',
  field_not_in_mask: (fields: string) => `Die Maske hat keine Indexfelder für: ${fields} – diese Werte fehlen in ELO.`,
  value_shortened: (group: string, max: number) => `Der Wert für ${group} wurde auf ${max} Zeichen gekürzt.`,
} as const;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;

type Args<C extends ImportMessageCode> = (typeof IMPORT_MESSAGES)[C] extends (...args: infer A) => string ? A : [];

/** The German text of a code. */
export function importText<C extends ImportMessageCode>(code: C, ...args: Args<C>): string {
  const entry = IMPORT_MESSAGES[code] as string | ((...values: unknown[]) => string);
  return typeof entry === 'function' ? entry(...args) : entry;
}

/** `{code, message}` as the API and the ledger carry it. */
export function importProblem<C extends ImportMessageCode>(code: C, ...args: Args<C>): ImportProblem {
  return { code, message: importText(code, ...args) };
}
