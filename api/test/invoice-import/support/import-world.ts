import type { NewMail, RunningMicrosoftEmulator } from '@ecm365/emulators';
import { invoicePdf, sampleInvoice } from '@ecm365/emulators';
import type { ImportMessage, ImportMessagesResponse, InvoiceMailImportResponse, RedeemResponse } from '@ecm365/shared';
import { expect } from 'vitest';
import type { RoundResult } from '../../../src/modules/invoice-import/import-round.js';
import { findTenantBySlug } from '../../../src/modules/tenants/tenant.repository.js';
import { asUser, obtainCode } from '../../support/connect-flow.js';
import { signIn, startTestApp, type SignedIn, type TestApp } from '../../support/test-app.js';
import type { TestDatabase } from '../../support/test-database.js';

export const IMPORT_BASE = '/api/v1/ms365/features/invoice-mail-import';
export const INVOICE_MAILBOX = 'rechnungen@contoso.example';
/** The demo ELO's technical account (emulators/src/elo fixtures: may write everywhere). */
export const SERVICE_ACCOUNT = { user: 'ecm365-dienst', password: 'dienst-demo' };

export interface ImportWorld {
  t: TestApp;
  admin: SignedIn;
  tenantId: string;
  /** Drops a mail into rechnungen@… (the emulator's Inbox), received now unless it says otherwise. */
  deliver(mail: NewMail): ReturnType<RunningMicrosoftEmulator['controls']['deliverMail']>;
  /** One round of the mailbox, run here (the job queue is not started in tests). */
  round(): Promise<RoundResult>;
  state(): Promise<InvoiceMailImportResponse>;
  messages(query?: string): Promise<ImportMessage[]>;
  /** What the ELO emulator has filed for tenant acme. */
  filed(): ReturnType<TestApp['elo']['controls']['filed']>;
  /** „Verbindung erneut einrichten“: a new consent as admin@contoso.example, redeemed (and tested). */
  reconnect(): Promise<void>;
  /** The emulator's view of the mailbox: where each mail is now. */
  folderOf(immutableId: string): string | undefined;
  close(): Promise<void>;
}

export interface ImportWorldOptions {
  env?: Record<string, string>;
  database?: TestDatabase;
  microsoft?: RunningMicrosoftEmulator;
  /** Settings beyond enabled+mailbox for the PUT. */
  settings?: Record<string, unknown>;
  /** Default true: the ELO service account is set. */
  serviceAccount?: boolean;
  /** Default true: Microsoft 365 connected as admin@contoso.example (who may open rechnungen@…). */
  connect?: boolean;
}

/**
 * The app against real Postgres and both emulators over HTTP, tenant acme with the import enabled for
 * rechnungen@contoso.example, connected, with the ELO service account set. The cut-off is a minute in the past,
 * so the emulator's seeded mails (older) stay out and mails delivered by the test are in.
 */
export async function startImportWorld(options: ImportWorldOptions = {}): Promise<ImportWorld> {
  const t = await startTestApp({
    ...(options.env ? { env: options.env } : {}),
    ...(options.database ? { database: options.database } : {}),
    ...(options.microsoft ? { microsoft: options.microsoft } : {}),
  });
  const admin = await signIn(t.app, 'admin', 'admin');
  const tenantId = (await findTenantBySlug(t.database.db, 'acme'))!.id;
  if (options.serviceAccount !== false) {
    await t.services.eloServiceAccounts.set('acme', SERVICE_ACCOUNT.user, SERVICE_ACCOUNT.password);
  }
  const user = asUser(t, admin);
  const put = await user.put(IMPORT_BASE, {
    enabled: true,
    mailbox: INVOICE_MAILBOX,
    importFrom: new Date(Date.now() - 60_000).toISOString(),
    ...options.settings,
  });
  expect(put.statusCode, put.body).toBe(200);
  const reconnect = async () => {
    const redeemed = await user.post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    expect(redeemed.json<RedeemResponse>().test.ok, redeemed.body).toBe(true);
  };
  if (options.connect !== false) await reconnect();
  const key = { tenantId, mailbox: INVOICE_MAILBOX };
  return {
    t,
    admin,
    tenantId,
    deliver: (mail) => t.microsoft.controls.deliverMail(INVOICE_MAILBOX, mail),
    round: () => t.services.importRound.run(key),
    state: async () => (await user.get(IMPORT_BASE)).json<InvoiceMailImportResponse>(),
    messages: async (query = '') =>
      (await user.get(`${IMPORT_BASE}/messages${query ? `?${query}` : ''}`)).json<ImportMessagesResponse>().items,
    filed: () => t.elo.controls.filed('acme'),
    reconnect,
    folderOf: (immutableId) =>
      t.microsoft.controls.listMailbox(INVOICE_MAILBOX).messages.find((message) => message.immutableId === immutableId)
        ?.folderName,
    close: () => t.close(),
  };
}

let invoiceCounter = 0;

/** A plain PDF invoice mail from a supplier, received now. */
export async function invoiceMail(overrides: Partial<NewMail> = {}): Promise<NewMail> {
  invoiceCounter += 1;
  const number = `RE-T-${process.pid}-${invoiceCounter}`;
  const invoice = sampleInvoice({ number, issueDate: '2026-11-30', dueDate: '2026-12-14', deliveryDate: '2026-11-28' });
  return {
    from: { name: invoice.seller.name, address: invoice.seller.email },
    subject: `Rechnung ${number}`,
    body: 'Anbei unsere Rechnung.',
    attachments: [
      {
        kind: 'file',
        name: `Rechnung_${number}.pdf`,
        contentType: 'application/pdf',
        content: await invoicePdf(invoice),
      },
    ],
    ...overrides,
  };
}
