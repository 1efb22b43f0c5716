import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { eloExceptionError, eloUnavailableError, EloArchiveError } from './archive-errors.js';
import { parseIxAnswer } from './ix-answer.js';
import { readLimitedText } from './read-limited-text.js';
import { transportFailureReason } from '../transport-failure.js';

export interface StreamUpload {
  baseUrl: string;
  ticket: string;
  content: Readable | AsyncIterable<Uint8Array>;
  /** When known: the upload fails if the content turns out shorter or longer (a broken download, not a file). */
  expectedSize?: number;
  timeoutMs: number;
}

export interface UploadedStream {
  streamId: string;
  size: number;
  /** Upper-case hex, as ELO writes it and `checkoutSord MD5:` expects it. */
  md5: string;
}

const FN = 'BUtility/upload';

/** fetch's answer to a 3xx under `redirect: "error"`: a TypeError whose cause says so. */
function isRefusedRedirect(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { message?: unknown } | undefined) : undefined;
  return typeof cause?.message === 'string' && /redirect/i.test(cause.message);
}

/**
 * A web stream that reads the next chunk only when fetch asks for it (highWaterMark 0), so a slow server slows the
 * source down instead of chunks piling up in between (Readable.toWeb reads ahead without such a bound).
 */
function pullStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * `POST …/rest/BUtility/upload` with the raw bytes streamed from `content` (chunk by chunk: a 25 MB file never sits
 * in memory whole), counted and hashed on the way. ELO answers `{"result":{"streamId"}}` and keeps the stream a
 * few minutes for the checkinDocEnd that refers to it.
 */
export async function uploadStream(upload: StreamUpload): Promise<UploadedStream> {
  const md5 = createHash('md5');
  let size = 0;
  let sourceError: unknown;
  const source = upload.content instanceof Readable ? upload.content : Readable.from(upload.content);
  source.once('error', (error) => {
    sourceError = error;
  });
  const measured = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        md5.update(chunk);
        callback(null, chunk);
      },
    }),
  );
  source.once('error', (error) => measured.destroy(error));

  let response: Response;
  try {
    response = await fetch(`${upload.baseUrl.replace(/\/+$/, '')}/${FN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${upload.ticket}` },
      body: pullStream(measured),
      duplex: 'half',
      // "error", not "manual": for any other mode fetch clones the request, which tees this body, and the branch
      // nobody reads kept every chunk the upload sent: the whole file in memory until the upload ended (issue 13,
      // seen as 12–25 MB held during the 25 MB import). A streamed body cannot be sent twice anyway.
      redirect: 'error',
      signal: AbortSignal.timeout(upload.timeoutMs),
    } as RequestInit);
  } catch (error) {
    if (sourceError) throw eloUnavailableError(FN, 'content_stream_failed');
    if (isRefusedRedirect(error)) throw eloUnavailableError(FN, 'redirected');
    throw eloUnavailableError(FN, transportFailureReason(error));
  }
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => undefined);
    throw eloUnavailableError(FN, `http_${response.status}`);
  }
  let text: string;
  try {
    text = await readLimitedText(response, 64 * 1024);
  } catch (error) {
    throw eloUnavailableError(FN, transportFailureReason(error));
  }
  const answer = parseIxAnswer(text);
  if (!answer) throw eloUnavailableError(FN, 'bad_response');
  if (answer.kind === 'exception') throw eloExceptionError(FN, answer.exception);
  const streamId = (answer.result as { streamId?: unknown } | null)?.streamId;
  if (typeof streamId !== 'string' || streamId === '') throw eloUnavailableError(FN, 'bad_response');
  if (sourceError) throw eloUnavailableError(FN, 'content_stream_failed');
  if (upload.expectedSize !== undefined && size !== upload.expectedSize) {
    throw new EloArchiveError('unavailable', 'The file did not arrive in full', {
      fn: FN,
      reason: `size_mismatch: expected ${upload.expectedSize}, got ${size}`,
    });
  }
  return { streamId, size, md5: md5.digest('hex').toUpperCase() };
}
