import { EloUnavailableError } from '../../errors/domain-errors.js';
import { parseIxAnswer, type IxAnswer } from './ix-answer.js';
import { readLimitedText } from './read-limited-text.js';
import { transportFailureReason } from '../transport-failure.js';

/** Reports each IX call for metrics/logs: function name, outcome and duration only, never a body. */
export interface EloCallObserver {
  (call: { fn: string; outcome: 'ok' | 'exception' | 'unavailable'; durationMs: number }): void;
}

/**
 * An IX call answered with `exception`. Internal to the adapter: callers turn it into a domain error or a
 * fallback. The text stays inside the adapter because an Indexserver may quote the user name in it.
 */
export class IxCallException extends Error {
  constructor(readonly exception: string) {
    super('ELO IX exception');
    this.name = 'IxCallException';
  }
}

/** getConstants is the largest answer and is far below this. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The base URL as `https://host/ix-repo/rest`, or null when it is not an http(s) URL. */
function normaliseBaseUrl(baseUrl: string): string | null {
  try {
    const url = new URL(baseUrl.replace(/\/+$/, ''));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

/** POSTs IX functions with a JSON body; one timeout covers connecting, the headers and the whole body. */
export class IxClient {
  constructor(
    private readonly timeoutMs: number,
    private readonly onCall?: EloCallObserver,
  ) {}

  /** The call's `result`; throws IxCallException for an `exception`, EloUnavailableError for anything else. */
  async call(baseUrl: string, fn: string, body: Record<string, unknown>): Promise<unknown> {
    const started = performance.now();
    let outcome: 'ok' | 'exception' | 'unavailable' = 'unavailable';
    try {
      const answer = await this.exchange(baseUrl, fn, body);
      if (answer.kind === 'exception') {
        outcome = 'exception';
        throw new IxCallException(answer.exception);
      }
      outcome = 'ok';
      return answer.result;
    } finally {
      this.report(fn, outcome, performance.now() - started);
    }
  }

  private async exchange(baseUrl: string, fn: string, body: Record<string, unknown>): Promise<IxAnswer> {
    const base = normaliseBaseUrl(baseUrl);
    if (!base) throw new EloUnavailableError('bad_url');
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${base}/IXServicePortIF/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify(body),
        signal,
        // Never follow a redirect: it would resend the body, with the password, to wherever it points.
        redirect: 'manual',
      });
    } catch (error) {
      throw new EloUnavailableError(transportFailureReason(error));
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      throw new EloUnavailableError(`http_${response.status}`);
    }
    let text: string;
    try {
      text = await readLimitedText(response, MAX_ANSWER_BYTES);
    } catch (error) {
      throw new EloUnavailableError(transportFailureReason(error));
    }
    const answer = parseIxAnswer(text);
    if (!answer) throw new EloUnavailableError('bad_response');
    return answer;
  }

  private report(fn: string, outcome: 'ok' | 'exception' | 'unavailable', durationMs: number): void {
    try {
      this.onCall?.({ fn, outcome, durationMs: Math.round(durationMs) });
    } catch {
      // An observer (metrics, logging) must never change the outcome of a login.
    }
  }
}
