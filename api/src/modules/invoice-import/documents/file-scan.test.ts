import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFile } from './file-scan.js';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ecm365-scan-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('scanFile', () => {
  it('finds a marker wherever it lies, also across the boundary between two reads', async () => {
    const marker = '/EmbeddedFile';
    // Reads are 256 KiB: put the marker across the first boundary, and another one at the very end.
    for (const offset of [0, 256 * 1024 - 5, 256 * 1024 - marker.length, 256 * 1024, 600_000 - marker.length]) {
      const bytes = Buffer.alloc(600_000, 0x20);
      bytes.write(marker, offset, 'latin1');
      const path = join(workDir, `m-${offset}`);
      await writeFile(path, bytes);
      const scan = await scanFile(path, [marker, '/AFRelationship']);
      expect([...scan.markers]).toEqual([marker]);
      expect(scan.size).toBe(bytes.length);
      expect(scan.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(scan.md5).toBe(createHash('md5').update(bytes).digest('hex').toUpperCase());
      expect(scan.head).toEqual(bytes.subarray(0, 64 * 1024));
    }
  });

  it('reports no marker that is only half there', async () => {
    const path = join(workDir, 'half');
    await writeFile(path, Buffer.concat([Buffer.alloc(256 * 1024 - 6, 0x20), Buffer.from('/Embed')]));
    expect((await scanFile(path, ['/EmbeddedFile'])).markers.size).toBe(0);
  });

  it('scans an empty file', async () => {
    const path = join(workDir, 'empty');
    await writeFile(path, Buffer.alloc(0));
    const scan = await scanFile(path, ['/EmbeddedFile']);
    expect(scan).toMatchObject({ size: 0, sha256: createHash('sha256').digest('hex') });
    expect(scan.head.length).toBe(0);
  });
});
