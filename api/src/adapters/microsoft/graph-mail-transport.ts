import type { Agent } from 'undici';
import { observed, type MicrosoftCallObserver } from './call-observer.js';
import { graphFailure, jsonOf, sendGraph, type GraphCall } from './graph-http.js';
import type { MailDownload } from './graph-mail-types.js';
import type { MailboxLimiter } from './mailbox-limiter.js';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';
import { MicrosoftRequestError } from './microsoft-request-error.js';

const IMMUTABLE_IDS = 'IdType="ImmutableId"';

export interface GraphMailTransportOptions {
  /** The per-mailbox slots, shared with every other gateway that calls the same mailboxes (the connection test's Inbox). */
  limiter: MailboxLimiter;
  downloadHeadersTimeoutMs: number;
  downloadIdleTimeoutMs: number;
}

/**
 * How the mail gateway's calls travel: URLs under the configured Graph base, links checked before a token goes
 * with them, `Prefer: IdType="ImmutableId"` on every call, a mailbox slot per call (held by a download until its
 * stream is done), the call observer, JSON bounded in time and size.
 */
export class GraphMailTransport {
  private readonly graphBase: URL;

  constructor(
    private readonly endpoints: MicrosoftEndpoints,
    private readonly dispatcher: Agent,
    private readonly onCall: MicrosoftCallObserver | undefined,
    private readonly options: GraphMailTransportOptions,
  ) {
    this.graphBase = new URL(
      endpoints.graphBaseUrl.endsWith('/') ? endpoints.graphBaseUrl : `${endpoints.graphBaseUrl}/`,
    );
  }

  url(mailbox: string, path: string): string {
    return new URL(`v1.0/users/${encodeURIComponent(mailbox)}${path}`, this.graphBase).href;
  }

  /**
   * Links come from Graph answers (and our database): they are followed only when they point at the configured
   * Graph host and path, so a bearer token never goes anywhere else.
   */
  trustedLink(link: string): string {
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

  json<T>(
    accessToken: string,
    mailbox: string,
    operation: string,
    call: Pick<GraphCall, 'method' | 'url' | 'body'> & { prefer?: string[] },
    map: (body: Record<string, unknown>) => T,
  ): Promise<T> {
    return observed(this.onCall, operation, () =>
      this.options.limiter.run(mailbox, async () => {
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
  download(accessToken: string, mailbox: string, operation: string, url: string): Promise<MailDownload> {
    return observed(this.onCall, operation, async () => {
      const release = await this.options.limiter.acquire(mailbox);
      try {
        const response = await sendGraph(this.dispatcher, {
          method: 'GET',
          url,
          accessToken,
          prefer: [IMMUTABLE_IDS],
          headersTimeoutMs: this.options.downloadHeadersTimeoutMs,
          bodyIdleTimeoutMs: this.options.downloadIdleTimeoutMs,
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
