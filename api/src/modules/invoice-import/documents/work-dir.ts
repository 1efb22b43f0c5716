import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private temp directory for one mail: the engine downloads the attachments into it and the classification
 * writes the files of attached mails there. Removed when `work` ends, however it ends, so a failed mail leaves no
 * files behind (a crash leaves them in the OS temp directory, named ecm365-mail-*).
 */
export async function withMailWorkDir<T>(work: (workDir: string) => Promise<T>, parent = tmpdir()): Promise<T> {
  const workDir = await mkdtemp(join(parent, 'ecm365-mail-'));
  try {
    return await work(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
