/**
 * What must not outlive an interrupted run (databases, child processes): registered while it exists, run on
 * Ctrl-C or when the process is about to die. Normal runs clean up in their own `finally` and unregister.
 */
const pending = new Set<() => Promise<void>>();

export function onInterrupt(cleanup: () => Promise<void>): () => void {
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

function cleanUpAndExit(code: number): void {
  void Promise.allSettled([...pending].map((cleanup) => cleanup())).then(() => process.exit(code));
}

/**
 * Ctrl-C cleans up. An unhandled error ends the run as it would end the app (main.ts installs no handler, so
 * Node would exit): it is reported as the app's crash, then the databases are dropped before exiting.
 */
export function installInterruptHandler(): void {
  process.once('SIGINT', () => {
    console.error('\ninterrupted: cleaning up');
    cleanUpAndExit(130);
  });
  const crash = (kind: string) => (error: unknown) => {
    console.log(`CRASH: ${kind} in the process of the app under bench (the app would exit here):`);
    console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    cleanUpAndExit(1);
  };
  process.once('unhandledRejection', crash('unhandled rejection'));
  process.once('uncaughtException', crash('uncaught exception'));
}
