import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generatedContent, type NewMail } from '@ecm365/emulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DeltaStateExpiredError,
  GraphGateway,
  MicrosoftRequestError,
  type DeltaMessage,
  type DeltaPage,
  type GraphMailGateway,
} from '../../src/adapters/microsoft/index.js';
import { INVOICE_MAILBOX, startMailWorld, type MailWorld } from '../support/graph-mail.js';

let world: MailWorld;
let gateway: GraphMailGateway;
let token: string;
const CUT_OFF = new Date('2025-03-01T00:00:00Z');

beforeAll(async () => {
  world = await startMailWorld();
  gateway = world.gateway();
  token = world.accessToken;
});
afterAll(() => world.close());
beforeEach(() => world.emulator.controls.reset());

function deliver(overrides: Partial<NewMail> = {}) {
  return world.emulator.controls.deliverMail(INVOICE_MAILBOX, {
    from: { name: 'Lieferant GmbH', address: 'rechnung@lieferant.example' },
    subject: 'Rechnung',
    receivedAt: '2025-03-02T10:00:00Z',
    attachments: [{ kind: 'file', name: 'r.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7') }],
    ...overrides,
  });
}

/** Follows a round to its end, as the import engine will (page by page, each link as given). */
async function round(first: DeltaPage): Promise<{ messages: DeltaMessage[]; removedIds: string[]; deltaLink: string }> {
  const messages = [...first.messages];
  const removedIds = [...first.removedIds];
  let page = first;
  while (page.nextLink) {
    page = await gateway.deltaNext(token, INVOICE_MAILBOX, page.nextLink, 1);
    messages.push(...page.messages);
    removedIds.push(...page.removedIds);
  }
  if (!page.deltaLink) throw new Error('round without deltaLink');
  return { messages, removedIds, deltaLink: page.deltaLink };
}

async function failureOf(promise: Promise<unknown>): Promise<MicrosoftRequestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MicrosoftRequestError);
  return error as MicrosoftRequestError;
}

describe('delta on the Inbox', () => {
  it('should page everything received since the cut-off with immutable ids, then see only what is new', async () => {
    deliver({ subject: 'Alt', receivedAt: '2025-02-01T10:00:00Z' });
    const wanted = [deliver({ subject: 'Neu 1' }), deliver({ subject: 'Neu 2' })];
    const first = await gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF, pageSize: 1 });
    expect(first.messages).toHaveLength(1);
    expect(first.nextLink).toBeDefined();
    const done = await round(first);
    expect(done.messages.map((m) => m.id).sort()).toEqual(wanted.map((m) => m.immutableId).sort());
    expect(done.messages[0]).toMatchObject({
      from: { address: 'rechnung@lieferant.example', name: 'Lieferant GmbH' },
      hasAttachments: true,
      isRead: false,
      parentFolderId: wanted[0]?.parentFolderId,
      complete: true,
    });

    const arrived = deliver({ subject: 'Danach' });
    const next = await round(await gateway.deltaNext(token, INVOICE_MAILBOX, done.deltaLink));
    expect(next.messages.map((m) => m.id)).toEqual([arrived.immutableId]);
  });

  it('should return replayed messages again, and surface expired delta state as DeltaStateExpiredError', async () => {
    const mail = deliver();
    const first = await round(await gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF }));
    world.emulator.controls.replayDelta(INVOICE_MAILBOX);
    const replayed = await round(await gateway.deltaNext(token, INVOICE_MAILBOX, first.deltaLink));
    expect(replayed.messages.map((m) => m.id)).toEqual([mail.immutableId]);

    world.emulator.controls.expireDeltaTokens(INVOICE_MAILBOX);
    const expired = await failureOf(gateway.deltaNext(token, INVOICE_MAILBOX, replayed.deltaLink));
    expect(expired).toBeInstanceOf(DeltaStateExpiredError);
    expect(expired.failure).toMatchObject({ httpStatus: 410, error: 'SyncStateNotFound' });
  });

  it('should refuse a link to another host without sending the token there', async () => {
    const before = Object.values(world.emulator.controls.stats().graphRequests).reduce((a, b) => a + b, 0);
    const refused = await failureOf(
      gateway.deltaNext(token, INVOICE_MAILBOX, 'https://graph.evil.example/v1.0/users/x/messages/delta?$deltatoken=1'),
    );
    expect(refused.failure.error).toBe('untrusted_link');
    const after = Object.values(world.emulator.controls.stats().graphRequests).reduce((a, b) => a + b, 0);
    expect(after).toBe(before);
  });

  it('should report a moved-away message as removed', async () => {
    const mail = deliver();
    const first = await round(await gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF }));
    const folder = await gateway.findOrCreateChildFolder(token, INVOICE_MAILBOX, 'ELO importiert');
    await gateway.moveMessage(token, INVOICE_MAILBOX, mail.immutableId, folder.id);
    const next = await round(await gateway.deltaNext(token, INVOICE_MAILBOX, first.deltaLink));
    expect(next.removedIds).toEqual([mail.immutableId]);
    expect(next.messages).toEqual([]);
  });
});

