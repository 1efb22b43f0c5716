import { beforeAll, describe, expect, it } from 'vitest';
import type { NewMail } from '../../src/microsoft/index.js';
import { adminToken, IMMUTABLE, MAILBOX, rawGraph, wholeRound, type DeltaPage } from './graph-mail-support.js';
import { useTestEmulator } from './support.js';

const t = useTestEmulator({ seedMail: () => [] });
let graph: ReturnType<typeof rawGraph>;
const delta = `/users/${MAILBOX}/mailFolders/inbox/messages/delta`;
const PAGE_OF_TWO = [IMMUTABLE, 'odata.maxpagesize=2'];

beforeAll(async () => {
  const token = await adminToken(t.emulator, t.agent);
  graph = rawGraph(t.emulator, t.agent, () => token);
});

function deliver(count: number, receivedFrom = Date.parse('2025-03-01T08:00:00Z')): string[] {
  return Array.from({ length: count }, (_, index) => {
    const mail: NewMail = {
      from: { name: 'Lieferant', address: 'rechnung@lieferant.example' },
      subject: `Rechnung ${index + 1}`,
      receivedAt: new Date(receivedFrom + index * 60_000).toISOString(),
    };
    return t.emulator.controls.deliverMail(MAILBOX, mail).immutableId;
  });
}

const idsOf = (items: Array<Record<string, unknown>>) => items.map((item) => item.id);

