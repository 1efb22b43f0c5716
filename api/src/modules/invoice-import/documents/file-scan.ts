import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * One streaming pass over a file: its size, SHA-256 (import key) and MD5 (ELO's `MD5:` lookup), the first bytes
 * for sniffing, and whether it contains any of the given byte markers. Memory stays at one chunk, whatever the
 * file's size.
 */
export interface FileScan {
  size: number;
  sha256: string;
  md5: string;
  head: Buffer;
  markers: Set<string>;
}

const HEAD_BYTES = 64 * 1024;

export async function scanFile(path: string, markers: readonly string[] = []): Promise<FileScan> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  const wanted = markers.map((marker) => ({ marker, bytes: Buffer.from(marker, 'latin1') }));
  const overlap = Math.max(0, ...wanted.map(({ bytes }) => bytes.length - 1));
  const found = new Set<string>();
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let tail = Buffer.alloc(0);

  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    md5.update(chunk);
    size += chunk.length;
    if (headLength < HEAD_BYTES) {
      const piece = chunk.subarray(0, HEAD_BYTES - headLength);
      headChunks.push(Buffer.from(piece));
      headLength += piece.length;
    }
    if (found.size < wanted.length) {
      // The previous chunk's last bytes go in front, so a marker cut in two by a chunk boundary is still found.
      const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      for (const { marker, bytes } of wanted) if (!found.has(marker) && window.includes(bytes)) found.add(marker);
      tail = Buffer.from(window.subarray(Math.max(0, window.length - overlap)));
    }
  }
  return {
    size,
    sha256: sha256.digest('hex'),
    md5: md5.digest('hex').toUpperCase(),
    head: Buffer.concat(headChunks),
    markers: found,
  };
}
