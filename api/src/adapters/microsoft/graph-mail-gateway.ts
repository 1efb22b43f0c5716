import type { Agent } from 'undici';
import { observed, type MicrosoftCallObserver } from './call-observer.js';
import { graphFailure, jsonOf, sendGraph, type GraphCall } from './graph-http.js';
import {
  IMPORT_MARKER_PROPERTY_ID,
  toDeltaMessage,
  toMailAttachment,
  toMailMessage,
  type DeltaPage,
  type MailAttachment,
  type MailDownload,
  type MailFolderRef,
  type MailMessage,
  type MessageUpdate,
} from './graph-mail-types.js';
import { MailboxLimiter } from './mailbox-limiter.js';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';
import { MicrosoftRequestError } from './microsoft-request-error.js';

/**
 * The mail side of Microsoft Graph for the invoice import: delta on a folder, attachments and raw contents as
 * streams, child folders, move and PATCH of a shared mailbox the connected user may open. Built for the real
 * Exchange Online: `Prefer: IdType="ImmutableId"` on every call (ids survive moves), links followed verbatim and only
 * to the configured Graph host, at most `maxInFlightPerMailbox` requests per mailbox (Exchange refuses the fifth).
 * Errors are MicrosoftRequestErrors (DeltaStateExpiredError for a dead delta link); retrying is the caller's.
 */
export interface GraphMailGatewayOptions {
  /** Default 3 (Exchange Online allows 4 per app and mailbox). */
  maxInFlightPerMailbox?: number;
  /** Until a download's response headers arrive. Default: the endpoints' timeoutMs. */
  downloadHeadersTimeoutMs?: number;
  /** Longest stall of a download's body while it is being read. Default 60 s. */
  downloadIdleTimeoutMs?: number;
}

export interface DeltaStart {
  /** The folder, by id or well-known name. Default `inbox`. */
  folder?: string;
  /** Only mail received at or after this moment (Graph caps such a round at 5,000 messages). */
  receivedSince: Date;
  /** Messages per page (`Prefer: odata.maxpagesize`). Default 50. */
  pageSize?: number;
}

const IMMUTABLE_IDS = 'IdType="ImmutableId"';
const MESSAGE_SELECT = [
  'id',
  'parentFolderId',
  'receivedDateTime',
  'from',
  'subject',
  'isRead',
  'hasAttachments',
  'internetMessageId',
  'categories',
];
const MARKER_EXPAND = `singleValueExtendedProperties($filter=id eq '${IMPORT_MARKER_PROPERTY_ID}')`;
const ATTACHMENT_SELECT = 'id,name,contentType,size,isInline';
const DEFAULT_PAGE_SIZE = 50;

const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;
const query = (options: Record<string, string>): string =>
  Object.entries(options)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');

export class GraphMailGateway {
  private readonly limiter: MailboxLimiter;
  private readonly graphBase: URL;
  private readonly downloadHeadersTimeoutMs: number;
  private readonly downloadIdleTimeoutMs: number;

  constructor(
    private readonly endpoints: MicrosoftEndpoints,
    private readonly dispatcher: Agent,
    private readonly onCall?: MicrosoftCallObserver,
    options: GraphMailGatewayOptions = {},
  ) {
    this.limiter = new MailboxLimiter(options.maxInFlightPerMailbox ?? 3);
    this.graphBase = new URL(
      endpoints.graphBaseUrl.endsWith('/') ? endpoints.graphBaseUrl : `${endpoints.graphBaseUrl}/`,
    );
    this.downloadHeadersTimeoutMs = options.downloadHeadersTimeoutMs ?? endpoints.timeoutMs;
    this.downloadIdleTimeoutMs = options.downloadIdleTimeoutMs ?? 60_000;
  }

  /** The first page of a new delta round on a folder: everything received since the cut-off. */
  async deltaStart(accessToken: string, mailbox: string, start: DeltaStart): Promise<DeltaPage> {
    const folder = encodeURIComponent(start.folder ?? 'inbox');
    const url = this.url(
      mailbox,
      `/mailFolders/${folder}/messages/delta?${query({
        $select: MESSAGE_SELECT.join(','),
        $filter: `receivedDateTime ge ${start.receivedSince.toISOString()}`,
        // No $expand of the marker: Exchange has answered that on delta with 500 (getMessage reads it).
      })}`,
    );
    return this.deltaPage(accessToken, mailbox, url, start.pageSize);
  }

  /** The page behind a nextLink, or the first page of the round behind a deltaLink (followed exactly as given). */
  async deltaNext(accessToken: string, mailbox: string, link: string, pageSize?: number): Promise<DeltaPage> {
    return this.deltaPage(accessToken, mailbox, this.trustedLink(link), pageSize);
  }

