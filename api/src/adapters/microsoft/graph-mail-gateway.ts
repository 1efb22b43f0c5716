import type { Agent } from 'undici';
import type { MicrosoftCallObserver } from './call-observer.js';
import { MailboxLimiter } from './mailbox-limiter.js';
import { GraphMailTransport } from './graph-mail-transport.js';
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
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';
import { MicrosoftRequestError } from './microsoft-request-error.js';

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

/**
 * The mail side of Microsoft Graph for the invoice import: delta on a folder, attachments and raw contents as
 * streams, child folders, move and PATCH of a shared mailbox the connected user may open. Built for the real
 * Exchange Online: `Prefer: IdType="ImmutableId"` on every call (ids survive moves), links followed verbatim and only
 * to the configured Graph host, at most `maxInFlightPerMailbox` requests per mailbox (Exchange refuses the fifth).
 * Errors are MicrosoftRequestErrors (DeltaStateExpiredError for a dead delta link); retrying is the caller's.
 */
export class GraphMailGateway {
  private readonly http: GraphMailTransport;
  /**
   * This gateway's slots per mailbox: whoever else calls the same mailboxes (the connection test's Inbox,
   * GraphGateway) takes its slots from here, or Exchange counts one more request than this gateway allows.
   */
  readonly limiter: MailboxLimiter;

  constructor(
    endpoints: MicrosoftEndpoints,
    dispatcher: Agent,
    onCall?: MicrosoftCallObserver,
    options: GraphMailGatewayOptions = {},
  ) {
    this.limiter = new MailboxLimiter(options.maxInFlightPerMailbox ?? 3);
    this.http = new GraphMailTransport(endpoints, dispatcher, onCall, {
      limiter: this.limiter,
      downloadHeadersTimeoutMs: options.downloadHeadersTimeoutMs ?? endpoints.timeoutMs,
      downloadIdleTimeoutMs: options.downloadIdleTimeoutMs ?? 60_000,
    });
  }

  /** The first page of a new delta round on a folder: everything received since the cut-off. */
  async deltaStart(accessToken: string, mailbox: string, start: DeltaStart): Promise<DeltaPage> {
    const folder = encodeURIComponent(start.folder ?? 'inbox');
    const url = this.http.url(
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
    return this.deltaPage(accessToken, mailbox, this.http.trustedLink(link), pageSize);
  }

  async getMessage(accessToken: string, mailbox: string, messageId: string): Promise<MailMessage> {
    const url = this.http.url(
      mailbox,
      `/messages/${encodeURIComponent(messageId)}?${query({ $select: MESSAGE_SELECT.join(','), $expand: MARKER_EXPAND })}`,
    );
    return this.http.json(accessToken, mailbox, 'graph_mail_message', { method: 'GET', url }, toMailMessage);
  }

  /** Listed without `contentBytes` (Graph leaves them out of large files anyway): download each with `$value`. */
  async listAttachments(accessToken: string, mailbox: string, messageId: string): Promise<MailAttachment[]> {
    const url = this.http.url(
      mailbox,
      `/messages/${encodeURIComponent(messageId)}/attachments?$select=${ATTACHMENT_SELECT}`,
    );
    return this.http.json(accessToken, mailbox, 'graph_mail_attachments', { method: 'GET', url }, (body) =>
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
    return this.http.download(accessToken, mailbox, 'graph_mail_attachment_value', this.http.url(mailbox, path));
  }

  /** The whole mail as MIME (`.eml`). */
  async downloadMessageMime(accessToken: string, mailbox: string, messageId: string): Promise<MailDownload> {
    const url = this.http.url(mailbox, `/messages/${encodeURIComponent(messageId)}/$value`);
    return this.http.download(accessToken, mailbox, 'graph_mail_message_value', url);
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
    const children = this.http.url(mailbox, `/mailFolders/${encodeURIComponent(parentFolder)}/childFolders`);
    const find = async (): Promise<MailFolderRef | undefined> => {
      const url = `${children}?${query({ $filter: `displayName eq ${odataString(displayName)}`, $select: 'id,displayName' })}`;
      const found = await this.http.json(
        accessToken,
        mailbox,
        'graph_mail_find_folder',
        { method: 'GET', url },
        (body) =>
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
      return await this.http.json(
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
    const url = this.http.url(mailbox, `/messages/${encodeURIComponent(messageId)}/move`);
    return this.http.json(
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
    const url = this.http.url(mailbox, `/messages/${encodeURIComponent(messageId)}`);
    await this.http.json(accessToken, mailbox, 'graph_mail_update', { method: 'PATCH', url, body }, () => undefined);
  }

  private deltaPage(accessToken: string, mailbox: string, url: string, pageSize?: number): Promise<DeltaPage> {
    const prefer = [`odata.maxpagesize=${pageSize ?? DEFAULT_PAGE_SIZE}`];
    return this.http.json(accessToken, mailbox, 'graph_mail_delta', { method: 'GET', url, prefer }, (body) => {
      const items = Array.isArray(body.value) ? (body.value as Array<Record<string, unknown>>) : [];
      const next = body['@odata.nextLink'];
      const delta = body['@odata.deltaLink'];
      const page: DeltaPage = {
        messages: items.filter((item) => !('@removed' in item)).map(toDeltaMessage),
        removedIds: items
          .filter((item) => '@removed' in item && typeof item.id === 'string')
          .map((item) => String(item.id)),
        nextLink: typeof next === 'string' ? this.http.trustedLink(next) : undefined,
        deltaLink: typeof delta === 'string' ? this.http.trustedLink(delta) : undefined,
      };
      if (!page.nextLink && !page.deltaLink) {
        throw new MicrosoftRequestError({ error: 'invalid_response', description: 'delta page without a link' });
      }
      return page;
    });
  }
}
