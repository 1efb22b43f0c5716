import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { IMPORT_BASE, invoiceMail, startImportWorld, type ImportWorld } from './support/import-world.js';

let w: ImportWorld;
beforeAll(async () => {
  w = await startImportWorld();
});
afterAll(() => w.close());

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('exactly once, across a crash and a refused mask', () => {
  it('files one document when the worker dies after ELO accepted it and before the ledger knew', async () => {
    const delivered = w.deliver(await invoiceMail());
    // The worker "dies" right after the check-in: its round never goes on (and never releases its lease).
    w.t.services.importRound.faults.afterEloCheckin = () => new Promise<void>(() => {});
    void w.round();
    await until(() => w.filed().length === 1);
    const [row] = await w.t.database.db.selectFrom('invoiceImportDocuments').selectAll().execute();
    expect(row?.eloObjId).toBeNull();
    delete w.t.services.importRound.faults.afterEloCheckin;

    // While the dead round's lease lasts, nobody else runs the mailbox.
    expect(await w.round()).toBe('busy');
    // Once it ran out, the next round (any replica) looks the import key up in ELO and records what is there.
    w.t.clock.advance(11 * 60_000);
    expect(await w.round()).toBe('done');
    expect(w.filed()).toHaveLength(1);
    const [item] = await w.messages();
    expect(item).toMatchObject({ state: 'imported', attempts: 2 });
    expect(item!.documents[0]!.eloObjId).toBe(String(w.filed()[0]!.objId));
    expect(w.folderOf(delivered.immutableId)).toBe('ELO importiert');
  });

  it('fails a mail whose mask ELO refuses, with the reason, into „ELO Fehler“; the retry files it after the fix', async () => {
    w.t.elo.controls.rejectMask('acme', 'Rechnung');
    const delivered = w.deliver(await invoiceMail({ subject: 'Rechnung mit gesperrter Maske' }));
    await w.round();
    const [failed] = await w.messages('state=failed');
    expect(failed).toMatchObject({ subject: 'Rechnung mit gesperrter Maske', error: { code: 'elo_rejected' } });
    expect(failed!.error!.message).toMatch(/^ELO hat das Dokument abgelehnt: /);
    expect(w.folderOf(delivered.immutableId)).toBe('ELO Fehler');
    expect((await w.state()).counts.failed).toBe(1);

    w.t.elo.controls.acceptMask('acme', 'Rechnung');
    const retry = await asUser(w.t, w.admin).post(`${IMPORT_BASE}/messages/${failed!.id}/retry`);
    expect(retry.statusCode).toBe(202);
    await w.round();
    const after = (await w.messages()).find((item) => item.id === failed!.id);
    expect(after).toMatchObject({ state: 'imported' });
    expect(after!.error).toBeUndefined();
    expect(w.folderOf(delivered.immutableId)).toBe('ELO importiert');
    expect(w.filed()).toHaveLength(2);
    const events = await w.t.database.db
      .selectFrom('outboxEvents')
      .select(['type', 'data'])
      .where('type', 'like', 'invoice_import.%')
      .orderBy('tenantSeq')
      .execute();
    // Webhook receivers get the reason as code + params besides the German message (render it in any language).
    expect(events[1]?.data).toMatchObject({
      error: { code: 'elo_rejected', messageCode: 'import.elo_rejected', params: { detail: expect.any(String) } },
    });
    expect(events.map((event) => event.type)).toEqual([
      'invoice_import.message.imported',
      'invoice_import.message.failed',
      'invoice_import.message.imported',
    ]);
  });
});
