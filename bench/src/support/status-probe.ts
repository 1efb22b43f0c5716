import { hostOf, type AppUnderBench } from './app-under-bench.js';
import { enableInvoiceImport, runConnectFlow } from './connect-flow.js';
import { MicrosoftBrowser, signIn, type PortalClient, type PortalSession } from './http-clients.js';
import type { meterQueries } from './query-meter.js';
import type { paths } from '@ecm365/client';

/** The status read the benchmark loads (raw, for the load generator); the client names the same path. */
export const STATUS_PATH = '/api/v1/ms365/connection' satisfies keyof paths;
/** Sequential requests for the per-request breakdown (queries, time awaiting them, time in the server). */
export const PROBE_REQUESTS = 500;

/** A tenant whose admin is signed in, with the invoice import on and a connection made (and tested) for real. */
export async function connectedTenant(bench: AppUnderBench, portal: PortalClient): Promise<PortalSession> {
  await bench.addTenant('acme');
  const session = await signIn(portal, hostOf('acme'));
  await enableInvoiceImport(portal, session);
  const browser = new MicrosoftBrowser(bench.emulators.microsoft.caCertPem);
  try {
    await runConnectFlow(portal, browser, session);
  } finally {
    await browser.close();
  }
  const { data: body, response } = await portal.api(session.host, session).GET(STATUS_PATH);
  if (!body || body.status !== 'connected' || !body.lastTest?.ok || !body.features[0]?.enabled) {
    throw new Error(`the status read does not show a tested connection: ${response.status} ${JSON.stringify(body)}`);
  }
  return session;
}

/** Server-side request time of the status route from the app's own Prometheus histogram: [sum s, count]. */
async function serverTime(bench: AppUnderBench): Promise<[number, number]> {
  const metric = await bench.services.metrics.httpDuration.get();
  const pick = (suffix: string) =>
    metric.values.find(
      (value) =>
        value.metricName?.endsWith(suffix) &&
        value.labels.method === 'GET' &&
        value.labels.route === STATUS_PATH &&
        value.labels.status_code === '200',
    )?.value ?? 0;
  return [pick('_sum'), pick('_count')];
}

/**
 * Sequential reads (from this process, so the server is otherwise idle): how many queries one request makes, how
 * long they are awaited, and the server-side time of the request from the app's own metrics.
 */
export async function probeStatusRead(
  bench: AppUnderBench,
  portal: PortalClient,
  session: PortalSession,
  meter: ReturnType<typeof meterQueries>,
) {
  const [sumBefore, countBefore] = await serverTime(bench);
  meter.reset();
  const started = performance.now();
  for (let i = 0; i < PROBE_REQUESTS; i++) {
    const answer = await portal.as(session).get(STATUS_PATH);
    if (answer.status !== 200) throw new Error(`probe: ${answer.status} ${answer.text}`);
  }
  const clientMs = (performance.now() - started) / PROBE_REQUESTS;
  const counts = meter.read();
  const [sumAfter, countAfter] = await serverTime(bench);
  return {
    queriesPerRequest: counts.queries / PROBE_REQUESTS,
    queryMsPerRequest: counts.queryMs / PROBE_REQUESTS,
    serverMsPerRequest: ((sumAfter - sumBefore) * 1000) / Math.max(1, countAfter - countBefore),
    roundTripMs: clientMs,
  };
}
