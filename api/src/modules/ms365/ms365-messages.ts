import type { AttemptError } from '@ecm365/shared';

/**
 * The German texts of the Microsoft 365 flow in one place: what the connector window says when Microsoft said no
 * (SPEC §5), and what each check of the connection test reports.
 */
export const ATTEMPT_ERROR_MESSAGES: Record<AttemptError['kind'], string> = {
  consent_required:
    'Für die Verbindung fehlt die Zustimmung eines Administrators Ihres Microsoft-365-Mandanten. ' +
    'Leiten Sie den Link unten an Ihre Microsoft-365-Administration weiter. Nach der Zustimmung können Sie die Verbindung erneut herstellen.',
  cancelled:
    'Die Verbindung wurde nicht eingerichtet, weil die Anmeldung oder Zustimmung bei Microsoft abgebrochen wurde. Bitte versuchen Sie es erneut.',
  wrong_account_type:
    'Mit diesem Microsoft-Konto ist keine Verbindung möglich (z. B. ein privates Microsoft-Konto oder ein Konto einer anderen Organisation). ' +
    'Bitte melden Sie sich mit dem Geschäftskonto Ihrer Organisation an.',
  service_configuration:
    'Ein Konfigurationsproblem auf Seiten von ecm.online verhindert die Verbindung. Bitte wenden Sie sich an support@ecm.online.',
  temporarily_unavailable: 'Microsoft ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.',
  interaction_required:
    'Microsoft verlangt eine erneute Anmeldung (z. B. eine mehrstufige Authentifizierung). Bitte versuchen Sie es erneut.',
  invalid_state:
    'Diese Rückmeldung von Microsoft gehört zu keinem laufenden Verbindungsversuch (abgelaufen oder bereits verwendet). ' +
    'Bitte starten Sie die Verbindung im Portal erneut.',
  session_mismatch:
    'Die Anmeldung bei Microsoft gehört zu einer anderen Sitzung des Portals. Bitte starten Sie die Verbindung im selben Browser erneut aus dem Portal.',
  sign_in_expired:
    'Die Anmeldung bei Microsoft hat zu lange gedauert oder wurde bereits verwendet. ' +
    'Bitte starten Sie die Verbindung erneut („Verbindung herstellen“).',
  id_token_invalid:
    'Die Anmeldung bei Microsoft konnte nicht bestätigt werden. Aus Sicherheitsgründen wurde keine Verbindung eingerichtet. ' +
    'Bitte versuchen Sie es erneut; falls es wieder passiert, wenden Sie sich an support@ecm.online.',
  unknown:
    'Microsoft hat die Verbindung abgelehnt. Bitte versuchen Sie es erneut; falls es wieder passiert, senden Sie uns die Fehlerdetails.',
};

export const REAUTH_HINT = 'Bitte richten Sie die Verbindung erneut ein („Verbindung erneut einrichten“).';

/** The article's "WICHTIG!" warning, as the hint of a failing mailbox check. */
export const MAILBOX_ACCESS_HINT =
  'WICHTIG: Der Benutzer, mit dem Sie die Microsoft 365 Verbindung herstellen, muss unbedingt die notwendigen Berechtigungen ' +
  'zum Zugriff auf das E-Mail-Postfach besitzen, aus dem die E-Mails importiert werden sollen. Bitte geben Sie dem Benutzer ' +
  'Zugriff auf das Postfach oder richten Sie die Verbindung mit einem Benutzer ein, der Zugriff hat.';

export const CHECK_MESSAGES = {
  tokenOk: 'Anmeldung bei Microsoft 365 funktioniert.',
  tokenReauth: 'Die Anmeldung bei Microsoft 365 ist abgelaufen oder wurde widerrufen.',
  tokenTemporary: 'Microsoft 365 war bei der Prüfung nicht erreichbar.',
  tokenTemporaryHint: 'Das ist meist vorübergehend. Bitte testen Sie die Verbindung in einigen Minuten erneut.',
  tokenConfiguration: 'Die Anmeldung bei Microsoft 365 scheitert an einem Konfigurationsproblem von ecm.online.',
  tokenConfigurationHint: 'Bitte wenden Sie sich an support@ecm.online.',
  tokenUnknown: 'Die Anmeldung bei Microsoft 365 ist fehlgeschlagen.',
  profileOk: (name: string, upn: string) => `Verbunden als ${name} (${upn}).`,
  profileFailed: 'Das verbundene Microsoft-365-Konto konnte nicht gelesen werden.',
  mailboxOk: (mailbox: string) => `Zugriff auf das Postfach ${mailbox} funktioniert.`,
  mailboxDenied: (upn: string, mailbox: string) =>
    `Der verbundene Microsoft-365-Benutzer ${upn} hat keinen Zugriff auf das Postfach ${mailbox}.`,
  mailboxMissingScope: (mailbox: string) =>
    `Für das Postfach ${mailbox} fehlt der Verbindung die Berechtigung „Mail.ReadWrite.Shared“.`,
  mailboxMissingScopeHint: 'Die Berechtigung wurde erst nach dem Einrichten der Verbindung benötigt. ' + REAUTH_HINT,
  mailboxNotConfigured: 'Für den Rechnungs-Import via E-Mail ist noch kein Postfach eingetragen.',
  mailboxNotConfiguredHint: 'Tragen Sie das Postfach (z. B. rechnungen@example.com) in den Einstellungen ein.',
} as const;
