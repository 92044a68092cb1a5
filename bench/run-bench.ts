import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { clinicCourses, courseBackup } from '../tests/generate/courses';
import { cohortRows } from './cohort-scenario';
import { spread, type Spread } from './measure';
import {
  backupSizeMB,
  coldLoadFigure,
  courseFigure,
  flagsBannerFigure,
  freshContext,
  importFigures,
  initialJsKiB,
  listFigures,
  searchFigure,
  appImport,
  pageErrors,
  type Pair,
} from './scenarios';

/** A figure of the benchmark at one size: the app beside its reference, over the runs. */
export interface Row {
  readonly figure: string;
  readonly patients: number | null;
  readonly unit: string;
  readonly app: Spread;
  readonly ref: Spread | null;
  readonly refName: string;
  /** The goal in words, and whether the median meets it. */
  readonly goal: string;
  readonly met: boolean | null;
}

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly visits: number;
  readonly runs: number;
  readonly courseVisits: number;
  readonly distDir: string;
  readonly baseUrl: string;
}

const SCALES_PER_VISIT = 4;

function row(
  figure: string,
  patients: number | null,
  unit: string,
  pairs: readonly Pair[],
  refName: string,
  goal: { text: string; test: (app: number, ref: number) => boolean },
): Row {
  const app = spread(pairs.map((p) => p.app));
  const ref = spread(pairs.map((p) => p.ref));
  return {
    figure,
    patients,
    unit,
    app,
    ref,
    refName,
    goal: goal.text,
    met: goal.test(app.median, ref.median),
  };
}

const atMost = (ratio: number) => ({
  text: `≤ ${ratio}× reference`,
  test: (a: number, r: number) => a <= ratio * r,
});
const atLeast = (ratio: number) => ({
  text: `≥ ${ratio}× reference`,
  test: (a: number, r: number) => a >= ratio * r,
});

async function repeat<T>(runs: number, once: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i += 1) out.push(await once());
  return out;
}

