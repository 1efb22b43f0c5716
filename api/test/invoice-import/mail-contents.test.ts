import { createHash } from 'node:crypto';
import {
  facturXPdf,
  invoiceMailMime,
  invoicePdf,
  logoPng,
  SAMPLE_SELLERS,
  sampleInvoice,
  ublInvoiceXml,
  type FiledDocument,
} from '@ecm365/emulators';
import type { ImportMessage } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import {
  activity,
  deliver,
  expectEachKeyOnce,
  filed,
  type ImportWorld,
  INVOICE_MAILBOX,
  runUntilSettled,
  useImportWorld,
} from './support/qa-world.js';

/**
 * What the import makes of each kind of mail (issue 10 #1, #3, #4), read back from the activity list and from what
 * the ELO emulator holds: a mail without attachment is skipped with a reason, a forwarded mail's files are filed,
 * e-invoices are recognised with their profile in the index fields and filed in their original bytes.
 */
let items: ImportMessage[];
let documents: FiledDocument[];
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex').toUpperCase();
const seller = SAMPLE_SELLERS.bueroMueller;
const from = { name: seller.name, address: seller.email };

const zugferd = sampleInvoice({ number: 'ZF-2026-0001', seller: SAMPLE_SELLERS.stadtwerke });
const xrechnung = sampleInvoice({ number: 'XR-2026-0002', seller: SAMPLE_SELLERS.itDienst });
const forwardedInvoice = sampleInvoice({ number: 'FW-2026-0003', seller: SAMPLE_SELLERS.papierSchmidt });
const bytes: Record<string, Buffer> = {};

async function deliverEveryKind(world: ImportWorld) {
  const now = () => world.t.clock.now().toISOString();
  bytes.zugferd = await facturXPdf(zugferd, { profile: 'en16931' });
  bytes.xml = ublInvoiceXml(xrechnung);
  bytes.xmlPdf = await invoicePdf(xrechnung);
  bytes.forwardedPdf = await invoicePdf(forwardedInvoice);
  bytes.plain = await invoicePdf(sampleInvoice({ number: 'PL-2026-0004' }));
  const forwardedMime = await invoiceMailMime({
    from: { name: forwardedInvoice.seller.name, address: forwardedInvoice.seller.email },
    to: [{ name: 'Max Mustermann', address: 'max.mustermann@contoso.example' }],
    subject: 'Rechnung FW-2026-0003',
    text: 'anbei unsere Rechnung',
    date: now(),
    messageId: 'fw-2026-0003@papier-schmidt.example',
    attachments: [
      { filename: 'Rechnung_FW-2026-0003.pdf', content: bytes.forwardedPdf, contentType: 'application/pdf' },
    ],
  });

  const mails = [
    { subject: 'Ohne Anhang', body: 'Bitte bestätigen Sie den Eingang unserer Rechnung.' },
    {
      subject: 'ZUGFeRD-Rechnung',
      attachments: [
        { kind: 'file' as const, name: 'Rechnung_ZF.pdf', contentType: 'application/pdf', content: bytes.zugferd },
      ],
    },
    {
      subject: 'XRechnung mit PDF',
      attachments: [
        { kind: 'file' as const, name: 'XR-2026-0002.xml', contentType: 'application/xml', content: bytes.xml },
        { kind: 'file' as const, name: 'XR-2026-0002.pdf', contentType: 'application/pdf', content: bytes.xmlPdf },
      ],
    },
    {
      subject: 'WG: Rechnung FW-2026-0003',
      attachments: [{ kind: 'item' as const, name: 'Rechnung FW-2026-0003', mime: forwardedMime }],
    },
    {
      subject: 'PDF mit Logo in der Signatur',
      attachments: [
        {
          kind: 'file' as const,
          name: 'logo.png',
          contentType: 'image/png',
          content: logoPng(),
          isInline: true,
          contentId: 'logo@mueller.example',
        },
        { kind: 'file' as const, name: 'Rechnung_PL.pdf', contentType: 'application/pdf', content: bytes.plain },
      ],
    },
    {
      subject: 'Nur ein Cloud-Link',
      attachments: [
        {
          kind: 'reference' as const,
          name: 'Rechnung_Link.pdf',
          sourceUrl: 'https://contoso-my.sharepoint.example/personal/x/Documents/Rechnung_Link.pdf',
          contentType: 'application/pdf',
        },
      ],
    },
  ];
  for (const mail of mails) deliver(world, { from, receivedAt: now(), ...mail });
  await runUntilSettled(world);
  items = await activity(world);
  documents = filed(world);
}
const world = useImportWorld({ settings: { afterImport: 'move' }, scene: deliverEveryKind });

const item = (subject: string) => {
  const found = items.find((candidate) => candidate.subject === subject);
  if (!found) throw new Error(`"${subject}" is not in the activity list: ${items.map((i) => i.subject).join(', ')}`);
  return found;
};
const filedBySubject = (subject: string) =>
  documents.filter((document) => document.indexFields.ECM365_SUBJECT === subject);

