import { fetch, type Agent } from 'undici';
import { isNetworkFailure, MicrosoftRequestError, networkFailure } from './microsoft-request-error.js';

/**
 * GETs a JSON document of the identity platform (openid-configuration, signing keys) through the dispatcher that
 * trusts MS365_CA_FILE, bounded by the Microsoft timeout. A failure is Microsoft's (temporary for 5xx and the
 * network), never a crash.
 */
export async function fetchMicrosoftJson(dispatcher: Agent, url: string, timeoutMs: number): Promise<unknown> {
  let response;
  try {
    response = await fetch(url, {
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    if (isNetworkFailure(error)) throw networkFailure(error);
    throw error;
  }
  const text = await response.text();
  if (response.status !== 200) {
    throw new MicrosoftRequestError({
      error: `http_${response.status}`,
      description: `GET ${new URL(url).pathname} answered ${response.status}`,
      httpStatus: response.status >= 500 ? response.status : 502,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MicrosoftRequestError({
      error: 'invalid_json',
      description: `GET ${new URL(url).pathname}`,
      httpStatus: 502,
    });
  }
}
