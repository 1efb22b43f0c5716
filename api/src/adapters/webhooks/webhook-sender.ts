import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { knownTransportFailure } from '../transport-failure.js';
import { isLocalHostName, refusedAddressReason } from './address-policy.js';
import { AddressNotAllowedError, guardedLookup } from './guarded-lookup.js';

export interface WebhookSenderOptions {
  /** Bound for one attempt: connecting, sending and reading the answer. */
  timeoutMs: number;
  /** Loopback, private and link-local targets allowed (development, tests, ops' choice). */
  allowPrivateTargets: boolean;
  /** Plain http allowed (never in production). */
  allowHttp: boolean;
  /** At most this much of an answer is read; the rest is cut off (receivers should answer briefly). */
  maxResponseBytes?: number;
  userAgent?: string;
}

export interface WebhookMessage {
  url: string;
  /** The event id: the webhook-id header, the same on every attempt. */
  id: string;
  /** The exact JSON text that is signed and sent. */
  body: string;
  /** whsec_… */
  secret: string;
  /** The attempt's time: webhook-timestamp, part of the signature. */
  timestamp: Date;
}

export interface WebhookAttempt {
  ok: boolean;
  /** HTTP status, when the receiver answered. */
  status: number | null;
  durationMs: number;
  /** Why it failed: `http_status`, `timeout`, `connection_refused`, `address_not_allowed`, `redirect_not_followed`… */
  error: string | null;
}

/** Why a URL (its text) cannot be a webhook target, or undefined. The resolved addresses are checked again at connect time. */
export function refusedUrlReason(
  raw: string,
  options: Pick<WebhookSenderOptions, 'allowHttp' | 'allowPrivateTargets'>,
): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(options.allowHttp && url.protocol === 'http:')) {
    return options.allowHttp ? 'must use http or https' : 'must use https';
  }
  if (url.username || url.password) return 'must not contain user name or password';
  if (url.hash) return 'must not contain a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return refusedAddressReason(host, options.allowPrivateTargets);
  if (!options.allowPrivateTargets && isLocalHostName(host)) return 'loopback address';
  return undefined;
}

/**
 * Delivers one signed webhook request (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, signed by the `standardwebhooks` library). Never follows
 * redirects, connects only to addresses the policy allows (checked after resolving, at connect time), gives up
 * after the timeout and reads at most a bounded part of the answer.
 */
export class WebhookSender {
  private readonly lookup: ReturnType<typeof guardedLookup>;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: WebhookSenderOptions) {
    this.lookup = guardedLookup(options.allowPrivateTargets);
    // No keep-alive: every attempt resolves and checks the target again.
    this.httpAgent = new http.Agent({ keepAlive: false });
    this.httpsAgent = new https.Agent({ keepAlive: false });
  }

  sign(message: Pick<WebhookMessage, 'id' | 'body' | 'secret' | 'timestamp'>): Record<string, string> {
    return {
      'webhook-id': message.id,
      'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
      'webhook-signature': new Webhook(message.secret).sign(message.id, message.timestamp, message.body),
    };
  }

  async send(message: WebhookMessage): Promise<WebhookAttempt> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const refused = refusedUrlReason(message.url, this.options);
    if (refused) return { ok: false, status: null, durationMs: 0, error: 'address_not_allowed' };
    try {
      const status = await this.post(message);
      if (status >= 200 && status < 300) return { ok: true, status, durationMs: elapsed(), error: null };
      const error = status >= 300 && status < 400 ? 'redirect_not_followed' : 'http_status';
      return { ok: false, status, durationMs: elapsed(), error };
    } catch (error) {
      const reason =
        error instanceof AddressNotAllowedError
          ? 'address_not_allowed'
          : (knownTransportFailure(error) ?? 'network_error');
      return { ok: false, status: null, durationMs: elapsed(), error: reason };
    }
  }

  private post(message: WebhookMessage): Promise<number> {
    const url = new URL(message.url);
    const body = Buffer.from(message.body, 'utf8');
    const client = url.protocol === 'https:' ? https : http;
    const maxBytes = this.options.maxResponseBytes ?? 16 * 1024;
    return new Promise<number>((resolve, reject) => {
      const request = client.request(url, {
        method: 'POST',
        agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
        lookup: this.lookup,
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': this.options.userAgent ?? 'ecm365-webhooks/1',
          ...this.sign(message),
        },
      });
      const deadline = setTimeout(
        () => request.destroy(Object.assign(new Error('webhook timed out'), { name: 'TimeoutError' })),
        this.options.timeoutMs,
      );
      const settle = (action: () => void) => {
        clearTimeout(deadline);
        action();
      };
      request.on('error', (error) => settle(() => reject(error)));
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // Enough of it: the status is what counts. Cut the rest off instead of buffering it.
          if (read > maxBytes) {
            response.destroy();
            settle(() => resolve(status));
          }
        });
        response.on('end', () => settle(() => resolve(status)));
        response.on('error', (error) => settle(() => reject(error)));
      });
      request.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
