import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEloEmulator, type RunningEloEmulator } from '../../src/elo/index.js';
import { exception, fileDocument, result, SERVICE, uploadStream } from './filing-client.js';
import { ix, loginTicket } from './ix-client.js';

let emulator: RunningEloEmulator;
let base: string;

beforeAll(async () => {
  emulator = await startEloEmulator();
  base = emulator.baseUrl();
});
afterEach(() => emulator.controls.reset());
afterAll(() => emulator.close());

const path = (...names: string[]) => ({ parentId: '1', sords: names.map((name) => ({ name })), sordZ: {} });
const md5 = (text: string) => createHash('md5').update(text).digest('hex').toUpperCase();

describe('checkinSordPath', () => {
  it('creates the missing folders of a path and answers every id, the leaf last', async () => {
    const first = await result<number[]>(base, 'checkinSordPath', path('Rechnungseingang', '2025'));
    expect(first).toHaveLength(2);
    const second = await result<number[]>(base, 'checkinSordPath', path('Rechnungseingang', '2025', '03'));
    expect(second.slice(0, 2)).toEqual(first);
    expect(second).toHaveLength(3);
    const leaf = await result<{ sord: { id: number; refPaths: Array<{ pathAsString: string }> } }>(
      base,
      'checkoutSord',
      { objId: 'ARCPATH:¶Rechnungseingang¶2025¶03' },
    );
    expect(leaf.sord.id).toBe(second[2]);
    expect(leaf.sord.refPaths[0]?.pathAsString).toBe('¶Rechnungseingang¶2025');
  });

  it('refuses to create below a folder without write rights and creates nothing', async () => {
    expect(await exception(base, 'checkinSordPath', path('Nur Lesen', 'Neu'))).toMatch(
      /^\[ELOIX:9903\]Access denied: no write access to ¶Nur Lesen/,
    );
    expect((await ix(base, 'checkoutSord', { objId: 'ARCPATH:¶Nur Lesen¶Neu' }, SERVICE)).json.exception).toMatch(
      /^\[ELOIX:5023\]/,
    );
  });
});

describe('filing a document', () => {
  it('createDoc answers a template with id -1 and the mask lines, and persists nothing', async () => {
    const [folder] = await result<number[]>(base, 'checkinSordPath', path('Eingang'));
    const template = await result<{ sord: { id: number; maskName: string; objKeys: Array<{ name: string }> } }>(
      base,
      'createDoc',
      { parentId: String(folder), maskId: 'Rechnung', editInfoZ: { bset: '1' } },
    );
    expect(template.sord).toMatchObject({ id: -1, maskName: 'Rechnung' });
    expect(template.sord.objKeys.map((key) => key.name)).toContain('ECM365_IMPORT_KEY');
    expect(emulator.controls.filed()).toEqual([]);
  });

  it('files through BUtility/upload and checkinDocEnd, and finds the document by OKEY, MD5, GUID and id', async () => {
    const [folder = 0] = await result<number[]>(base, 'checkinSordPath', path('Eingang'));
    const filed = await fileDocument(base, {
      parentId: folder,
      name: 'Rechnung 4711',
      content: 'pdf bytes',
      keys: { ECM365_IMPORT_KEY: 'ABC123', ELO_FNAME: 'rechnung.pdf', UNBEKANNT: 'x' },
    });
    expect(filed.objId).toMatch(/^\d+$/);
    expect(filed.docs[0]).toMatchObject({ md5: md5('pdf bytes'), size: '9', ext: 'pdf' });

    const byKey = await result<{
      sord: { id: number; guid: string; objKeys: Array<{ name: string; data: string[] }> };
    }>(base, 'checkoutSord', { objId: 'OKEY:ECM365_IMPORT_KEY=ABC123' });
    expect(byKey.sord.id).toBe(Number(filed.objId));
    expect(byKey.sord.objKeys).toContainEqual(expect.objectContaining({ name: 'ELO_FNAME', data: ['rechnung.pdf'] }));
    for (const objId of [`MD5:${md5('pdf bytes')}`, byKey.sord.guid, filed.objId, 'OKEY:ECM365_IMPORT*=ABC%']) {
      expect((await result<{ sord: { id: number } }>(base, 'checkoutSord', { objId })).sord.id).toBe(byKey.sord.id);
    }
    expect(await exception(base, 'checkoutSord', { objId: 'OKEY:ECM365_IMPORT_KEY=OTHER' })).toMatch(/^\[ELOIX:5023\]/);
    expect(await exception(base, 'checkoutSord', { objId: `MD5:${md5('pdf bytes').toLowerCase()}` })).toMatch(
      /^\[ELOIX:5023\]/,
    );

    expect(emulator.controls.filed()).toEqual([
      expect.objectContaining({
        folderPath: '¶Eingang',
        name: 'Rechnung 4711',
        mask: 'Rechnung',
        indexFields: { ECM365_IMPORT_KEY: 'ABC123', ELO_FNAME: 'rechnung.pdf' },
        filedBy: 'ecm365-dienst',
        document: { ext: 'pdf', contentType: 'application/pdf', size: 9, md5: md5('pdf bytes') },
      }),
    ]);
    const download = await fetch(`${emulator.origin}/_emulator/documents/demo/${filed.objId}/content`);
    expect(await download.text()).toBe('pdf bytes');
  });

  it('files through checkinDocBegin, a multipart upload to its URL and the uploadResult, with an attachment', async () => {
    const [folder] = await result<number[]>(base, 'checkinSordPath', path('Eingang'));
    const template = await result<{ sord: Record<string, unknown> }>(base, 'createDoc', {
      parentId: String(folder),
      maskId: '0',
      editInfoZ: { bset: '1' },
    });
    const begun = await result<{ objId?: string; docs: Array<{ url: string }>; atts: Array<{ url: string }> }>(
      base,
      'checkinDocBegin',
      { document: { docs: [{ ext: 'xml', contentType: 'application/xml' }], atts: [{ ext: 'pdf' }] } },
    );
    expect(begun.objId).toBeUndefined();
    const upload = async (url: string, content: string) => {
      const form = new FormData();
      form.append('file', new Blob([content]), 'invoice');
      const response = await fetch(url, { method: 'POST', body: form });
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      return response.text();
    };
    const docResult = await upload(begun.docs[0]?.url ?? '', '<Invoice/>');
    const attResult = await upload(begun.atts[0]?.url ?? '', 'pdf view');
    const ended = await result<{ objId: string }>(base, 'checkinDocEnd', {
      sord: { ...template.sord, name: 'E-Rechnung' },
      sordZ: { bset: '4' },
      document: {
        docs: [{ ...begun.docs[0], uploadResult: docResult }],
        atts: [{ ...begun.atts[0], uploadResult: attResult }],
      },
      unlockZ: { bset: '0' },
    });
    const [filed] = emulator.controls.filed();
    expect(filed).toMatchObject({
      objId: Number(ended.objId),
      mask: 'Freie Eingabe',
      document: { ext: 'xml', size: 10 },
      attachment: { ext: 'pdf', size: 8 },
    });
    const checkedOut = await result<{ sord: { docVersion: { url: string } } }>(base, 'checkoutSord', {
      objId: ended.objId,
    });
    expect(await (await fetch(checkedOut.sord.docVersion.url)).text()).toBe('<Invoice/>');
  });

  it('refuses checkinDocBegin with objId -1 (5023) and a version without ext (2000)', async () => {
    expect(await exception(base, 'checkinDocBegin', { document: { objId: '-1', docs: [{ ext: 'pdf' }] } })).toMatch(
      /^\[ELOIX:5023\]/,
    );
    expect(await exception(base, 'checkinDocBegin', { document: { docs: [{ contentType: 'x' }] } })).toMatch(
      /^\[ELOIX:2000\]/,
    );
  });

  it('uses a stream once and only for the user who uploaded it', async () => {
    const [folder = 0] = await result<number[]>(base, 'checkinSordPath', path('Eingang'));
    const ticket = await loginTicket(base, 'admin', 'admin');
    const streamId = await uploadStream(base, 'bytes', { authorization: `Bearer ${ticket}` });
    const template = await result<{ sord: Record<string, unknown> }>(base, 'createDoc', { parentId: String(folder) });
    const body = {
      sord: { ...template.sord, name: 'x' },
      document: { docs: [{ ext: 'txt', fileData: { stream: { streamId } } }] },
    };
    expect(await exception(base, 'checkinDocEnd', body)).toMatch(/^\[ELOIX:5023\]/);
    await result(base, 'checkinDocEnd', { ...body, ci: { ticket } }, {});
    expect(await exception(base, 'checkinDocEnd', { ...body, ci: { ticket } }, {})).toMatch(/^\[ELOIX:5023\]/);
    expect(emulator.controls.filed()).toHaveLength(1);
  });
});

