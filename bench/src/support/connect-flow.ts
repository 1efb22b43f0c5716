import type { HttpAnswer, MicrosoftBrowser, PortalClient, PortalSession } from './http-clients.js';

/** The steps of one connect flow, in order; each is timed on its own. */
export const FLOW_STEPS = [
  'connect',
  'authorize',
  'microsoft consent',
  'callback (public host)',
  'callback (tenant host, redeems code)',
  'code',
  'redeem + test',
  'test',
] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

export type StepTimings = Record<FlowStep, number>;

function expectStatus(step: FlowStep, answer: HttpAnswer, status: number): HttpAnswer {
  if (answer.status !== status) throw new Error(`${step}: expected ${status}, got ${answer.status} ${answer.text}`);
  return answer;
}

/** The data of a client call that answered `status`. */
function expectData<T>(step: FlowStep, answer: { data?: T; error?: unknown; response: Response }, status: number): T {
  if (answer.response.status !== status || answer.data === undefined)
    throw new Error(`${step}: expected ${status}, got ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
}

function locationOf(step: FlowStep, answer: HttpAnswer): URL {
  if (!answer.location) throw new Error(`${step}: no Location header`);
  return new URL(answer.location);
}

/**
 * One whole connect flow of a signed-in admin, as the connector window and the portal page drive it (the same
 * steps as api/test/support/connect-flow.ts, over real HTTP): start an attempt, go to Microsoft, accept the
 * consent page, follow Microsoft's redirect through the callback (public host, then the tenant's host, where
 * the authorization code is redeemed), show the MS365 code, redeem it („Einrichtung abschließen & Verbindung
 * testen“), and test again. Throws on any unexpected answer. Answers the duration of each step in ms.
 */
export async function runConnectFlow(
  portal: PortalClient,
  browser: MicrosoftBrowser,
  session: PortalSession,
): Promise<StepTimings> {
  const user = portal.api(session.host, session);
  const timings = {} as StepTimings;
  const timed = async <T>(step: FlowStep, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = performance.now() - started;
    }
  };

  const started = await timed('connect', () => user.POST('/api/v1/ms365/connect', {}));
  const { attemptId } = expectData('connect', started, 201);
  const attempt = { params: { path: { attemptId } } };
  const authorize = await timed('authorize', () => user.GET('/api/v1/ms365/connect/{attemptId}/authorize', attempt));
  if (authorize.response.status !== 302) throw new Error(`authorize: expected 302, got ${authorize.response.status}`);
  const microsoftUrl = new URL(authorize.response.headers.get('location') ?? 'missing:');
  const backToUs = new URL(await timed('microsoft consent', () => browser.consent(microsoftUrl.href)));

  // Microsoft redirects to the public host; the callback sends the browser on to the tenant's host.
  const publicHop = await timed('callback (public host)', () =>
    portal.send('GET', backToUs.pathname + backToUs.search, { host: backToUs.host }),
  );
  const tenantCallback = locationOf('callback (public host)', expectStatus('callback (public host)', publicHop, 303));
  if (tenantCallback.host !== session.host) throw new Error(`callback went to ${tenantCallback.host}`);
  const redeemed = await timed('callback (tenant host, redeems code)', () =>
    portal.send('GET', tenantCallback.pathname + tenantCallback.search, { host: session.host, session }),
  );
  const connector = locationOf(
    'callback (tenant host, redeems code)',
    expectStatus('callback (tenant host, redeems code)', redeemed, 303),
  );
  if (connector.search.includes('error')) throw new Error(`callback ended with ${connector.search}`);

  const { code } = expectData(
    'code',
    await timed('code', () => user.GET('/api/v1/ms365/connect/{attemptId}/code', attempt)),
    200,
  );
  const redemption = expectData(
    'redeem + test',
    await timed('redeem + test', () => user.POST('/api/v1/ms365/connection', { body: { code } })),
    200,
  );
  if (!redemption.test.ok || redemption.connection.status !== 'connected') {
    throw new Error(`redeem + test: the connection test failed: ${JSON.stringify(redemption)}`);
  }
  const test = expectData('test', await timed('test', () => user.POST('/api/v1/ms365/connection/test', {})), 200);
  if (!test.ok) throw new Error(`test: failed: ${JSON.stringify(test)}`);
  return timings;
}

/** „Rechnungs-Import via E-Mail“ on, with the demo world's shared mailbox the admin account may open. */
export async function enableInvoiceImport(
  portal: PortalClient,
  session: PortalSession,
  mailbox = 'rechnungen@contoso.example',
): Promise<void> {
  const answer = await portal
    .api(session.host, session)
    .PUT('/api/v1/ms365/features/invoice-mail-import', { body: { enabled: true, mailbox } });
  if (!answer.data) throw new Error(`enabling the invoice import failed: ${answer.response.status}`);
}
