import { message, type Message } from '@ecm365/shared';
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  ParseSpeeds,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import type { EinvoiceData, InspectionLimits, InspectionNote } from './document-types.js';
import { inspectEinvoiceXml } from './einvoice-xml.js';
import type { FileScan } from './file-scan.js';

/**
 * Hybrid invoices (ZUGFeRD / Factur-X, PDF/A-3): the XML is an embedded file, listed in the catalog's
 * /Names /EmbeddedFiles and /AF. Embedded file streams cannot live in compressed object streams, so their
 * dictionaries (/Type /EmbeddedFile, /Subtype /text#2Fxml) are visible in the raw bytes: the streaming scan looks
 * for them first, and only a PDF with such a sign is loaded into memory for pdf-lib. The PDF itself is only read.
 */
export const PDF_EMBEDDED_FILE_MARKERS = [
  '/EmbeddedFile',
  '/AFRelationship',
  '#2Fxml',
  '#2fxml',
  'urn:factur-x:pdfa',
  'urn:zugferd:pdfa',
] as const;
export const PDF_OBJECT_STREAM_MARKER = '/ObjStm';

const FALLBACK_DECODER_MAX_INPUT = 16 * 1024;

/** Names the standards and their predecessors give the XML, looked at first. */
const KNOWN_XML_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml', 'order-x.xml'];

export type PdfInspection =
  | { isHybrid: true; einvoice: EinvoiceData; embeddedXmlName: string; notes: InspectionNote[] }
  | { isHybrid: false; notes: InspectionNote[] };

export function pdfNeedsLoading(scan: FileScan, limits: InspectionLimits): boolean {
  const signOfEmbeddedFiles = PDF_EMBEDDED_FILE_MARKERS.some((marker) => scan.markers.has(marker));
  const mayHideCatalog = scan.markers.has(PDF_OBJECT_STREAM_MARKER) && scan.size <= limits.fullPdfInspectionMaxBytes;
  return signOfEmbeddedFiles || mayHideCatalog;
}

export async function inspectPdf(path: string, scan: FileScan, limits: InspectionLimits): Promise<PdfInspection> {
  if (!pdfNeedsLoading(scan, limits)) return { isHybrid: false, notes: [] };
  if (scan.size > limits.maxPdfLoadBytes) {
    return plain('pdf_unreadable', message('import.pdf_too_large'));
  }
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(await readFile(path), {
      ignoreEncryption: true,
      updateMetadata: false,
      // Lenient parsing would print pdf-lib's warnings to the console; a damaged PDF is filed anyway, with a note.
      throwOnInvalidObject: true,
      parseSpeed: ParseSpeeds.Fast,
    });
  } catch {
    return plain('pdf_unreadable', message('import.pdf_damaged'));
  }
  if (document.isEncrypted) {
    return plain('pdf_encrypted', message('import.pdf_encrypted'));
  }
  try {
    return inspectEmbeddedFiles(document, limits);
  } catch {
    // pdf-lib reads damaged files leniently; what it cannot make sense of shows up here (e.g. no catalog).
    return plain('pdf_unreadable', message('import.pdf_damaged'));
  }
}

interface EmbeddedFile {
  name: string;
  subtype?: string;
  stream: PDFRawStream;
}

function inspectEmbeddedFiles(document: PDFDocument, limits: InspectionLimits): PdfInspection {
  const candidates = embeddedFiles(document, limits.maxEmbeddedFiles)
    .filter((file) => file.name.toLowerCase().endsWith('.xml') || file.subtype?.toLowerCase().includes('xml'))
    .sort((a, b) => rank(a.name) - rank(b.name));
  const notes: InspectionNote[] = [];
  for (const file of candidates) {
    const bytes = streamBytes(file.stream, limits.maxXmlBytes);
    if (bytes === 'too_large') {
      notes.push({
        code: 'pdf_embedded_xml_unreadable',
        text: message('import.pdf_embedded_xml_too_large', { file: file.name }),
      });
      continue;
    }
    if (bytes === 'undecodable') {
      notes.push({
        code: 'pdf_embedded_xml_unreadable',
        text: message('import.pdf_embedded_xml_unreadable', { file: file.name }),
      });
      continue;
    }
    const inspection = inspectEinvoiceXml(bytes, limits.maxXmlBytes);
    if (inspection.isEinvoice) {
      return { isHybrid: true, einvoice: inspection.einvoice, embeddedXmlName: file.name, notes: inspection.notes };
    }
    notes.push(
      ...inspection.notes.map((note) => ({
        code: 'pdf_embedded_xml_not_einvoice' as const,
        text: note.text,
        file: file.name,
      })),
    );
  }
  return { isHybrid: false, notes };
}

