import { ix } from './ix-client.js';

/** Helpers for the filing tests: raw IX calls, so the tests check ELO's shapes and not a client's. */
export const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

export const SERVICE = basic('ecm365-dienst', 'dienst-demo');

export async function result<T = Record<string, unknown>>(
  baseUrl: string,
  fn: string,
  body: unknown,
  headers: Record<string, string> = SERVICE,
): Promise<T> {
  const { status, json } = await ix(baseUrl, fn, body, headers);
  if (status !== 200 || json.exception !== undefined) throw new Error(`${fn}: ${status} ${String(json.exception)}`);
  return json.result as T;
}

export async function exception(
  baseUrl: string,
  fn: string,
  body: unknown,
  headers: Record<string, string> = SERVICE,
): Promise<string> {
  const { status, json } = await ix(baseUrl, fn, body, headers);
  if (status !== 200 || typeof json.exception !== 'string') throw new Error(`${fn}: expected an exception`);
  return json.exception;
}

export async function uploadStream(
  baseUrl: string,
  body: string | ReadableStream,
  headers: Record<string, string> = SERVICE,
): Promise<string> {
  const response = await fetch(`${baseUrl}/BUtility/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
  const json = (await response.json()) as { result?: { streamId: string }; exception?: string };
  if (!json.result) throw new Error(`upload: ${String(json.exception)}`);
  return json.result.streamId;
}

interface Sord {
  id: number;
  parentId: number;
  name: string;
  mask: number;
  objKeys: Array<{ name: string; data: string[] }>;
  [key: string]: unknown;
}

/** createDoc + BUtility/upload + checkinDocEnd, the way the ecm365 adapter files. */
export async function fileDocument(
  baseUrl: string,
  input: { parentId: number; mask?: string; name: string; content: string; keys?: Record<string, string> },
  headers: Record<string, string> = SERVICE,
) {
  const template = await result<{ sord: Sord }>(
    baseUrl,
    'createDoc',
    { parentId: String(input.parentId), maskId: input.mask ?? 'Rechnung', editInfoZ: { bset: '1' } },
    headers,
  );
  const sord = {
    ...template.sord,
    name: input.name,
    objKeys: Object.entries(input.keys ?? {}).map(([name, value]) => ({ name, data: [value] })),
  };
  const streamId = await uploadStream(baseUrl, input.content, headers);
  return result<{ objId: string; docs: Array<Record<string, unknown>> }>(
    baseUrl,
    'checkinDocEnd',
    {
      sord,
      sordZ: { bset: '4' },
      document: { docs: [{ ext: 'pdf', contentType: 'application/pdf', fileData: { stream: { streamId } } }] },
      unlockZ: { bset: '0' },
    },
    headers,
  );
}
