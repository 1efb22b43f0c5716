import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ciiInvoiceXml,
  facturXPdf,
  invoiceMailMime,
  invoicePdf,
  logoPng,
  sampleCreditNote,
  sampleInvoice,
  ublInvoiceXml,
} from '@ecm365/emulators';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyAttachment } from './classify-attachment.js';
import type { AttachmentFile } from './document-types.js';

let workDir: string;
beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ecm365-classify-'));
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

let counter = 0;
async function fileWith(bytes: Buffer, name: string, extra: Partial<AttachmentFile> = {}): Promise<AttachmentFile> {
  counter += 1;
  const path = join(workDir, `download-${counter}`);
  await writeFile(path, bytes);
  return { id: `att-${counter}`, path, name, ...extra };
}

const classify = async (bytes: Buffer, name: string, extra: Partial<AttachmentFile> = {}) =>
  classifyAttachment(await fileWith(bytes, name, extra), { workDir });

const vendorMail = (attachments: Parameters<typeof invoiceMailMime>[0]['attachments'], messageId = 'rechnung-4711') =>
  invoiceMailMime({
    from: { name: 'Papierhandel Schmidt', address: 'info@papier-schmidt.example' },
    to: [{ name: 'Max Mustermann', address: 'max@contoso.example' }],
    subject: 'Rechnung 4711',
    text: 'Anbei die Rechnung.',
    date: '2024-09-05T08:13:29Z',
    messageId: `${messageId}@papier-schmidt.example`,
    attachments,
  });

