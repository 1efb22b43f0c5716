export {
  SAMPLE_BUYER,
  SAMPLE_SELLERS,
  decimalAmount,
  germanAmount,
  invoiceTotals,
  sampleCreditNote,
  sampleInvoice,
  type InvoiceTotals,
  type SampleAddress,
  type SampleBuyer,
  type SampleInvoice,
  type SampleLine,
  type SampleSeller,
} from './sample-invoice.js';
export { invoicePdf, type InvoicePdfOptions } from './invoice-pdf.js';
export { facturXPdf, type FacturXOptions } from './factur-x-pdf.js';
export { ublInvoiceXml, XRECHNUNG_3_CUSTOMIZATION_ID, type UblOptions } from './ubl-invoice.js';
export { ciiInvoiceXml, CII_GUIDELINES, type CiiProfile } from './cii-invoice.js';
export { invoiceMailMime, type InvoiceMimeMail, type MimeAttachment } from './invoice-mime.js';
export { logoPng } from './logo-png.js';
export { largePdfChunks, largePdfMinimumSize, largePdfStream } from './large-pdf.js';
export { demoInvoiceMails } from './demo-invoice-mails.js';
