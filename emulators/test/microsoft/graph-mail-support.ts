import { fetch, type Agent } from 'undici';
import type { RunningMicrosoftEmulator } from '../../src/microsoft/index.js';
import { connect, createMsalClient } from './support.js';

export const MAILBOX = 'rechnungen@contoso.example';
export const IMMUTABLE = 'IdType="ImmutableId"';

export interface GraphAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Raw Graph calls over HTTPS (for links followed verbatim, headers and status codes the tests look at). */
export function rawGraph(emulator: RunningMicrosoftEmulator, agent: Agent, token: () => string) {
  const send = async <T>(
    method: string,
    pathOrUrl: string,
    options: { body?: unknown; prefer?: string[] } = {},
  ): Promise<GraphAnswer<T>> => {
    const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${emulator.origin}/v1.0${pathOrUrl}`;
    const response = await fetch(url, {
      method,
      dispatcher: agent,
      headers: {
        authorization: `Bearer ${token()}`,
        ...(options.prefer ? { prefer: options.prefer.join(', ') } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers as Headers, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, prefer?: string[]) => send<T>('GET', path, { prefer }),
    post: <T = Record<string, unknown>>(path: string, body: unknown, prefer?: string[]) =>
      send<T>('POST', path, { body, prefer }),
    patch: <T = Record<string, unknown>>(path: string, body: unknown, prefer?: string[]) =>
      send<T>('PATCH', path, { body, prefer }),
  };
}

export async function adminToken(emulator: RunningMicrosoftEmulator, agent: Agent): Promise<string> {
  return (await connect(emulator, createMsalClient(emulator, agent), agent)).accessToken;
}

export interface DeltaPage {
  value: Array<Record<string, unknown>>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Follows a round to its deltaLink; returns every item and the links seen. */
export async function wholeRound(
  graph: ReturnType<typeof rawGraph>,
  start: string,
  prefer: string[],
): Promise<{ items: Array<Record<string, unknown>>; nextLinks: string[]; deltaLink: string; pages: number }> {
  const items: Array<Record<string, unknown>> = [];
  const nextLinks: string[] = [];
  let url = start;
  for (let pages = 1; pages < 1000; pages++) {
    const page = await graph.get<DeltaPage>(url, prefer);
    if (page.status !== 200) throw new Error(`delta page ${pages} answered ${page.status}`);
    items.push(...page.body.value);
    const next = page.body['@odata.nextLink'];
    if (next) {
      nextLinks.push(next);
      url = next;
      continue;
    }
    const deltaLink = page.body['@odata.deltaLink'];
    if (!deltaLink) throw new Error('a delta page without nextLink or deltaLink');
    return { items, nextLinks, deltaLink, pages };
  }
  throw new Error('delta round did not end');
}