describe('message delta on the Inbox', () => {
  it('should page the first round by maxpagesize with $select, then end with a deltaLink', async () => {
    const ids = deliver(5);
    const first = await graph.get<DeltaPage>(`${delta}?$select=subject,receivedDateTime`, PAGE_OF_TWO);
    expect(first.status).toBe(200);
    expect(first.headers.get('preference-applied')).toContain('odata.maxpagesize=2');
    expect(first.headers.get('preference-applied')).toContain(IMMUTABLE);
    expect(first.body.value).toHaveLength(2);
    expect(Object.keys(first.body.value[0] ?? {}).sort()).toEqual([
      '@odata.etag',
      '@odata.type',
      'id',
      'receivedDateTime',
      'subject',
    ]);
    const next = first.body['@odata.nextLink'] ?? '';
    expect(next).toMatch(/\$skiptoken=/);
    // The options live in the token: the links carry none of them.
    expect(next).not.toContain('select');

    const rest = await wholeRound(graph, next, PAGE_OF_TWO);
    expect(rest.pages).toBe(2);
    expect(rest.deltaLink).toMatch(/\$deltatoken=/);
    expect(idsOf([...first.body.value, ...rest.items]).sort()).toEqual([...ids].sort());
    expect(rest.items.every((item) => Object.keys(item).includes('subject') && !('body' in item))).toBe(true);
  });

  it('should report new, changed and moved-away messages after the deltaLink, and nothing twice when idle', async () => {
    const [kept, read, moved] = deliver(3);
    const firstRound = await wholeRound(graph, delta, [IMMUTABLE]);
    const folder = await graph.post(`/users/${MAILBOX}/mailFolders/inbox/childFolders`, { displayName: 'Erledigt' });

    const [arrived] = deliver(1, Date.parse('2025-03-02T08:00:00Z'));
    await graph.patch(`/users/${MAILBOX}/messages/${read ?? ''}`, { isRead: true }, [IMMUTABLE]);
    await graph.post(`/users/${MAILBOX}/messages/${moved ?? ''}/move`, { destinationId: folder.body.id }, [IMMUTABLE]);

    const second = await wholeRound(graph, firstRound.deltaLink, [IMMUTABLE]);
    const removed = second.items.filter((item) => '@removed' in item);
    const present = second.items.filter((item) => !('@removed' in item));
    expect(removed).toEqual([
      { '@odata.type': '#microsoft.graph.message', id: moved, '@removed': { reason: 'deleted' } },
    ]);
    expect(idsOf(present).sort()).toEqual([arrived, read].sort());
    expect(idsOf(second.items)).not.toContain(kept);
    // An update of a known message carries only a few properties, as Exchange sends it; a new one is whole.
    const update = present.find((item) => item.id === read);
    expect(Object.keys(update ?? {}).sort()).toEqual(['@odata.etag', '@odata.type', 'id', 'isRead', 'parentFolderId']);
    expect(update?.isRead).toBe(true);
    expect(present.find((item) => item.id === arrived)).toHaveProperty('receivedDateTime');

    const idle = await wholeRound(graph, second.deltaLink, [IMMUTABLE]);
    expect(idle.items).toEqual([]);
  });

  it('should name a moved-away message by its old REST id without the immutable-id header', async () => {
    deliver(1);
    const first = await wholeRound(graph, delta, []);
    const restId = String(first.items[0]?.id);
    const folder = await graph.post(`/users/${MAILBOX}/mailFolders/inbox/childFolders`, { displayName: 'Weg' });
    await graph.post(`/users/${MAILBOX}/messages/${restId}/move`, { destinationId: folder.body.id });
    const second = await wholeRound(graph, first.deltaLink, []);
    expect(second.items).toEqual([expect.objectContaining({ id: restId, '@removed': { reason: 'deleted' } })]);
  });

  it('should honour $filter=receivedDateTime ge the cut-off, also in later rounds', async () => {
    deliver(2, Date.parse('2025-01-01T08:00:00Z'));
    const recent = deliver(2, Date.parse('2025-03-01T08:00:00Z'));
    const first = await wholeRound(graph, `${delta}?$filter=receivedDateTime ge 2025-02-01T00:00:00Z`, [IMMUTABLE]);
    expect(idsOf(first.items).sort()).toEqual([...recent].sort());
    deliver(1, Date.parse('2025-01-15T08:00:00Z'));
    const [later] = deliver(1, Date.parse('2025-03-05T08:00:00Z'));
    const second = await wholeRound(graph, first.deltaLink, [IMMUTABLE]);
    expect(idsOf(second.items)).toEqual([later]);
  });

  it('should keep changeType=created of the first request for the rounds after it', async () => {
    const [old] = deliver(1);
    const first = await wholeRound(graph, `${delta}?changeType=created`, [IMMUTABLE]);
    expect(idsOf(first.items)).toEqual([old]);
    await graph.patch(`/users/${MAILBOX}/messages/${old ?? ''}`, { isRead: true }, [IMMUTABLE]);
    const [arrived] = deliver(1);
    const second = await wholeRound(graph, first.deltaLink, [IMMUTABLE]);
    expect(idsOf(second.items)).toEqual([arrived]);
  });

  it('should refuse filters delta does not support', async () => {
    const answer = await graph.get(`${delta}?$filter=subject eq 'x'`);
    expect(answer.status).toBe(400);
  });

  it('should keep only the latest nextLinks of a round valid: an early one answers 410 SyncStateNotFound', async () => {
    deliver(10);
    const round = await wholeRound(graph, delta, PAGE_OF_TWO);
    expect(round.nextLinks.length).toBeGreaterThanOrEqual(4);
    const stale = await graph.get(round.nextLinks[0] ?? '', PAGE_OF_TWO);
    expect(stale.status).toBe(410);
    expect(stale.body).toMatchObject({ error: { code: 'SyncStateNotFound' } });
    const latest = await graph.get(round.nextLinks.at(-1) ?? '', PAGE_OF_TWO);
    expect(latest.status).toBe(200);
  });

  it('should answer 410 SyncStateNotFound once the mailbox delta state expired, and start afresh without it', async () => {
    deliver(2);
    const first = await wholeRound(graph, delta, [IMMUTABLE]);
    t.emulator.controls.expireDeltaTokens(MAILBOX);
    const expired = await graph.get(first.deltaLink, [IMMUTABLE]);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ error: { code: 'SyncStateNotFound' } });
    const fresh = await wholeRound(graph, delta, [IMMUTABLE]);
    expect(fresh.items).toHaveLength(2);
  });

  it('should replay unchanged messages in the next round when told to', async () => {
    const ids = deliver(3);
    const first = await wholeRound(graph, delta, [IMMUTABLE]);
    t.emulator.controls.replayDelta(MAILBOX);
    const replayed = await wholeRound(graph, first.deltaLink, [IMMUTABLE]);
    expect(idsOf(replayed.items).sort()).toEqual([...ids].sort());
    const after = await wholeRound(graph, replayed.deltaLink, [IMMUTABLE]);
    expect(after.items).toEqual([]);
  });

  it('should treat the links as belonging to their mailbox and folder', async () => {
    deliver(1);
    const first = await wholeRound(graph, delta, [IMMUTABLE]);
    const token = new URL(first.deltaLink).searchParams.get('$deltatoken') ?? '';
    const elsewhere = await graph.get(`/users/${MAILBOX}/mailFolders/archive/messages/delta?$deltatoken=${token}`);
    expect(elsewhere.status).toBe(410);
  });
});
