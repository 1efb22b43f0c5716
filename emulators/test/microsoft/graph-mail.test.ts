import { createHash } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { fetch } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatedContent, type NewMail } from '../../src/microsoft/index.js';
import { adminToken, IMMUTABLE, MAILBOX, rawGraph } from './graph-mail-support.js';
import { createGraphClient, graphErrorOf, useTestEmulator } from './support.js';

const t = useTestEmulator();
let token = '';
let graph: ReturnType<typeof rawGraph>;
let client: Client;
const base = `/users/${MAILBOX}`;

beforeAll(async () => {
  token = await adminToken(t.emulator, t.agent);
  graph = rawGraph(t.emulator, t.agent, () => token);
  client = createGraphClient(t.emulator, t.agent, async () => token);
});

const invoiceMail = (overrides: Partial<NewMail> = {}): NewMail => ({
  from: { name: 'Müller GmbH', address: 'buchhaltung@mueller.example' },
  subject: 'Rechnung 4711',
  body: 'Anbei die Rechnung.',
  receivedAt: '2025-03-04T09:15:00Z',
  attachments: [
    { kind: 'file', name: 'rechnung-4711.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 x') },
    {
      kind: 'file',
      name: 'logo.png',
      contentType: 'image/png',
      content: Buffer.from('png'),
      isInline: true,
      contentId: 'logo@x',
    },
  ],
  ...overrides,
});

async function sha256Of(
  stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { hash: hash.digest('hex'), size };
}

describe('mail folders', () => {
  it('should resolve the Inbox by its well-known name in any case and by its id, and keep the demo counts', async () => {
    const inbox = (await client.api(`${base}/mailFolders/inbox`).get()) as Record<string, unknown>;
    expect(inbox).toMatchObject({ displayName: 'Posteingang', totalItemCount: 4, unreadItemCount: 3 });
    const byCase = (await client.api(`${base}/mailFolders/InBoX`).get()) as Record<string, unknown>;
    const byId = (await client.api(`${base}/mailFolders/${encodeURIComponent(String(inbox.id))}`).get()) as Record<
      string,
      unknown
    >;
    expect(byCase.id).toBe(inbox.id);
    expect(byId.id).toBe(inbox.id);
  });

  it('should create a child folder once, refuse the same name again with ErrorFolderExists, and find it by name', async () => {
    const created = await graph.post(`${base}/mailFolders/inbox/childFolders`, { displayName: 'ELO importiert' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'ELO importiert', totalItemCount: 0 });

    const again = await graphErrorOf(
      client.api(`${base}/mailFolders/inbox/childFolders`).post({ displayName: 'elo IMPORTIERT' }),
    );
    expect(again.code).toBe('ErrorFolderExists');

    const found = (await client
      .api(`${base}/mailFolders/inbox/childFolders`)
      .filter("displayName eq 'ELO importiert'")
      .select(['id', 'displayName'])
      .get()) as { value: Array<Record<string, unknown>> };
    expect(found.value).toEqual([{ id: created.body.id, displayName: 'ELO importiert' }]);
    const none = (await client
      .api(`${base}/mailFolders/inbox/childFolders`)
      .filter("displayName eq 'ELO Fehler'")
      .get()) as { value: unknown[] };
    expect(none.value).toEqual([]);
    const inbox = (await client.api(`${base}/mailFolders/inbox`).get()) as Record<string, unknown>;
    expect(inbox.childFolderCount).toBe(1);
  });

  it('should refuse changes to a mailbox the user may not open, and unknown mailboxes', async () => {
    t.emulator.controls.setMailboxAccess('admin@contoso.example', MAILBOX, false);
    const denied = await graph.post(`${base}/mailFolders/inbox/childFolders`, { displayName: 'X' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'ErrorAccessDenied' } });
    const unknown = await graph.get('/users/niemand@contoso.example/mailFolders/inbox/messages/delta');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'ErrorInvalidUser' } });
  });
});

