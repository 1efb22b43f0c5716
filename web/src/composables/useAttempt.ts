import { ref } from 'vue';
import { toApiError, type ApiError } from '../api/client';

/** Runs an action of a list item and keeps its error for the item to show (cleared by the next attempt). */
export function useAttempt() {
  const error = ref<ApiError | null>(null);
  async function attempt(work: () => Promise<unknown>): Promise<void> {
    error.value = null;
    try {
      await work();
    } catch (caught) {
      error.value = toApiError(caught);
    }
  }
  return { error, attempt };
}