describe('attachments and raw contents', () => {
  it('should list attachments by kind and stream a file, an attached mail and the whole mail', async () => {
    const forwarded = Buffer.from('From: a@b.example\r\nSubject: Weitergeleitet\r\n\r\nRechnung\r\n');
    const mail = deliver({
      attachments: [
        { kind: 'file', name: 'r.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 abc') },
        { kind: 'file', name: 'logo.png', contentType: 'image/png', content: Buffer.from('png'), isInline: true },
        { kind: 'item', name: 'Weitergeleitet', mime: forwarded },
        { kind: 'reference', name: 'Link.pdf', sourceUrl: 'https://contoso.sharepoint.example/l.pdf' },
      ],
    });
    const attachments = await gateway.listAttachments(token, INVOICE_MAILBOX, mail.immutableId);
    expect(attachments.map(({ kind, name, isInline }) => ({ kind, name, isInline }))).toEqual([
      { kind: 'file', name: 'r.pdf', isInline: false },
      { kind: 'file', name: 'logo.png', isInline: true },
      { kind: 'item', name: 'Weitergeleitet', isInline: false },
      { kind: 'reference', name: 'Link.pdf', isInline: false },
    ]);
    const [file, , item, reference] = attachments;

    const pdf = await gateway.downloadAttachment(token, INVOICE_MAILBOX, mail.immutableId, file?.id ?? '');
    expect(pdf).toMatchObject({ contentType: 'application/pdf', contentLength: 12 });
    expect((await pdf.stream.toArray()).join('')).toBe('%PDF-1.7 abc');

    const attached = await gateway.downloadAttachment(token, INVOICE_MAILBOX, mail.immutableId, item?.id ?? '');
    expect(Buffer.concat(await attached.stream.toArray()).equals(forwarded)).toBe(true);

    const link = await failureOf(
      gateway.downloadAttachment(token, INVOICE_MAILBOX, mail.immutableId, reference?.id ?? ''),
    );
    expect(link.failure.httpStatus).toBe(405);

    const eml = await gateway.downloadMessageMime(token, INVOICE_MAILBOX, mail.immutableId);
    const mime = Buffer.concat(await eml.stream.toArray()).toString('utf8');
    expect(mime).toContain(`Message-ID: ${mail.internetMessageId}`);
    expect(mime).toContain('filename=r.pdf');
  });

  it('should stream a 25 MB attachment with flat memory and exactly its bytes', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const size = 25 * 1024 * 1024;
    const mail = deliver({
      attachments: [{ kind: 'file', name: 'scan.pdf', contentType: 'application/pdf', content: { size } }],
    });
    const [attachment] = await gateway.listAttachments(token, INVOICE_MAILBOX, mail.immutableId);
    const live = () => {
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const baseline = live();
    let peak = 0;
    const hash = createHash('sha256');
    let received = 0;
    let nextSample = 0;
    const download = await gateway.downloadAttachment(token, INVOICE_MAILBOX, mail.immutableId, attachment?.id ?? '');
    expect(download.contentLength).toBe(size);
    for await (const chunk of download.stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      received += chunk.length;
      if (received >= nextSample) {
        peak = Math.max(peak, live() - baseline);
        nextSample += 2 * 1024 * 1024;
      }
    }
    const expected = createHash('sha256');
    for await (const chunk of generatedContent(size, 'scan.pdf', 'application/pdf')) expected.update(chunk as Buffer);
    expect(received).toBe(size);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));
    // Whatever was read lives on only as the hash: live memory stays far below the file's size.
    expect(peak).toBeLessThan(8 * 1024 * 1024);
  });

  it('should give up on a download whose headers do not come in time', async () => {
    const mail = deliver();
    const [attachment] = await gateway.listAttachments(token, INVOICE_MAILBOX, mail.immutableId);
    world.emulator.controls.setLatency({ target: 'graph', ms: 1500 });
    const impatient = world.gateway({ downloadHeadersTimeoutMs: 200 });
    const failure = await failureOf(
      impatient.downloadAttachment(token, INVOICE_MAILBOX, mail.immutableId, attachment?.id ?? ''),
    );
    expect(failure.failure.error).toBe('timeout');
  });
});

