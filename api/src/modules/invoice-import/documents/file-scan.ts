import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

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
const CHUNK_BYTES = 256 * 1024;

export async function scanFile(path: string, markers: readonly string[] = []): Promise<FileScan> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  const wanted = markers.map((marker) => ({ marker, bytes: Buffer.from(marker, 'latin1') }));
  const overlap = Math.max(0, ...wanted.map(({ bytes }) => bytes.length - 1));
  const found = new Set<string>();
  // One buffer for the whole file (no garbage per chunk), plus a small seam for markers across chunk boundaries.
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const seam = Buffer.alloc(overlap * 2);
  let seamLength = 0;
  let head: Buffer | undefined;
  let size = 0;

  const handle = await open(path, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, size);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      sha256.update(chunk);
      md5.update(chunk);
      head ??= Buffer.from(chunk.subarray(0, HEAD_BYTES));
      size += bytesRead;
      if (found.size < wanted.length) {
        const joined = chunk.subarray(0, overlap).copy(seam, seamLength) + seamLength;
        for (const { marker, bytes } of wanted) {
          if (found.has(marker)) continue;
          if (chunk.includes(bytes) || seam.subarray(0, joined).includes(bytes)) found.add(marker);
        }
        seamLength = chunk.subarray(Math.max(0, bytesRead - overlap)).copy(seam, 0);
      }
    }
  } finally {
    await handle.close();
  }
  return {
    size,
    sha256: sha256.digest('hex'),
    md5: md5.digest('hex').toUpperCase(),
    head: head ?? Buffer.alloc(0),
    markers: found,
  };
}
