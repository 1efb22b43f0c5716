import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The body as parsed by standardwebhooks after verifying the signature; undefined when verification failed. */
  verified: { id: string; type: string; data: Record<string, unknown>; tenant: { slug: string } } | undefined;
}

/**
 * A real HTTP receiver on loopback that verifies every request with the standardwebhooks library, as an
 * integrator's endpoint would. `answer` decides the status code (default 204); `secret` is set once known.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let secret: string | undefined;
  let answer: () => number = () => 204;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(request.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
      };
      let verified: ReceivedWebhook['verified'];
      try {
        verified = secret ? (new Webhook(secret).verify(body, headers) as ReceivedWebhook['verified']) : undefined;
      } catch {
        verified = undefined;
      }
      received.push({
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        verified,
      });
      response.writeHead(answer()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks/ecm365`,
    port,
    received,
    /** Events that passed signature verification, by type. */
    verifiedTypes: () => received.filter((r) => r.verified).map((r) => r.verified?.type),
    useSecret(value: string) {
      secret = value;
    },
    answerWith(status: number | (() => number)) {
      answer = typeof status === 'number' ? () => status : status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
