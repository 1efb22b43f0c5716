import Type, { type Static } from 'typebox';
import {
  AFTER_IMPORT_ACTIONS,
  ELO_FIELD_KEYS,
  IMPORT_CONTENT_OPTIONS,
  IMPORT_MESSAGE_STATES,
  IMPORT_STATES,
} from './invoice-import-options.js';
import { MessageParamsSchema } from './messages.js';
import { StoredText } from './text.js';

/**
 * The invoice mail import's document shapes (SPEC §9, activity item `documents`). The import engine, the ELO
 * filing and the portal all speak of a filed file in these terms; the classification that produces them lives in
 * api/src/modules/invoice-import/documents.
 */

/** What a filed file is, recognised by its content (not its name). */
export const IMPORT_DOCUMENT_KINDS = ['pdf', 'einvoice_xml', 'hybrid_pdf', 'image', 'eml', 'other'] as const;
export type ImportDocumentKind = (typeof IMPORT_DOCUMENT_KINDS)[number];
export const ImportDocumentKindSchema = Type.Enum(IMPORT_DOCUMENT_KINDS, {
  description:
    'pdf, einvoice_xml (XRechnung/UBL/CII as XML), hybrid_pdf (ZUGFeRD/Factur-X: PDF with the XML inside), ' +
    'image, eml (a mail), other.',
});

/** The two XML syntaxes of EN 16931: OASIS UBL 2.1 and UN/CEFACT Cross Industry Invoice (D16B). */
export const EINVOICE_SYNTAXES = ['ubl', 'cii'] as const;
export type EinvoiceSyntax = (typeof EINVOICE_SYNTAXES)[number];

/** What the activity list says about an e-invoice: its syntax and its profile in words, e.g. "XRechnung 3.0". */
export const EinvoiceSummary = Type.Object({
  syntax: Type.Enum(EINVOICE_SYNTAXES),
  profile: Type.String({
    description:
      'The profile in words, from the specification identifier: e.g. "XRechnung 3.0", "EN 16931 (COMFORT)", ' +
      '"Factur-X/ZUGFeRD BASIC", "Factur-X/ZUGFeRD MINIMUM".',
  }),
});
export type EinvoiceSummary = Static<typeof EinvoiceSummary>;

/** One filed (or to-be-filed) document of an imported mail, as the activity list shows it. */
export const ImportedDocument = Type.Object({
  name: Type.String({ description: 'Original file name.' }),
  size: Type.Integer({ minimum: 0, description: 'Bytes of the main file.' }),
  kind: ImportDocumentKindSchema,
  einvoice: Type.Optional(EinvoiceSummary),
  eloObjId: Type.Optional(Type.String()),
  eloPath: Type.Optional(Type.String({ description: 'ELO path with ¶ separators.' })),
});
export type ImportedDocument = Static<typeof ImportedDocument>;

const DateTime = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

const EloFields = Type.Object(
  Object.fromEntries(ELO_FIELD_KEYS.map((key) => [key, Type.Optional(StoredText({ minLength: 1, maxLength: 64 }))])),
  {
    additionalProperties: false,
    description:
      'Which index field (group name in the mask) receives which value; missing keys keep their defaults ' +
      '(ECM365_IMPORT_KEY, ECM365_MESSAGE_ID, ECM365_MAILBOX, ECM365_FROM, ECM365_SUBJECT, ECM365_RECEIVED, ELO_FNAME, ' +
      'RE_KIND, RE_EINVOICE_SYNTAX, RE_EINVOICE_PROFILE, RE_NUMMER, RE_DATUM, RE_LIEFERANT, RE_BETRAG).',
  },
);

/** `PUT /api/v1/ms365/features/invoice-mail-import` (SPEC §9). Unknown fields are refused. */
export const InvoiceMailImportRequest = Type.Object(
  {
    enabled: Type.Boolean(),
    mailbox: Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]),
    eloFolder: Type.Optional(
      StoredText({
        minLength: 2,
        maxLength: 1000,
        description:
          'ELO path with ¶ separators and the placeholders {yyyy} {MM} {dd}; default ¶Rechnungseingang¶{yyyy}¶{MM}.',
      }),
    ),
    eloMask: Type.Optional(
      StoredText({ minLength: 1, maxLength: 200, description: 'ELO mask name; default „Rechnung“.' }),
    ),
    afterImport: Type.Optional(Type.Enum(AFTER_IMPORT_ACTIONS)),
    importFrom: Type.Optional(DateTime('Received-date cut-off; default: when the import was first enabled.')),
    content: Type.Optional(Type.Enum(IMPORT_CONTENT_OPTIONS)),
    includeInline: Type.Optional(Type.Boolean()),
    eloFields: Type.Optional(EloFields),
  },
  { additionalProperties: false },
);
export type InvoiceMailImportRequest = Static<typeof InvoiceMailImportRequest>;

