import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { IMPORT_DOCUMENT_KINDS, ImportedDocument } from './invoice-import.js';

describe('ImportedDocument (SPEC §9 activity documents)', () => {
  it('accepts a filed e-invoice as the activity list shows it', () => {
    const document = {
      name: 'NL-2025-0815.xml',
      size: 5174,
      kind: 'einvoice_xml',
      einvoice: { syntax: 'ubl', profile: 'XRechnung 3.0' },
      eloObjId: '4711',
      eloPath: '¶Rechnungseingang¶2025¶03',
    };
    expect(Value.Check(ImportedDocument, document)).toBe(true);
    expect(Value.Check(ImportedDocument, { name: 'a.pdf', size: 1, kind: 'pdf' })).toBe(true);
  });

  it('refuses kinds and syntaxes the contract does not name', () => {
    expect(Value.Check(ImportedDocument, { name: 'a', size: 1, kind: 'zip' })).toBe(false);
    expect(
      Value.Check(ImportedDocument, {
        name: 'a',
        size: 1,
        kind: 'einvoice_xml',
        einvoice: { syntax: 'edifact', profile: 'x' },
      }),
    ).toBe(false);
    expect(IMPORT_DOCUMENT_KINDS).toEqual(['pdf', 'einvoice_xml', 'hybrid_pdf', 'image', 'eml', 'other']);
  });
});
