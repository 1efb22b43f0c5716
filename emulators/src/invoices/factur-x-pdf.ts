import { AFRelationship, PDFName, type PDFDocument } from 'pdf-lib';
import { ciiInvoiceXml, type CiiProfile } from './cii-invoice.js';
import { invoicePdfDocument } from './invoice-pdf.js';
import type { SampleInvoice } from './sample-invoice.js';

/**
 * A hybrid invoice as ZUGFeRD 2.x / Factur-X 1.0 prescribe it: the printable PDF with the CII XML embedded as an
 * associated file (`/AF` in the catalog, `/Names /EmbeddedFiles`, `AFRelationship /Alternative`, MIME subtype
 * text/xml) and the XMP metadata that declares PDF/A-3 and the Factur-X extension schema. "PDF/A-3 style": the
 * standard fonts are not embedded and there is no output intent, so a PDF/A validator would still object.
 */
export interface FacturXOptions {
  profile?: CiiProfile;
  /** Name of the embedded XML; Factur-X and ZUGFeRD 2.1+ say factur-x.xml (older: zugferd-invoice.xml). */
  xmlFileName?: string;
  /** Embed this XML instead of the invoice's CII (e.g. a non-invoice XML, for tests). */
  xml?: Buffer;
  useObjectStreams?: boolean;
}

const CONFORMANCE_LEVELS: Record<CiiProfile, string> = {
  minimum: 'MINIMUM',
  basic_wl: 'BASIC WL',
  basic: 'BASIC',
  en16931: 'EN 16931',
  extended: 'EXTENDED',
  xrechnung_3: 'XRECHNUNG',
};

export async function facturXPdf(invoice: SampleInvoice, options: FacturXOptions = {}): Promise<Buffer> {
  const profile = options.profile ?? 'en16931';
  const fileName = options.xmlFileName ?? 'factur-x.xml';
  const xml = options.xml ?? ciiInvoiceXml(invoice, profile);
  const pdf = await invoicePdfDocument(invoice);
  const issued = new Date(`${invoice.issueDate}T09:00:00Z`);
  await pdf.attach(xml, fileName, {
    mimeType: 'text/xml',
    description: 'Factur-X/ZUGFeRD-Rechnungsdaten',
    creationDate: issued,
    modificationDate: issued,
    afRelationship: AFRelationship.Alternative,
  });
  setXmpMetadata(pdf, invoice, fileName, CONFORMANCE_LEVELS[profile], issued);
  return Buffer.from(await pdf.save({ useObjectStreams: options.useObjectStreams ?? true }));
}

function setXmpMetadata(
  pdf: PDFDocument,
  invoice: SampleInvoice,
  fileName: string,
  conformanceLevel: string,
  issued: Date,
): void {
  const date = issued.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Rechnung ${escapeXml(invoice.number)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(invoice.seller.name)}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>${escapeXml(fileName)}</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>${conformanceLevel}</fx:ConformanceLevel>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>fx</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq>
     ${['DocumentFileName', 'DocumentType', 'Version', 'ConformanceLevel']
       .map(
         (name) =>
           `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name>` +
           '<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>' +
           `<pdfaProperty:description>${name}</pdfaProperty:description></rdf:li>`,
       )
       .join('\n     ')}
    </rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  // XMP stays uncompressed (PDF/A wants metadata readable without filters).
  const metadata = pdf.context.stream(Buffer.from(xmp, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(metadata));
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