describe('folders, move and updates', () => {
  it('should find or create a child folder once, also when two callers race', async () => {
    const [a, b] = await Promise.all([
      gateway.findOrCreateChildFolder(token, INVOICE_MAILBOX, 'ELO Fehler'),
      gateway.findOrCreateChildFolder(token, INVOICE_MAILBOX, 'ELO Fehler'),
    ]);
    expect(a?.id).toBe(b?.id);
    expect([a?.created, b?.created].filter(Boolean)).toHaveLength(1);
    const again = await gateway.findOrCreateChildFolder(token, INVOICE_MAILBOX, 'elo fehler');
    expect(again).toMatchObject({ id: a?.id, created: false });
    const folders = world.emulator.controls.listMailbox(INVOICE_MAILBOX).folders;
    expect(folders.filter((f) => f.displayName === 'ELO Fehler')).toHaveLength(1);
  });

  it('should keep the message id across a move and accept a move whose answer failed after it happened', async () => {
    const folder = await gateway.findOrCreateChildFolder(token, INVOICE_MAILBOX, 'ELO importiert');
    const first = deliver({ internetMessageId: '<m1@lieferant.example>' });
    const moved = await gateway.moveMessage(token, INVOICE_MAILBOX, first.immutableId, folder.id);
    expect(moved).toMatchObject({ id: first.immutableId, parentFolderId: folder.id });
    expect((await gateway.getMessage(token, INVOICE_MAILBOX, first.immutableId)).parentFolderId).toBe(folder.id);

    const second = deliver({ internetMessageId: '<m2@lieferant.example>' });
    world.emulator.controls.failNext({
      target: 'graph',
      status: 504,
      path: `/v1.0/users/${INVOICE_MAILBOX}/messages/${second.immutableId}/move`,
      afterEffect: true,
    });
    const verified = await gateway.moveMessageVerified(token, INVOICE_MAILBOX, second.immutableId, folder.id);
    expect(verified).toMatchObject({ id: second.immutableId, parentFolderId: folder.id });
  });

  it('should keep the original error of a move that did not happen', async () => {
    const mail = deliver();
    const failure = await failureOf(
      gateway.moveMessageVerified(token, INVOICE_MAILBOX, mail.immutableId, 'AAMkGibtEsNicht='),
    );
    expect(failure.failure).toMatchObject({ httpStatus: 404, error: 'ErrorItemNotFound' });
  });

  it('should mark a message read and carry the import marker; the next round reports the update partially', async () => {
    const mail = deliver();
    const first = await round(await gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF }));
    await gateway.updateMessage(token, INVOICE_MAILBOX, mail.immutableId, { isRead: true, importMarker: 'imported' });
    expect(await gateway.getMessage(token, INVOICE_MAILBOX, mail.immutableId)).toMatchObject({
      isRead: true,
      importMarker: 'imported',
    });
    const next = await round(await gateway.deltaNext(token, INVOICE_MAILBOX, first.deltaLink));
    expect(next.messages).toEqual([
      { id: mail.immutableId, isRead: true, parentFolderId: mail.parentFolderId, complete: false },
    ]);
  });
});

