import type { SeedMailbox } from './mail-store.js';
import type { NewMail } from './new-mail.js';

/**
 * The default Inbox content (the emulator's `seedMail` option replaces it): a shared mailbox gets four invoice
 * notices, an account's own mailbox a welcome mail. They carry no files, so an import sees mails without
 * attachments; demo mode seeds real invoice samples through `seedMail` / `deliverMail`.
 */
const INVOICE_NOTICES: NewMail[] = [
  {
    subject: 'Rechnung RE-2024-1041 – Bürobedarf Müller GmbH',
    body: 'Sehr geehrte Damen und Herren, anbei erhalten Sie unsere Rechnung RE-2024-1041 als PDF.',
    from: { name: 'Müller GmbH Buchhaltung', address: 'buchhaltung@mueller-buero.example' },
    receivedAt: '2024-09-02T07:41:12Z',
    isRead: false,
  },
  {
    subject: 'Ihre Rechnung 88231 (Stadtwerke)',
    body: 'Guten Tag, Ihre Abschlagsrechnung für September liegt diesem Schreiben als PDF bei.',
    from: { name: 'Stadtwerke Musterstadt', address: 'rechnung@stadtwerke.example' },
    receivedAt: '2024-09-03T11:05:47Z',
    isRead: false,
  },
  {
    subject: 'Invoice INV-55012 (XRechnung)',
    body: 'Please find attached invoice INV-55012 in XRechnung format (XML) and as PDF.',
    from: { name: 'Cloud Hosting Ltd.', address: 'billing@cloudhosting.example' },
    receivedAt: '2024-09-04T16:22:03Z',
    isRead: true,
  },
  {
    subject: 'AW: Gutschrift zu Rechnung 4711',
    body: 'Hallo, wie besprochen erhalten Sie die Gutschrift zur Rechnung 4711 im Anhang.',
    from: { name: 'Papierhandel Schmidt', address: 'info@papier-schmidt.example' },
    receivedAt: '2024-09-05T08:13:29Z',
    isRead: false,
  },
];

export function demoInbox(mailbox: SeedMailbox): NewMail[] {
  const seeds: NewMail[] = mailbox.shared
    ? INVOICE_NOTICES
    : [
        {
          subject: 'Willkommen in Ihrem Postfach',
          body: `Dies ist das Demo-Postfach ${mailbox.address}.`,
          from: { name: 'Microsoft-Emulator', address: 'no-reply@emulator.example' },
          receivedAt: '2024-09-01T06:00:00Z',
          isRead: true,
        },
      ];
  // Stable Message-IDs give stable message ids across restarts (ids derive from them).
  return seeds.map((mail, index) => ({
    ...mail,
    to: [{ name: mailbox.address, address: mailbox.address }],
    internetMessageId: `<demo-${index + 1}.${mailbox.address.replace('@', '.')}@emulator.example>`,
  }));
}
