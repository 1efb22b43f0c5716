import type { NewMail, NewMailAddress } from '../microsoft/new-mail.js';
import { facturXPdf } from './factur-x-pdf.js';
import { invoiceMailMime } from './invoice-mime.js';
import { invoicePdf } from './invoice-pdf.js';
import { logoPng } from './logo-png.js';
import { SAMPLE_BUYER, SAMPLE_SELLERS, sampleCreditNote, sampleInvoice, type SampleSeller } from './sample-invoice.js';
import { ublInvoiceXml } from './ubl-invoice.js';

/** Runs `step` after the event loop's pending I/O (setImmediate), so that other work gets in before it. */
function nextTurn<T>(step: () => Promise<T>): Promise<T> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(step);
}

/**
 * The demo mailbox's invoice mails: one of each case the import handles — a plain PDF, a ZUGFeRD PDF, an
 * XRechnung XML with its PDF copy, a mail without attachment, a forwarded mail (itemAttachment), a credit note
 * with an inline logo, and a cloud link. Dates follow `now` (received in the last hour, invoices dated the day
 * before), so the same arguments give the same mails, byte for byte.
 */
export async function demoInvoiceMails(mailbox: string, now: Date): Promise<NewMail[]> {
  const to: NewMailAddress[] = [{ name: 'Rechnungseingang', address: mailbox }];
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const buyer = { ...SAMPLE_BUYER, email: mailbox };
  const sender = (seller: SampleSeller): NewMailAddress => ({ name: seller.name, address: seller.email });

  const plain = sampleInvoice({
    number: `RE-${year}-1041`,
    issueDate: day(-1),
    dueDate: day(13),
    deliveryDate: day(-3),
    buyer,
  });
  const utility = sampleInvoice({
    number: `${year}-88231`,
    issueDate: day(-1),
    dueDate: day(13),
    deliveryDate: day(-2),
    seller: SAMPLE_SELLERS.stadtwerke,
    buyer,
    lines: [
      {
        description: 'Abschlag Strom, Zählernummer 1ESY1160123456',
        quantity: 1,
        unitCode: 'MON',
        unitPriceCents: 18_400,
        vatPercent: 19,
      },
      { description: 'Abschlag Wasser', quantity: 1, unitCode: 'MON', unitPriceCents: 4_250, vatPercent: 7 },
    ],
    note: 'Abschlagsrechnung für den laufenden Monat.',
  });
  const hosting = sampleInvoice({
    number: `NL-${year}-0815`,
    issueDate: day(-1),
    dueDate: day(29),
    deliveryDate: day(-1),
    seller: SAMPLE_SELLERS.itDienst,
    buyer,
    lines: [
      {
        description: 'Managed Hosting „Business“, Monatspauschale',
        quantity: 1,
        unitCode: 'MON',
        unitPriceCents: 24_900,
        vatPercent: 19,
      },
      { description: 'Support-Stunden', quantity: 3.5, unitCode: 'HUR', unitPriceCents: 9_500, vatPercent: 19 },
    ],
    note: 'Leistungszeitraum: Vormonat.',
  });
  const forwarded = sampleInvoice({
    number: `${year}-4711`,
    issueDate: day(-6),
    dueDate: day(8),
    deliveryDate: day(-7),
    seller: SAMPLE_SELLERS.papierSchmidt,
    buyer,
  });
  const credit = sampleCreditNote({
    number: `GS-${year}-0077`,
    issueDate: day(-1),
    precedingInvoice: plain.number,
    buyer,
  });

  // One document after the other, each in a turn of its own: a PDF is some 100 ms of CPU, and the demo generates
  // them while its server already answers requests, which get in between (issue 13); all at once blocked them.
  const plainPdf = await nextTurn(() => invoicePdf(plain));
  const utilityPdf = await nextTurn(() => facturXPdf(utility, { profile: 'en16931' }));
  const hostingXml = ublInvoiceXml(hosting);
  const hostingPdf = await nextTurn(() => invoicePdf(hosting));
  const forwardedPdf = await nextTurn(() => invoicePdf(forwarded));
  const creditPdf = await nextTurn(() => invoicePdf(credit));
  const forwardedOriginal = await invoiceMailMime({
    from: sender(forwarded.seller),
    to: [{ name: 'Max Mustermann', address: 'max.mustermann@contoso.example' }],
    subject: `Rechnung ${forwarded.number}`,
    text: `Guten Tag Herr Mustermann,\n\nanbei unsere Rechnung ${forwarded.number}.\n\nMit freundlichen Grüßen\nPapierhandel Schmidt`,
    date: minutesAgo(3 * 24 * 60),
    messageId: `${forwarded.number.toLowerCase()}@papier-schmidt.example`,
    attachments: [
      { filename: `Rechnung_${forwarded.number}.pdf`, content: forwardedPdf, contentType: 'application/pdf' },
    ],
  });

  return [
    {
      from: sender(plain.seller),
      to,
      subject: `Rechnung ${plain.number} – ${plain.seller.name}`,
      body: `Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere Rechnung ${plain.number} als PDF.\n\nMit freundlichen Grüßen\nPetra Müller`,
      receivedAt: minutesAgo(55),
      internetMessageId: `<${plain.number.toLowerCase()}@mueller-buero.example>`,
      attachments: [
        { kind: 'file', name: `Rechnung_${plain.number}.pdf`, contentType: 'application/pdf', content: plainPdf },
      ],
    },
    {
      from: sender(utility.seller),
      to,
      subject: `Ihre Rechnung ${utility.number} (ZUGFeRD)`,
      body: 'Guten Tag,\n\nIhre Abschlagsrechnung liegt als ZUGFeRD-PDF bei.\n\nIhre Stadtwerke Musterstadt',
      receivedAt: minutesAgo(47),
      internetMessageId: `<${utility.number}@stadtwerke.example>`,
      attachments: [
        { kind: 'file', name: `Rechnung_${utility.number}.pdf`, contentType: 'application/pdf', content: utilityPdf },
      ],
    },
    {
      from: sender(hosting.seller),
      to,
      subject: `Rechnung ${hosting.number} (XRechnung)`,
      body: `Guten Tag,\n\nanbei Rechnung ${hosting.number} als XRechnung (XML) und zur Ansicht als PDF.\n\nNordlicht IT`,
      receivedAt: minutesAgo(38),
      internetMessageId: `<${hosting.number.toLowerCase()}@nordlicht-it.example>`,
      attachments: [
        { kind: 'file', name: `${hosting.number}.xml`, contentType: 'application/xml', content: hostingXml },
        { kind: 'file', name: `${hosting.number}.pdf`, contentType: 'application/pdf', content: hostingPdf },
      ],
    },
    {
      from: { name: 'Buchhaltung Bürobedarf Müller', address: 'buchhaltung@mueller-buero.example' },
      to,
      subject: `Rückfrage zu Rechnung ${plain.number}`,
      body: 'Guten Tag,\n\nbitte bestätigen Sie uns kurz den Eingang unserer Rechnung.\n\nVielen Dank\nPetra Müller',
      receivedAt: minutesAgo(30),
      internetMessageId: `<rueckfrage-${plain.number.toLowerCase()}@mueller-buero.example>`,
    },
    {
      from: { name: 'Max Mustermann', address: 'max.mustermann@contoso.example' },
      to,
      subject: `WG: Rechnung ${forwarded.number}`,
      body: 'Hallo Buchhaltung,\n\ndie Rechnung kam bei mir an, bitte übernehmen.\n\nGruß\nMax',
      receivedAt: minutesAgo(21),
      internetMessageId: `<wg-${forwarded.number}@contoso.example>`,
      attachments: [{ kind: 'item', name: `Rechnung ${forwarded.number}`, mime: forwardedOriginal }],
    },
    {
      from: sender(credit.seller),
      to,
      subject: `Gutschrift ${credit.number} zu Rechnung ${plain.number}`,
      body: `Hallo,\n\nwie besprochen erhalten Sie die Gutschrift ${credit.number} im Anhang.\n\nPapierhandel Schmidt`,
      receivedAt: minutesAgo(12),
      internetMessageId: `<${credit.number.toLowerCase()}@papier-schmidt.example>`,
      attachments: [
        {
          kind: 'file',
          name: 'logo.png',
          contentType: 'image/png',
          content: logoPng(),
          isInline: true,
          contentId: 'logo@papier-schmidt.example',
        },
        { kind: 'file', name: `Gutschrift_${credit.number}.pdf`, contentType: 'application/pdf', content: creditPdf },
      ],
    },
    {
      from: { name: 'Eventagentur Süd', address: 'buchhaltung@eventagentur-sued.example' },
      to,
      subject: `Rechnung ${year}-312 (Link)`,
      body: 'Guten Tag,\n\ndie Rechnung haben wir Ihnen über OneDrive freigegeben.\n\nEventagentur Süd',
      receivedAt: minutesAgo(5),
      internetMessageId: `<${year}-312@eventagentur-sued.example>`,
      attachments: [
        {
          kind: 'reference',
          name: `Rechnung_${year}-312.pdf`,
          sourceUrl: `https://eventagentur-sued-my.sharepoint.example/personal/buchhaltung/Documents/Rechnung_${year}-312.pdf`,
          contentType: 'application/pdf',
        },
      ],
    },
  ];
}
