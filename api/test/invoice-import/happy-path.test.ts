import { logoPng } from '@ecm365/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import {
  IMPORT_BASE,
  INVOICE_MAILBOX,
  invoiceMail,
  startImportWorld,
  type ImportWorld,
} from './support/import-world.js';

let w: ImportWorld;
beforeAll(async () => {
  w = await startImportWorld();
});
afterAll(() => w.close());

describe('the invoice mail import, end to end over the emulators', () => {
  it('files a dropped-in invoice into ELO with its index fields, moves the mail, lists it as imported', async () => {
    const mail = await invoiceMail();
    const delivered = w.deliver(mail);
    expect(await w.round()).toBe('done');

    const filed = w.filed();
    expect(filed).toHaveLength(1);
    const [document] = filed;
    const year = String(new Date().getFullYear());
    expect(document).toMatchObject({ mask: 'Rechnung', name: mail.attachments![0]!.name.replace(/\.pdf$/, '') });
    expect(document!.folderPath).toMatch(new RegExp(`^¶Rechnungseingang¶${year}¶\\d{2}$`));
    expect(document!.indexFields).toMatchObject({
      ECM365_MAILBOX: INVOICE_MAILBOX,
      ECM365_SUBJECT: mail.subject,
      ECM365_FROM: `${mail.from.name} <${mail.from.address}>`,
      ELO_FNAME: mail.attachments![0]!.name,
      RE_KIND: 'pdf',
    });
    expect(document!.indexFields.ECM365_IMPORT_KEY).toMatch(/^[0-9A-F]{64}$/);
    expect(document!.indexFields.ECM365_MESSAGE_ID).toBe(delivered.internetMessageId);

    expect(w.folderOf(delivered.immutableId)).toBe('ELO importiert');

    const [item] = await w.messages();
    expect(item).toMatchObject({
      state: 'imported',
      subject: mail.subject,
      attempts: 1,
      documents: [{ name: mail.attachments![0]!.name, kind: 'pdf', eloObjId: String(document!.objId) }],
    });
    expect(item!.documents[0]!.eloPath).toBe(`${document!.folderPath}¶${document!.name}`);
    const state = await w.state();
    expect(state).toMatchObject({ state: 'running', backlog: 0, counts: { imported: 1, failed: 0, skipped: 0 } });
    expect(state.eloMaskUsed).toBe('Rechnung');
    expect(state.lastRunAt).toBeDefined();
  });

  it('files nothing again in a second round', async () => {
    const before = w.filed().length;
    expect(await w.round()).toBe('done');
    expect(w.filed()).toHaveLength(before);
    expect((await w.messages()).filter((item) => item.state === 'imported')).toHaveLength(1);
  });

  it('skips a mail without attachment with the reason, and writes the events of the imported one', async () => {
    const delivered = w.deliver({ from: { name: 'Jemand', address: 'jemand@example.org' }, subject: 'Rückfrage' });
    await w.round();
    const item = (await w.messages()).find((candidate) => candidate.subject === 'Rückfrage');
    expect(item).toMatchObject({ state: 'skipped', skippedReason: { code: 'no_attachment' }, documents: [] });
    expect(w.folderOf(delivered.immutableId)).toBe('ELO importiert');
    const events = await w.t.database.db
      .selectFrom('outboxEvents')
      .select(['type', 'data'])
      .where('tenantId', '=', w.tenantId)
      .where('type', 'like', 'invoice_import.%')
      .execute();
    expect(events.map((event) => event.type)).toEqual(['invoice_import.message.imported']);
  });

  it('leaves the inline logo out and says so in the activity list', async () => {
    const mail = await invoiceMail({ subject: 'Rechnung mit Logo' });
    mail.attachments!.push({
      kind: 'file',
      name: 'logo.png',
      contentType: 'image/png',
      content: logoPng(),
      isInline: true,
      contentId: 'logo@firma',
    });
    const before = w.filed().length;
    w.deliver(mail);
    await w.round();
    expect(w.filed()).toHaveLength(before + 1);
    const item = (await w.messages()).find((candidate) => candidate.subject === 'Rechnung mit Logo');
    expect(item).toMatchObject({ state: 'imported', documents: [{ kind: 'pdf' }] });
    expect(item!.notes).toEqual([
      {
        code: 'attachment_inline',
        messageCode: 'import.attachment_inline',
        params: {},
        document: 'logo.png',
        message: 'logo.png: Eingebettetes Bild (z. B. Logo oder Signatur) – nicht übernommen.',
      },
    ]);
  });

  it('shows another tenant none of these mails, and retries only failed ones', async () => {
    const [imported] = await w.messages('state=imported');
    const user = asUser(w.t, w.admin);
    expect((await user.post(`${IMPORT_BASE}/messages/${imported!.id}/retry`)).statusCode).toBe(409);
    const other = await (await import('../support/test-app.js')).signIn(w.t.app, 'admin', 'admin', 'other');
    const theirs = await asUser(w.t, other).get(`${IMPORT_BASE}/messages`);
    expect(theirs.json().items).toEqual([]);
    expect((await asUser(w.t, other).post(`${IMPORT_BASE}/messages/${imported!.id}/retry`)).statusCode).toBe(404);
  });
});
