import { Client, GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Agent } from 'undici';
import { observed, type MicrosoftCallObserver } from './call-observer.js';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';
import { isNetworkFailure, MicrosoftRequestError, networkFailure } from './microsoft-request-error.js';
import { parseRetryAfter } from './retry-after.js';

export interface GraphUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface MailFolderSummary {
  id: string;
  displayName: string;
  totalItemCount: number;
  unreadItemCount: number;
}

/**
 * The only code that talks to Microsoft Graph (through @microsoft/microsoft-graph-client). Retries are the
 * caller's (bounded, honouring Retry-After): the library's own retry handler is switched off per request because
 * it may wait minutes.
 */
export class GraphGateway {
  private readonly customHosts: Set<string>;

  constructor(
    private readonly endpoints: MicrosoftEndpoints,
    private readonly dispatcher: Agent,
    private readonly onCall?: MicrosoftCallObserver,
  ) {
    this.customHosts = new Set([new URL(endpoints.graphBaseUrl).hostname]);
  }

  me(accessToken: string): Promise<GraphUser> {
    return observed(this.onCall, 'graph_me', () =>
      this.get<GraphUser>(accessToken, '/me', ['id', 'displayName', 'userPrincipalName']),
    );
  }

  /** The inbox of a mailbox the connected user may open (own or shared, e.g. rechnungen@…). */
  inbox(accessToken: string, mailbox: string): Promise<MailFolderSummary> {
    return observed(this.onCall, 'graph_inbox', () =>
      this.get<MailFolderSummary>(accessToken, `/users/${encodeURIComponent(mailbox)}/mailFolders/inbox`, [
        'id',
        'displayName',
        'totalItemCount',
        'unreadItemCount',
      ]),
    );
  }

  private async get<T>(accessToken: string, path: string, select: string[]): Promise<T> {
    const client = Client.initWithMiddleware({
      authProvider: { getAccessToken: async () => accessToken },
      baseUrl: this.endpoints.graphBaseUrl,
      defaultVersion: 'v1.0',
      // Without it the library drops the Authorization header for hosts other than graph.microsoft.com.
      customHosts: this.customHosts,
      fetchOptions: { dispatcher: this.dispatcher } as RequestInit,
    });
    try {
      return (await client
        .api(path)
        .select(select)
        .middlewareOptions([new RetryHandlerOptions(0, 0)])
        .option('signal', AbortSignal.timeout(this.endpoints.timeoutMs))
        .get()) as T;
    } catch (error) {
      throw translate(error);
    }
  }
}

function translate(error: unknown): MicrosoftRequestError {
  if (error instanceof GraphError && error.statusCode > 0) {
    return new MicrosoftRequestError({
      error: error.code ?? `http_${error.statusCode}`,
      description: error.message,
      httpStatus: error.statusCode,
      correlationId: error.requestId ?? undefined,
      // A missing header must stay missing: read as 0 (Number(null)) it made every 503 retry at once.
      retryAfterSeconds: parseRetryAfter(error.headers?.get('retry-after')),
    });
  }
  if (isNetworkFailure(error) || (error instanceof GraphError && error.statusCode <= 0)) return networkFailure(error);
  return new MicrosoftRequestError({
    error: 'unknown',
    description: error instanceof Error ? error.message : String(error),
  });
}