describe('masks and searches', () => {
  it('checkoutDocMask answers lines with group names and max lengths, by name, id or GUID', async () => {
    const mask = await result<{ id: number; guid: string; lines: Array<{ key: string; max: number }> }>(
      base,
      'checkoutDocMask',
      { maskId: 'rechnung', docMaskZ: { bset: '127' }, lockZ: { bset: '0' } },
    );
    expect(mask.lines).toContainEqual(expect.objectContaining({ key: 'RE_NUMMER', max: 50 }));
    expect((await result<{ name: string }>(base, 'checkoutDocMask', { maskId: String(mask.id) })).name).toBe(
      'Rechnung',
    );
    expect((await result<{ name: string }>(base, 'checkoutDocMask', { maskId: mask.guid })).name).toBe('Rechnung');
    expect(await exception(base, 'checkoutDocMask', { maskId: 'Gibt es nicht' })).toMatch(/^\[ELOIX:5023\]/);
  });

  it('pages through findFirstSords/findNextSords and frees the search with findClose', async () => {
    const [folder = 0] = await result<number[]>(base, 'checkinSordPath', path('Eingang'));
    for (const n of [1, 2, 3]) {
      await fileDocument(base, { parentId: folder, name: `R${n}`, content: `c${n}`, keys: { RE_NUMMER: `N-${n}` } });
    }
    const first = await result<{ sords: Array<{ name: string }>; moreResults: boolean; searchId: string }>(
      base,
      'findFirstSords',
      {
        findInfo: {
          findChildren: { parentId: String(folder) },
          findByIndex: { objKeys: [{ name: 'RE_NUMMER', data: ['N-*'] }] },
        },
        max: 2,
      },
    );
    expect(first.sords.map((sord) => sord.name)).toEqual(['R1', 'R2']);
    expect(first.moreResults).toBe(true);
    const next = await result<{ sords: Array<{ name: string }>; moreResults: boolean }>(base, 'findNextSords', {
      searchId: first.searchId,
      idx: 2,
      max: 2,
    });
    expect(next).toMatchObject({ sords: [{ name: 'R3' }], moreResults: false });
    expect(emulator.controls.openSearches()).toBe(1);
    await result(base, 'findClose', { searchId: first.searchId });
    expect(emulator.controls.openSearches()).toBe(0);
    expect(await exception(base, 'findNextSords', { searchId: first.searchId, idx: 0, max: 2 })).toMatch(
      /^\[ELOIX:5023\]/,
    );
  });
});
