import Type, { type Static } from 'typebox';

/**
 * Every text the server writes for people, as a stable code with the names of its parameters. The API sends the
 * code and the parameters next to its own `message` (a rendering in the request's language for curl users); the
 * web renders them from its locale files, so the words in the portal follow its language. Codes are
 * `<category>.<name>` (two parts, snake_case names): `error` API errors (`error.code` says what failed, the message
 * code which text explains it), `check` connection-test results, `hint` what to do about a failing check, `attempt`
 * the connector window's Microsoft failures, `import` the invoice import's errors, skip reasons and notes, `mail` the notification mails' lines. The server's catalogue (api/src/messages/) and the web's locale files
 * must have a text for each; a test walks this table.
 */
export const MESSAGE_PARAMS = {
  // API errors: one per error code, the same code as text unless a variant explains the case better.
  'error.validation_failed': [],
  'error.body_not_expected': [],
  'error.tenant_required': [],
  'error.mailbox_required': [],
  'error.payload_too_large': [],
  'error.request_timeout': [],
  'error.not_found': [],
  'error.api_token_not_found': [],
  'error.webhook_not_found': [],
  'error.invalid_credentials': [],
  'error.password_login_disabled': [],
  'error.unknown_tenant': [],
  'error.too_many_attempts': [],
  'error.too_many_login_failures': [],
  'error.too_many_invalid_codes': [],
  'error.too_many_invalid_api_tokens': [],
  'error.too_many_connect_attempts': [],
  'error.too_many_connection_tests': [],
  'error.too_many_access_tokens': [],
  'error.too_many_new_api_tokens': [],
  'error.elo_unavailable': [],
  'error.not_authenticated': [],
  'error.csrf_failed': [],
  'error.access_denied': [],
  'error.attempt_not_found': [],
  'error.attempt_expired': [],
  'error.session_mismatch': [],
  'error.code_expired': [],
  'error.code_redeemed': [],
  'error.invalid_code_format': [],
  'error.invalid_code': [],
  'error.not_connected': [],
  'error.webhook_url_not_allowed': [],
  'error.import_folder_invalid': ['example'],
  'error.import_folder_placeholder': ['placeholder', 'allowed'],
  'error.import_field_name_invalid': ['key'],
  'error.import_field_duplicate': ['group'],
  'error.import_key_field_missing': ['group', 'mask'],
  'error.import_key_field_too_short': ['group', 'max', 'needed'],
  'error.import_from_invalid': [],
  'error.invalid_cursor': [],
  'error.import_not_retryable': [],
  'error.import_disabled': [],
  'error.import_message_not_found': [],
  'error.not_connected_setup': [],
  'error.needs_reauth': [],
  'error.insufficient_scope': ['scope'],
  'error.insufficient_scope_session': ['scope'],
  'error.insufficient_scope_browser_only': [],
  'error.webhook_limit_reached': ['limit'],
  'error.ms365_unavailable': [],
  'error.ms365_configuration_error': [],
  'error.service_unavailable': [],
  'error.internal_error': [],

  // Connection test (SPEC §5): what each check found.
  'check.token_ok': [],
  'check.token_reauth': [],
  'check.token_temporary': [],
  'check.token_configuration': [],
  'check.token_unknown': [],
  'check.profile_ok': ['name', 'upn'],
  'check.profile_failed': [],
  'check.mailbox_ok': ['mailbox'],
  'check.mailbox_denied': ['upn', 'mailbox'],
  'check.mailbox_missing_scope': ['mailbox'],
  'check.mailbox_not_configured': [],
  'check.import_delta_denied': ['mailbox'],
  'check.import_folders_denied': ['mailbox'],

  // What to do about a failing check.
  'hint.not_connected': [],
  'hint.reauth': [],
  'hint.temporary': [],
  'hint.configuration': [],
  'hint.mailbox_access': [],
  'hint.missing_scope': [],
  'hint.mailbox_not_configured': [],

  // The connector window when Microsoft said no (AttemptError.kind).
  'attempt.consent_required': [],
  'attempt.cancelled': [],
  'attempt.wrong_account_type': [],
  'attempt.service_configuration': [],
  'attempt.temporarily_unavailable': [],
  'attempt.interaction_required': [],
  'attempt.invalid_state': [],
  'attempt.session_mismatch': [],
  'attempt.sign_in_expired': [],
  'attempt.id_token_invalid': [],
  'attempt.unknown': [],

  // The invoice import (SPEC §9): its state's last error, a mail's error, skip reason and notes. `error.code` of
  // the API stays the name (e.g. `elo_unreachable`); `messageCode` is `import.<name>`.
  'import.connection_missing': [],
  'import.connection_needs_reauth': [],
  'import.connection_scope_missing': [],
  'import.mailbox_access_denied': ['mailbox'],
  'import.mailbox_not_found': ['mailbox'],
  'import.elo_service_account_missing': [],
  'import.elo_service_account_refused': [],
  'import.elo_unreachable': [],
  'import.microsoft_unavailable': [],
  'import.elo_mask_fallback': ['requested', 'used'],
  'import.elo_permission_denied': ['detail'],
  'import.elo_rejected': ['detail'],
  'import.elo_error': ['detail'],
  'import.mail_gone': [],
  'import.mail_too_many_attempts': [],
  'import.import_internal_error': [],
  'import.move_failed': [],
  'import.no_attachment': [],
  'import.nothing_importable': [],
  'import.field_not_in_mask': ['fields'],
  'import.value_shortened': ['group', 'max'],
  'import.recorded_text': ['text'],
  'import.attachment_inline': [],
  'import.attachment_cloud_link': [],
  'import.attachment_empty': [],
  'import.attachment_unsupported': [],
  'import.xml_too_large': [],
  'import.xml_over_limit': ['megabytes'],
  'import.xml_dtd_not_allowed': [],
  'import.xml_malformed': ['line', 'column', 'detail'],
  'import.xml_unreadable': ['detail'],
  'import.xml_no_root': [],
  'import.xml_too_deep': ['depth'],
  'import.xml_encoding': ['encoding'],
  'import.xml_not_einvoice': ['root'],
  'import.xml_zugferd_1': [],
  'import.einvoice_not_an_invoice_in_germany': ['profile'],
  'import.einvoice_missing_number': [],
  'import.einvoice_missing_date': [],
  'import.einvoice_missing_seller': [],
  'import.einvoice_missing_total': [],
  'import.pdf_too_large': [],
  'import.pdf_damaged': [],
  'import.pdf_encrypted': [],
  'import.pdf_embedded_xml_too_large': ['file'],
  'import.pdf_embedded_xml_unreadable': ['file'],
  'import.mail_unreadable': [],
  'import.mail_nested_too_deep': ['depth'],
  'import.mail_too_many_parts': ['seen', 'max'],

  // The notification mails to the customer's notification address (in the language the address was saved in).
  'mail.time': ['time'],
  'mail.footer': [],
  'mail.greeting': [],
  'mail.reauth_subject': [],
  'mail.reauth_broken': ['tenant'],
  'mail.reauth_effect': [],
  'mail.reauth_action': ['url'],
  'mail.once_a_day': [],
  'mail.import_subject': [],
  'mail.import_stuck': [],
  'mail.import_failed': [],
  'mail.import_action': ['url'],
  'mail.import_once_a_day': [],
  'mail.label_subject': [],
  'mail.label_from': [],
  'mail.label_received': [],
  'mail.label_mailbox': [],
  'mail.label_reason': [],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof MESSAGE_PARAMS;
export const MESSAGE_CODES = Object.keys(MESSAGE_PARAMS) as MessageCode[];

/** The message codes of one category, e.g. `MessageCodeOf<'check'>`. */
export type MessageCodeOf<Category extends string> = Extract<MessageCode, `${Category}.${string}`>;
export type ErrorMessageCode = MessageCodeOf<'error'>;

/** A value put into a text: names, mailboxes, numbers. Never a secret. */
export type MessageParamValue = string | number;
export type MessageParams<Code extends MessageCode = MessageCode> = {
  [Name in (typeof MESSAGE_PARAMS)[Code][number]]: MessageParamValue;
};

/** A text as code and parameters: what the API stores and sends instead of a sentence. */
export type Message<Code extends MessageCode = MessageCode> = Code extends MessageCode
  ? { code: Code; params: MessageParams<Code> }
  : never;

export function isMessageCode(value: unknown): value is MessageCode {
  return typeof value === 'string' && Object.hasOwn(MESSAGE_PARAMS, value);
}

/** Builds a message; `params` is required exactly when the code has parameters. */
export function message<Code extends MessageCode>(
  code: Code,
  ...params: (typeof MESSAGE_PARAMS)[Code]['length'] extends 0 ? [] : [MessageParams<Code>]
): Message<Code> {
  return { code, params: params[0] ?? {} } as Message<Code>;
}

/** Languages of the server's texts and of the portal; the first is the default. */
export const MESSAGE_LOCALES = ['de', 'en'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/**
 * A message code in the API's schemas: a string of the form above, not an enum of every code, which would be
 * repeated in each response of the OpenAPI document (about 75 codes × every error response); TypeScript users of
 * shared/ get the exact union.
 */
export const MessageCodeSchema = Type.Unsafe<MessageCode>(
  Type.String({
    pattern: '^[a-z]+\\.[a-z0-9_]+$',
    description: 'Stable code of a text (shared/src/messages.ts); render it with its params in your language.',
  }),
);
export const MessageParamsSchema = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
  description: 'The values the text of the code puts in, by name.',
});
export type MessageParamsSchema = Static<typeof MessageParamsSchema>;
