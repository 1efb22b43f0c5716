import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  germanAmount,
  germanDate,
  invoiceTotals,
  type SampleAddress,
  type SampleInvoice,
  type SampleSeller,
} from './sample-invoice.js';

/**
 * The printable invoice as a one-page A4 PDF (pdf-lib, standard Helvetica: WinAnsi covers umlauts, „“ and €).
 * Dates inside the PDF come from the invoice, so the same invoice always gives the same bytes.
 */
export interface InvoicePdfOptions {
  /** Write compressed object streams (PDF 1.5+), as most producers do; default true. */
  useObjectStreams?: boolean;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const GREY = rgb(0.4, 0.4, 0.4);

export async function invoicePdfDocument(invoice: SampleInvoice): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const issued = new Date(`${invoice.issueDate}T09:00:00Z`);
  const title = `${documentTitle(invoice)} ${invoice.number}`;
  pdf.setTitle(title);
  pdf.setAuthor(invoice.seller.name);
  pdf.setSubject(`${title} an ${invoice.buyer.name}`);
  pdf.setCreator('ecm365 Beispielrechnungen');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  pdf.setLanguage('de-DE');

  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  drawInvoice(page, invoice, regular, bold);
  return pdf;
}

export async function invoicePdf(invoice: SampleInvoice, options: InvoicePdfOptions = {}): Promise<Buffer> {
  const pdf = await invoicePdfDocument(invoice);
  return Buffer.from(await pdf.save({ useObjectStreams: options.useObjectStreams ?? true }));
}

function documentTitle(invoice: SampleInvoice): string {
  return invoice.documentType === 'credit_note' ? 'Gutschrift' : 'Rechnung';
}

function drawInvoice(page: PDFPage, invoice: SampleInvoice, regular: PDFFont, bold: PDFFont): void {
  const [width, height] = A4;
  const right = width - MARGIN;
  const text = (value: string, x: number, y: number, size = 10, font = regular, color = rgb(0, 0, 0)) =>
    page.drawText(value, { x, y, size, font, color });
  const textRight = (value: string, x: number, y: number, size = 10, font = regular) =>
    text(value, x - font.widthOfTextAtSize(value, size), y, size, font);

  // Letterhead and addresses.
  text(invoice.seller.name, MARGIN, height - 70, 18, bold);
  text(oneLineAddress(invoice.seller.address), MARGIN, height - 88, 9, regular, GREY);
  text(`${invoice.seller.name} · ${oneLineAddress(invoice.seller.address)}`, MARGIN, height - 140, 7, regular, GREY);
  addressLines(invoice.buyer.name, invoice.buyer.address).forEach((line, index) =>
    text(line, MARGIN, height - 156 - index * 13),
  );

  const facts: Array<[string, string]> = [
    [`${documentTitle(invoice)}snummer`, invoice.number],
    [`${documentTitle(invoice)}sdatum`, germanDate(invoice.issueDate)],
    ['Lieferdatum', germanDate(invoice.deliveryDate)],
    ['Ihre Referenz', invoice.buyer.reference],
    ...(invoice.precedingInvoice ? [['Zu Rechnung', invoice.precedingInvoice] as [string, string]] : []),
  ];
  facts.forEach(([label, value], index) => {
    text(label, 360, height - 156 - index * 13, 9, regular, GREY);
    textRight(value, right, height - 156 - index * 13, 9);
  });

  let y = height - 260;
  text(`${documentTitle(invoice)} ${invoice.number}`, MARGIN, y, 14, bold);
  y -= 22;
  text('Sehr geehrte Damen und Herren,', MARGIN, y);
  y -= 14;
  text(`wir berechnen Ihnen folgende Leistungen:`, MARGIN, y);

  // Line items.
  y -= 28;
  const columns = { pos: MARGIN, description: MARGIN + 28, quantity: 330, price: 410, vat: 460, total: right };
  text('Pos.', columns.pos, y, 9, bold);
  text('Bezeichnung', columns.description, y, 9, bold);
  textRight('Menge', columns.quantity, y, 9, bold);
  textRight('Einzelpreis', columns.price, y, 9, bold);
  textRight('USt', columns.vat, y, 9, bold);
  textRight('Gesamt', columns.total, y, 9, bold);
  page.drawLine({ start: { x: MARGIN, y: y - 5 }, end: { x: right, y: y - 5 }, thickness: 0.5, color: GREY });
  const totals = invoiceTotals(invoice);
  invoice.lines.forEach((line, index) => {
    y -= 18;
    text(String(index + 1), columns.pos, y, 9);
    text(line.description, columns.description, y, 9);
    textRight(String(line.quantity).replace('.', ','), columns.quantity, y, 9);
    textRight(germanAmount(line.unitPriceCents, invoice.currency), columns.price, y, 9);
    textRight(`${line.vatPercent} %`, columns.vat, y, 9);
    textRight(germanAmount(totals.lineCents[index] ?? 0, invoice.currency), columns.total, y, 9);
  });
  page.drawLine({ start: { x: MARGIN, y: y - 8 }, end: { x: right, y: y - 8 }, thickness: 0.5, color: GREY });

  // Totals.
  y -= 26;
  const sums: Array<[string, number, PDFFont]> = [
    ['Nettobetrag', totals.netCents, regular],
    ...totals.vat.map(
      (entry) =>
        [`zzgl. ${entry.vatPercent} % USt auf ${germanAmount(entry.basisCents)}`, entry.taxCents, regular] as [
          string,
          number,
          PDFFont,
        ],
    ),
    [invoice.documentType === 'credit_note' ? 'Gutschriftbetrag' : 'Rechnungsbetrag', totals.grossCents, bold],
  ];
  for (const [label, cents, font] of sums) {
    text(label, 320, y, 10, font);
    textRight(germanAmount(cents, invoice.currency), right, y, 10, font);
    y -= 15;
  }

  y -= 20;
  const terms =
    invoice.documentType === 'credit_note'
      ? ['Den Betrag schreiben wir Ihrem Konto gut.']
      : [
          `Bitte überweisen Sie den Betrag bis zum ${germanDate(invoice.dueDate ?? invoice.issueDate)} ohne Abzug`,
          `unter Angabe der Rechnungsnummer ${invoice.number}.`,
        ];
  for (const line of [...terms, ...(invoice.note ? [invoice.note] : [])]) {
    text(line, MARGIN, y);
    y -= 14;
  }

  footer(page, invoice.seller, regular);
}

function footer(page: PDFPage, seller: SampleSeller, font: PDFFont): void {
  const lines = [
    `${seller.name} · ${oneLineAddress(seller.address)} · USt-IdNr. ${seller.vatId}`,
    `${seller.bankName} · IBAN ${seller.iban} · BIC ${seller.bic} · ${seller.email} · Tel. ${seller.phone}`,
  ];
  page.drawLine({ start: { x: MARGIN, y: 70 }, end: { x: A4[0] - MARGIN, y: 70 }, thickness: 0.5, color: GREY });
  lines.forEach((line, index) => page.drawText(line, { x: MARGIN, y: 56 - index * 11, size: 7, font, color: GREY }));
}

function oneLineAddress(address: SampleAddress): string {
  return `${address.street}, ${address.postcode} ${address.city}`;
}

function addressLines(name: string, address: SampleAddress): string[] {
  return [name, address.street, `${address.postcode} ${address.city}`];
}
