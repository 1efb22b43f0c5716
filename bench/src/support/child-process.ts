import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Node flags a child must not inherit: a profile or debugger of the bench process is for the bench process. */
const OWN_FLAGS = /^--(cpu-prof|heap-prof|prof|inspect)/;

/**
 * Forks a TypeScript module of this package as a process of its own (its own event loop and core), with the
 * loader flags of the parent (`--import tsx`, the source condition). The child exits when the parent goes away.
 */
export function forkModule(moduleUrl: URL, args: string[] = []): ChildProcess {
  const execArgv = process.execArgv.filter((flag) => !OWN_FLAGS.test(flag));
  return fork(fileURLToPath(moduleUrl), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** The first IPC message of the child, or its failure. */
export function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${what} exited (code ${code}) before answering`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      const failure = (message as { error?: string }).error;
      if (failure) reject(new Error(`${what}: ${failure}`));
      else resolve(message as T);
    });
  });
}

/** Asks the child to stop and waits until it has. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