describe('messages and attachments', () => {
  it('should show a delivered mail with its attachments, bytes of small files only, inline ones flagged', async () => {
    const delivered = t.emulator.controls.deliverMail(MAILBOX, invoiceMail());
    const message = await graph.get(
      `${base}/messages/${delivered.immutableId}?$select=subject,from,hasAttachments,internetMessageId,parentFolderId`,
      [IMMUTABLE],
    );
    expect(message.status).toBe(200);
    expect(message.headers.get('preference-applied')).toBe(IMMUTABLE);
    expect(message.body).toMatchObject({
      id: delivered.immutableId,
      subject: 'Rechnung 4711',
      hasAttachments: true,
      internetMessageId: delivered.internetMessageId,
      from: { emailAddress: { address: 'buchhaltung@mueller.example' } },
    });

    const listed = await graph.get<{ value: Array<Record<string, unknown>> }>(
      `${base}/messages/${delivered.immutableId}/attachments?$select=id,name,contentType,size,isInline`,
    );
    expect(listed.body.value).toEqual([
      expect.objectContaining({ name: 'rechnung-4711.pdf', size: 10, isInline: false }),
      expect.objectContaining({ name: 'logo.png', isInline: true, '@odata.type': '#microsoft.graph.fileAttachment' }),
    ]);
    expect(listed.body.value[0]).not.toHaveProperty('contentBytes');

    const big = t.emulator.controls.deliverMail(
      MAILBOX,
      invoiceMail({
        attachments: [
          { kind: 'file', name: 'klein.pdf', contentType: 'application/pdf', content: Buffer.from('abc') },
          { kind: 'file', name: 'gross.pdf', contentType: 'application/pdf', content: { size: 5 * 1024 * 1024 } },
        ],
      }),
    );
    const full = await graph.get<{ value: Array<Record<string, unknown>> }>(`${base}/messages/${big.id}/attachments`);
    expect(full.body.value[0]?.contentBytes).toBe(Buffer.from('abc').toString('base64'));
    expect(full.body.value[1]).not.toHaveProperty('contentBytes');
    expect(full.body.value[1]?.size).toBe(5 * 1024 * 1024);
  });

  it('should not count a mail with only inline images as having attachments', async () => {
    const delivered = t.emulator.controls.deliverMail(
      MAILBOX,
      invoiceMail({ attachments: [invoiceMail().attachments?.[1]].filter((a) => a !== undefined) }),
    );
    const message = await graph.get(`${base}/messages/${delivered.id}?$select=hasAttachments`);
    expect(message.body.hasAttachments).toBe(false);
  });

  it('should stream a 25 MB attachment as exactly the bytes generatedContent describes', async () => {
    const size = 25 * 1024 * 1024;
    const delivered = t.emulator.controls.deliverMail(
      MAILBOX,
      invoiceMail({
        attachments: [{ kind: 'file', name: 'scan.pdf', contentType: 'application/pdf', content: { size } }],
      }),
    );
    const attachmentId = delivered.attachments[0]?.id ?? '';
    const response = await fetch(
      `${t.emulator.origin}/v1.0${base}/messages/${delivered.immutableId}/attachments/${attachmentId}/$value`,
      { dispatcher: t.agent, headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(size));
    if (!response.body) throw new Error('no body');
    const received = await sha256Of(response.body);
    const expected = await sha256Of(generatedContent(size, 'scan.pdf', 'application/pdf'));
    expect(received).toEqual({ hash: expected.hash, size });

    const head = await new Promise<Buffer>((resolve) => {
      generatedContent(size, 'scan.pdf', 'application/pdf').once('data', (chunk: Buffer) => resolve(chunk));
    });
    expect(head.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('should give an item attachment its MIME as $value and refuse $value of a cloud link with 405', async () => {
    const forwarded = Buffer.from('From: a@b.example\r\nSubject: Rechnung 99\r\n\r\nSiehe Anhang\r\n');
    const delivered = t.emulator.controls.deliverMail(
      MAILBOX,
      invoiceMail({
        attachments: [
          { kind: 'item', name: 'Rechnung 99', mime: forwarded },
          { kind: 'reference', name: 'Rechnung.pdf', sourceUrl: 'https://contoso.sharepoint.example/r.pdf' },
        ],
      }),
    );
    const [item, reference] = delivered.attachments;
    const listed = await graph.get<{ value: Array<Record<string, unknown>> }>(
      `${base}/messages/${delivered.id}/attachments?$select=id,name`,
    );
    expect(listed.body.value.map((a) => a['@odata.type'])).toEqual([
      '#microsoft.graph.itemAttachment',
      '#microsoft.graph.referenceAttachment',
    ]);
    const mime = await fetch(
      `${t.emulator.origin}/v1.0${base}/messages/${delivered.id}/attachments/${item?.id ?? ''}/$value`,
      { dispatcher: t.agent, headers: { authorization: `Bearer ${token}` } },
    );
    expect(Buffer.from(await mime.arrayBuffer()).equals(forwarded)).toBe(true);
    const link = await graph.get(`${base}/messages/${delivered.id}/attachments/${reference?.id ?? ''}/$value`);
    expect(link.status).toBe(405);
  });

  it('should give the whole message as MIME with its files', async () => {
    const delivered = t.emulator.controls.deliverMail(MAILBOX, invoiceMail());
    const response = await fetch(`${t.emulator.origin}/v1.0${base}/messages/${delivered.id}/$value`, {
      dispatcher: t.agent,
      headers: { authorization: `Bearer ${token}` },
    });
    const mime = await response.text();
    expect(response.status).toBe(200);
    expect(mime).toContain(`Message-ID: ${delivered.internetMessageId}`);
    expect(mime).toContain('Subject: Rechnung 4711');
    expect(mime).toContain('filename=rechnung-4711.pdf');
    expect(mime).toContain(Buffer.from('%PDF-1.7 x').toString('base64'));
  });

  it('should keep the immutable id across a move and give a new REST id (the old one 404) without the header', async () => {
    const folder = await graph.post(`${base}/mailFolders/inbox/childFolders`, { displayName: 'ELO importiert' });
    const first = t.emulator.controls.deliverMail(MAILBOX, invoiceMail({ internetMessageId: '<a1@x.example>' }));
    const moved = (await client
      .api(`${base}/messages/${first.immutableId}/move`)
      .header('Prefer', IMMUTABLE)
      .post({ destinationId: folder.body.id })) as Record<string, unknown>;
    expect(moved).toMatchObject({ id: first.immutableId, parentFolderId: folder.body.id });
    expect((await graph.get(`${base}/messages/${first.immutableId}`, [IMMUTABLE])).status).toBe(200);

    const second = t.emulator.controls.deliverMail(MAILBOX, invoiceMail({ internetMessageId: '<a2@x.example>' }));
    const movedRest = await graph.post(`${base}/messages/${second.id}/move`, { destinationId: folder.body.id });
    expect(movedRest.status).toBe(201);
    expect(movedRest.body.id).not.toBe(second.id);
    const stale = await graphErrorOf(client.api(`${base}/messages/${second.id}`).get());
    expect(stale.statusCode).toBe(404);
    expect(stale.code).toBe('ErrorItemNotFound');
    expect((await graph.get(`${base}/messages/${String(movedRest.body.id)}`)).status).toBe(200);
  });

  it('should report a move as failed although it happened, when told to (afterEffect)', async () => {
    const folder = await graph.post(`${base}/mailFolders/inbox/childFolders`, { displayName: 'ELO importiert' });
    const mail = t.emulator.controls.deliverMail(MAILBOX, invoiceMail());
    t.emulator.controls.failNext({
      target: 'graph',
      status: 503,
      path: `/v1.0/users/${MAILBOX}/messages/${mail.immutableId}/move`,
      afterEffect: true,
    });
    const answer = await graph.post(`${base}/messages/${mail.immutableId}/move`, { destinationId: folder.body.id }, [
      IMMUTABLE,
    ]);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBeNull();
    const reread = await graph.get(`${base}/messages/${mail.immutableId}?$select=parentFolderId`, [IMMUTABLE]);
    expect(reread.body.parentFolderId).toBe(folder.body.id);
  });

  it('should mark a mail read and keep an extended property, readable by $expand and $filter', async () => {
    const mail = t.emulator.controls.deliverMail(MAILBOX, invoiceMail());
    const propertyId = 'String {f3b6a9c1-2d4e-4f60-8a7b-9c0d1e2f3a4b} Name ecm365Import';
    const patched = await graph.patch(
      `${base}/messages/${mail.immutableId}`,
      { isRead: true, singleValueExtendedProperties: [{ id: propertyId, value: 'done' }] },
      [IMMUTABLE],
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: mail.immutableId, isRead: true });

    const expanded = await graph.get(
      `${base}/messages/${mail.immutableId}?$select=isRead&$expand=singleValueExtendedProperties($filter=id eq '${propertyId}')`,
      [IMMUTABLE],
    );
    expect(expanded.body.singleValueExtendedProperties).toEqual([{ id: propertyId, value: 'done' }]);
    const filtered = (await client
      .api(`${base}/mailFolders/inbox/messages`)
      .header('Prefer', IMMUTABLE)
      .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${propertyId}' and ep/value eq 'done')`)
      .select(['subject'])
      .get()) as { value: Array<Record<string, unknown>> };
    expect(filtered.value.map((m) => m.id)).toEqual([mail.immutableId]);

    const readOnly = await graph.patch(`${base}/messages/${mail.immutableId}`, { subject: 'neu' });
    expect(readOnly.status).toBe(400);
    const badProperty = await graph.patch(`${base}/messages/${mail.immutableId}`, {
      singleValueExtendedProperties: [{ id: 'kein gültiger name', value: 'x' }],
    });
    expect(badProperty.status).toBe(400);
  });
});

describe('the mailbox concurrency limit', () => {
  it('should refuse a fifth concurrent request on one mailbox with 429 ApplicationThrottled and Retry-After', async () => {
    t.emulator.controls.setLatency({ target: 'graph', ms: 400 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => graph.get(`${base}/mailFolders/inbox?$select=id`)),
    );
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]?.body).toMatchObject({
      error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' },
    });
    expect(throttled[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    // Other mailboxes have their own limit; the own profile is no mailbox request at all.
    t.emulator.controls.setLatency({ target: 'graph', ms: 0 });
    expect((await graph.get(`${base}/mailFolders/inbox`)).status).toBe(200);
  });
});

describe('mail controls over HTTP', () => {
  const control = (path: string, init: { method: string; body?: unknown }) =>
    fetch(`${t.emulator.origin}/_emulator/mailboxes/${MAILBOX}${path}`, {
      method: init.method,
      dispatcher: t.agent,
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('should deliver a mail given as JSON with base64 contents and list it with its folder', async () => {
    const answer = await control('/messages', {
      method: 'POST',
      body: {
        from: { name: 'Lieferant', address: 'rechnung@lieferant.example' },
        subject: 'Rechnung per HTTP',
        attachments: [
          {
            kind: 'file',
            name: 'r.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.from('%PDF').toString('base64'),
          },
          { kind: 'file', name: 'gross.bin', contentType: 'application/octet-stream', size: 1000 },
        ],
      },
    });
    expect(answer.status).toBe(201);
    const delivered = (await answer.json()) as { immutableId: string };
    const listing = (await (await control('', { method: 'GET' })).json()) as {
      messages: Array<{ immutableId: string; folderName: string; attachments: Array<{ size: number }> }>;
    };
    const found = listing.messages.find((m) => m.immutableId === delivered.immutableId);
    expect(found).toMatchObject({ folderName: 'Posteingang', attachments: [{ size: 4 }, { size: 1000 }] });
  });

  it('should refuse a mail with bad input and say what is wrong', async () => {
    const answer = await control('/messages', {
      method: 'POST',
      body: { from: { name: 'x', address: 'kaputt' }, subject: 's' },
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: { code: 'invalid_control_input', message: 'mail.from.address must be a mail address' },
    });
    const badBase64 = await control('/messages', {
      method: 'POST',
      body: {
        from: { name: 'x', address: 'a@b.example' },
        subject: 's',
        attachments: [{ kind: 'file', name: 'a', contentType: 'text/plain', contentBase64: '***' }],
      },
    });
    expect(badBase64.status).toBe(400);
  });
});
