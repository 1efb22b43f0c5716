import type { MessageCode } from '@ecm365/shared';

/** The server's German texts (the default), by message code; `{name}` puts in the parameter of that name. */
export const CATALOGUE_DE: Record<MessageCode, string> = {
  'error.validation_failed': 'Die Anfrage ist ungültig.',
  'error.body_not_expected': 'Diese Anfrage erwartet keinen Inhalt.',
  'error.tenant_required': 'Bitte geben Sie Ihren Kundennamen an.',
  'error.mailbox_required': 'Bitte geben Sie das Postfach an, aus dem Rechnungen importiert werden sollen.',
  'error.payload_too_large': 'Die Anfrage ist zu groß.',
  'error.request_timeout': 'Die Anfrage kam nicht rechtzeitig an.',
  'error.not_found': 'Nicht gefunden.',
  'error.api_token_not_found': 'Dieses API-Token gibt es nicht.',
  'error.webhook_not_found': 'Diesen Webhook gibt es nicht.',
  'error.invalid_credentials': 'ELO-Benutzername oder Kennwort ist falsch.',
  'error.password_login_disabled': 'Anmeldung mit ELO-Benutzer und Kennwort ist auf diesem ELO deaktiviert.',
  'error.unknown_tenant': 'Diesen Kunden kennen wir nicht. Bitte prüfen Sie den Kundennamen.',
  'error.too_many_attempts': 'Zu viele Versuche. Bitte warten Sie, bevor Sie es erneut versuchen.',
  'error.too_many_login_failures':
    'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie, bevor Sie es erneut versuchen.',
  'error.too_many_invalid_codes': 'Zu viele ungültige Codes. Bitte warten Sie, bevor Sie es erneut versuchen.',
  'error.too_many_invalid_api_tokens':
    'Zu viele ungültige API-Tokens. Bitte warten Sie, bevor Sie es erneut versuchen.',
  'error.too_many_connect_attempts': 'Zu viele Verbindungsversuche in kurzer Zeit. Bitte warten Sie einen Moment.',
  'error.too_many_connection_tests': 'Zu viele Verbindungstests in kurzer Zeit. Bitte warten Sie einen Moment.',
  'error.too_many_access_tokens':
    'Zu viele Anfragen nach Microsoft-Zugriffstoken mit diesem API-Token. Bitte warten Sie kurz.',
  'error.too_many_new_api_tokens': 'Zu viele neue API-Tokens in kurzer Zeit. Bitte warten Sie einen Moment.',
  'error.elo_unavailable': 'Ihr ELO ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  'error.not_authenticated': 'Bitte melden Sie sich an.',
  'error.csrf_failed': 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.',
  'error.access_denied': 'Zugriff nicht erlaubt',
  'error.attempt_not_found':
    'Dieser Verbindungsversuch ist unbekannt. Bitte starten Sie die Verbindung im Portal erneut.',
  'error.attempt_expired':
    'Dieser Verbindungsversuch ist abgelaufen. Bitte starten Sie die Verbindung im Portal erneut.',
  'error.session_mismatch':
    'Dieser Verbindungsversuch wurde bereits in einem anderen Browser geöffnet und gehört zu diesem. ' +
    'Bitte öffnen Sie den Link im selben Browser oder lassen Sie einen neuen Verbindungsversuch starten.',
  'error.code_expired': 'Der MS365 Code ist abgelaufen. Bitte stellen Sie die Verbindung erneut her.',
  'error.code_redeemed': 'Der MS365 Code wurde bereits verwendet.',
  'error.invalid_code_format': 'Das ist kein gültiger MS365 Code. Bitte prüfen Sie die Eingabe (Tippfehler?).',
  'error.invalid_code':
    'Der MS365 Code ist ungültig, abgelaufen oder bereits verwendet. Bitte stellen Sie die Verbindung erneut her.',
  'error.not_connected': 'Es besteht keine Verbindung zu Microsoft 365.',
  'error.webhook_url_not_allowed':
    'Diese Webhook-Adresse ist nicht erlaubt. Bitte geben Sie eine öffentlich erreichbare https-Adresse an.',
  'error.import_folder_invalid':
    'Der ELO-Ablagepfad muss mit ¶ beginnen und darf keine leeren Ordnernamen enthalten, z. B. {example}.',
  'error.import_folder_placeholder':
    'Der ELO-Ablagepfad enthält den unbekannten Platzhalter {placeholder}; erlaubt sind {allowed}.',
  'error.import_field_name_invalid':
    'Das Indexfeld für „{key}“ muss ein Gruppenname aus Buchstaben, Ziffern und _ sein.',
  'error.import_field_duplicate': 'Das Indexfeld {group} ist mehreren Werten zugeordnet.',
  'error.import_key_field_missing':
    'Die Maske „{mask}“ hat kein Indexfeld {group} für den Import-Schlüssel. Ohne ihn kann ecm365 doppelte Ablagen nicht verhindern.',
  'error.import_key_field_too_short':
    'Das Indexfeld {group} fasst nur {max} Zeichen; der Import-Schlüssel braucht {needed}.',
  'error.import_from_invalid': 'Das Datum „Importieren ab“ ist ungültig.',
  'error.invalid_cursor': 'Der Cursor ist ungültig.',
  'error.import_not_retryable': 'Nur eine fehlgeschlagene E-Mail kann erneut versucht werden.',
  'error.import_disabled': 'Der Rechnungs-Import ist ausgeschaltet.',
  'error.import_message_not_found': 'Diese E-Mail gibt es im Rechnungs-Import nicht.',
  'error.not_connected_setup':
    'Es besteht keine Verbindung zu Microsoft 365. Bitte richten Sie die Verbindung im Portal unter „Microsoft 365“ ein („Einrichtung abschließen & Verbindung testen“).',
  'error.needs_reauth':
    'Die Verbindung zu Microsoft 365 muss erneut eingerichtet werden. Bitte richten Sie die Verbindung erneut ein („Verbindung erneut einrichten“).',
  'error.insufficient_scope':
    'Diesem API-Token fehlt die Berechtigung „{scope}“. Bitte erstellen Sie im Portal ein API-Token mit dieser Berechtigung.',
  'error.insufficient_scope_session':
    'Dieser Aufruf ist nur mit einem API-Token mit der Berechtigung „{scope}“ möglich, nicht mit einer Anmeldung im Browser.',
  'error.insufficient_scope_browser_only':
    'Dieser Aufruf ist nur mit einer Anmeldung im Browser möglich, nicht mit einem API-Token.',
  'error.webhook_limit_reached': 'Es sind höchstens {limit} Webhooks möglich. Bitte löschen Sie zuerst einen.',
  'error.ms365_unavailable': 'Microsoft 365 ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  'error.ms365_configuration_error':
    'Ein Konfigurationsproblem auf Seiten von ecm.online verhindert die Verbindung zu Microsoft 365. ' +
    'Bitte wenden Sie sich an support@ecm.online.',
  'error.service_unavailable': 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich erneut.',
  'error.internal_error': 'Ein unerwarteter Fehler ist aufgetreten.',

  'check.token_ok': 'Anmeldung bei Microsoft 365 funktioniert.',
  'check.token_reauth': 'Die Anmeldung bei Microsoft 365 ist abgelaufen oder wurde widerrufen.',
  'check.token_temporary': 'Microsoft 365 war bei der Prüfung nicht erreichbar.',
  'check.token_configuration':
    'Die Anmeldung bei Microsoft 365 scheitert an einem Konfigurationsproblem von ecm.online.',
  'check.token_unknown': 'Die Anmeldung bei Microsoft 365 ist fehlgeschlagen.',
  'check.profile_ok': 'Verbunden als {name} ({upn}).',
  'check.profile_failed': 'Das verbundene Microsoft-365-Konto konnte nicht gelesen werden.',
  'check.mailbox_ok': 'Zugriff auf das Postfach {mailbox} funktioniert.',
  'check.mailbox_denied': 'Der verbundene Microsoft-365-Benutzer {upn} hat keinen Zugriff auf das Postfach {mailbox}.',
  'check.mailbox_missing_scope':
    'Für das Postfach {mailbox} fehlt der Verbindung die Berechtigung „Mail.ReadWrite.Shared“.',
  'check.import_delta_denied':
    'Das Postfach {mailbox} öffnet sich, aber neue E-Mails lassen sich nicht abfragen (Delta-Abfrage abgelehnt). Ist nur ein einzelner Ordner freigegeben statt des ganzen Postfachs?',
  'check.import_folders_denied':
    'Im Postfach {mailbox} lassen sich die Ordner „ELO importiert“ und „ELO Fehler“ nicht anlegen. Der Import braucht Vollzugriff (Mail.ReadWrite.Shared).',
  'check.mailbox_not_configured': 'Für den Rechnungs-Import via E-Mail ist noch kein Postfach eingetragen.',

  'hint.not_connected':
    'Bitte richten Sie die Verbindung im Portal unter „Microsoft 365“ ein („Einrichtung abschließen & Verbindung testen“).',
  'hint.reauth': 'Bitte richten Sie die Verbindung erneut ein („Verbindung erneut einrichten“).',
  'hint.temporary': 'Das ist meist vorübergehend. Bitte testen Sie die Verbindung in einigen Minuten erneut.',
  'hint.configuration': 'Bitte wenden Sie sich an support@ecm.online.',
  // The article's "WICHTIG!" warning, as the hint of a failing mailbox check.
  'hint.mailbox_access':
    'WICHTIG: Der Benutzer, mit dem Sie die Microsoft 365 Verbindung herstellen, muss unbedingt die notwendigen ' +
    'Berechtigungen zum Zugriff auf das E-Mail-Postfach besitzen, aus dem die E-Mails importiert werden sollen. ' +
    'Bitte geben Sie dem Benutzer Zugriff auf das Postfach oder richten Sie die Verbindung mit einem Benutzer ein, ' +
    'der Zugriff hat.',
  'hint.missing_scope':
    'Die Berechtigung wurde erst nach dem Einrichten der Verbindung benötigt. ' +
    'Bitte richten Sie die Verbindung erneut ein („Verbindung erneut einrichten“).',
  'hint.mailbox_not_configured': 'Tragen Sie das Postfach (z. B. rechnungen@example.com) in den Einstellungen ein.',

  'attempt.consent_required':
    'Für die Verbindung fehlt die Zustimmung eines Administrators Ihres Microsoft-365-Mandanten. ' +
    'Leiten Sie den Link unten an Ihre Microsoft-365-Administration weiter. Nach der Zustimmung können Sie die ' +
    'Verbindung erneut herstellen.',
  'attempt.cancelled':
    'Die Verbindung wurde nicht eingerichtet, weil die Anmeldung oder Zustimmung bei Microsoft abgebrochen wurde. ' +
    'Bitte versuchen Sie es erneut.',
  'attempt.wrong_account_type':
    'Mit diesem Microsoft-Konto ist keine Verbindung möglich (z. B. ein privates Microsoft-Konto oder ein Konto ' +
    'einer anderen Organisation). Bitte melden Sie sich mit dem Geschäftskonto Ihrer Organisation an.',
  'attempt.service_configuration':
    'Ein Konfigurationsproblem auf Seiten von ecm.online verhindert die Verbindung. Bitte wenden Sie sich an ' +
    'support@ecm.online.',
  'attempt.temporarily_unavailable':
    'Microsoft ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
  'attempt.interaction_required':
    'Microsoft verlangt eine erneute Anmeldung (z. B. eine mehrstufige Authentifizierung). Bitte versuchen Sie es ' +
    'erneut.',
  'attempt.invalid_state':
    'Diese Rückmeldung von Microsoft gehört zu keinem laufenden Verbindungsversuch (abgelaufen oder bereits ' +
    'verwendet). Bitte starten Sie die Verbindung im Portal erneut.',
  'attempt.session_mismatch':
    'Die Anmeldung bei Microsoft gehört zu einer anderen Sitzung des Portals. Bitte starten Sie die Verbindung im ' +
    'selben Browser erneut aus dem Portal.',
  'attempt.sign_in_expired':
    'Die Anmeldung bei Microsoft hat zu lange gedauert oder wurde bereits verwendet. ' +
    'Bitte starten Sie die Verbindung erneut („Verbindung herstellen“).',
  'attempt.id_token_invalid':
    'Die Anmeldung bei Microsoft konnte nicht bestätigt werden. Aus Sicherheitsgründen wurde keine Verbindung ' +
    'eingerichtet. Bitte versuchen Sie es erneut; falls es wieder passiert, wenden Sie sich an support@ecm.online.',
  'attempt.unknown':
    'Microsoft hat die Verbindung abgelehnt. Bitte versuchen Sie es erneut; falls es wieder passiert, senden Sie ' +
    'uns die Fehlerdetails.',

  'import.connection_missing': 'Es besteht keine Verbindung zu Microsoft 365. Bitte richten Sie die Verbindung ein.',
  'import.connection_needs_reauth':
    'Die Verbindung zu Microsoft 365 muss erneut eingerichtet werden („Verbindung erneut einrichten“). Der Import ist bis dahin angehalten.',
  'import.connection_scope_missing':
    'Der Verbindung fehlt die Berechtigung Mail.ReadWrite.Shared. Bitte richten Sie die Verbindung erneut ein.',
  'import.mailbox_access_denied':
    'Das verbundene Microsoft-365-Konto hat keinen Zugriff auf das Postfach {mailbox}. Bitte Vollzugriff erteilen lassen.',
  'import.mailbox_not_found': 'Das Postfach {mailbox} gibt es in Microsoft 365 nicht (oder es ist inaktiv).',
  'import.elo_service_account_missing':
    'Für den Import ist kein ELO-Dienstkonto hinterlegt. Bitte wenden Sie sich an den Betrieb (ecm365 tenant update --elo-service-user).',
  'import.elo_service_account_refused':
    'ELO hat das Dienstkonto des Imports abgelehnt (Kennwort falsch, Benutzer gesperrt oder Kennwort-Anmeldung abgeschaltet).',
  'import.elo_unreachable':
    'ELO ist gerade nicht erreichbar. Der Import versucht es später erneut; es geht nichts verloren.',
  'import.microsoft_unavailable':
    'Microsoft 365 ist gerade nicht erreichbar oder drosselt die Anfragen. Der Import versucht es später erneut.',
  'import.elo_mask_fallback': 'Die ELO-Maske „{requested}“ gibt es nicht; abgelegt wird mit der Basismaske „{used}“.',
  'import.elo_permission_denied': 'ELO verweigert dem Dienstkonto die Ablage: {detail}',
  'import.elo_rejected': 'ELO hat das Dokument abgelehnt: {detail}',
  'import.elo_error': 'ELO meldet einen Fehler: {detail}',
  'import.mail_gone': 'Die E-Mail ist im Postfach nicht mehr vorhanden.',
  'import.mail_too_many_attempts': 'Die E-Mail konnte nach mehreren Versuchen nicht importiert werden.',
  'import.import_internal_error': 'Beim Import ist ein interner Fehler aufgetreten. Der Betrieb wurde informiert.',
  'import.move_failed':
    'Die E-Mail ist in ELO, konnte aber im Postfach nicht verschoben werden. Der Import versucht es erneut.',
  'import.no_attachment': 'Die E-Mail hat keinen Anhang.',
  'import.nothing_importable': 'Die E-Mail hat keinen Anhang, der übernommen werden kann.',
  'import.field_not_in_mask': 'Die Maske hat keine Indexfelder für: {fields} – diese Werte fehlen in ELO.',
  'import.value_shortened': 'Der Wert für {group} wurde auf {max} Zeichen gekürzt.',
  'import.recorded_text': '{text}',
  'import.attachment_inline': 'Eingebettetes Bild (z. B. Logo oder Signatur) – nicht übernommen.',
  'import.attachment_cloud_link':
    'Link auf eine Cloud-Datei (OneDrive/SharePoint) – nicht übernehmbar; bitte die Datei als Anhang senden lassen.',
  'import.attachment_empty': 'Der Anhang ist leer (0 Byte).',
  'import.attachment_unsupported': 'Signaturdatei der E-Mail (S/MIME) – kein Dokument.',
  'import.xml_too_large': 'Die XML-Datei ist zu groß für die Auswertung; sie wird unverändert abgelegt.',
  'import.xml_over_limit': 'Die XML-Datei ist zu groß für die Auswertung (über {megabytes} MB).',
  'import.xml_dtd_not_allowed': 'Die XML-Datei enthält eine DTD; aus Sicherheitsgründen wird sie nicht ausgewertet.',
  'import.xml_malformed': 'Die XML-Datei ist nicht wohlgeformt (Zeile {line}, Spalte {column}): {detail}',
  'import.xml_unreadable': 'Die XML-Datei ist nicht lesbar: {detail}',
  'import.xml_no_root': 'Die XML-Datei hat kein Wurzelelement.',
  'import.xml_too_deep': 'Die XML-Datei ist tiefer als {depth} Ebenen verschachtelt.',
  'import.xml_encoding': 'Die XML-Datei ist nicht in der angegebenen Zeichenkodierung ({encoding}) lesbar.',
  'import.xml_not_einvoice': 'Die XML-Datei ist keine E-Rechnung (Wurzelelement {root}).',
  'import.xml_zugferd_1':
    'ZUGFeRD 1.0 erfüllt die EN 16931 nicht und ist keine E-Rechnung im Sinne des UStG; abgelegt wird die Datei trotzdem.',
  'import.einvoice_not_an_invoice_in_germany':
    'Das Profil {profile} ist in Deutschland keine E-Rechnung (nur Buchungshilfe); maßgeblich ist die PDF-Darstellung.',
  'import.einvoice_missing_number': 'In der E-Rechnung fehlt die Rechnungsnummer.',
  'import.einvoice_missing_date': 'In der E-Rechnung fehlt das Rechnungsdatum.',
  'import.einvoice_missing_seller': 'In der E-Rechnung fehlt der Verkäufer.',
  'import.einvoice_missing_total': 'In der E-Rechnung fehlt der Betrag.',
  'import.pdf_too_large': 'Die PDF-Datei ist zu groß, um eingebettete Rechnungsdaten zu prüfen.',
  'import.pdf_damaged': 'Die PDF-Datei ist beschädigt; eingebettete Rechnungsdaten sind nicht lesbar.',
  'import.pdf_encrypted': 'Die PDF-Datei ist verschlüsselt; eingebettete Rechnungsdaten sind nicht lesbar.',
  'import.pdf_embedded_xml_too_large': 'Die eingebettete Datei {file} ist zu groß für die Auswertung.',
  'import.pdf_embedded_xml_unreadable': 'Die eingebettete Datei {file} ist nicht lesbar.',
  'import.mail_unreadable':
    'Die angehängte Nachricht ist nicht lesbar (kein gültiges MIME); sie wird als Ganzes abgelegt.',
  'import.mail_nested_too_deep':
    'Die Nachricht steckt tiefer als {depth} Ebenen in anderen; sie wird als Ganzes abgelegt.',
  'import.mail_too_many_parts': 'Die angehängte Nachricht hat {seen} Anhänge; übernommen wurden die ersten {max}.',

  'mail.time': '{time} Uhr',
  'mail.footer': 'Diese Nachricht wurde automatisch von ecm365 versendet.',
  'mail.greeting': 'Guten Tag,',
  'mail.reauth_subject': 'Microsoft 365: Verbindung muss erneut eingerichtet werden',
  'mail.reauth_broken': 'die Verbindung Ihres ELO ({tenant}) mit Microsoft 365 funktioniert nicht mehr.',
  'mail.reauth_effect':
    'Solange sie nicht erneut eingerichtet ist, arbeiten ELO-Funktionen wie der Rechnungs-Import via E-Mail nicht.',
  'mail.reauth_action':
    'Bitte öffnen Sie {url} und wählen Sie unter „Weitere Einstellungen“ „Verbindung erneut einrichten“.',
  'mail.once_a_day': 'Diese Nachricht erhalten Sie höchstens einmal am Tag.',
  'mail.import_subject': 'Rechnungs-Import via E-Mail: Handlungsbedarf',
  'mail.import_stuck': 'Der Rechnungs-Import kann gerade nicht arbeiten.',
  'mail.import_failed': 'Eine E-Mail konnte nicht nach ELO importiert werden:',
  'mail.import_action': 'Details und „Erneut versuchen“: {url}',
  'mail.import_once_a_day': 'Diese Nachricht erhalten Sie höchstens einmal am Tag; weitere Fehler sehen Sie im Portal.',
  'mail.label_subject': 'Betreff',
  'mail.label_from': 'Absender',
  'mail.label_received': 'Empfangen',
  'mail.label_mailbox': 'Postfach',
  'mail.label_reason': 'Grund',
};
