import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PUBLIC_URL, TEST_CLIENT, TEST_ENCRYPTION_KEY, type TestApp } from '../../support/test-app.js';

export interface WorkerProcess {
  child: ChildProcess;
  /** SIGKILL, as the kernel's OOM killer or a pulled plug would: nothing runs after it. */
  kill(): Promise<void>;
}

/** A second app instance with only the background jobs, on `t`'s database and emulators, in a child process. */
export async function startWorkerProcess(t: TestApp, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const request = {
    databaseUrl: t.database.url,
    env,
    microsoft: {
      origin: t.microsoft.origin,
      browserOrigin: t.microsoft.browserOrigin,
      authority: t.microsoft.authority(),
      graphBaseUrl: t.microsoft.graphBaseUrl,
      caCertPem: t.microsoft.caCertPem,
      authorityMetadata: t.microsoft.authorityMetadata(),
    },
    client: TEST_CLIENT,
    publicUrl: PUBLIC_URL,
    encryptionKey: { id: TEST_ENCRYPTION_KEY.id, keyBase64: TEST_ENCRYPTION_KEY.key.toString('base64') },
  };
  const script = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=@ecm365/source', '--import', 'tsx', script, JSON.stringify(request)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker process did not get ready in 60 s')), 60_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker process ended with ${code} before it was ready`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
