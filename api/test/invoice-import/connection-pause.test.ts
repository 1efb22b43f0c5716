import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceMail, startImportWorld, type ImportWorld } from './support/import-world.js';

let w: ImportWorld;
beforeAll(async () => {
  w = await startImportWorld();
});
afterAll(() => w.close());

const importEvents = async () =>
  (
    await w.t.database.db
      .selectFrom('outboxEvents')
      .select('type')
      .where('type', 'like', 'invoice_import.%')
      .orderBy('tenantSeq')
      .execute()
  ).map((event) => event.type);

describe('a revoked connection', () => {
  it('pauses the import with needs_attention, once, and it resumes after the connection is set up again', async () => {
    // Short-lived access tokens: every round has to refresh, so the revocation shows at once.
    w.t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    await w.reconnect();
    w.t.microsoft.controls.revokeRefreshTokens('admin@contoso.example');
    const delivered = w.deliver(await invoiceMail());

    expect(await w.round()).toBe('needs_attention');
    expect(await w.round()).toBe('needs_attention');
    const paused = await w.state();
    expect(paused).toMatchObject({ state: 'needs_attention', lastError: { code: 'connection_needs_reauth' } });
    expect(paused.lastError!.message).toContain('Verbindung erneut einrichten');
    expect(w.filed()).toHaveLength(0);
    expect(w.folderOf(delivered.immutableId)).toBe('Posteingang');
    expect(await importEvents()).toEqual(['invoice_import.needs_attention']);

    await w.reconnect();
    expect(await w.round()).toBe('done');
    const resumed = await w.state();
    expect(resumed).toMatchObject({ state: 'running', counts: { imported: 1 } });
    expect(resumed.lastError).toBeUndefined();
    expect(w.filed()).toHaveLength(1);
    expect(w.folderOf(delivered.immutableId)).toBe('ELO importiert');
    expect(await importEvents()).toEqual(['invoice_import.needs_attention', 'invoice_import.message.imported']);
  });
});
