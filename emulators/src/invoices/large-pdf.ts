import { Readable } from 'node:stream';

/**
 * A valid one-page PDF of exactly `size` bytes, produced chunk by chunk so that 25 MB and more never sit in memory
 * (large-attachment tests and the import benchmark). The bulk is a content-stream comment of printable filler:
 * viewers show one line of text, and the bytes never spell a PDF name such as /EmbeddedFiles (no "/" in them).
 * pdf-lib cannot stream its output, hence this hand-written file; its layout is the minimal one of ISO 32000-1
 * §7.5 (header, objects, cross-reference table, trailer).
 */
const CHUNK_BYTES = 64 * 1024;
const FILLER_LINE = '% Seiteninhalt eines gescannten Belegs - Fuellzeichen 0123456789 ABCDEFGHIJKLMNOPQRSTUV\n';

export function largePdfStream(size: number, title = 'Scan Rechnung (großer Anhang)'): Readable {
  return Readable.from(largePdfChunks(size, title), { objectMode: false });
}

export function* largePdfChunks(size: number, title = 'Scan Rechnung (großer Anhang)'): Generator<Buffer> {
  const layout = largePdfLayout(size, title);
  yield layout.head;
  let remaining = layout.fillerBytes;
  const block = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(remaining, 1)));
  fillWithLines(block);
  while (remaining > 0) {
    const length = Math.min(block.length, remaining);
    // A chunk boundary may cut a line; the stream content as a whole is still one comment line after another.
    yield length === block.length ? Buffer.from(block) : Buffer.from(block.subarray(0, length));
    remaining -= length;
  }
  yield layout.tail;
}

/** The smallest size `largePdfStream` can produce. */
export function largePdfMinimumSize(title = 'Scan Rechnung (großer Anhang)'): number {
  const probe = largePdfLayout(0, title, false);
  return probe.head.length + probe.tail.length;
}

interface Layout {
  head: Buffer;
  fillerBytes: number;
  tail: Buffer;
}

function largePdfLayout(size: number, title: string, check = true): Layout {
  const visible = `BT /F1 20 Tf 56 770 Td (${pdfLiteral(title)}) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let prefix = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (const [index, body] of objects.entries()) {
    offsets.push(prefix.length);
    prefix += `${index + 1} 0 obj\n${body}\nendobj\n`;
  }
  offsets.push(prefix.length);
  // /Length has a fixed width, so the head's length does not depend on the size.
  const streamOpen = (length: number) => `5 0 obj\n<< /Length ${String(length).padStart(15, '0')} >>\nstream\n`;
  const streamClose = '\nendstream\nendobj\n';
  const xref = ['0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)];
  const trailer = `xref\n0 ${xref.length}\n${xref.join('')}trailer\n<< /Size ${xref.length} /Root 1 0 R >>\n`;
  // startxref is below the size, so it has at most as many digits: spaces before it make up the difference.
  const digits = String(Math.max(size, 1)).length;
  const tailLength = streamClose.length + trailer.length + 'startxref\n'.length + digits + '\n%%EOF\n'.length;
  const headLength = prefix.length + streamOpen(0).length;
  const contentLength = Math.max(visible.length, size - headLength - tailLength);
  const startXref = headLength + contentLength + streamClose.length;
  const padding = ' '.repeat(Math.max(0, digits - String(startXref).length));
  const head = Buffer.from(prefix + streamOpen(contentLength) + visible, 'latin1');
  const tail = Buffer.from(`${streamClose}${trailer}${padding}startxref\n${startXref}\n%%EOF\n`, 'latin1');
  const fillerBytes = contentLength - visible.length;
  if (check && head.length + fillerBytes + tail.length !== size) {
    throw new RangeError(`A PDF of ${size} bytes is too small; the minimum is ${head.length + tail.length}.`);
  }
  return { head, fillerBytes, tail };
}

function fillWithLines(block: Buffer): void {
  const line = Buffer.from(FILLER_LINE, 'latin1');
  for (let offset = 0; offset < block.length; offset += line.length) line.copy(block, offset);
}

/** A PDF literal string in WinAnsi (Latin-1 for these characters), with the three special characters escaped. */
function pdfLiteral(value: string): string {
  return value.replace(/[\\()]/g, (char) => `\\${char}`);
}
