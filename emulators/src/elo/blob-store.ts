import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Bytes kept on disk: where, how many, and their MD5 as ELO writes it (upper-case hex). */
export interface StoredBlob {
  file: string;
  size: number;
  md5: string;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload exceeds ${maxBytes} bytes`);
  }
}

/**
 * Uploaded document bytes, written to a private temporary directory as they arrive: a 25 MB upload passes
 * through memory once, in chunks, and is hashed on the way. The directory is removed at close.
 */
export class BlobStore {
  private readonly directory = mkdtempSync(path.join(tmpdir(), 'ecm365-elo-'));

  constructor(readonly maxBytes: number) {}

  private newFile(): string {
    return path.join(this.directory, randomBytes(12).toString('hex'));
  }

  /** Streams `source` to a new file; refuses (and deletes) more than `maxBytes`. */
  async write(source: Readable | AsyncIterable<Uint8Array>): Promise<StoredBlob> {
    const file = this.newFile();
    const md5 = createHash('md5');
    let size = 0;
    const maxBytes = this.maxBytes;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) return callback(new BlobTooLargeError(maxBytes));
        md5.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      this.remove(file);
      throw error;
    }
    return { file, size, md5: md5.digest('hex').toUpperCase() };
  }

  /** Small contents that came inline (FileData.data, base64) in a JSON call. */
  writeBytes(bytes: Buffer): StoredBlob {
    if (bytes.length > this.maxBytes) throw new BlobTooLargeError(this.maxBytes);
    const file = this.newFile();
    writeFileSync(file, bytes, { mode: 0o600 });
    return { file, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex').toUpperCase() };
  }

  remove(file: string): void {
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to free.
    }
  }

  close(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }
}