  async getMessage(accessToken: string, mailbox: string, messageId: string): Promise<MailMessage> {
    const url = this.url(
      mailbox,
      `/messages/${encodeURIComponent(messageId)}?${query({ $select: MESSAGE_SELECT.join(','), $expand: MARKER_EXPAND })}`,
    );
    return this.json(accessToken, mailbox, 'graph_mail_message', { method: 'GET', url }, toMailMessage);
  }

  /** Listed without `contentBytes` (Graph leaves them out of large files anyway): download each with `$value`. */
  async listAttachments(accessToken: string, mailbox: string, messageId: string): Promise<MailAttachment[]> {
    const url = this.url(
      mailbox,
      `/messages/${encodeURIComponent(messageId)}/attachments?$select=${ATTACHMENT_SELECT}`,
    );
    return this.json(accessToken, mailbox, 'graph_mail_attachments', { method: 'GET', url }, (body) =>
      (Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : []).map(toMailAttachment),
    );
  }

  /** A file attachment's bytes, or an item attachment's MIME (a reference attachment answers 405). */
  async downloadAttachment(
    accessToken: string,
    mailbox: string,
    messageId: string,
    attachmentId: string,
  ): Promise<MailDownload> {
    const path = `/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/$value`;
    return this.download(accessToken, mailbox, 'graph_mail_attachment_value', this.url(mailbox, path));
  }

  /** The whole mail as MIME (`.eml`). */
  async downloadMessageMime(accessToken: string, mailbox: string, messageId: string): Promise<MailDownload> {
    const url = this.url(mailbox, `/messages/${encodeURIComponent(messageId)}/$value`);
    return this.download(accessToken, mailbox, 'graph_mail_message_value', url);
  }

  /**
   * The child folder of that name (Exchange compares names case-insensitively), created when missing. A create
   * that lost a race (ErrorFolderExists, 400 or 409) looks the folder up again.
   */
  async findOrCreateChildFolder(
    accessToken: string,
    mailbox: string,
    displayName: string,
    parentFolder = 'inbox',
  ): Promise<MailFolderRef> {
    const children = this.url(mailbox, `/mailFolders/${encodeURIComponent(parentFolder)}/childFolders`);
    const find = async (): Promise<MailFolderRef | undefined> => {
      const url = `${children}?${query({ $filter: `displayName eq ${odataString(displayName)}`, $select: 'id,displayName' })}`;
      const found = await this.json(accessToken, mailbox, 'graph_mail_find_folder', { method: 'GET', url }, (body) =>
        (Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : []).find(
          (folder) =>
            typeof folder.displayName === 'string' && folder.displayName.toLowerCase() === displayName.toLowerCase(),
        ),
      );
      return typeof found?.id === 'string'
        ? { id: found.id, displayName: String(found.displayName), created: false }
        : undefined;
    };
    const existing = await find();
    if (existing) return existing;
    try {
      return await this.json(
        accessToken,
        mailbox,
        'graph_mail_create_folder',
        { method: 'POST', url: children, body: { displayName } },
        (body) => ({ id: String(body.id), displayName: String(body.displayName ?? displayName), created: true }),
      );
    } catch (error) {
      if (!(error instanceof MicrosoftRequestError) || error.failure.error !== 'ErrorFolderExists') throw error;
      const raced = await find();
      if (!raced) throw error;
      return raced;
    }
  }

  /** Graph's move: 201 with the moved message (same immutable id, new parentFolderId). */
  async moveMessage(
    accessToken: string,
    mailbox: string,
    messageId: string,
    destinationFolderId: string,
  ): Promise<MailMessage> {
    const url = this.url(mailbox, `/messages/${encodeURIComponent(messageId)}/move`);
    return this.json(
      accessToken,
      mailbox,
      'graph_mail_move',
      { method: 'POST', url, body: { destinationId: destinationFolderId } },
      toMailMessage,
    );
  }

  /**
   * A move that answered with an error may still have happened (Exchange moved it, the answer got lost): re-read the
   * message and accept it when it is in the destination; otherwise the original error stands.
   */
  async moveMessageVerified(
    accessToken: string,
    mailbox: string,
    messageId: string,
    destinationFolderId: string,
  ): Promise<MailMessage> {
    try {
      return await this.moveMessage(accessToken, mailbox, messageId, destinationFolderId);
    } catch (moveError) {
      const reread = await this.getMessage(accessToken, mailbox, messageId).catch(() => undefined);
      if (reread && reread.parentFolderId === destinationFolderId) return reread;
      throw moveError;
    }
  }

