import { createEcm365Client, type Ecm365Client } from '@ecm365/client';
import { answerConsentPage } from '@ecm365/emulators';
import { CSRF_HEADER, SESSION_COOKIE } from '@ecm365/shared';
import { Agent, Pool, type Dispatcher } from 'undici';

export interface HttpAnswer {
  status: number;
  location: string | undefined;
  setCookie: string[];
  text: string;
}

/** A signed-in portal user: what the browser holds. */
export interface PortalSession {
  host: string;
  cookie: string;
  csrfToken: string;
}

function header(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

async function answerOf(response: Dispatcher.ResponseData): Promise<HttpAnswer> {
  return {
    status: response.statusCode,
    location: header(response.headers.location)[0],
    setCookie: header(response.headers['set-cookie']),
    text: await response.body.text(),
  };
}

/**
 * The portal over real HTTP: every request goes to the app's socket on 127.0.0.1, the Host header names the
 * tenant (`acme.ecm365.test`) or the public host, as a browser would send it.
 */
export class PortalClient {
  private readonly pool: Pool;

  constructor(readonly origin: string) {
    this.pool = new Pool(origin, { connections: 64 });
  }

  async send(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { host: string; session?: PortalSession; json?: unknown },
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { host: options.host };
    if (options.session) {
      headers.cookie = options.session.cookie;
      if (method !== 'GET') headers[CSRF_HEADER] = options.session.csrfToken;
    }
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const response = await this.pool.request({
      method,
      path,
      headers,
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    });
    return answerOf(response);
  }

  /**
   * @ecm365/client over this pool, on `host` (Node's fetch cannot set Host), as `session` when given: its cookie,
   * and its CSRF token on unsafe methods.
   */
  api(host: string, session?: PortalSession): Ecm365Client {
    return createEcm365Client({
      baseUrl: this.origin,
      ...(session ? { csrf: session.csrfToken } : {}),
      fetch: (request) => this.fetchVia(request, host, session),
    });
  }

  private async fetchVia(request: Request, host: string, session: PortalSession | undefined): Promise<Response> {
    const url = new URL(request.url);
    const headers: Record<string, string> = { ...Object.fromEntries(request.headers), host };
    if (session) headers.cookie = session.cookie;
    const body = request.body ? await request.text() : undefined;
    const response = await this.pool.request({
      method: request.method as Dispatcher.HttpMethod,
      path: url.pathname + url.search,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const one of header(value)) answerHeaders.append(name, one);
    const text = await response.body.text();
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : text, { status: response.statusCode, headers: answerHeaders });
  }

  /** A request as a session makes it: its tenant's host, its cookie, CSRF header on unsafe methods. */
  as(session: PortalSession) {
    return {
      get: (path: string) => this.send('GET', path, { host: session.host, session }),
      post: (path: string, json?: unknown) => this.send('POST', path, { host: session.host, session, json }),
      put: (path: string, json: unknown) => this.send('PUT', path, { host: session.host, session, json }),
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The ELO login of the portal page. */
export async function signIn(
  portal: PortalClient,
  host: string,
  username = 'admin',
  password = 'admin',
): Promise<PortalSession> {
  const answer = await portal.api(host).POST('/api/v1/auth/login', { body: { username, password } });
  if (!answer.data)
    throw new Error(`login of ${username} on ${host} failed: ${answer.response.status} ${answer.error?.error.code}`);
  const cookie = answer.response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('login did not set the session cookie');
  return { host, cookie, csrfToken: answer.data.csrfToken };
}

/** The browser's side of Microsoft's pages: HTTPS to the emulator, trusting exactly its CA, no redirects followed. */
export class MicrosoftBrowser {
  private readonly agent: Agent;

  constructor(caPem: string) {
    this.agent = new Agent({ connect: { ca: caPem } });
  }

  /**
   * Microsoft's sign-in and consent page at `authorizeUrl`, answered like the user does (account chosen,
   * „Akzeptieren“): the form is posted and Microsoft's redirect back (with code and state) is returned.
   */
  async consent(authorizeUrl: string, account = 'admin@contoso.example'): Promise<string> {
    const decided = await answerConsentPage(authorizeUrl, { account, action: 'accept', dispatcher: this.agent });
    return decided.location;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