function rank(name: string): number {
  const index = KNOWN_XML_NAMES.indexOf(name.toLowerCase());
  return index >= 0 ? index : KNOWN_XML_NAMES.length;
}

/** File specifications from the /EmbeddedFiles name tree and the catalog's /AF, each once. */
function embeddedFiles(document: PDFDocument, max: number): EmbeddedFile[] {
  const specs = new Set<PDFDict>();
  const add = (value: PDFObject | undefined) => {
    const spec = resolve(document, value);
    if (spec instanceof PDFDict && specs.size < max) specs.add(spec);
  };
  const walkNameTree = (node: PDFObject | undefined, depth: number) => {
    const dict = resolve(document, node);
    if (!(dict instanceof PDFDict) || depth > 8 || specs.size >= max) return;
    const names = dict.lookup(PDFName.of('Names'));
    if (names instanceof PDFArray) for (let i = 1; i < names.size(); i += 2) add(names.get(i));
    const kids = dict.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i += 1) walkNameTree(kids.get(i), depth + 1);
  };
  const namesDict = document.catalog.lookup(PDFName.of('Names'));
  if (namesDict instanceof PDFDict) walkNameTree(namesDict.lookup(PDFName.of('EmbeddedFiles')), 0);
  const associated = document.catalog.lookup(PDFName.of('AF'));
  if (associated instanceof PDFArray) for (let i = 0; i < associated.size(); i += 1) add(associated.get(i));

  const files: EmbeddedFile[] = [];
  for (const spec of specs) {
    const ef = spec.lookup(PDFName.of('EF'));
    if (!(ef instanceof PDFDict)) continue;
    const stream = ef.lookup(PDFName.of('UF')) ?? ef.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) continue;
    const subtype = stream.dict.lookup(PDFName.of('Subtype'));
    files.push({
      name: textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F'))) ?? 'eingebettet.xml',
      ...(subtype instanceof PDFName ? { subtype: subtype.decodeText() } : {}),
      stream,
    });
  }
  return files;
}

function resolve(document: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value === undefined ? undefined : document.context.lookup(value);
}

function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText().trim() || undefined;
  return undefined;
}

/** The embedded file's bytes, never more than `maxBytes` decompressed (a deflate bomb stops at the cap). */
function streamBytes(stream: PDFRawStream, maxBytes: number): Uint8Array | 'too_large' | 'undecodable' {
  const params = stream.dict.lookup(PDFName.of('Params'));
  const declaredSize = params instanceof PDFDict ? params.lookup(PDFName.of('Size')) : undefined;
  if (declaredSize instanceof PDFNumber && declaredSize.asNumber() > maxBytes) return 'too_large';
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  const flateOnly =
    filters.length === 1 && filters[0] === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'));
  if (filters.length === 0) return stream.contents.length > maxBytes ? 'too_large' : stream.contents;
  if (flateOnly) {
    try {
      return inflateSync(stream.contents, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too_large';
      // A damaged zlib header or checksum: pdf-lib's more forgiving decoder may still read it.
    }
  }
  // Rarer filters (LZW, predictors) through pdf-lib's decoders, which cannot stop at a cap: only small streams,
  // so that no crafted stream can expand to more than some tens of megabytes.
  if (stream.contents.length > FALLBACK_DECODER_MAX_INPUT) return 'undecodable';
  try {
    const decoded = decodePDFRawStream(stream).decode();
    return decoded.length > maxBytes ? 'too_large' : decoded;
  } catch {
    return 'undecodable';
  }
}

function plain(code: InspectionNote['code'], text: Message): PdfInspection {
  return { isHybrid: false, notes: [{ code, text }] };
}
