import { MicrosoftRequestError } from './microsoft-request-error.js';

export type MicrosoftCallObserver = (call: { operation: string; outcome: string; durationMs: number }) => void;

/** Times a call to Microsoft and reports its outcome (`ok` or Microsoft's error code) to the observer. */
export async function observed<T>(
  observer: MicrosoftCallObserver | undefined,
  operation: string,
  call: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    const result = await call();
    observer?.({ operation, outcome: 'ok', durationMs: performance.now() - started });
    return result;
  } catch (error) {
    const outcome = error instanceof MicrosoftRequestError ? error.failure.error : 'error';
    observer?.({ operation, outcome, durationMs: performance.now() - started });
    throw error;
  }
}
