/** Deterministic demo content of the mailboxes' inboxes, shaped like Graph `message` resources. */

export interface DemoMessage {
  id: string;
  createdDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  hasAttachments: boolean;
  subject: string;
  bodyPreview: string;
  importance: 'normal' | 'high';
  isRead: boolean;
  from: { emailAddress: { name: string; address: string } };
  toRecipients: Array<{ emailAddress: { name: string; address: string } }>;
}

interface MessageSeed {
  subject: string;
  preview: string;
  fromName: string;
  fromAddress: string;
  received: string;
  attachment: boolean;
  read: boolean;
}

const INVOICE_SEEDS: MessageSeed[] = [
  {
    subject: 'Rechnung RE-2024-1041 – Bürobedarf Müller GmbH',
    preview: 'Sehr geehrte Damen und Herren, anbei erhalten Sie unsere Rechnung RE-2024-1041 als PDF.',
    fromName: 'Müller GmbH Buchhaltung',
    fromAddress: 'buchhaltung@mueller-buero.example',
    received: '2024-09-02T07:41:12Z',
    attachment: true,
    read: false,
  },
  {
    subject: 'Ihre Rechnung 88231 (Stadtwerke)',
    preview: 'Guten Tag, Ihre Abschlagsrechnung für September liegt diesem Schreiben als PDF bei.',
    fromName: 'Stadtwerke Musterstadt',
    fromAddress: 'rechnung@stadtwerke.example',
    received: '2024-09-03T11:05:47Z',
    attachment: true,
    read: false,
  },
  {
    subject: 'Invoice INV-55012 (XRechnung)',
    preview: 'Please find attached invoice INV-55012 in XRechnung format (XML) and as PDF.',
    fromName: 'Cloud Hosting Ltd.',
    fromAddress: 'billing@cloudhosting.example',
    received: '2024-09-04T16:22:03Z',
    attachment: true,
    read: true,
  },
  {
    subject: 'AW: Gutschrift zu Rechnung 4711',
    preview: 'Hallo, wie besprochen erhalten Sie die Gutschrift zur Rechnung 4711 im Anhang.',
    fromName: 'Papierhandel Schmidt',
    fromAddress: 'info@papier-schmidt.example',
    received: '2024-09-05T08:13:29Z',
    attachment: true,
    read: false,
  },
];

function personalSeeds(mailbox: string): MessageSeed[] {
  return [
    {
      subject: 'Willkommen in Ihrem Postfach',
      preview: `Dies ist das Demo-Postfach ${mailbox}.`,
      fromName: 'Microsoft-Emulator',
      fromAddress: 'no-reply@emulator.example',
      received: '2024-09-01T06:00:00Z',
      attachment: false,
      read: true,
    },
  ];
}

function messageId(mailbox: string, index: number): string {
  // Graph message ids are long opaque base64 strings starting with "AAMk"; a stable stand-in suffices.
  return `AAMk${Buffer.from(`${mailbox.toLowerCase()}#${index}`).toString('base64url')}`;
}

/** The inbox of `mailbox` (address lower-cased); shared invoice mailboxes get the invoice mails. */
export function demoInbox(mailbox: string, isInvoiceMailbox: boolean): DemoMessage[] {
  const seeds = isInvoiceMailbox ? INVOICE_SEEDS : personalSeeds(mailbox);
  return seeds
    .map((seed, index): DemoMessage => ({
      id: messageId(mailbox, index),
      createdDateTime: seed.received,
      receivedDateTime: seed.received,
      sentDateTime: seed.received,
      hasAttachments: seed.attachment,
      subject: seed.subject,
      bodyPreview: seed.preview,
      importance: 'normal',
      isRead: seed.read,
      from: { emailAddress: { name: seed.fromName, address: seed.fromAddress } },
      toRecipients: [{ emailAddress: { name: mailbox, address: mailbox } }],
    }))
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
}
