import type { MessageCode } from '@ecm365/shared';

/** The server's English texts, by message code (Accept-Language: en); `{name}` puts in that parameter. */
export const CATALOGUE_EN: Record<MessageCode, string> = {
  'error.validation_failed': 'The request is not valid.',
  'error.body_not_expected': 'This request expects no body.',
  'error.tenant_required': 'Please enter your customer name.',
  'error.mailbox_required': 'Please enter the mailbox to import invoices from.',
  'error.payload_too_large': 'The request is too large.',
  'error.request_timeout': 'The request did not arrive in time.',
  'error.not_found': 'Not found.',
  'error.api_token_not_found': 'This API token does not exist.',
  'error.webhook_not_found': 'This webhook does not exist.',
  'error.invalid_credentials': 'The ELO user name or password is wrong.',
  'error.password_login_disabled': 'Signing in with an ELO user and password is turned off on this ELO.',
  'error.unknown_tenant': 'We do not know this customer. Please check the customer name.',
  'error.too_many_attempts': 'Too many attempts. Please wait before you try again.',
  'error.too_many_login_failures': 'Too many failed sign-ins. Please wait before you try again.',
  'error.too_many_invalid_codes': 'Too many invalid codes. Please wait before you try again.',
  'error.too_many_invalid_api_tokens': 'Too many invalid API tokens. Please wait before you try again.',
  'error.too_many_connect_attempts': 'Too many connection attempts in a short time. Please wait a moment.',
  'error.too_many_connection_tests': 'Too many connection tests in a short time. Please wait a moment.',
  'error.too_many_access_tokens':
    'Too many requests for Microsoft access tokens with this API token. Please wait a moment.',
  'error.too_many_new_api_tokens': 'Too many new API tokens in a short time. Please wait a moment.',
  'error.elo_unavailable': 'Your ELO cannot be reached right now. Please try again later.',
  'error.not_authenticated': 'Please sign in.',
  'error.csrf_failed': 'The security check of the request failed. Please reload the page.',
  'error.access_denied': 'Access not allowed',
  'error.attempt_not_found': 'This connection attempt is unknown. Please start the connection in the portal again.',
  'error.attempt_expired': 'This connection attempt has expired. Please start the connection in the portal again.',
  'error.session_mismatch':
    'This connection attempt was already opened in another browser and belongs to it. ' +
    'Please open the link in the same browser or have a new connection attempt started.',
  'error.code_expired': 'The MS365 code has expired. Please connect again.',
  'error.code_redeemed': 'The MS365 code has been used already.',
  'error.invalid_code_format': 'This is not a valid MS365 code. Please check what you entered (a typo?).',
  'error.invalid_code': 'The MS365 code is invalid, expired or used already. Please connect again.',
  'error.not_connected': 'There is no connection to Microsoft 365.',
  'error.webhook_url_not_allowed':
    'This webhook address is not allowed. Please enter a publicly reachable https address.',
  'error.import_folder_invalid':
    'The ELO filing path must start with ¶ and must not contain empty folder names, e.g. {example}.',
  'error.import_folder_placeholder':
    'The ELO filing path contains the unknown placeholder {placeholder}; allowed are {allowed}.',
  'error.import_field_name_invalid': 'The index field for “{key}” must be a group name of letters, digits and _.',
  'error.import_field_duplicate': 'The index field {group} is assigned to more than one value.',
  'error.import_key_field_missing':
    'The mask “{mask}” has no index field {group} for the import key. Without it ecm365 cannot prevent duplicate filing.',
  'error.import_key_field_too_short':
    'The index field {group} holds only {max} characters; the import key needs {needed}.',
  'error.import_from_invalid': 'The date “Import from” is not valid.',
  'error.invalid_cursor': 'The cursor is not valid.',
  'error.import_not_retryable': 'Only a failed e-mail can be retried.',
  'error.import_disabled': 'The invoice import is switched off.',
  'error.import_message_not_found': 'This e-mail does not exist in the invoice import.',
  'error.not_connected_setup':
    'There is no connection to Microsoft 365. Please set it up in the portal under “Microsoft 365” („Einrichtung abschließen & Verbindung testen“).',
  'error.needs_reauth':
    'The connection to Microsoft 365 must be set up again. Please set up the connection again (“Set up the connection again”).',
  'error.insufficient_scope':
    'This API token lacks the scope “{scope}”. Please create an API token with this scope in the portal.',
  'error.insufficient_scope_session':
    'This call is only possible with an API token with the scope “{scope}”, not with a browser sign-in.',
  'error.insufficient_scope_browser_only': 'This call is only possible with a browser sign-in, not with an API token.',
  'error.webhook_limit_reached': 'At most {limit} webhooks are possible. Please delete one first.',
  'error.ms365_unavailable': 'Microsoft 365 cannot be reached right now. Please try again later.',
  'error.ms365_configuration_error':
    'A configuration problem on the side of ecm.online prevents the connection to Microsoft 365. ' +
    'Please contact support@ecm.online.',
  'error.service_unavailable': 'The service is temporarily unavailable. Please try again in a moment.',
  'error.internal_error': 'An unexpected error occurred.',

  'check.token_ok': 'Signing in to Microsoft 365 works.',
  'check.token_reauth': 'The sign-in to Microsoft 365 has expired or was revoked.',
  'check.token_temporary': 'Microsoft 365 could not be reached during the check.',
  'check.token_configuration': 'Signing in to Microsoft 365 fails because of a configuration problem at ecm.online.',
  'check.token_unknown': 'Signing in to Microsoft 365 failed.',
  'check.profile_ok': 'Connected as {name} ({upn}).',
  'check.profile_failed': 'The connected Microsoft 365 account could not be read.',
  'check.mailbox_ok': 'Access to the mailbox {mailbox} works.',
  'check.mailbox_denied': 'The connected Microsoft 365 user {upn} has no access to the mailbox {mailbox}.',
  'check.mailbox_missing_scope':
    'For the mailbox {mailbox} the connection lacks the permission “Mail.ReadWrite.Shared”.',
  'check.import_delta_denied':
    'The mailbox {mailbox} opens, but new mail cannot be queried (delta query refused). Is only a single folder shared instead of the whole mailbox?',
  'check.import_folders_denied':
    'The folders “ELO importiert” and “ELO Fehler” cannot be created in the mailbox {mailbox}. The import needs full access (Mail.ReadWrite.Shared).',
  'check.mailbox_not_configured': 'No mailbox has been entered yet for the invoice import via e-mail.',

  'hint.not_connected':
    'Please set up the connection in the portal under “Microsoft 365” („Einrichtung abschließen & Verbindung testen“).',
  'hint.reauth': 'Please set up the connection again (“Set up the connection again”).',
  'hint.temporary': 'This is usually temporary. Please test the connection again in a few minutes.',
  'hint.configuration': 'Please contact support@ecm.online.',
  'hint.mailbox_access':
    'IMPORTANT: The user you connect Microsoft 365 with must have the permissions needed to access the mailbox ' +
    'the e-mails are imported from. Please give the user access to the mailbox or set up the connection with a ' +
    'user who has access.',
  'hint.missing_scope':
    'The permission was needed only after the connection had been set up. ' +
    'Please set up the connection again (“Set up the connection again”).',
  'hint.mailbox_not_configured': 'Enter the mailbox (e.g. invoices@example.com) in the settings.',

  'attempt.consent_required':
    'The connection needs the consent of an administrator of your Microsoft 365 tenant. Forward the link below to ' +
    'your Microsoft 365 administrators. Once they have consented, you can connect again.',
  'attempt.cancelled':
    'The connection was not set up because the sign-in or consent at Microsoft was cancelled. Please try again.',
  'attempt.wrong_account_type':
    'This Microsoft account cannot be connected (e.g. a personal Microsoft account or an account of another ' +
    'organization). Please sign in with the work account of your organization.',
  'attempt.service_configuration':
    'A configuration problem on the side of ecm.online prevents the connection. Please contact support@ecm.online.',
  'attempt.temporarily_unavailable': 'Microsoft cannot be reached right now. Please try again in a few minutes.',
  'attempt.interaction_required':
    'Microsoft asks you to sign in again (e.g. with multi-factor authentication). Please try again.',
  'attempt.invalid_state':
    'This response from Microsoft belongs to no running connection attempt (expired or used already). ' +
    'Please start the connection in the portal again.',
  'attempt.session_mismatch':
    'The sign-in at Microsoft belongs to another session of the portal. Please start the connection again from ' +
    'the portal in the same browser.',
  'attempt.sign_in_expired':
    'The sign-in at Microsoft took too long or was used already. Please start the connection again (“Connect”).',
  'attempt.id_token_invalid':
    'The sign-in at Microsoft could not be confirmed. For security reasons no connection was set up. Please try ' +
    'again; if it happens again, contact support@ecm.online.',
  'attempt.unknown':
    'Microsoft refused the connection. Please try again; if it happens again, send us the error details.',

  'import.connection_missing': 'There is no connection to Microsoft 365. Please set up the connection.',
  'import.connection_needs_reauth':
    'The connection to Microsoft 365 has to be set up again (“Set up connection again”). The import is paused until then.',
  'import.connection_scope_missing':
    'The connection lacks the permission Mail.ReadWrite.Shared. Please set up the connection again.',
  'import.mailbox_access_denied':
    'The connected Microsoft 365 account has no access to the mailbox {mailbox}. Please have full access granted.',
  'import.mailbox_not_found': 'The mailbox {mailbox} does not exist in Microsoft 365 (or it is inactive).',
  'import.elo_service_account_missing':
    'No ELO service account is set up for the import. Please contact operations (ecm365 tenant update --elo-service-user).',
  'import.elo_service_account_refused':
    'ELO refused the import’s service account (wrong password, user locked, or password sign-in switched off).',
  'import.elo_unreachable': 'ELO cannot be reached right now. The import tries again later; nothing is lost.',
  'import.microsoft_unavailable':
    'Microsoft 365 cannot be reached right now or is throttling requests. The import tries again later.',
  'import.elo_mask_fallback':
    'The ELO mask “{requested}” does not exist; documents are filed with the basic mask “{used}”.',
  'import.elo_permission_denied': 'ELO does not allow the service account to file the document: {detail}',
  'import.elo_rejected': 'ELO rejected the document: {detail}',
  'import.elo_error': 'ELO reports an error: {detail}',
  'import.mail_gone': 'The email is no longer in the mailbox.',
  'import.mail_too_many_attempts': 'The email could not be imported after several attempts.',
  'import.import_internal_error': 'An internal error occurred during the import. Operations have been informed.',
  'import.move_failed': 'The email is in ELO but could not be moved in the mailbox. The import tries again.',
  'import.no_attachment': 'The email has no attachment.',
  'import.nothing_importable': 'The email has no attachment that can be imported.',
  'import.field_not_in_mask': 'The mask has no index fields for: {fields} – these values are missing in ELO.',
  'import.value_shortened': 'The value for {group} was shortened to {max} characters.',
  'import.recorded_text': '{text}',
  'import.attachment_inline': 'Embedded image (e.g. a logo or signature) – not imported.',
  'import.attachment_cloud_link':
    'Link to a cloud file (OneDrive/SharePoint) – cannot be imported; please ask for the file as an attachment.',
  'import.attachment_empty': 'The attachment is empty (0 bytes).',
  'import.attachment_unsupported': 'Signature file of the email (S/MIME) – not a document.',
  'import.xml_too_large': 'The XML file is too large to be inspected; it is filed unchanged.',
  'import.xml_over_limit': 'The XML file is too large to be inspected (over {megabytes} MB).',
  'import.xml_dtd_not_allowed': 'The XML file contains a DTD; for security reasons it is not inspected.',
  'import.xml_malformed': 'The XML file is not well-formed (line {line}, column {column}): {detail}',
  'import.xml_unreadable': 'The XML file cannot be read: {detail}',
  'import.xml_no_root': 'The XML file has no root element.',
  'import.xml_too_deep': 'The XML file is nested deeper than {depth} levels.',
  'import.xml_encoding': 'The XML file cannot be read in its declared character encoding ({encoding}).',
  'import.xml_not_einvoice': 'The XML file is not an e-invoice (root element {root}).',
  'import.xml_zugferd_1':
    'ZUGFeRD 1.0 does not meet EN 16931 and is no e-invoice under German VAT law (UStG); the file is filed anyway.',
  'import.einvoice_not_an_invoice_in_germany':
    'The profile {profile} is no e-invoice in Germany (only a booking aid); the PDF rendering is what counts.',
  'import.einvoice_missing_number': 'The e-invoice lacks the invoice number.',
  'import.einvoice_missing_date': 'The e-invoice lacks the invoice date.',
  'import.einvoice_missing_seller': 'The e-invoice lacks the seller.',
  'import.einvoice_missing_total': 'The e-invoice lacks the amount.',
  'import.pdf_too_large': 'The PDF file is too large to check for embedded invoice data.',
  'import.pdf_damaged': 'The PDF file is damaged; embedded invoice data cannot be read.',
  'import.pdf_encrypted': 'The PDF file is encrypted; embedded invoice data cannot be read.',
  'import.pdf_embedded_xml_too_large': 'The embedded file {file} is too large to be inspected.',
  'import.pdf_embedded_xml_unreadable': 'The embedded file {file} cannot be read.',
  'import.mail_unreadable': 'The attached message cannot be read (no valid MIME); it is filed as a whole.',
  'import.mail_nested_too_deep': 'The message is nested deeper than {depth} levels in others; it is filed as a whole.',
  'import.mail_too_many_parts': 'The attached message has {seen} attachments; the first {max} were taken.',

  'mail.time': '{time} (German time)',
  'mail.footer': 'This message was sent automatically by ecm365.',
  'mail.greeting': 'Hello,',
  'mail.reauth_subject': 'Microsoft 365: the connection has to be set up again',
  'mail.reauth_broken': 'the connection of your ELO ({tenant}) with Microsoft 365 no longer works.',
  'mail.reauth_effect': 'Until it is set up again, ELO features such as the invoice import via email do not work.',
  'mail.reauth_action': 'Please open {url} and choose “Set up the connection again” under “More settings”.',
  'mail.once_a_day': 'You receive this message at most once a day.',
  'mail.import_subject': 'Invoice import via email: action needed',
  'mail.import_stuck': 'The invoice import cannot work right now.',
  'mail.import_failed': 'An email could not be imported into ELO:',
  'mail.import_action': 'Details and “Try again”: {url}',
  'mail.import_once_a_day': 'You receive this message at most once a day; further errors are shown in the portal.',
  'mail.label_subject': 'Subject',
  'mail.label_from': 'From',
  'mail.label_received': 'Received',
  'mail.label_mailbox': 'Mailbox',
  'mail.label_reason': 'Reason',
};
