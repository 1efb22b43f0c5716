import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { microsoftControl } from './connector.js';

/** The shared mailbox of the demo tenant that the connected demo account may open. */
export const INVOICE_MAILBOX = 'rechnungen@contoso.example';

/** A small but real one-page PDF (with a correct cross-reference table), so content sniffing sees a PDF. */
export function pdfDocument(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Drops a mail with one PDF attachment into the emulated mailbox, as a supplier's invoice would arrive. */
export async function dropInvoiceMail(
  page: Page,
  mail: { subject: string; fileName: string; from?: { name: string; address: string } },
): Promise<void> {
  await microsoftControl(page, `mailboxes/${encodeURIComponent(INVOICE_MAILBOX)}/messages`, {
    from: mail.from ?? { name: 'Muster Bürobedarf GmbH', address: 'buchhaltung@muster-buero.example' },
    to: [{ name: 'Rechnungseingang', address: INVOICE_MAILBOX }],
    subject: mail.subject,
    body: 'Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung.\n\nMit freundlichen Grüßen',
    attachments: [
      {
        kind: 'file',
        name: mail.fileName,
        contentType: 'application/pdf',
        contentBase64: pdfDocument(mail.subject).toString('base64'),
      },
    ],
  });
}

/** The ELO emulator's controls (plain http), e.g. `masks/reject`. */
export async function eloControl(control: string, body: unknown): Promise<void> {
  const response = await fetch(`${inject('eloUrl')}/_emulator/${control}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`ELO emulator control ${control}: ${response.status} ${await response.text()}`);
}

/** The part of the ELO emulator's list of filed documents the test looks at (emulators/src/elo/filed-documents). */
export interface FiledDocument {
  objId: number;
  folderPath: string;
  name: string;
  mask: string;
  indexFields: Record<string, string>;
}

/** What the demo ELO holds from the import. */
export async function filedInElo(): Promise<FiledDocument[]> {
  const response = await fetch(`${inject('eloUrl')}/_emulator/filed?repository=demo`);
  if (!response.ok) throw new Error(`ELO emulator filed: ${response.status}`);
  return ((await response.json()) as { documents: FiledDocument[] }).documents;
}
