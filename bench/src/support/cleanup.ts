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
 * Ctrl-C cleans up. An unhandled error ends the run (main.ts installs no other handler, so Node would exit): it
 * is reported as a fatal error of the bench process, which runs both the app under bench and the bench's own
 * code, so the stack trace tells which one failed; then the databases are dropped before exiting.
 */
export function installInterruptHandler(): void {
  process.once('SIGINT', () => {
    console.error('\ninterrupted: cleaning up');
    cleanUpAndExit(130);
  });
  const fatal = (kind: string) => (error: unknown) => {
    console.log(`FATAL: ${kind} in the bench process (app under bench or bench code; see the stack trace):`);
    console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    cleanUpAndExit(1);
  };
  process.once('unhandledRejection', fatal('unhandled rejection'));
  process.once('uncaughtException', fatal('uncaught exception'));
}
