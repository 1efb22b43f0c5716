import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Calls `refresh` every `interval()` milliseconds while the component is mounted and the tab is visible, and at
 * once when the tab becomes visible again: a page left open in a background tab asks nothing of the server. The
 * interval is read anew after every call (shorter while a round runs, say); a slow answer is never overtaken.
 */
export function usePolling(refresh: () => Promise<unknown>, interval: () => number): { now: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight = false;

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = stopped || document.visibilityState === 'hidden' ? null : setTimeout(() => void tick(), interval());
  }

  async function tick() {
    timer = null;
    inFlight = true;
    try {
      await refresh();
    } catch {
      // The view shows its own load errors; polling just tries again next time.
    } finally {
      inFlight = false;
      schedule();
    }
  }

  function onVisibility() {
    if (document.visibilityState !== 'visible') {
      if (timer) clearTimeout(timer);
      timer = null;
    } else if (!timer && !inFlight) {
      void tick();
    }
  }

  onMounted(() => {
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
  });
  onBeforeUnmount(() => {
    stopped = true;
    if (timer) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });

  /** Refreshes at once (unless a refresh runs) and counts the interval from then on, e.g. after an action. */
  return {
    now: () => {
      if (!inFlight && !stopped) void tick();
    },
  };
}
