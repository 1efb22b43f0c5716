import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Full garbage collections until the heap is settled, so that a baseline taken next holds live objects only
 * (e.g. not the garbage of seeding). The root script starts the bench without --expose-gc; the flag is set at
 * run time and `gc` taken from a fresh context, where V8 installs it.
 */
export async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // Twice, with a turn of the event loop between: finalization callbacks of the first may release more.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

/** Samples `process.memoryUsage()` of this process every `intervalMs` and keeps the peaks (bytes). */
export function sampleMemory(intervalMs = 100) {
  const peak = { rss: 0, heapUsed: 0, heapTotal: 0 };
  let samples = 0;
  const take = () => {
    const usage = process.memoryUsage();
    samples += 1;
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, usage.heapTotal);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { ...peak, samples };
    },
  };
}