describe('classifyAttachment: PDFs and hybrid invoices', () => {
  it('files a plain PDF as pdf, with its hashes and upload type', async () => {
    const bytes = await invoicePdf(sampleInvoice());
    const result = await classify(bytes, 'Rechnung_RE-2024-1041.pdf', { contentType: 'application/pdf' });
    expect(result).toMatchObject({
      kind: 'pdf',
      name: 'Rechnung_RE-2024-1041.pdf',
      size: bytes.length,
      contentType: 'application/pdf',
      extension: 'pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      md5: createHash('md5').update(bytes).digest('hex').toUpperCase(),
      isInline: false,
      notes: [],
    });
    expect(result.einvoice).toBeUndefined();
  });

  it('recognises a Factur-X PDF by its embedded factur-x.xml, with or without object streams', async () => {
    for (const useObjectStreams of [true, false]) {
      const result = await classify(await facturXPdf(sampleInvoice(), { useObjectStreams }), 'Rechnung.pdf');
      expect(result).toMatchObject({
        kind: 'hybrid_pdf',
        embeddedXmlName: 'factur-x.xml',
        contentType: 'application/pdf',
        einvoice: {
          syntax: 'cii',
          profile: { family: 'en16931', label: 'EN 16931 (COMFORT)' },
          invoiceNumber: 'RE-2024-1041',
          issueDate: '2024-09-02',
          sellerName: 'Bürobedarf Müller GmbH',
          total: { amount: '459.55', currency: 'EUR' },
        },
      });
    }
  });

  it('finds the XML under the other names ZUGFeRD and XRechnung use, UBL included', async () => {
    const zugferd = await facturXPdf(sampleInvoice(), { xmlFileName: 'ZUGFeRD-invoice.xml', profile: 'basic' });
    expect(await classify(zugferd, 'a.pdf')).toMatchObject({
      kind: 'hybrid_pdf',
      embeddedXmlName: 'ZUGFeRD-invoice.xml',
      einvoice: { profile: { label: 'Factur-X/ZUGFeRD BASIC' } },
    });
    const xrechnung = await facturXPdf(sampleInvoice(), {
      xmlFileName: 'xrechnung.xml',
      xml: ublInvoiceXml(sampleInvoice()),
    });
    expect(await classify(xrechnung, 'b.pdf')).toMatchObject({
      kind: 'hybrid_pdf',
      einvoice: { syntax: 'ubl', profile: { label: 'XRechnung 3.0' } },
    });
  });

  it('keeps a PDF with an embedded XML that is no invoice a plain PDF, and says why', async () => {
    const other = Buffer.from(
      '<?xml version="1.0"?><Lieferschein xmlns="urn:example:delivery"><Nr>1</Nr></Lieferschein>',
    );
    const result = await classify(
      await facturXPdf(sampleInvoice(), { xmlFileName: 'lieferschein.xml', xml: other }),
      'c.pdf',
    );
    expect(result.kind).toBe('pdf');
    expect(result.notes).toEqual([
      {
        code: 'pdf_embedded_xml_not_einvoice',
        file: 'lieferschein.xml',
        text: expect.objectContaining({ code: 'import.xml_not_einvoice' }),
      },
    ]);
  });

  it('prefers the invoice XML when a PDF embeds several files', async () => {
    const pdf = await PDFDocument.load(await facturXPdf(sampleInvoice(), { profile: 'extended' }));
    await pdf.attach(Buffer.from('<Notiz xmlns="urn:example:note"/>'), 'a-notiz.xml', {
      mimeType: 'text/xml',
      afRelationship: AFRelationship.Supplement,
    });
    await pdf.attach(Buffer.from('Lieferbedingungen'), 'agb.txt', { mimeType: 'text/plain' });
    const result = await classify(Buffer.from(await pdf.save()), 'd.pdf');
    expect(result).toMatchObject({ kind: 'hybrid_pdf', embeddedXmlName: 'factur-x.xml' });
  });

  it('files a truncated PDF as a PDF with a note instead of throwing', async () => {
    // Without object streams the embedded file's dictionary comes early, so every cut below keeps a sign of it.
    const whole = await facturXPdf(sampleInvoice(), { useObjectStreams: false });
    for (const length of [whole.length * 0.5, whole.length * 0.9, whole.length - 40]) {
      const truncated = Buffer.from(whole.subarray(0, Math.floor(length)));
      const result = await classify(truncated, 'kaputt.pdf');
      expect(result).toMatchObject({ kind: 'pdf', size: truncated.length, notes: [{ code: 'pdf_unreadable' }] });
    }
  });

  it('opens a PDF only where embedded files may be: a sign in its bytes, or object streams in a small file', async () => {
    // Cut off before the end, a PDF that pdf-lib opens gets a note; one that is not opened gets none.
    const cut = async (bytes: Buffer) => Buffer.from(bytes.subarray(0, bytes.length - 40));
    const flat = await cut(await invoicePdf(sampleInvoice(), { useObjectStreams: false }));
    expect(await classify(flat, 'flach.pdf')).toMatchObject({ kind: 'pdf', notes: [] });
    const compressed = await cut(await invoicePdf(sampleInvoice(), { useObjectStreams: true }));
    expect(await classify(compressed, 'komprimiert.pdf')).toMatchObject({
      kind: 'pdf',
      notes: [{ code: 'pdf_unreadable' }],
    });
    const file = await fileWith(compressed, 'gross.pdf');
    const large = await classifyAttachment(file, {
      workDir,
      limits: { fullPdfInspectionMaxBytes: compressed.length - 1 },
    });
    expect(large).toMatchObject({ kind: 'pdf', notes: [] });
  });

  it('says so when a PDF is not readable at all', async () => {
    const garbage = Buffer.concat([Buffer.from('%PDF-1.7\n/EmbeddedFiles '), Buffer.alloc(2000, 0x41)]);
    expect(await classify(garbage, 'x.pdf')).toMatchObject({ kind: 'pdf', notes: [{ code: 'pdf_unreadable' }] });
  });

  it('says so when an embedded XML cannot be decoded', async () => {
    const pdf = [
      '%PDF-1.7',
      '1 0 obj << /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >> endobj',
      '2 0 obj << /Names [(factur-x.xml) 3 0 R] >> endobj',
      '3 0 obj << /Type /Filespec /F (factur-x.xml) /EF << /F 4 0 R >> >> endobj',
      '4 0 obj << /Length 5 /Filter /FlateDecode >> stream\nxxxxx\nendstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n');
    expect(await classify(Buffer.from(pdf, 'latin1'), 'y.pdf')).toEqual(
      expect.objectContaining({
        kind: 'pdf',
        notes: [
          { code: 'pdf_embedded_xml_unreadable', text: expect.objectContaining({ params: { file: 'factur-x.xml' } }) },
        ],
      }),
    );
  });

  it('recognises a hybrid PDF above the size for a full inspection by the signs in its bytes', async () => {
    // 3 MB of incompressible data in a second embedded file makes the PDF larger than fullPdfInspectionMaxBytes.
    const pdf = await PDFDocument.load(await facturXPdf(sampleInvoice()));
    const noise = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0, x = 12345; i < noise.length; i += 1)
      noise[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    await pdf.attach(noise, 'scan.bin', { mimeType: 'application/octet-stream' });
    const bytes = Buffer.from(await pdf.save());
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(await classify(bytes, 'gross.pdf')).toMatchObject({ kind: 'hybrid_pdf', embeddedXmlName: 'factur-x.xml' });
  });
});

