import { ref } from 'vue';

/** A store's "what is it doing" flag: set while `run`'s work runs, cleared after, whatever the outcome. */
export function useBusyFlag<Busy extends string>() {
  const busy = ref<Busy | null>(null);
  async function run<T>(flag: Busy, work: () => Promise<T>): Promise<T> {
    busy.value = flag;
    try {
      return await work();
    } finally {
      busy.value = null;
    }
  }
  return { busy, run };
}