describe('what the import makes of each kind of mail', () => {
  it('lists every mail after the cut-off: imported, or skipped/failed with a reason; none silently left out', () => {
    expect(items).toHaveLength(6);
    for (const entry of items) {
      expect(['imported', 'skipped', 'failed']).toContain(entry.state);
      if (entry.state !== 'imported')
        expect(entry.error ?? entry.skippedReason).toMatchObject({ code: expect.any(String) });
    }
    expectEachKeyOnce(world, documents.length);
  });

  it('skips a mail without attachment with a reason and files nothing for it', () => {
    const entry = item('Ohne Anhang');
    expect(entry.state).toBe('skipped');
    expect(entry.skippedReason?.code).toBeTruthy();
    expect(entry.skippedReason?.message.length).toBeGreaterThan(5);
    expect(entry.documents).toEqual([]);
    expect(filedBySubject('Ohne Anhang')).toEqual([]);
  });

  it("files a forwarded mail's attachment (itemAttachment opened), under its original file name", () => {
    const entry = item('WG: Rechnung FW-2026-0003');
    expect(entry.state).toBe('imported');
    expect(entry.documents).toEqual([
      expect.objectContaining({ name: 'Rechnung_FW-2026-0003.pdf', kind: 'pdf', eloObjId: expect.any(String) }),
    ]);
    const [document] = filedBySubject('WG: Rechnung FW-2026-0003');
    expect(document?.indexFields.ELO_FNAME).toBe('Rechnung_FW-2026-0003.pdf');
    expect(document?.document.md5).toBe(md5(bytes.forwardedPdf!));
  });

  it('recognises a ZUGFeRD PDF as hybrid e-invoice, files it unchanged with profile and number in the index', () => {
    const entry = item('ZUGFeRD-Rechnung');
    expect(entry.documents).toEqual([
      expect.objectContaining({ kind: 'hybrid_pdf', einvoice: { syntax: 'cii', profile: 'EN 16931 (COMFORT)' } }),
    ]);
    const [document] = filedBySubject('ZUGFeRD-Rechnung');
    expect(document?.document.md5).toBe(md5(bytes.zugferd!));
    expect(document?.indexFields).toMatchObject({
      RE_EINVOICE_SYNTAX: expect.stringMatching(/cii/i),
      RE_EINVOICE_PROFILE: expect.stringContaining('EN 16931'),
      RE_NUMMER: 'ZF-2026-0001',
      ELO_FNAME: 'Rechnung_ZF.pdf',
    });
    expect(document?.indexFields.RE_LIEFERANT).toContain('Stadtwerke');
  });

  it('files an XRechnung XML as the document in its original bytes, its PDF copy as attachment, profile XRechnung 3.0', () => {
    const entry = item('XRechnung mit PDF');
    expect(entry.state).toBe('imported');
    expect(entry.documents[0]).toMatchObject({
      kind: 'einvoice_xml',
      einvoice: { syntax: 'ubl', profile: 'XRechnung 3.0' },
    });
    const [document, ...more] = filedBySubject('XRechnung mit PDF');
    expect(more).toEqual([]);
    expect(document?.document.md5).toBe(md5(bytes.xml!));
    expect(document?.attachment?.md5).toBe(md5(bytes.xmlPdf!));
    expect(document?.indexFields).toMatchObject({
      RE_EINVOICE_SYNTAX: expect.stringMatching(/ubl/i),
      RE_EINVOICE_PROFILE: expect.stringContaining('XRechnung 3.0'),
      RE_NUMMER: 'XR-2026-0002',
    });
  });

  it('leaves the inline signature logo out and files the PDF', () => {
    const entry = item('PDF mit Logo in der Signatur');
    expect(entry.documents.map((document) => document.name)).toEqual(['Rechnung_PL.pdf']);
    expect(filedBySubject('PDF mit Logo in der Signatur').map((document) => document.indexFields.ELO_FNAME)).toEqual([
      'Rechnung_PL.pdf',
    ]);
  });

  it('records a cloud link as not importable, with a reason, and files nothing', () => {
    const entry = item('Nur ein Cloud-Link');
    expect(['skipped', 'failed']).toContain(entry.state);
    expect((entry.skippedReason ?? entry.error)?.message.length).toBeGreaterThan(5);
    expect(filedBySubject('Nur ein Cloud-Link')).toEqual([]);
  });

  it('writes the SPEC §9 index fields for every filed document', () => {
    for (const document of documents) {
      expect(document.indexFields.ECM365_IMPORT_KEY).toMatch(/^[0-9A-F]+$/i);
      expect(document.indexFields.ECM365_MAILBOX).toBe(INVOICE_MAILBOX);
      expect(document.indexFields.ECM365_FROM).toContain(seller.email);
      expect(document.indexFields.ECM365_RECEIVED).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(document.indexFields.ECM365_MESSAGE_ID).toBeTruthy();
      expect(document.folderPath).toMatch(/^¶Rechnungseingang¶\d{4}¶\d{2}$/);
    }
  });
});
