import Type, { type Static } from 'typebox';

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
