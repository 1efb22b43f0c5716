import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  GraphError,
  TelemetryHandler,
} from '@microsoft/microsoft-graph-client';
import type { Agent } from 'undici';
import { observed, type MicrosoftCallObserver } from './call-observer.js';
import { UndiciGraphHandler } from './graph-undici-handler.js';
import type { MailboxLimiter } from './mailbox-limiter.js';
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

/** The client's own provider: every request brings its token (AuthenticationHandlerOptions), so it is never asked. */
const NO_DEFAULT_TOKEN = {
  getAccessToken: () => Promise.reject(new Error('a Graph request without its access token')),
};

/**
 * The gateway's calls through @microsoft/microsoft-graph-client (the mail side of Graph uses plain HTTPS, see
 * graph-http.ts). One client per gateway, its token given per request: building a client per call built its
 * middleware chain each time (issue 13: `me` and the Inbox are two calls of every health check). The chain is
 * the library's authentication and telemetry handlers and our undici handler (the shared dispatcher) at its end;
 * the library's retry handler is not in it, because it may wait minutes: retries are the caller's (bounded,
 * honouring Retry-After), and so are redirects (none are followed).
 */
export class GraphGateway {
  private readonly client: Client;

  constructor(
    private readonly endpoints: MicrosoftEndpoints,
    dispatcher: Agent,
    private readonly onCall?: MicrosoftCallObserver,
    /**
     * The mail gateway's slots per mailbox (GraphMailGateway.limiter): the Inbox is one more request on the
     * mailbox, and Exchange answers 429 MailboxConcurrency to the fifth in flight, whoever sends it.
     */
    private readonly mailboxes?: MailboxLimiter,
  ) {
    const authentication = new AuthenticationHandler(NO_DEFAULT_TOKEN);
    const telemetry = new TelemetryHandler();
    const http = new UndiciGraphHandler(dispatcher, endpoints.timeoutMs);
    authentication.setNext(telemetry);
    telemetry.setNext(http);
    this.client = Client.initWithMiddleware({
      middleware: authentication,
      baseUrl: endpoints.graphBaseUrl,
      defaultVersion: 'v1.0',
      // Without it the library drops the Authorization header for hosts other than graph.microsoft.com.
      customHosts: new Set([new URL(endpoints.graphBaseUrl).hostname]),
    });
  }

  me(accessToken: string): Promise<GraphUser> {
    return observed(this.onCall, 'graph_me', () =>
      this.get<GraphUser>(accessToken, '/me', ['id', 'displayName', 'userPrincipalName']),
    );
  }

  /** The inbox of a mailbox the connected user may open (own or shared, e.g. rechnungen@…). */
  inbox(accessToken: string, mailbox: string): Promise<MailFolderSummary> {
    const call = () =>
      this.get<MailFolderSummary>(accessToken, `/users/${encodeURIComponent(mailbox)}/mailFolders/inbox`, [
        'id',
        'displayName',
        'totalItemCount',
        'unreadItemCount',
      ]);
    return observed(this.onCall, 'graph_inbox', () => (this.mailboxes ? this.mailboxes.run(mailbox, call) : call()));
  }

  private async get<T>(accessToken: string, path: string, select: string[]): Promise<T> {
    try {
      return (await this.client
        .api(path)
        .select(select)
        .middlewareOptions([new AuthenticationHandlerOptions({ getAccessToken: () => Promise.resolve(accessToken) })])
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
