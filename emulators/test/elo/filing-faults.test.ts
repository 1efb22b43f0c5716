import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEloEmulator, type RunningEloEmulator } from '../../src/elo/index.js';
import { basic, exception, fileDocument, result, SERVICE, uploadStream } from './filing-client.js';
import { ix, loginTicket } from './ix-client.js';

let emulator: RunningEloEmulator;
let base: string;
let folder: number;

beforeAll(async () => {
  emulator = await startEloEmulator();
  base = emulator.baseUrl();
});
afterEach(() => emulator.controls.reset());
afterAll(() => emulator.close());

async function eingang(): Promise<number> {
  const ids = await result<number[]>(base, 'checkinSordPath', { parentId: '1', sords: [{ name: 'Eingang' }] });
  return ids[0] ?? 0;
}

describe('rights, validation and sessions', () => {
  it('refuses checkinDocEnd for a user without write rights on the folder', async () => {
    folder = await eingang();
    await expect(
      fileDocument(base, { parentId: folder, name: 'x', content: 'y' }, basic('gast', 'gast')),
    ).rejects.toThrow(/\[ELOIX:9903\]Access denied: no write access to ¶Eingang/);
    expect(emulator.controls.filed()).toEqual([]);
  });

  it('refuses an index value longer than the mask line allows, naming the field', async () => {
    folder = await eingang();
    await expect(
      fileDocument(base, { parentId: folder, name: 'x', content: 'y', keys: { RE_NUMMER: 'N'.repeat(51) } }),
    ).rejects.toThrow(/\[ELOIX:2000\].*RE_NUMMER.*50/);
    await fileDocument(base, { parentId: folder, name: 'x', content: 'y', keys: { RE_NUMMER: 'N'.repeat(50) } });
  });

  it('answers [ELOIX:2001] after the tickets expired, and [ELOIX:3008] for wrong Basic credentials', async () => {
    const ticket = await loginTicket(base, 'ecm365-dienst', 'dienst-demo');
    await result(base, 'checkoutDocMask', { ci: { ticket }, maskId: '0' }, {});
    emulator.controls.expireSessions();
    expect(await exception(base, 'checkoutDocMask', { ci: { ticket }, maskId: '0' }, {})).toMatch(/^\[ELOIX:2001\]/);
    expect(await exception(base, 'checkoutDocMask', { maskId: '0' }, basic('ecm365-dienst', 'falsch'))).toMatch(
      /^\[ELOIX:3008\]/,
    );
    expect(await exception(base, 'checkoutDocMask', { maskId: '0' }, {})).toMatch(/^\[ELOIX:2001\]/);
  });

  it('expires tickets after the idle lifetime', async () => {
    const short = await startEloEmulator({ ticketLifetimeSeconds: 0.2 });
    try {
      const ticket = await loginTicket(short.baseUrl(), 'ecm365-dienst', 'dienst-demo');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await exception(short.baseUrl(), 'checkoutDocMask', { ci: { ticket }, maskId: '0' }, {})).toMatch(
        /^\[ELOIX:2001\]/,
      );
    } finally {
      await short.close();
    }
  });
});

