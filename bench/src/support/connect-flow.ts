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
  const user = portal.as(session);
  const timings = {} as StepTimings;
  const timed = async <T>(step: FlowStep, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[step] = performance.now() - started;
    }
  };

  const started = expectStatus('connect', await timed('connect', () => user.post('/api/v1/ms365/connect')), 201);
  const { attemptId } = JSON.parse(started.text) as { attemptId: string };
  const authorize = await timed('authorize', () => user.get(`/api/v1/ms365/connect/${attemptId}/authorize`));
  const microsoftUrl = locationOf('authorize', expectStatus('authorize', authorize, 302));
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

  const codeAnswer = expectStatus(
    'code',
    await timed('code', () => user.get(`/api/v1/ms365/connect/${attemptId}/code`)),
    200,
  );
  const { code } = JSON.parse(codeAnswer.text) as { code: string };
  const redeem = expectStatus(
    'redeem + test',
    await timed('redeem + test', () => user.post('/api/v1/ms365/connection', { code })),
    200,
  );
  const redeemBody = JSON.parse(redeem.text) as { test: { ok: boolean }; connection: { status: string } };
  if (!redeemBody.test.ok || redeemBody.connection.status !== 'connected') {
    throw new Error(`redeem + test: the connection test failed: ${redeem.text}`);
  }
  const test = expectStatus('test', await timed('test', () => user.post('/api/v1/ms365/connection/test')), 200);
  if (!(JSON.parse(test.text) as { ok: boolean }).ok) throw new Error(`test: failed: ${test.text}`);
  return timings;
}

/** „Rechnungs-Import via E-Mail“ on, with the demo world's shared mailbox the admin account may open. */
export async function enableInvoiceImport(
  portal: PortalClient,
  session: PortalSession,
  mailbox = 'rechnungen@contoso.example',
): Promise<void> {
  const answer = await portal.as(session).put('/api/v1/ms365/features/invoice-mail-import', { enabled: true, mailbox });
  if (answer.status !== 200) throw new Error(`enabling the invoice import failed: ${answer.status} ${answer.text}`);
}
