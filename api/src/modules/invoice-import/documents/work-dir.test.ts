import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withMailWorkDir } from './work-dir.js';

describe('withMailWorkDir', () => {
  it('removes the directory and what is in it, also when the work fails', async () => {
    let kept = '';
    await expect(
      withMailWorkDir(async (workDir) => {
        kept = workDir;
        await writeFile(join(workDir, 'download-1'), 'bytes');
        throw new Error('ELO nicht erreichbar');
      }),
    ).rejects.toThrow('ELO nicht erreichbar');
    await expect(access(kept)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await withMailWorkDir(async (workDir) => workDir.includes('ecm365-mail-'))).toBe(true);
  });
});