describe('fault injection', () => {
  it('answers the injected exception to the next call of a function only', async () => {
    folder = await eingang();
    emulator.controls.injectException({ fn: 'checkinDocEnd', code: 2003, text: 'Temporärer Fehler' });
    await expect(fileDocument(base, { parentId: folder, name: 'x', content: 'y' })).rejects.toThrow(
      '[ELOIX:2003]Temporärer Fehler',
    );
    await fileDocument(base, { parentId: folder, name: 'x', content: 'y' });
    expect(emulator.controls.filed()).toHaveLength(1);
  });

  it('rejects a mask until it is accepted again (also over HTTP)', async () => {
    folder = await eingang();
    const control = (path: string, body: unknown) =>
      fetch(`${emulator.origin}/_emulator${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await control('/masks/reject', { repository: 'demo', mask: 'Rechnung' })).status).toBe(200);
    await expect(fileDocument(base, { parentId: folder, name: 'x', content: 'y' })).rejects.toThrow(
      /\[ELOIX:2000\]Keywording form "Rechnung"/,
    );
    await control('/masks/accept', { repository: 'demo', mask: 'Rechnung' });
    await fileDocument(base, { parentId: folder, name: 'x', content: 'y' });
  });

  it('drops the connection after checkinDocEnd persisted: the client fails, the document exists', async () => {
    folder = await eingang();
    emulator.controls.dropConnectionAfter({ fn: 'checkinDocEnd' });
    await expect(
      fileDocument(base, { parentId: folder, name: 'x', content: 'y', keys: { ECM365_IMPORT_KEY: 'K1' } }),
    ).rejects.toThrow(/fetch failed/);
    expect(emulator.controls.filed()).toHaveLength(1);
    const found = await result<{ sord: { name: string } }>(base, 'checkoutSord', {
      objId: 'OKEY:ECM365_IMPORT_KEY=K1',
    });
    expect(found.sord.name).toBe('x');
    expect(emulator.controls.callCounts('demo').checkinDocEnd).toBe(1);
  });
});

describe('large uploads', () => {
  it('streams a 25 MB upload to disk and checks it in with the right size and MD5', async () => {
    folder = await eingang();
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const md5 = createHash('md5');
    for (let i = 0; i < 25; i++) md5.update(chunk);
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 25; i++) yield chunk;
      })(),
    );
    const streamId = await uploadStream(base, Readable.toWeb(source) as ReadableStream, SERVICE);
    const template = await result<{ sord: Record<string, unknown> }>(base, 'createDoc', { parentId: String(folder) });
    await result(base, 'checkinDocEnd', {
      sord: { ...template.sord, name: 'gross' },
      document: { docs: [{ ext: 'pdf', fileData: { stream: { streamId } } }] },
    });
    expect(emulator.controls.filed()[0]?.document).toMatchObject({
      size: 25 * 1024 * 1024,
      md5: md5.digest('hex').toUpperCase(),
    });
    const { json } = await ix(
      base,
      'checkoutSord',
      { objId: `MD5:${emulator.controls.filed()[0]?.document.md5}` },
      SERVICE,
    );
    expect(json.result).toBeDefined();
  });
});

describe('filing controls over HTTP', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${emulator.origin}/_emulator${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = async (path: string) =>
    (await fetch(`${emulator.origin}/_emulator${path}`)).json() as Promise<Record<string, unknown>>;

  it('arms exceptions and dropped answers, expires sessions, lists filed documents and counts calls', async () => {
    folder = await eingang();
    expect((await post('/inject-exception', { fn: 'createDoc', code: 2003, times: 2 })).status).toBe(200);
    expect((await post('/drop-connection-after', { fn: 'checkinDocEnd' })).status).toBe(200);
    expect((await post('/inject-exception', { fn: 'createDoc' })).status).toBe(400);
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(fileDocument(base, { parentId: folder, name: 'x', content: 'y' })).rejects.toThrow(/ELOIX:2003/);
    }
    await expect(fileDocument(base, { parentId: folder, name: 'x', content: 'y' })).rejects.toThrow(/fetch failed/);
    const { documents } = (await get('/filed?repository=demo')) as { documents: Array<{ objId: number }> };
    expect(documents).toHaveLength(1);
    const content = await fetch(`${emulator.origin}/_emulator/documents/demo/${documents[0]?.objId}/content`);
    expect(await content.text()).toBe('y');
    expect(await get('/call-counts?repository=demo')).toMatchObject({
      counts: { createDoc: 3, checkinDocEnd: 1, 'BUtility/upload': 1 },
      openSearches: 0,
    });

    const ticket = await loginTicket(base, 'ecm365-dienst', 'dienst-demo');
    expect((await post('/expire-sessions', {})).status).toBe(200);
    expect(await exception(base, 'checkoutDocMask', { ci: { ticket }, maskId: '0' }, {})).toMatch(/^\[ELOIX:2001\]/);
    expect((await fetch(`${emulator.origin}/_emulator/filed?repository=nope`)).status).toBe(404);
  });
});
