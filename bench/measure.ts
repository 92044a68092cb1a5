import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Median, min and max of a series of measurements. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2
      ? (sorted[mid] ?? NaN)
      : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, n: sorted.length };
}

/** Milliseconds from `start` until `done` resolves, measured in Node around both. */
export async function timed(
  start: () => Promise<unknown>,
  done: () => Promise<unknown>,
): Promise<number> {
  const t0 = performance.now();
  await start();
  await done();
  return performance.now() - t0;
}

/** Waits for two animation frames: what was rendered has been painted. */
export const painted = (page: Page): Promise<void> =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );

/**
 * The peak of the page's used JS heap while `work` runs, sampled through the DevTools
 * protocol every 50 ms (a sample waits while the page's main thread is busy, so the true
 * peak can be a little higher than the one seen).
 */
export async function peakHeap<T>(
  context: BrowserContext,
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T; peakMB: number }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const sample = async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      peak = Math.max(peak, used);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const sampling = sample();
  try {
    const result = await work();
    return { result, peakMB: peak / 2 ** 20 };
  } finally {
    running = false;
    await sampling;
    await cdp.detach();
  }
}