describe('failures and throttling', () => {
  it('should meet 429 from the mailbox concurrency limit when allowed too many requests, and not with its limit', async () => {
    deliver();
    world.emulator.controls.setLatency({ target: 'graph', ms: 300 });
    const greedy = world.gateway({ maxInFlightPerMailbox: 6 });
    const greedyResults = await Promise.allSettled(
      Array.from({ length: 6 }, () => greedy.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF })),
    );
    const throttled = greedyResults
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as MicrosoftRequestError).failure);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]).toMatchObject({ httpStatus: 429, error: 'ApplicationThrottled', retryAfterSeconds: 1 });

    const polite = await Promise.allSettled(
      Array.from({ length: 6 }, () => gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF })),
    );
    expect(polite.every((r) => r.status === 'fulfilled')).toBe(true);
  });

  it("should keep the connection test's Inbox within the import's slots per mailbox, not as a fifth request", async () => {
    deliver();
    world.emulator.controls.setLatency({ target: 'graph', ms: 300 });
    const mail = world.gateway({ maxInFlightPerMailbox: 4 });
    const together = (graph: GraphGateway) =>
      Promise.allSettled([
        ...Array.from({ length: 4 }, () => mail.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF })),
        graph.inbox(token, INVOICE_MAILBOX),
      ]);
    const refused = (results: PromiseSettledResult<unknown>[]) =>
      results
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map((r) => (r.reason as MicrosoftRequestError).failure);

    // Each with slots of its own: four of the import's calls and the Inbox are five in flight, one is refused.
    const apart = refused(await together(new GraphGateway(world.endpoints, world.dispatcher)));
    expect(apart).toHaveLength(1);
    expect(apart[0]).toMatchObject({ httpStatus: 429, error: 'ApplicationThrottled' });

    // Sharing the mail gateway's slots (as the app wires them), the Inbox waits for one.
    const shared = await together(new GraphGateway(world.endpoints, world.dispatcher, undefined, mail.limiter));
    expect(refused(shared)).toEqual([]);
  });

  it('should pass Retry-After on only when Microsoft sent it', async () => {
    world.emulator.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 7 });
    const withHeader = await failureOf(gateway.listAttachments(token, INVOICE_MAILBOX, deliver().immutableId));
    expect(withHeader.failure).toMatchObject({ httpStatus: 429, retryAfterSeconds: 7 });
    expect(withHeader.failure.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    world.emulator.controls.failNext({ target: 'graph', status: 503 });
    const without = await failureOf(gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF }));
    expect(without.failure.httpStatus).toBe(503);
    expect(without.failure.retryAfterSeconds).toBeUndefined();
  });

  it('should report a mailbox without access and an unknown mailbox with Graph codes', async () => {
    world.emulator.controls.setMailboxAccess('admin@contoso.example', INVOICE_MAILBOX, false);
    const denied = await failureOf(gateway.deltaStart(token, INVOICE_MAILBOX, { receivedSince: CUT_OFF }));
    expect(denied.failure).toMatchObject({ httpStatus: 403, error: 'ErrorAccessDenied' });
    const unknown = await failureOf(
      gateway.findOrCreateChildFolder(token, 'niemand@contoso.example', 'ELO importiert'),
    );
    expect(unknown.failure).toMatchObject({ httpStatus: 404, error: 'ErrorInvalidUser' });
  });
});
