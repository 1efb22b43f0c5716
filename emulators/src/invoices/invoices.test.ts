import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ciiInvoiceXml } from './cii-invoice.js';
import { demoInvoiceMails } from './demo-invoice-mails.js';
import { facturXPdf } from './factur-x-pdf.js';
import { invoiceMailMime } from './invoice-mime.js';
import { invoicePdf } from './invoice-pdf.js';
import { largePdfChunks, largePdfMinimumSize } from './large-pdf.js';
import { logoPng } from './logo-png.js';
import { decimalAmount, germanAmount, invoiceTotals, sampleCreditNote, sampleInvoice } from './sample-invoice.js';
import { ublInvoiceXml, XRECHNUNG_3_CUSTOMIZATION_ID } from './ubl-invoice.js';

const parseXml = (xml: Buffer) =>
  new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false }).parse(xml.toString('utf8'));

describe('sample invoice amounts', () => {
  it('adds lines per VAT rate in cents and rounds the tax once per rate', () => {
    const totals = invoiceTotals(sampleInvoice());
    expect(totals.lineCents).toEqual([9180, 15560, 5875, 8900]);
    expect(totals.vat).toEqual([
      { vatPercent: 19, basisCents: 30615, taxCents: 5817 },
      { vatPercent: 7, basisCents: 8900, taxCents: 623 },
    ]);
    expect([totals.netCents, totals.taxCents, totals.grossCents]).toEqual([39515, 6440, 45955]);
  });

  it('writes amounts the e-invoice way and the German way', () => {
    expect(decimalAmount(45955)).toBe('459.55');
    expect(decimalAmount(-5)).toBe('-0.05');
    expect(germanAmount(123456789)).toBe('1.234.567,89 €');
  });
});

describe('XML e-invoices', () => {
  it('writes a well-formed XRechnung 3.0 UBL invoice with the fields XRechnung requires', () => {
    const xml = ublInvoiceXml(sampleInvoice());
    expect(XMLValidator.validate(xml.toString('utf8'))).toBe(true);
    expect(xml.toString('utf8')).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"');
    const invoice = parseXml(xml).Invoice;
    expect(invoice.CustomizationID).toBe(XRECHNUNG_3_CUSTOMIZATION_ID);
    expect(invoice.BuyerReference).toBe('04011000-12345-34');
    expect(invoice.AccountingSupplierParty.Party.EndpointID['@_schemeID']).toBe('EM');
    expect(invoice.AccountingSupplierParty.Party.Contact.ElectronicMail).toBe('rechnung@mueller-buero.example');
    expect(invoice.LegalMonetaryTotal.PayableAmount).toEqual({ '#text': '459.55', '@_currencyID': 'EUR' });
    expect(invoice.InvoiceLine).toHaveLength(4);
  });

  it('writes a credit note as UBL CreditNote with a reference to the invoice', () => {
    const creditNote = parseXml(ublInvoiceXml(sampleCreditNote())).CreditNote;
    expect(creditNote.CreditNoteTypeCode).toBe('381');
    expect(creditNote.BillingReference.InvoiceDocumentReference.ID).toBe('RE-2024-1041');
    expect(creditNote.CreditNoteLine.CreditedQuantity['#text']).toBe('2');
  });

  it('writes CII with the profile’s guideline, and no lines for MINIMUM', () => {
    const en16931 = parseXml(ciiInvoiceXml(sampleInvoice(), 'en16931')).CrossIndustryInvoice;
    expect(en16931.ExchangedDocumentContext.GuidelineSpecifiedDocumentContextParameter.ID).toBe(
      'urn:cen.eu:en16931:2017',
    );
    expect(en16931.SupplyChainTradeTransaction.IncludedSupplyChainTradeLineItem).toHaveLength(4);
    const minimum = parseXml(ciiInvoiceXml(sampleInvoice(), 'minimum')).CrossIndustryInvoice;
    expect(minimum.SupplyChainTradeTransaction.IncludedSupplyChainTradeLineItem).toBeUndefined();
    expect(
      minimum.SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement
        .SpecifiedTradeSettlementHeaderMonetarySummation.DuePayableAmount,
    ).toBe('459.55');
  });
});