/** Runs every figure at every size; the caller prints and saves the rows. */
export async function runBench(
  browser: Browser,
  o: BenchOptions,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const benchDir = join(o.distDir, '__bench');
  mkdirSync(benchDir, { recursive: true });

  const appJs = initialJsKiB(o.distDir, 'index.html');
  const bareJs = initialJsKiB(benchDir, 'list.html');
  rows.push({
    figure: 'Initial JS (gzip)',
    patients: null,
    unit: 'KiB',
    app: spread([appJs]),
    ref: spread([bareJs]),
    refName: 'bare React + Dexie list page',
    goal: '≤ 1.3× reference and ≤ 128 KiB',
    met: appJs <= 1.3 * bareJs && appJs <= 128,
  });

  for (const patients of o.sizes) {
    const specs = clinicCourses(patients, o.visits);
    const name = `clinic-${patients}.json`;
    const path = join(benchDir, name);
    writeFileSync(path, courseBackup(specs));
    const records = patients * (1 + 1 + o.visits * (1 + SCALES_PER_VISIT));
    const file = {
      path,
      url: `${o.baseUrl}__bench/${name}`,
      records,
      firstCode: specs[0]?.code ?? '',
    };
    log(`${patients} patients: ${records} records in ${name}`);

    const imports = await repeat(o.runs, () => importFigures(browser, o.baseUrl, file));
    rows.push(
      row(
        'Import throughput',
        patients,
        'records/s',
        imports.map((i) => i.rate),
        'raw IndexedDB puts, one transaction',
        atLeast(0.6),
      ),
    );
    rows.push(
      row(
        'Import peak JS heap',
        patients,
        'MB',
        imports.map((i) => i.heap),
        'raw IndexedDB puts, one transaction',
        atMost(1.3),
      ),
    );
    log(`  import done`);

    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(o.baseUrl);
    await appImport(page, o.baseUrl, path, file.firstCode);
    const lists = await repeat(o.runs, () => listFigures(page, o.baseUrl));
    rows.push(
      row(
        'Patient list, navigation → first row',
        patients,
        'ms',
        lists.map((l) => l.first),
        'bare React + Dexie list',
        atMost(1),
      ),
    );
    rows.push(
      row(
        'Patient list, all rows filled',
        patients,
        'ms',
        lists.map((l) => l.filled),
        'bare React + Dexie list',
        atMost(1.2),
      ),
    );
    rows.push(
      row(
        'Search keystroke → rows filled',
        patients,
        'ms',
        await repeat(o.runs, () => searchFigure(page, o.baseUrl)),
        'bare React + Dexie list',
        atMost(1.2),
      ),
    );
    rows.push(
      row(
        'Cold load → first row on screen',
        patients,
        'ms',
        await repeat(o.runs, () => coldLoadFigure(page, o.baseUrl)),
        'bare React + Dexie list page',
        atMost(1.2),
      ),
    );
    rows.push(
      row(
        'Open-flags banner',
        patients,
        'ms',
        await repeat(o.runs, () => flagsBannerFigure(page, o.baseUrl)),
        "bare list's query",
        atMost(1.2),
      ),
    );
    const sizes = await repeat(1, () => backupSizeMB(page, o.baseUrl));
    rows.push({
      figure: 'Full backup size',
      patients,
      unit: 'MB',
      app: spread(sizes),
      ref: null,
      refName: '–',
      goal: `≤ ${(15 * patients) / 1000} MB (15 MB per 1,000 patients)`,
      met: (sizes[0] ?? Infinity) <= (15 * patients) / 1000,
    });
    rows.push(...(await cohortRows(page, o.baseUrl, patients, o.runs)));
    await context.close();
    log(`  list, search, load, flags, backup and cohort done`);
  }

  const longName = `course-${o.courseVisits}.json`;
  const longPath = join(benchDir, longName);
  const code = `LONG-${o.courseVisits}`;
  writeFileSync(longPath, courseBackup([{ code, visits: o.courseVisits }]));
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(o.baseUrl);
  await appImport(page, o.baseUrl, longPath, code);
  rows.push(
    row(
      `Course of ${o.courseVisits} visits × 4 scales, all charts drawn`,
      null,
      'ms',
      await repeat(o.runs, () => courseFigure(page, o.baseUrl, code, o.courseVisits)),
      `one bare Chart.js chart of ${o.courseVisits * 4} points`,
      atMost(1.3),
    ),
  );
  await context.close();
  if (pageErrors.length > 0) {
    throw new Error(
      `The pages threw while measured:\n${pageErrors.map((e) => e.message).join('\n')}`,
    );
  }
  return rows;
}

const fmt = (x: number): string =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const cell = (s: Spread): string =>
  s.n > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);

/** The rows as a Markdown table: medians with min–max, the ratio, and the goal. */
export function markdown(rows: readonly Row[], o: Pick<BenchOptions, 'runs' | 'visits'>): string {
  const head = [
    `Benchmark of ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), headless Chromium.`,
    `Medians of ${o.runs} runs (min–max); patients have ${o.visits} weekly item-level visits × 4 scales.`,
    '',
    '| Figure | Patients | App | Reference | Ratio | Goal | Met |',
    '|---|---|---|---|---|---|---|',
  ];
  return [
    ...head,
    ...rows
      .map((r) =>
        [
          r.figure,
          r.patients === null ? '–' : r.patients.toLocaleString('en'),
          `${cell(r.app)} ${r.unit}`,
          r.ref ? `${cell(r.ref)} ${r.unit} (${r.refName})` : '–',
          r.ref ? `${(r.app.median / r.ref.median).toFixed(2)}×` : '–',
          r.goal,
          r.met === null ? '–' : r.met ? 'yes' : '**no**',
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
    '',
  ].join('\n');
}
