import { ResponseTooLargeError } from '../transport-failure.js';

/**
 * Reads a response body as UTF-8, refusing more than `maxBytes`: a misconfigured URL pointing at something else
 * must not make the api buffer an unbounded answer. Reading stays under the fetch's abort signal, so the
 * timeout also covers a body that trickles in slowly.
 */
export async function readLimitedText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
