/** Samples `process.memoryUsage()` of this process every `intervalMs` and keeps the peaks (bytes). */
export function sampleMemory(intervalMs = 100) {
  const peak = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0 };
  let samples = 0;
  const take = () => {
    const usage = process.memoryUsage();
    samples += 1;
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, usage.heapTotal);
    peak.external = Math.max(peak.external, usage.external);
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
