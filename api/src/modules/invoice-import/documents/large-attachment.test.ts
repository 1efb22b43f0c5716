import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { invoiceMailMime, largePdfStream } from '@ecm365/emulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAttachment } from './classify-attachment.js';

/**
 * Large attachments must not sit in memory: a 25 MB PDF is hashed and sniffed chunk by chunk, and the files of an
 * attached mail are streamed to disk. Buffers count in `arrayBuffers`; see peakBuffers.
 */
const MB = 1024 * 1024;
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ecm365-large-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * The peak growth of `arrayBuffers` while `work` runs. With `collectEveryMs` a full collection precedes each sample
 * (slow, so rarely), which leaves only what is held; without it, samples are frequent and garbage counts too.
 */
async function peakBuffers<T>(work: () => Promise<T>, collectEveryMs?: number): Promise<{ result: T; peak: number }> {
  collectGarbage();
  const baseline = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const sample = () => {
    if (collectEveryMs) collectGarbage();
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
  };
  const timer = setInterval(sample, collectEveryMs ?? 1);
  try {
    const result = await work();
    sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Full collections while sampling make these slow on a busy machine; the limit is generous, nothing is timed.
describe('large attachments', { timeout: 180_000 }, () => {
  it('classifies 25 MB PDFs with flat memory and hashes every byte', async () => {
    const size = 25 * MB;
    const path = join(workDir, 'scan.pdf');
    await pipeline(largePdfStream(size), createWriteStream(path));
    expect((await stat(path)).size).toBe(size);

    for (let round = 0; round < 2; round += 1) {
      // The scan reuses one buffer, so even garbage stays small: frequent samples, no collections needed.
      const { result, peak } = await peakBuffers(() =>
        classifyAttachment({ id: `big-${round}`, path, name: 'Scan.pdf', contentType: 'application/pdf' }, { workDir }),
      );
      expect(result).toMatchObject({ kind: 'pdf', size, notes: [] });
      expect(result.sha256).toBe(await sha256Of(path));
      expect(peak).toBeLessThan(4 * MB);
    }
  });

  it('streams the files of an attached mail to disk instead of holding them', async () => {
    // 16 MB inside the mail against a bound of half that: holding the file (or its base64) would cross it, while
    // the parser's transient chunk buffers (a few MB on a busy machine) do not.
    const innerSize = 16 * MB;
    const inner = join(workDir, 'inner.pdf');
    await pipeline(largePdfStream(innerSize, 'Rechnung als Scan'), createWriteStream(inner));
    const mimePath = join(workDir, 'forwarded.eml');
    await writeFile(
      mimePath,
      await invoiceMailMime({
        from: { name: 'Scanner', address: 'scanner@contoso.example' },
        to: [{ name: 'Rechnungen', address: 'rechnungen@contoso.example' }],
        subject: 'Scan',
        text: 'Gescannte Rechnung',
        date: '2025-03-10T10:00:00Z',
        messageId: 'scan-1@contoso.example',
        attachments: [{ filename: 'scan.pdf', content: await readAll(inner), contentType: 'application/pdf' }],
      }),
    );

    // mailparser leaves garbage per chunk: count only what is held, collecting before each (rare) sample.
    const { result, peak } = await peakBuffers(
      () => classifyAttachment({ id: 'item', path: mimePath, name: 'Scan', isMail: true }, { workDir }),
      250,
    );
    expect(result.parts).toMatchObject([{ kind: 'pdf', name: 'scan.pdf', size: innerSize }]);
    expect(result.parts?.[0]?.sha256).toBe(await sha256Of(inner));
    expect(peak).toBeLessThan(innerSize / 2);
  });
});

async function readAll(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