describe('classifyAttachment: XML, images and other files', () => {
  it('files a standalone XRechnung as einvoice_xml', async () => {
    expect(await classify(ublInvoiceXml(sampleInvoice()), 'RE-2024-1041.xml')).toMatchObject({
      kind: 'einvoice_xml',
      contentType: 'application/xml',
      extension: 'xml',
      einvoice: { syntax: 'ubl', invoiceNumber: 'RE-2024-1041', profile: { label: 'XRechnung 3.0' } },
    });
  });

  it('files a CII credit note as einvoice_xml', async () => {
    expect(await classify(ciiInvoiceXml(sampleCreditNote()), 'gutschrift.xml')).toMatchObject({
      kind: 'einvoice_xml',
      einvoice: { syntax: 'cii', documentType: 'credit_note', invoiceNumber: 'GS-2024-0077' },
    });
  });

  it('goes by content, not by name: an XML called .pdf and a PDF called .xml', async () => {
    const xmlNamedPdf = await classify(ublInvoiceXml(sampleInvoice()), 'rechnung.pdf', {
      contentType: 'application/pdf',
    });
    expect(xmlNamedPdf).toMatchObject({ kind: 'einvoice_xml', name: 'rechnung.pdf', extension: 'xml' });
    const pdfNamedXml = await classify(await invoicePdf(sampleInvoice()), 'rechnung.xml', { contentType: 'text/xml' });
    expect(pdfNamedXml).toMatchObject({ kind: 'pdf', extension: 'pdf', contentType: 'application/pdf' });
  });

  it('recognises an XML e-invoice without declaration and without a telling name', async () => {
    const bare = ublInvoiceXml(sampleInvoice())
      .toString('utf8')
      .replace(/^<\?xml[^>]*>\s*/, '');
    expect(await classify(Buffer.from(bare), 'datei')).toMatchObject({ kind: 'einvoice_xml', name: 'datei.xml' });
  });

  it('keeps malicious or broken XML as other, with the reason', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;</x>';
    expect(await classify(Buffer.from(laughs), 'x.xml')).toMatchObject({
      kind: 'other',
      extension: 'xml',
      notes: [{ code: 'xml_dtd_not_allowed' }],
    });
    expect(await classify(Buffer.from('<?xml version="1.0"?><Invoice><ID>'), 'y.xml')).toMatchObject({
      kind: 'other',
      notes: [{ code: 'xml_malformed' }],
    });
  });

  it('files an e-invoice above the XML cap unparsed, still recognised by its root element', async () => {
    const xml = ublInvoiceXml(sampleInvoice());
    const file = await fileWith(xml, 'gross.xml');
    const result = await classifyAttachment(file, { workDir, limits: { maxXmlBytes: 1000 } });
    expect(result).toMatchObject({
      kind: 'einvoice_xml',
      einvoice: { syntax: 'ubl', documentType: 'invoice', profile: { family: 'unknown' } },
      notes: [{ code: 'xml_too_large' }],
    });
    expect(result.einvoice?.invoiceNumber).toBeUndefined();
    const cii = await fileWith(ciiInvoiceXml(sampleInvoice()), 'gross-cii.xml');
    expect(await classifyAttachment(cii, { workDir, limits: { maxXmlBytes: 1000 } })).toMatchObject({
      kind: 'einvoice_xml',
      einvoice: { syntax: 'cii' },
    });
    const other = await fileWith(
      Buffer.from(`<?xml version="1.0"?><Katalog xmlns="urn:example">${'x'.repeat(2000)}</Katalog>`),
      'k.xml',
    );
    expect(await classifyAttachment(other, { workDir, limits: { maxXmlBytes: 1000 } })).toMatchObject({
      kind: 'other',
      notes: [{ code: 'xml_too_large' }],
    });
  });

  it('files images as image and keeps the inline flag for the plan', async () => {
    expect(await classify(logoPng(), 'logo.png', { isInline: true })).toMatchObject({
      kind: 'image',
      contentType: 'image/png',
      extension: 'png',
      isInline: true,
    });
  });

  it('files unknown content as other, keeping the mail’s name and type for container formats', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(await classify(zip, 'Angebot.docx', { contentType: docxType })).toMatchObject({
      kind: 'other',
      extension: 'docx',
      contentType: docxType,
    });
    expect(await classify(Buffer.from('Hallo'), 'notiz.txt', { contentType: 'text/plain' })).toMatchObject({
      kind: 'other',
      extension: 'txt',
      contentType: 'text/plain',
    });
  });

  it('lets file-system errors through: a missing download is the engine’s problem, not the mail’s', async () => {
    await expect(
      classifyAttachment({ id: 'x', path: join(workDir, 'fehlt'), name: 'x.pdf' }, { workDir }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('classifies an empty file without failing', async () => {
    expect(await classify(Buffer.alloc(0), 'leer.pdf')).toMatchObject({ kind: 'other', size: 0 });
  });
});

describe('classifyAttachment: attached and forwarded mails', () => {
  it('opens a forwarded mail (itemAttachment MIME) and classifies the files inside', async () => {
    const pdf = await invoicePdf(sampleInvoice());
    const mime = await vendorMail([
      { filename: 'logo.png', content: logoPng(), contentType: 'image/png', cid: 'logo@schmidt' },
      { filename: 'Rechnung_4711.pdf', content: pdf, contentType: 'application/pdf' },
      { filename: 'Rechnung_4711.xml', content: ciiInvoiceXml(sampleInvoice()), contentType: 'application/xml' },
    ]);
    const result = await classify(mime, 'Rechnung 4711', { isMail: true, id: 'AAMkItem' });
    expect(result).toMatchObject({
      kind: 'eml',
      name: 'Rechnung 4711.eml',
      contentType: 'message/rfc822',
      mail: {
        subject: 'Rechnung 4711',
        from: 'Papierhandel Schmidt <info@papier-schmidt.example>',
        date: '2024-09-05T08:13:29.000Z',
        messageId: '<rechnung-4711@papier-schmidt.example>',
      },
    });
    expect(result.parts?.map((part) => [part.name, part.kind, part.isInline])).toEqual([
      ['logo.png', 'image', true],
      ['Rechnung_4711.pdf', 'pdf', false],
      ['Rechnung_4711.xml', 'einvoice_xml', false],
    ]);
    const pdfPart = result.parts?.[1];
    expect(pdfPart?.id).toMatch(/^AAMkItem\/[\d.]+$/);
    expect(pdfPart?.path.startsWith(workDir)).toBe(true);
    expect(await readFile(pdfPart!.path)).toEqual(pdf);
    expect(pdfPart?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('gives the parts of the same MIME the same ids each time (stable import keys)', async () => {
    const mime = await vendorMail([
      { filename: 'a.pdf', content: await invoicePdf(sampleInvoice()), contentType: 'application/pdf' },
    ]);
    const first = await classify(mime, 'M', { isMail: true, id: 'item-1' });
    const second = await classify(mime, 'M', { isMail: true, id: 'item-1' });
    expect(first.parts?.map((part) => part.id)).toEqual(second.parts?.map((part) => part.id));
  });

  it('recognises an .eml file attachment by its content', async () => {
    const mime = await vendorMail([
      { filename: 'r.pdf', content: await invoicePdf(sampleInvoice()), contentType: 'application/pdf' },
    ]);
    const result = await classify(mime, 'weitergeleitet.eml', { contentType: 'application/octet-stream' });
    expect(result).toMatchObject({ kind: 'eml', name: 'weitergeleitet.eml', parts: [{ kind: 'pdf', name: 'r.pdf' }] });
  });

  it('opens mails inside mails, but only to the depth bound', async () => {
    const pdf = await invoicePdf(sampleInvoice());
    let mime = await vendorMail([{ filename: 'innen.pdf', content: pdf, contentType: 'application/pdf' }]);
    for (let level = 0; level < 3; level += 1) {
      mime = await vendorMail(
        [{ filename: `ebene-${level}.eml`, content: mime, contentType: 'message/rfc822' }],
        `weiter-${level}`,
      );
    }
    const file = await fileWith(mime, 'Aussen', { isMail: true });
    const deep = await classifyAttachment(file, { workDir, limits: { maxMailDepth: 2 } });
    const level1 = deep.parts?.[0];
    const level2 = level1?.parts?.[0];
    expect([deep.kind, level1?.kind, level2?.kind]).toEqual(['eml', 'eml', 'eml']);
    expect(level2?.parts).toBeUndefined();
    expect(level2?.notes).toMatchObject([{ code: 'mail_nested_too_deep' }]);

    const all = await classifyAttachment(file, { workDir, limits: { maxMailDepth: 5 } });
    expect(all.parts?.[0]?.parts?.[0]?.parts?.[0]?.parts).toMatchObject([{ kind: 'pdf', name: 'innen.pdf' }]);
  });

  it('keeps an attached mail it cannot parse as one .eml, with a note', async () => {
    // mailparser refuses a header block above 1 MB.
    const broken = Buffer.from(`From: a@example.com\r\nSubject: ${'x'.repeat(1_200_000)}\r\n\r\nText`);
    const result = await classify(broken, 'Kaputt', { isMail: true });
    expect(result).toMatchObject({ kind: 'eml', name: 'Kaputt.eml', notes: [{ code: 'mail_unreadable' }] });
    expect(result.parts).toBeUndefined();
  });

  it('leaves a mail unopened when asked (the whole message as .eml)', async () => {
    const mime = await vendorMail([
      { filename: 'r.pdf', content: await invoicePdf(sampleInvoice()), contentType: 'application/pdf' },
    ]);
    const file = await fileWith(mime, 'Rechnung 4711', { isMail: true });
    const result = await classifyAttachment(file, { workDir, openMails: false });
    expect(result).toMatchObject({ kind: 'eml', name: 'Rechnung 4711.eml', notes: [] });
    expect(result.parts).toBeUndefined();
  });

  it('takes at most the configured number of parts out of one mail and says so', async () => {
    const attachments = Array.from({ length: 5 }, (_, index) => ({
      filename: `n${index}.txt`,
      content: Buffer.from(`Notiz ${index}`),
      contentType: 'text/plain',
    }));
    const file = await fileWith(await vendorMail(attachments), 'M', { isMail: true });
    const result = await classifyAttachment(file, { workDir, limits: { maxMailParts: 3 } });
    expect(result.parts).toHaveLength(3);
    expect(result.notes).toMatchObject([{ code: 'mail_too_many_parts' }]);
  });
});