describe('PDF invoices', () => {
  it('writes a one-page PDF with the invoice’s metadata, the same bytes each time', async () => {
    const bytes = await invoicePdf(sampleInvoice());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe('Rechnung RE-2024-1041');
    expect(await invoicePdf(sampleInvoice())).toEqual(bytes);
  });

  it('embeds factur-x.xml as an associated file (AF, EmbeddedFiles, Alternative) with Factur-X XMP', async () => {
    const bytes = await facturXPdf(sampleInvoice());
    const pdf = await PDFDocument.load(bytes);
    const associated = pdf.catalog.lookup(PDFName.of('AF'), PDFArray);
    const spec = pdf.context.lookup(associated.get(0), PDFDict);
    expect(spec.lookup(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    expect(names.lookup(PDFName.of('Names'), PDFArray).size()).toBe(2);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    expect(stream).toBeInstanceOf(PDFRawStream);
    expect((stream as PDFRawStream).dict.lookup(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'));
    const metadata = pdf.catalog.lookup(PDFName.of('Metadata'));
    expect(metadata).toBeInstanceOf(PDFRawStream);
    const xmp = Buffer.from((metadata as PDFRawStream).contents).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(await facturXPdf(sampleInvoice())).toEqual(bytes);
  });
});

describe('largePdfChunks', () => {
  const concat = (size: number) => Buffer.concat([...largePdfChunks(size)]);

  it('produces exactly the bytes asked for, as a PDF whose cross-reference table is where it says', async () => {
    for (const size of [largePdfMinimumSize(), 1000, 9_999, 10_000, 99_999, 1_000_000]) {
      const bytes = concat(size);
      expect(bytes.length).toBe(size);
      const text = bytes.toString('latin1');
      const startXref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
      expect(text.slice(startXref, startXref + 4)).toBe('xref');
      expect(text).not.toContain('/EmbeddedFile');
    }
    expect((await PDFDocument.load(concat(300_000))).getPageCount()).toBe(1);
  });

  it('refuses a size below the smallest PDF it can write', () => {
    expect(() => concat(largePdfMinimumSize() - 1)).toThrow(RangeError);
  });

  it('yields bounded chunks, so 25 MB never sit in memory at once', () => {
    let largest = 0;
    let total = 0;
    for (const chunk of largePdfChunks(25 * 1024 * 1024)) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    expect(total).toBe(25 * 1024 * 1024);
    expect(largest).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('mail and image samples', () => {
  it('builds the same MIME for the same mail, with the attachment inside', async () => {
    const mail = {
      from: { name: 'Papierhandel Schmidt', address: 'info@papier-schmidt.example' },
      to: [{ name: 'Max', address: 'max@contoso.example' }],
      subject: 'Rechnung 4711',
      text: 'Anbei.',
      date: '2024-09-05T08:13:29Z',
      messageId: 'r-4711@papier-schmidt.example',
      attachments: [{ filename: 'r.pdf', content: Buffer.from('%PDF-1.7 test'), contentType: 'application/pdf' }],
    };
    const mime = await invoiceMailMime(mail);
    expect(await invoiceMailMime(mail)).toEqual(mime);
    const text = mime.toString('latin1');
    expect(text).toContain('Message-ID: <r-4711@papier-schmidt.example>');
    expect(text).toContain('Content-Disposition: attachment; filename=r.pdf');
    expect(text).toContain(Buffer.from('%PDF-1.7 test').toString('base64'));
  });

  it('draws a PNG logo of the asked size', () => {
    const png = PNG.sync.read(logoPng(120, 40));
    expect([png.width, png.height]).toEqual([120, 40]);
  });
});

describe('demoInvoiceMails', () => {
  it('covers each case of the import, received in the hour before now and addressed to the mailbox', async () => {
    const now = new Date('2025-03-10T10:00:00Z');
    const mails = await demoInvoiceMails('rechnungen@contoso.example', now);
    const attachmentKinds = mails.map((mail) =>
      (mail.attachments ?? []).map((attachment) =>
        attachment.kind === 'file'
          ? `${attachment.contentType}${attachment.isInline ? ' inline' : ''}`
          : attachment.kind,
      ),
    );
    expect(attachmentKinds).toEqual([
      ['application/pdf'],
      ['application/pdf'],
      ['application/xml', 'application/pdf'],
      [],
      ['item'],
      ['image/png inline', 'application/pdf'],
      ['reference'],
    ]);
    const received = mails.map((mail) => Date.parse(mail.receivedAt ?? ''));
    expect(received.every((time) => time < now.getTime() && time > now.getTime() - 3_600_000)).toBe(true);
    expect([...received].sort((a, b) => a - b)).toEqual(received);
    expect(mails.every((mail) => mail.to?.[0]?.address === 'rechnungen@contoso.example')).toBe(true);
    expect(new Set(mails.map((mail) => mail.internetMessageId)).size).toBe(mails.length);
  });
});