/** The settings as stored, every default filled in. */
export const InvoiceMailImportSettings = Type.Object({
  id: Type.Literal('invoice-mail-import'),
  enabled: Type.Boolean(),
  mailbox: Type.Union([Type.String(), Type.Null()]),
  scopes: Type.Array(Type.String(), { description: 'Permissions this feature adds.' }),
  eloFolder: Type.String(),
  eloMask: Type.String(),
  afterImport: Type.Enum(AFTER_IMPORT_ACTIONS),
  importFrom: Type.Union([DateTime(), Type.Null()], { description: 'Null until the import is first enabled.' }),
  content: Type.Enum(IMPORT_CONTENT_OPTIONS),
  includeInline: Type.Boolean(),
  eloFields: Type.Object(Object.fromEntries(ELO_FIELD_KEYS.map((key) => [key, Type.String()]))),
});
export type InvoiceMailImportSettings = Static<typeof InvoiceMailImportSettings>;

export const ImportProblem = Type.Object({
  code: Type.String({ description: 'Stable snake_case identifier.' }),
  message: Type.String({ description: "A rendering in the request's language (Accept-Language); German when stored." }),
  // A plain string, not the MessageCode union: the web's generated client types it as one (a newer server may send
  // codes this web does not know; it falls back to `message`).
  messageCode: Type.Optional(
    Type.String({
      pattern: '^import\\.[a-z0-9_]+$',
      description: 'The text of the problem (`import.<code>`); render it with `params`.',
    }),
  ),
  params: Type.Optional(MessageParamsSchema),
  document: Type.Optional(
    Type.String({
      description:
        'The attachment a note is about (an embedded file as `<attachment> › <file>`); `message` starts with it.',
    }),
  ),
});
export type ImportProblem = Static<typeof ImportProblem>;

/** What the import is doing (SPEC §9 "State"). */
export const InvoiceMailImportStatus = Type.Object({
  state: Type.Enum(IMPORT_STATES),
  lastRunAt: Type.Optional(DateTime('When the last round ended.')),
  nextRunAt: Type.Optional(DateTime('When the next round is due.')),
  backlog: Type.Integer({ minimum: 0, description: 'Mails seen but not finished yet.' }),
  counts: Type.Object({
    imported: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    skipped: Type.Integer({ minimum: 0 }),
  }),
  lastError: Type.Optional(ImportProblem),
  eloMaskUsed: Type.Optional(
    Type.String({ description: 'The mask documents are filed with (the basic mask where „Rechnung“ is missing).' }),
  ),
});
export type InvoiceMailImportStatus = Static<typeof InvoiceMailImportStatus>;

/** `GET /api/v1/ms365/features/invoice-mail-import`: settings plus state. */
export const InvoiceMailImportResponse = Type.Intersect([InvoiceMailImportSettings, InvoiceMailImportStatus]);
export type InvoiceMailImportResponse = Static<typeof InvoiceMailImportResponse>;

/** One mail of the activity list (newest first). */
export const ImportMessage = Type.Object({
  id: Type.String(),
  receivedAt: DateTime(),
  from: Type.String({ description: 'Sender address (and name).' }),
  subject: Type.String(),
  state: Type.Enum(IMPORT_MESSAGE_STATES),
  documents: Type.Array(ImportedDocument),
  error: Type.Optional(ImportProblem),
  skippedReason: Type.Optional(ImportProblem),
  notes: Type.Optional(
    Type.Array(ImportProblem, {
      description:
        'What was left out or changed: skipped attachments (inline images, cloud links), index values the mask has ' +
        'no field for, values cut to the field length, e-invoice inspection notes.',
    }),
  ),
  attempts: Type.Integer({ minimum: 0 }),
});
export type ImportMessage = Static<typeof ImportMessage>;

export const ImportMessagesQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(IMPORT_MESSAGE_STATES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    cursor: Type.Optional(StoredText({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ImportMessagesQuery = Static<typeof ImportMessagesQuery>;

export const ImportMessagesResponse = Type.Object({
  items: Type.Array(ImportMessage),
  nextCursor: Type.Optional(Type.String()),
});
export type ImportMessagesResponse = Static<typeof ImportMessagesResponse>;

export const ImportMessageIdParams = Type.Object(
  { id: StoredText({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export type ImportMessageIdParams = Static<typeof ImportMessageIdParams>;

/** `POST …/run` and `POST …/messages/{id}/retry`: 202, the round is queued (coalesced with one under way). */
export const ImportAccepted = Type.Object({ accepted: Type.Literal(true) });
export type ImportAccepted = Static<typeof ImportAccepted>;
