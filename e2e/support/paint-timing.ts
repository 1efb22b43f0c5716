import type { BrowserContext, Page } from 'playwright-core';

/**
 * Lighthouse's default ("mobile") throttling as DevTools applies it: a slow 4G link (150 ms round trip, 1.6 Mbit/s
 * down, 750 kbit/s up) with Lighthouse's DevTools adjustment factors (latency × 3.75, throughput × 0.9) and the CPU
 * four times slower. Lighthouse itself simulates this; applying it in the browser is its "devtools" method.
 */
export const LIGHTHOUSE_MOBILE = {
  label: 'Lighthouse mobile throttling (562.5 ms latency, 1.47 Mbit/s down, CPU ×4)',
  latencyMs: 562.5,
  downloadKbps: 1474.56,
  uploadKbps: 675,
  cpuSlowdown: 4,
} as const;

export type Throttling = typeof LIGHTHOUSE_MOBILE;

export interface PaintTiming {
  /** First contentful paint, ms after the navigation started (Paint Timing API). */
  fcpMs: number;
  /** Largest contentful paint so far, ms after the navigation started; null when the browser reported none. */
  lcpMs: number | null;
  /** Bytes that came over the network for the page (headers and bodies, as the browser received them). */
  transferredBytes: number;
}

/** Applies the network and CPU throttling to a page before it navigates (Chrome DevTools Protocol). */
export async function throttle(context: BrowserContext, page: Page, throttling: Throttling): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: throttling.latencyMs,
    downloadThroughput: (throttling.downloadKbps * 1024) / 8,
    uploadThroughput: (throttling.uploadKbps * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling.cpuSlowdown });
}

/**
 * Reads first and largest contentful paint of the page's current document. Call it once the page shows what it is
 * for: the entries are buffered, so nothing has to be installed before the navigation. The element being visible
 * does not mean its frame was painted yet, so this waits for the first contentful paint (up to 10 s, then NaN) and
 * a moment longer for the largest one.
 */
export function readPaintTiming(page: Page): Promise<PaintTiming> {
  return page.evaluate(
    () =>
      new Promise<PaintTiming>((resolve) => {
        let fcp: number | undefined;
        let lcp: number | undefined;
        const observers: PerformanceObserver[] = [];
        const finish = () => {
          for (const observer of observers) observer.disconnect();
          const entries = [
            ...performance.getEntriesByType('navigation'),
            ...performance.getEntriesByType('resource'),
          ] as PerformanceResourceTiming[];
          resolve({
            fcpMs: fcp === undefined ? Number.NaN : Math.round(fcp),
            lcpMs: lcp === undefined ? null : Math.round(lcp),
            transferredBytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
          });
        };
        const giveUp = setTimeout(finish, 10_000);
        const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
          const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
          observer.observe({ type, buffered: true });
          observers.push(observer);
        };
        observe('largest-contentful-paint', (entry) => (lcp = entry.startTime));
        observe('paint', (entry) => {
          if (entry.name !== 'first-contentful-paint' || fcp !== undefined) return;
          fcp = entry.startTime;
          clearTimeout(giveUp);
          setTimeout(finish, 250);
        });
      }),
  );
}

/** One line for the e2e output, e.g. `first paint /login, cold cache, no throttling: FCP 212 ms, LCP 212 ms, …`. */
export function paintLine(what: string, conditions: string, timing: PaintTiming): string {
  const lcp = timing.lcpMs === null ? 'no LCP entry' : `LCP ${timing.lcpMs} ms`;
  const kb = (timing.transferredBytes / 1024).toFixed(1);
  return `first paint ${what}, cold cache, ${conditions}: FCP ${timing.fcpMs} ms, ${lcp}, ${kb} KB transferred`;
}
