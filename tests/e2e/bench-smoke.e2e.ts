import { expect, it } from 'vitest';
import { runBench } from '../../bench/run-bench';
import { baseUrl, launch } from './browser';

// A small run of the benchmark (`npm run bench`) in the suite, so the benchmark keeps
// working as the app changes: every figure is measured, on 8 patients × 3 visits, once.
it('measures every figure of the benchmark on a small clinic', async () => {
  const browser = await launch();
  try {
    const rows = await runBench(
      browser,
      { sizes: [8], visits: 3, runs: 1, courseVisits: 8, distDir: 'dist', baseUrl: baseUrl() },
      () => undefined,
    );
    expect(rows.map((r) => r.figure)).toEqual([
      'Initial JS (gzip)',
      'Import throughput',
      'Import peak JS heap',
      'Patient list, navigation → first row',
      'Patient list, all rows filled',
      'Search keystroke → rows filled',
      'Cold load → first row on screen',
      'Open-flags banner',
      'Full backup size',
      'Cohort view → tables and charts drawn',
      'Cohort view, longest main-thread stall',
      'Course of 8 visits × 4 scales, all charts drawn',
    ]);
    for (const r of rows) {
      expect(r.app.median, `${r.figure}: app`).toBeGreaterThan(0);
      expect(Number.isFinite(r.app.median), `${r.figure}: app`).toBe(true);
      if (r.ref) expect(r.ref.median, `${r.figure}: reference`).toBeGreaterThan(0);
    }
  } finally {
    await browser.close();
  }
}, 180_000);
