import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * Deterministic bytes for large attachments, made while they are streamed: a 64 KiB block derived from the seed,
 * each copy stamped with its block number so no two blocks are equal. Memory stays at one block whatever the size,
 * so a 25 MB (or 2 GB) attachment costs nothing until someone reads it, and a test can compute the expected bytes
 * (or their hash) with this same function.
 */
const BLOCK_SIZE = 64 * 1024;
const PDF_HEAD = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1');
const PDF_TAIL = Buffer.from('\n%%EOF\n', 'latin1');

function baseBlock(seed: string): Buffer {
  const block = Buffer.alloc(BLOCK_SIZE);
  for (let offset = 0, counter = 0; offset < BLOCK_SIZE; counter++) {
    offset += createHash('sha256').update(`${seed}#${counter}`).digest().copy(block, offset);
  }
  return block;
}

/** Byte `position..position+length` of the generated body (without PDF framing). */
function bodyChunk(base: Buffer, position: number, length: number): Buffer {
  const chunk = Buffer.alloc(length);
  let written = 0;
  while (written < length) {
    const at = position + written;
    const blockNumber = Math.floor(at / BLOCK_SIZE);
    const inBlock = at % BLOCK_SIZE;
    const take = Math.min(BLOCK_SIZE - inBlock, length - written);
    base.copy(chunk, written, inBlock, inBlock + take);
    // Stamp the block number over the block's first four bytes (only where this chunk covers them).
    if (inBlock < 4) {
      const stamp = Buffer.alloc(4);
      stamp.writeUInt32BE(blockNumber >>> 0);
      stamp.copy(chunk, written, inBlock, Math.min(4, inBlock + take));
    }
    written += take;
  }
  return chunk;
}

/** The generated content of `size` bytes for `seed`; PDF-framed when `contentType` is application/pdf. */
export function generatedContent(size: number, seed: string, contentType?: string): Readable {
  const pdf = contentType?.toLowerCase() === 'application/pdf' && size >= PDF_HEAD.length + PDF_TAIL.length;
  const head = pdf ? PDF_HEAD : Buffer.alloc(0);
  const tail = pdf ? PDF_TAIL : Buffer.alloc(0);
  const bodyLength = size - head.length - tail.length;
  let base: Buffer | undefined;
  let position = -head.length;
  return new Readable({
    read() {
      if (position < 0) {
        position = 0;
        if (head.length > 0) return void this.push(head);
      }
      if (position < bodyLength) {
        base ??= baseBlock(seed);
        const length = Math.min(BLOCK_SIZE, bodyLength - position);
        this.push(bodyChunk(base, position, length));
        position += length;
        return;
      }
      if (position === bodyLength && tail.length > 0) {
        position += 1;
        return void this.push(tail);
      }
      this.push(null);
    },
  });
}