  /** PATCH isRead and/or the import marker. */
  async updateMessage(accessToken: string, mailbox: string, messageId: string, update: MessageUpdate): Promise<void> {
    const body: Record<string, unknown> = {};
    if (update.isRead !== undefined) body.isRead = update.isRead;
    if (update.importMarker !== undefined) {
      body.singleValueExtendedProperties = [{ id: IMPORT_MARKER_PROPERTY_ID, value: update.importMarker }];
    }
    if (Object.keys(body).length === 0) return;
    const url = this.url(mailbox, `/messages/${encodeURIComponent(messageId)}`);
    await this.json(accessToken, mailbox, 'graph_mail_update', { method: 'PATCH', url, body }, () => undefined);
  }

  private deltaPage(accessToken: string, mailbox: string, url: string, pageSize?: number): Promise<DeltaPage> {
    const prefer = [`odata.maxpagesize=${pageSize ?? DEFAULT_PAGE_SIZE}`];
    return this.json(accessToken, mailbox, 'graph_mail_delta', { method: 'GET', url, prefer }, (body) => {
      const items = Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : [];
      const next = body['@odata.nextLink'];
      const delta = body['@odata.deltaLink'];
      const page: DeltaPage = {
        messages: items.filter((item) => !('@removed' in item)).map(toDeltaMessage),
        removedIds: items
          .filter((item) => '@removed' in item && typeof item.id === 'string')
          .map((item) => String(item.id)),
        nextLink: typeof next === 'string' ? this.trustedLink(next) : undefined,
        deltaLink: typeof delta === 'string' ? this.trustedLink(delta) : undefined,
      };
      if (!page.nextLink && !page.deltaLink) {
        throw new MicrosoftRequestError({ error: 'invalid_response', description: 'delta page without a link' });
      }
      return page;
    });
  }

  private url(mailbox: string, path: string): string {
    return new URL(`v1.0/users/${encodeURIComponent(mailbox)}${path}`, this.graphBase).href;
  }

  /**
   * Links come from Graph answers (and our database): they are followed only when they point at the configured
   * Graph host and path, so a bearer token never goes anywhere else.
   */
  private trustedLink(link: string): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new MicrosoftRequestError({ error: 'untrusted_link', description: 'not an absolute URL' });
    }
    if (url.origin !== this.graphBase.origin || !url.pathname.startsWith(this.graphBase.pathname)) {
      throw new MicrosoftRequestError({
        error: 'untrusted_link',
        description: `link outside ${this.graphBase.origin}`,
      });
    }
    return link;
  }

  private json<T>(
    accessToken: string,
    mailbox: string,
    operation: string,
    call: Pick<GraphCall, 'method' | 'url' | 'body'> & { prefer?: string[] },
    map: (body: Record<string, unknown>) => T,
  ): Promise<T> {
    return observed(this.onCall, operation, () =>
      this.limiter.run(mailbox, async () => {
        const response = await sendGraph(this.dispatcher, {
          ...call,
          accessToken,
          prefer: [IMMUTABLE_IDS, ...(call.prefer ?? [])],
          headersTimeoutMs: this.endpoints.timeoutMs,
          bodyIdleTimeoutMs: this.endpoints.timeoutMs,
          totalTimeoutMs: this.endpoints.timeoutMs,
        });
        const body = await jsonOf<Record<string, unknown>>(response);
        try {
          return map(body);
        } catch (error) {
          if (error instanceof MicrosoftRequestError) throw error;
          throw new MicrosoftRequestError({ error: 'invalid_response', description: (error as Error).message });
        }
      }),
    );
  }

  /** The slot is held until the stream is done (ended, failed or destroyed by the reader). */
  private download(accessToken: string, mailbox: string, operation: string, url: string): Promise<MailDownload> {
    return observed(this.onCall, operation, async () => {
      const release = await this.limiter.acquire(mailbox);
      try {
        const response = await sendGraph(this.dispatcher, {
          method: 'GET',
          url,
          accessToken,
          prefer: [IMMUTABLE_IDS],
          headersTimeoutMs: this.downloadHeadersTimeoutMs,
          bodyIdleTimeoutMs: this.downloadIdleTimeoutMs,
        });
        if (response.status !== 200) throw await graphFailure(response);
        response.body.once('close', release);
        const length = Number(response.headers['content-length']);
        const type = response.headers['content-type'];
        return {
          stream: response.body,
          contentType: typeof type === 'string' ? type : undefined,
          contentLength: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
        };
      } catch (error) {
        release();
        throw error;
      }
    });
  }
}
