import { message } from '@ecm365/shared';
import { CII_GUIDELINES, ciiInvoiceXml, sampleCreditNote, sampleInvoice, ublInvoiceXml } from '@ecm365/emulators';
import { describe, expect, it } from 'vitest';
import { inspectEinvoiceXml } from './einvoice-xml.js';

const TEN_MB = 10 * 1024 * 1024;
const inspect = (xml: string | Buffer, cap = TEN_MB) =>
  inspectEinvoiceXml(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml, cap);

describe('inspectEinvoiceXml: recognising e-invoices', () => {
  it('reads an XRechnung 3.0 UBL invoice: profile, number, date, seller and amount due', () => {
    const result = inspect(ublInvoiceXml(sampleInvoice()));
    expect(result).toEqual({
      isEinvoice: true,
      notes: [],
      einvoice: {
        syntax: 'ubl',
        documentType: 'invoice',
        typeCode: '380',
        profile: {
          family: 'xrechnung',
          label: 'XRechnung 3.0',
          version: '3.0',
          specificationId: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
          isInvoiceInGermany: true,
        },
        invoiceNumber: 'RE-2024-1041',
        issueDate: '2024-09-02',
        sellerName: 'Bürobedarf Müller GmbH',
        total: { amount: '459.55', currency: 'EUR' },
      },
    });
  });

  it('reads a UBL credit note', () => {
    const result = inspect(ublInvoiceXml(sampleCreditNote()));
    expect(result).toMatchObject({
      isEinvoice: true,
      einvoice: {
        syntax: 'ubl',
        documentType: 'credit_note',
        typeCode: '381',
        invoiceNumber: 'GS-2024-0077',
        issueDate: '2024-09-05',
        sellerName: 'Papierhandel Schmidt e.K.',
        total: { amount: '92.58', currency: 'EUR' },
      },
    });
  });

  it('reads a CII invoice (ZUGFeRD/Factur-X EN 16931) with its date in format 102', () => {
    const result = inspect(ciiInvoiceXml(sampleInvoice(), 'en16931'));
    expect(result).toMatchObject({
      isEinvoice: true,
      notes: [],
      einvoice: {
        syntax: 'cii',
        documentType: 'invoice',
        profile: { family: 'en16931', label: 'EN 16931 (COMFORT)', specificationId: CII_GUIDELINES.en16931 },
        invoiceNumber: 'RE-2024-1041',
        issueDate: '2024-09-02',
        sellerName: 'Bürobedarf Müller GmbH',
        total: { amount: '459.55', currency: 'EUR' },
      },
    });
  });

  it('reads a CII credit note by its type code 381', () => {
    expect(inspect(ciiInvoiceXml(sampleCreditNote(), 'extended'))).toMatchObject({
      einvoice: { syntax: 'cii', documentType: 'credit_note', profile: { label: 'Factur-X/ZUGFeRD EXTENDED' } },
    });
  });

  it('flags MINIMUM and BASIC WL as not an invoice in Germany', () => {
    for (const profile of ['minimum', 'basic_wl'] as const) {
      const result = inspect(ciiInvoiceXml(sampleInvoice(), profile));
      expect(result.isEinvoice).toBe(true);
      if (!result.isEinvoice) continue;
      expect(result.einvoice.profile.isInvoiceInGermany).toBe(false);
      expect(result.notes.map((note) => note.code)).toEqual(['einvoice_not_an_invoice_in_germany']);
    }
  });

  it('goes by namespace URIs, whatever the prefixes are called', () => {
    const xml = `<?xml version="1.0"?>
      <u:Invoice xmlns:u="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
          xmlns:a="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <b:CustomizationID>urn:cen.eu:en16931:2017</b:CustomizationID>
        <b:ID>  A-1  </b:ID>
        <b:IssueDate>2025-01-31</b:IssueDate>
        <a:AccountingSupplierParty><a:Party><a:PartyName><b:Name>M&amp;M Handel</b:Name></a:PartyName></a:Party></a:AccountingSupplierParty>
        <a:LegalMonetaryTotal><b:PayableAmount currencyID="CHF">+10.5</b:PayableAmount></a:LegalMonetaryTotal>
      </u:Invoice>`;
    expect(inspect(xml)).toMatchObject({
      isEinvoice: true,
      einvoice: {
        invoiceNumber: 'A-1',
        issueDate: '2025-01-31',
        sellerName: 'M&M Handel',
        total: { amount: '10.5', currency: 'CHF' },
      },
    });
  });

  it('does not take an element of the right name in the wrong namespace for an invoice', () => {
    const result = inspect('<Invoice xmlns="urn:example:not-ubl"><ID>1</ID></Invoice>');
    expect(result).toEqual({
      isEinvoice: false,
      notes: [
        {
          code: 'xml_not_einvoice',
          text: message('import.xml_not_einvoice', { root: '{urn:example:not-ubl}Invoice' }),
        },
      ],
    });
  });

  it('says what is missing when an e-invoice lacks fields, and drops values that are not what they claim', () => {
    const xml = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cbc:ID>7</cbc:ID><cbc:IssueDate>31.01.2025</cbc:IssueDate></Invoice>`;
    const result = inspect(xml);
    expect(result).toMatchObject({ isEinvoice: true, einvoice: { invoiceNumber: '7' } });
    if (!result.isEinvoice) return;
    expect(result.einvoice.issueDate).toBeUndefined();
    expect(result.notes).toEqual(
      ['import.einvoice_missing_date', 'import.einvoice_missing_seller', 'import.einvoice_missing_total'].map(
        (code) => ({ code: 'einvoice_incomplete', text: { code, params: {} } }),
      ),
    );
  });

  it('decodes character references and UTF-16 documents', () => {
    const xml = ublInvoiceXml(sampleInvoice({ number: 'Nr-&#228;' }))
      .toString('utf8')
      .replace(
        'Bürobedarf Müller GmbH</cbc:RegistrationName>',
        'B&#xFC;robedarf M&#252;ller GmbH</cbc:RegistrationName>',
      );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')]);
    expect(inspect(utf16)).toMatchObject({
      einvoice: { sellerName: 'Bürobedarf Müller GmbH', invoiceNumber: 'Nr-&#228;' },
    });
  });

  it('explains that ZUGFeRD 1.0 is not an EN 16931 e-invoice', () => {
    const result = inspect('<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>');
    expect(result).toMatchObject({ isEinvoice: false, notes: [{ code: 'xml_not_einvoice' }] });
    expect(result.notes[0]?.text).toEqual({ code: 'import.xml_zugferd_1', params: {} });
  });
});

describe('inspectEinvoiceXml: hostile and broken XML', () => {
  it('refuses the billion laughs without expanding anything', () => {
    const laughs = `<?xml version="1.0"?>
      <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      ]>
      <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&lol9;</ID></Invoice>`;
    expect(inspect(laughs)).toEqual({
      isEinvoice: false,
      notes: [{ code: 'xml_dtd_not_allowed', text: message('import.xml_dtd_not_allowed') }],
    });
  });

  it('refuses an external entity (XXE) and never reads the file it names', () => {
    const xxe = `<?xml version="1.0"?>
      <!DOCTYPE Invoice [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
      <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>&secret;</cbc:ID></Invoice>`;
    const result = inspect(xxe);
    expect(result).toMatchObject({ isEinvoice: false, notes: [{ code: 'xml_dtd_not_allowed' }] });
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('refuses a DTD even without entities', () => {
    const xml = '<!DOCTYPE Invoice SYSTEM "http://example.invalid/invoice.dtd"><Invoice/>';
    expect(inspect(xml).notes[0]?.code).toBe('xml_dtd_not_allowed');
  });

  it('leaves undeclared entity references as they are', () => {
    const xml = ublInvoiceXml(sampleInvoice())
      .toString('utf8')
      .replace('RE-2024-1041</cbc:ID>', '&undefined;</cbc:ID>');
    expect(inspect(xml)).toMatchObject({ einvoice: { invoiceNumber: '&undefined;' } });
  });

  it('says where a truncated document breaks instead of throwing', () => {
    const whole = ublInvoiceXml(sampleInvoice());
    const result = inspect(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(result).toMatchObject({ isEinvoice: false, notes: [{ code: 'xml_malformed' }] });
    expect(result.notes[0]?.text).toMatchObject({
      code: 'import.xml_malformed',
      params: { line: expect.any(Number), column: expect.any(Number) },
    });
  });

  it('does not parse a document above the size cap', () => {
    const xml = ublInvoiceXml(sampleInvoice());
    expect(inspect(xml, xml.length - 1)).toMatchObject({ isEinvoice: false, notes: [{ code: 'xml_too_large' }] });
    expect(inspect(xml, xml.length)).toMatchObject({ isEinvoice: true });
  });

  it('survives absurd nesting', () => {
    const deep = `<a>${'<b>'.repeat(100_000)}${'</b>'.repeat(100_000)}</a>`;
    expect(inspect(deep)).toMatchObject({ isEinvoice: false, notes: [{ code: 'xml_malformed' }] });
  });

  it('reports bytes that are not valid in the declared encoding', () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Invoice>'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('</Invoice>'),
    ]);
    expect(inspect(xml).notes[0]?.code).toBe('xml_encoding');
  });

  it('reads a declared ISO-8859-1 document', () => {
    const xml = ublInvoiceXml(sampleInvoice()).toString('utf8').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    expect(inspect(Buffer.from(xml, 'latin1'))).toMatchObject({ einvoice: { sellerName: 'Bürobedarf Müller GmbH' } });
  });
});
