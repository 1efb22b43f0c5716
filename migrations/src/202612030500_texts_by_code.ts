import { sql, type Kysely } from 'kysely';

/**
 * Texts by code, not by sentence (issue 12).
 *
 * The customer's notification mails are written in the language the address was saved in (the portal's language of
 * the admin who saved it; German for addresses saved before): `notification_settings.locale`, copied to each queued
 * mail so a mail is written in the language of the moment it was queued.
 *
 * The import's ledger keeps a problem as its name and the parameters of its text (`import.<name>` in the message
 * catalogue) instead of a German sentence, so every reader renders it in its own language. Rows written before are
 * converted here: codes without parameters need none; the texts of codes with parameters are matched against the
 * German templates of the time (frozen below, as a migration must not follow later catalogue edits); a text that
 * fits none keeps its words as `recorded_text` with the text as parameter. Notes (`{code, message}`, often prefixed
 * with the attachment's name) become `recorded_text` likewise.
 */

/** import.* codes without parameters when this migration was written. */
const WITHOUT_PARAMS = [
  'connection_missing',
  'connection_needs_reauth',
  'connection_scope_missing',
  'elo_service_account_missing',
  'elo_service_account_refused',
  'elo_unreachable',
  'microsoft_unavailable',
  'mail_gone',
  'mail_too_many_attempts',
  'import_internal_error',
  'move_failed',
  'no_attachment',
  'nothing_importable',
];

/** The German templates of the codes with one parameter, as POSIX patterns whose group is the parameter. */
const WITH_PARAM: { code: string; param: string; pattern: string }[] = [
  {
    code: 'mailbox_access_denied',
    param: 'mailbox',
    pattern:
      '^Das verbundene Microsoft-365-Konto hat keinen Zugriff auf das Postfach (.*)\\. Bitte Vollzugriff erteilen lassen\\.$',
  },
  {
    code: 'mailbox_not_found',
    param: 'mailbox',
    pattern: '^Das Postfach (.*) gibt es in Microsoft 365 nicht \\(oder es ist inaktiv\\)\\.$',
  },
  { code: 'elo_permission_denied', param: 'detail', pattern: '^ELO verweigert dem Dienstkonto die Ablage: (.*)$' },
  { code: 'elo_rejected', param: 'detail', pattern: '^ELO hat das Dokument abgelehnt: (.*)$' },
  { code: 'elo_error', param: 'detail', pattern: '^ELO meldet einen Fehler: (.*)$' },
];

const PROBLEM_COLUMNS = [
  { table: 'invoice_import_messages', code: 'error_code', message: 'error_message', params: 'error_params' },
  { table: 'invoice_import_messages', code: 'skipped_code', message: 'skipped_message', params: 'skipped_params' },
  {
    table: 'invoice_import_mailboxes',
    code: 'attention_code',
    message: 'attention_message',
    params: 'attention_params',
  },
  {
    table: 'invoice_import_mailboxes',
    code: 'last_error_code',
    message: 'last_error_message',
    params: 'last_error_params',
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notification_settings', 'notification_mails']) {
    await sql`alter table ${sql.table(table)} add column locale text not null default 'de'
      check (locale in ('de', 'en'))`.execute(db);
  }
  for (const { table, code, message, params } of PROBLEM_COLUMNS) {
    const [t, c, m, p] = [sql.table(table), sql.ref(code), sql.ref(message), sql.ref(params)];
    await sql`alter table ${t} add column ${p} jsonb`.execute(db);
    await sql`update ${t} set ${p} = '{}'::jsonb where ${c} in (${sql.join(WITHOUT_PARAMS)})`.execute(db);
    for (const known of WITH_PARAM) {
      await sql`update ${t} set ${p} = jsonb_build_object(${known.param}::text, (regexp_match(${m}, ${known.pattern}))[1])
        where ${c} = ${known.code} and ${m} ~ ${known.pattern}`.execute(db);
    }
    await sql`update ${t} set ${c} = 'recorded_text', ${p} = jsonb_build_object('text', coalesce(${m}, ${c}))
      where ${c} is not null and ${p} is null`.execute(db);
    await sql`alter table ${t} drop column ${m}`.execute(db);
  }
  await sql`update invoice_import_messages set notes = (
      select jsonb_agg(jsonb_build_object(
        'code', note->>'code',
        'messageCode', 'import.recorded_text',
        'params', jsonb_build_object('text', coalesce(note->>'message', note->>'code'))))
      from jsonb_array_elements(notes) as note)
    where jsonb_array_length(notes) > 0`.execute(db);
}

/** Back to sentences (and mails in German): the German text where the row still has it (recorded_text), the problem's name otherwise. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notification_settings', 'notification_mails']) {
    await sql`alter table ${sql.table(table)} drop column locale`.execute(db);
  }
  await sql`update invoice_import_messages set notes = (
      select jsonb_agg(jsonb_build_object(
        'code', note->>'code',
        'message', coalesce(note->'params'->>'text', note->>'code')))
      from jsonb_array_elements(notes) as note)
    where jsonb_array_length(notes) > 0`.execute(db);
  for (const { table, code, message, params } of PROBLEM_COLUMNS) {
    const [t, c, m, p] = [sql.table(table), sql.ref(code), sql.ref(message), sql.ref(params)];
    await sql`alter table ${t} add column ${m} text`.execute(db);
    await sql`update ${t} set ${m} = coalesce(${p}->>'text', ${c}) where ${c} is not null`.execute(db);
    await sql`alter table ${t} drop column ${p}`.execute(db);
  }
}
