import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { clinicCourses, courseBackup } from '../tests/generate/courses';
import { painted, spread } from './measure';
import type { BenchOptions, Row } from './run-bench';
import { appImport, freshContext } from './scenarios';

// Issue 14's figure, kept apart from the list and import figures of issue 18: opening the
// cohort view on the clinic already imported, to every table and chart drawn, and how long
// the main thread was blocked meanwhile (the longest gap of a 10 ms heartbeat: an input
// would have waited that long). The figures are computed in a Web Worker.
const LONG = { timeout: Number(process.env.BENCH_WAIT_MS ?? 30 * 60_000) };

interface CohortRun {
  readonly ms: number;
  readonly stallMs: number;
}

async function cohortOnce(page: Page, baseUrl: string): Promise<CohortRun> {
  await page.goto(`${baseUrl}#/`);
  await page.getByRole('link', { name: 'Cohort view', exact: true }).waitFor(LONG);
  await painted(page);
  await page.evaluate(() => {
    const w = window as unknown as { __stall: number; __beat: number };
    w.__stall = 0;
    let last = performance.now();
    w.__beat = window.setInterval(() => {
      const now = performance.now();
      w.__stall = Math.max(w.__stall, now - last);
      last = now;
    }, 10);
  });
  const t0 = performance.now();
  await page.getByRole('link', { name: 'Cohort view', exact: true }).click();
  await page
    .getByRole('table', { name: / total$/ })
    .first()
    .waitFor(LONG);
  await page.waitForFunction(
    () => {
      const canvases = [...document.querySelectorAll('canvas')];
      return canvases.length >= 2 && canvases.every((c) => c.width > 0);
    },
    undefined,
    LONG,
  );
  await painted(page);
  const ms = performance.now() - t0;
  const stallMs = await page.evaluate(() => {
    const w = window as unknown as { __stall: number; __beat: number };
    window.clearInterval(w.__beat);
    return w.__stall;
  });
  return { ms, stallMs };
}

/** The cohort figures at one size, on a page whose database holds the clinic. */
export async function cohortRows(
  page: Page,
  baseUrl: string,
  patients: number,
  runs: number,
): Promise<Row[]> {
  const measured: CohortRun[] = [];
  for (let i = 0; i < runs; i += 1) measured.push(await cohortOnce(page, baseUrl));
  const time = spread(measured.map((m) => m.ms));
  const stall = spread(measured.map((m) => m.stallMs));
  return [
    {
      figure: 'Cohort view → tables and charts drawn',
      patients,
      unit: 'ms',
      app: time,
      ref: null,
      refName: '–',
      goal: '< 1000 ms',
      met: time.median < 1000,
    },
    {
      figure: 'Cohort view, longest main-thread stall',
      patients,
      unit: 'ms',
      app: stall,
      ref: null,
      refName: '–',
      goal: '≤ 200 ms (an input answered within 200 ms)',
      met: stall.median <= 200,
    },
  ];
}

/**
 * The cohort figures alone (`BENCH_ONLY=cohort npm run bench`): the clinic imported once per
 * size, then the cohort view opened `runs` times. For work on the cohort view, whose figure
 * otherwise waits for every import and list figure first.
 */
export async function runCohortBench(
  browser: Browser,
  o: BenchOptions,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const benchDir = join(o.distDir, '__bench');
  mkdirSync(benchDir, { recursive: true });
  for (const patients of o.sizes) {
    const specs = clinicCourses(patients, o.visits);
    const path = join(benchDir, `clinic-${patients}.json`);
    writeFileSync(path, courseBackup(specs));
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(o.baseUrl);
    await appImport(page, o.baseUrl, path, specs[0]?.code ?? '');
    log(`${patients} patients imported`);
    rows.push(...(await cohortRows(page, o.baseUrl, patients, o.runs)));
    await context.close();
    log(`  cohort done`);
  }
  return rows;
}

export const cohortOnly = process.env.BENCH_ONLY === 'cohort';
