import { describe, expect, it } from 'vitest';
import { message } from '@ecm365/shared';
import type { ClassifiedAttachment, EinvoiceData } from './document-types.js';
import { importedDocument, planDocuments } from './plan-documents.js';
import { preselectAttachment } from './preselect-attachment.js';

const einvoice = (invoiceNumber: string, syntax: 'ubl' | 'cii' = 'ubl'): EinvoiceData => ({
  syntax,
  documentType: 'invoice',
  profile: { family: 'xrechnung', label: 'XRechnung 3.0', version: '3.0', isInvoiceInGermany: true },
  invoiceNumber,
  issueDate: '2025-03-09',
  sellerName: 'Nordlicht IT-Dienstleistungen GmbH',
  total: { amount: '691.99', currency: 'EUR' },
});

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  hybrid_pdf: 'application/pdf',
  einvoice_xml: 'application/xml',
} as const;

function attachment(
  id: string,
  name: string,
  kind: ClassifiedAttachment['kind'],
  extra: Partial<ClassifiedAttachment> = {},
) {
  return {
    id,
    name,
    path: `/tmp/work/${id}`,
    size: 1000,
    sha256: `sha-${id}`,
    md5: `MD5-${id}`,
    contentType: CONTENT_TYPES[kind as keyof typeof CONTENT_TYPES] ?? 'application/octet-stream',
    extension: name.split('.').pop() ?? 'bin',
    kind,
    isInline: false,
    notes: [],
    ...extra,
  } satisfies ClassifiedAttachment;
}

const summary = (plan: ReturnType<typeof planDocuments>) =>
  plan.documents.map((document) => [document.name, document.kind, document.attachment?.name ?? null]);

describe('planDocuments: the pairing rule', () => {
  it('files a standalone XML e-invoice as the document and the PDF of the same mail as its attachment', () => {
    const plan = planDocuments({
      attachments: [
        attachment('a1', 'Rechnung.pdf', 'pdf'),
        attachment('a2', 'NL-2025-0815.xml', 'einvoice_xml', { einvoice: einvoice('NL-2025-0815') }),
      ],
    });
    expect(summary(plan)).toEqual([['NL-2025-0815.xml', 'einvoice_xml', 'Rechnung.pdf']]);
    expect(plan.documents[0]).toMatchObject({
      key: 'a2',
      main: { id: 'a2', path: '/tmp/work/a2', sha256: 'sha-a2', contentType: 'application/xml' },
      attachment: { id: 'a1', path: '/tmp/work/a1', contentType: 'application/pdf' },
      einvoice: { invoiceNumber: 'NL-2025-0815' },
      via: [],
    });
    expect(plan.skipped).toEqual([]);
    expect(plan.nothingToFile).toBeUndefined();
  });

  it('pairs several XMLs with their PDFs by name or by invoice number, never crosswise', () => {
    const plan = planDocuments({
      attachments: [
        attachment('p1', 'Beleg zu 4711-B.pdf', 'pdf'),
        attachment('p2', 'RE-0001.pdf', 'pdf'),
        attachment('x1', 'RE-0001.xml', 'einvoice_xml', { einvoice: einvoice('XYZ-9') }),
        attachment('x2', 'daten.xml', 'einvoice_xml', { einvoice: einvoice('4711-B') }),
      ],
    });
    expect(summary(plan)).toEqual([
      ['RE-0001.xml', 'einvoice_xml', 'RE-0001.pdf'],
      ['daten.xml', 'einvoice_xml', 'Beleg zu 4711-B.pdf'],
    ]);
  });

  it('does not guess when one XML sits beside several PDFs that match neither name nor number', () => {
    const plan = planDocuments({
      attachments: [
        attachment('x', 'rechnung.xml', 'einvoice_xml', { einvoice: einvoice('R-77') }),
        attachment('p1', 'AGB.pdf', 'pdf'),
        attachment('p2', 'Preisliste.pdf', 'pdf'),
      ],
    });
    expect(summary(plan)).toEqual([
      ['rechnung.xml', 'einvoice_xml', null],
      ['AGB.pdf', 'pdf', null],
      ['Preisliste.pdf', 'pdf', null],
    ]);
  });

  it('files a hybrid PDF of the same invoice as the XML’s attachment, and other hybrids on their own', () => {
    const plan = planDocuments({
      attachments: [
        attachment('h1', 'zugferd.pdf', 'hybrid_pdf', { einvoice: einvoice('R-1', 'cii') }),
        attachment('h2', 'andere.pdf', 'hybrid_pdf', { einvoice: einvoice('R-2', 'cii') }),
        attachment('x', 'xrechnung.xml', 'einvoice_xml', { einvoice: einvoice('R-1') }),
      ],
    });
    expect(summary(plan)).toEqual([
      ['andere.pdf', 'hybrid_pdf', null],
      ['xrechnung.xml', 'einvoice_xml', 'zugferd.pdf'],
    ]);
  });

  it('keeps a plain PDF, an image and other files as documents of their own', () => {
    const plan = planDocuments({
      attachments: [
        attachment('a', 'rechnung.pdf', 'pdf'),
        attachment('b', 'scan.jpg', 'image'),
        attachment('c', 'daten.xlsx', 'other'),
      ],
    });
    expect(summary(plan)).toEqual([
      ['rechnung.pdf', 'pdf', null],
      ['scan.jpg', 'image', null],
      ['daten.xlsx', 'other', null],
    ]);
    expect(importedDocument(plan.documents[0]!, { eloObjId: '4711', eloPath: '¶Rechnungseingang¶2025¶03' })).toEqual({
      name: 'rechnung.pdf',
      size: 1000,
      kind: 'pdf',
      eloObjId: '4711',
      eloPath: '¶Rechnungseingang¶2025¶03',
    });
  });

  it('shows an e-invoice in the activity list with its syntax and profile', () => {
    const plan = planDocuments({
      attachments: [attachment('x', 'r.xml', 'einvoice_xml', { einvoice: einvoice('R-1') })],
    });
    expect(importedDocument(plan.documents[0]!)).toEqual({
      name: 'r.xml',
      size: 1000,
      kind: 'einvoice_xml',
      einvoice: { syntax: 'ubl', profile: 'XRechnung 3.0' },
    });
  });
});

