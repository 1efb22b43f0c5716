import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoInvoiceMails, type NewMail } from '@ecm365/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAttachment } from './classify-attachment.js';
import type { ClassifiedAttachment } from './document-types.js';
import { importedDocument, planDocuments, type SkippedAttachment } from './plan-documents.js';
import { preselectAttachment } from './preselect-attachment.js';

/**
 * The whole content path as the engine runs it — preselect, "download" to a temp file, classify, plan — over the
 * demo mailbox's mails, which are generated the same way as in demo mode.
 */
let workDir: string;
let mails: NewMail[];
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ecm365-demo-'));
  mails = await demoInvoiceMails('rechnungen@contoso.example', new Date('2025-03-10T10:00:00Z'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const ODATA_TYPES = {
  file: '#microsoft.graph.fileAttachment',
  item: '#microsoft.graph.itemAttachment',
  reference: '#microsoft.graph.referenceAttachment',
} as const;

async function importContent(mail: NewMail, index: number) {
  const classified: ClassifiedAttachment[] = [];
  const skipped: SkippedAttachment[] = [];
  for (const [position, attachment] of (mail.attachments ?? []).entries()) {
    const id = `mail-${index}-att-${position}`;
    const info = {
      id,
      name: attachment.name,
      contentType: attachment.kind === 'item' ? null : (attachment.contentType ?? null),
      isInline: attachment.kind === 'file' ? attachment.isInline === true : false,
      '@odata.type': ODATA_TYPES[attachment.kind],
    };
    const preselection = preselectAttachment(info);
    if (!preselection.download) {
      skipped.push(preselection.skipped);
      continue;
    }
    const bytes = attachment.kind === 'item' ? attachment.mime : attachment.kind === 'file' ? attachment.content : null;
    if (!Buffer.isBuffer(bytes)) throw new Error('demo mails carry their bytes');
    const path = join(workDir, id);
    await writeFile(path, bytes);
    classified.push(
      await classifyAttachment(
        {
          id,
          path,
          name: attachment.name,
          contentType: info.contentType ?? undefined,
          isInline: info.isInline,
          isMail: preselection.isMail,
        },
        { workDir },
      ),
    );
  }
  return planDocuments({ attachments: classified, skipped });
}

describe('the demo invoice mails', () => {
  it('give the documents a customer expects, e-invoices with their profiles', async () => {
    const outcome = [];
    for (const [index, mail] of mails.entries()) {
      const plan = await importContent(mail, index);
      outcome.push({
        subject: mail.subject,
        documents: plan.documents.map((document) => ({
          ...importedDocument(document),
          attachment: document.attachment?.name,
          invoiceNumber: document.einvoice?.invoiceNumber,
        })),
        skipped: plan.skipped.map((skipped) => `${skipped.name}: ${skipped.reason}`),
        nothingToFile: plan.nothingToFile?.reason,
      });
    }
    const size = expect.any(Number);
    expect(outcome).toEqual([
      {
        subject: 'Rechnung RE-2025-1041 – Bürobedarf Müller GmbH',
        documents: [{ name: 'Rechnung_RE-2025-1041.pdf', size, kind: 'pdf' }],
        skipped: [],
      },
      {
        subject: 'Ihre Rechnung 2025-88231 (ZUGFeRD)',
        documents: [
          {
            name: 'Rechnung_2025-88231.pdf',
            size,
            kind: 'hybrid_pdf',
            einvoice: { syntax: 'cii', profile: 'EN 16931 (COMFORT)' },
            invoiceNumber: '2025-88231',
          },
        ],
        skipped: [],
      },
      {
        subject: 'Rechnung NL-2025-0815 (XRechnung)',
        documents: [
          {
            name: 'NL-2025-0815.xml',
            size,
            kind: 'einvoice_xml',
            einvoice: { syntax: 'ubl', profile: 'XRechnung 3.0' },
            attachment: 'NL-2025-0815.pdf',
            invoiceNumber: 'NL-2025-0815',
          },
        ],
        skipped: [],
      },
      { subject: 'Rückfrage zu Rechnung RE-2025-1041', documents: [], skipped: [], nothingToFile: 'no_attachment' },
      {
        subject: 'WG: Rechnung 2025-4711',
        documents: [{ name: 'Rechnung_2025-4711.pdf', size, kind: 'pdf' }],
        skipped: [],
      },
      {
        subject: 'Gutschrift GS-2025-0077 zu Rechnung RE-2025-1041',
        documents: [{ name: 'Gutschrift_GS-2025-0077.pdf', size, kind: 'pdf' }],
        skipped: ['logo.png: inline'],
      },
      {
        subject: 'Rechnung 2025-312 (Link)',
        documents: [],
        skipped: ['Rechnung_2025-312.pdf: cloud_link'],
        nothingToFile: 'nothing_importable',
      },
    ]);
  });

  it('are the same, byte for byte, for the same mailbox and time', async () => {
    const again = await demoInvoiceMails('rechnungen@contoso.example', new Date('2025-03-10T10:00:00Z'));
    expect(again).toEqual(mails);
    const otherDay = await demoInvoiceMails('rechnungen@contoso.example', new Date('2025-03-11T10:00:00Z'));
    expect(otherDay[0]?.receivedAt).not.toBe(mails[0]?.receivedAt);
  });
});