describe('planDocuments: attached mails', () => {
  it('files the attachments of a forwarded mail in its place, paired among themselves', () => {
    const forwarded = attachment('item', 'Rechnung 4711.eml', 'eml', {
      parts: [
        attachment('item/2', 'logo.png', 'image', { isInline: true }),
        attachment('item/3', 'Rechnung_4711.pdf', 'pdf'),
        attachment('item/4', 'Rechnung_4711.xml', 'einvoice_xml', { einvoice: einvoice('4711') }),
      ],
    });
    const plan = planDocuments({ attachments: [attachment('own', 'Anschreiben.pdf', 'pdf'), forwarded] });
    expect(summary(plan)).toEqual([
      ['Anschreiben.pdf', 'pdf', null],
      ['Rechnung_4711.xml', 'einvoice_xml', 'Rechnung_4711.pdf'],
    ]);
    expect(plan.documents[1]).toMatchObject({ key: 'item/4', via: ['Rechnung 4711.eml'] });
    expect(plan.skipped).toEqual([{ id: 'item/2', name: 'logo.png', reason: 'inline' }]);
  });

  it('files a forwarded mail without importable attachments as .eml, so nothing is lost', () => {
    const plan = planDocuments({
      attachments: [
        attachment('item', 'Rechnung per Text.eml', 'eml', { parts: [] }),
        attachment('deep', 'Zu tief.eml', 'eml', {
          notes: [{ code: 'mail_nested_too_deep', text: message('import.mail_nested_too_deep', { depth: 3 }) }],
        }),
      ],
    });
    expect(summary(plan)).toEqual([
      ['Rechnung per Text.eml', 'eml', null],
      ['Zu tief.eml', 'eml', null],
    ]);
  });
});

describe('planDocuments: what is left out, and why', () => {
  it('skips inline images unless includeInline, but never an inline PDF', () => {
    const attachments = [
      attachment('logo', 'logo.png', 'image', { isInline: true }),
      attachment('pdf', 'rechnung.pdf', 'pdf', { isInline: true }),
    ];
    expect(summary(planDocuments({ attachments }))).toEqual([['rechnung.pdf', 'pdf', null]]);
    expect(summary(planDocuments({ attachments, includeInline: true }))).toEqual([
      ['logo.png', 'image', null],
      ['rechnung.pdf', 'pdf', null],
    ]);
  });

  it('skips empty files and detached S/MIME signatures with their reasons', () => {
    const plan = planDocuments({
      attachments: [
        attachment('e', 'leer.pdf', 'other', { size: 0 }),
        attachment('s', 'smime.p7s', 'other', { contentType: 'application/pkcs7-signature' }),
        attachment('r', 'rechnung.pdf', 'pdf'),
      ],
    });
    expect(summary(plan)).toEqual([['rechnung.pdf', 'pdf', null]]);
    expect(plan.skipped.map((skipped) => [skipped.name, skipped.reason])).toEqual([
      ['leer.pdf', 'empty'],
      ['smime.p7s', 'unsupported'],
    ]);
  });

  it('says "no attachment" for a mail without any, and "nothing importable" when all were left out', () => {
    expect(planDocuments({ attachments: [] }).nothingToFile).toEqual({ reason: 'no_attachment' });
    const cloudLink = preselectAttachment({
      id: 'ref',
      name: 'Rechnung.pdf',
      '@odata.type': '#microsoft.graph.referenceAttachment',
    });
    expect(cloudLink.download).toBe(false);
    const plan = planDocuments({ attachments: [], skipped: cloudLink.download ? [] : [cloudLink.skipped] });
    expect(plan.nothingToFile?.reason).toBe('nothing_importable');
    expect(plan.skipped).toMatchObject([{ id: 'ref', reason: 'cloud_link' }]);
  });

  it('files the whole mail for content "eml", and beside the attachments for "both"', () => {
    const mailEml = attachment('message', 'Rechnung RE-1.eml', 'eml', { parts: [attachment('p', 'x.pdf', 'pdf')] });
    const attachments = [attachment('a', 'rechnung.pdf', 'pdf')];
    expect(summary(planDocuments({ attachments, content: 'eml', mailEml }))).toEqual([
      ['Rechnung RE-1.eml', 'eml', null],
    ]);
    expect(summary(planDocuments({ attachments, content: 'both', mailEml }))).toEqual([
      ['rechnung.pdf', 'pdf', null],
      ['Rechnung RE-1.eml', 'eml', null],
    ]);
    expect(summary(planDocuments({ attachments: [], content: 'both', mailEml }))).toEqual([
      ['Rechnung RE-1.eml', 'eml', null],
    ]);
    expect(() => planDocuments({ attachments, content: 'eml' })).toThrow(/mailEml/);
  });
});

describe('preselectAttachment', () => {
  it('downloads file attachments and attached mails, the latter as MIME', () => {
    expect(preselectAttachment({ id: '1', name: 'r.pdf', '@odata.type': '#microsoft.graph.fileAttachment' })).toEqual({
      download: true,
      isMail: false,
    });
    expect(
      preselectAttachment({ id: '2', name: 'WG: Rechnung', '@odata.type': '#microsoft.graph.itemAttachment' }),
    ).toEqual({ download: true, isMail: true });
  });

  it('leaves inline images out without downloading them, unless includeInline', () => {
    const logo = { id: '3', name: 'image001.png', contentType: 'image/png', isInline: true };
    expect(preselectAttachment(logo)).toMatchObject({ download: false, skipped: { id: '3', reason: 'inline' } });
    expect(preselectAttachment(logo, { includeInline: true })).toEqual({ download: true, isMail: false });
    // Apple Mail marks PDFs inline: those are downloaded and judged by content.
    expect(preselectAttachment({ id: '4', name: 'r.pdf', contentType: 'application/pdf', isInline: true })).toEqual({
      download: true,
      isMail: false,
    });
  });
});
