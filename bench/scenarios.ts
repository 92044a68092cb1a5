import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { painted, peakHeap, timed } from './measure';

// One function per figure of the benchmark. Each returns one measurement of the app and one
// of its reference, taken in the same browser on the same data. Long waits are allowed: a
// 3,000-patient import takes minutes.
const LONG = { timeout: Number(process.env.BENCH_WAIT_MS ?? 30 * 60_000) };

export interface Pair {
  readonly app: number;
  readonly ref: number;
}

/** Uncaught errors of every page the benchmark opened: a figure of a broken page means nothing. */
export const pageErrors: Error[] = [];

export async function freshContext(browser: Browser): Promise<BrowserContext> {
  // No service worker: the reference pages live beside the app and must not be answered
  // by its navigation fallback; the app and its references load the same way.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
    reducedMotion: 'reduce',
  });
  context.on('weberror', (e) => pageErrors.push(e.error()));
  return context;
}

const importPanel = (page: Page) => page.getByRole('region', { name: 'Import a backup' });

/** Imports a backup file through the Data page; ms from choosing the file to "Imported". */
export async function appImport(
  page: Page,
  baseUrl: string,
  file: string,
  firstCode: string,
): Promise<number> {
  await page.goto(`${baseUrl}#/data`);
  await importPanel(page).waitFor(LONG);
  return timed(
    async () => {
      await page.getByLabel('Backup file (.json)').setInputFiles(file);
      await importPanel(page).getByText(`New: ${firstCode}`).waitFor(LONG);
      await importPanel(page).getByRole('button', { name: 'Import', exact: true }).click();
    },
    () =>
      importPanel(page)
        .getByText(/Imported:/)
        .waitFor(LONG),
  );
}

/** Import: records per second and the peak JS heap, the app's Data page against raw puts. */
export async function importFigures(
  browser: Browser,
  baseUrl: string,
  file: { path: string; url: string; records: number; firstCode: string },
): Promise<{ rate: Pair; heap: Pair }> {
  const appContext = await freshContext(browser);
  const appPage = await appContext.newPage();
  await appPage.goto(baseUrl);
  const app = await peakHeap(appContext, appPage, () =>
    appImport(appPage, baseUrl, file.path, file.firstCode),
  );
  await appContext.close();

  const rawContext = await freshContext(browser);
  const rawPage = await rawContext.newPage();
  await rawPage.goto(`${baseUrl}__bench/raw.html`);
  await rawPage.waitForFunction(() => 'rawImport' in window);
  const raw = await peakHeap(rawContext, rawPage, async () => {
    const t0 = performance.now();
    const { records } = await rawPage.evaluate((url) => window.rawImport(url), file.url);
    if (records !== file.records)
      throw new Error(`raw import put ${records} of ${file.records} records`);
    return performance.now() - t0;
  });
  await rawContext.close();
  return {
    rate: { app: file.records / (app.result / 1000), ref: file.records / (raw.result / 1000) },
    heap: { app: app.peakMB, ref: raw.peakMB },
  };
}

const firstRow = (page: Page) => page.locator('tbody tr').first().waitFor(LONG);
const rowsFilled = (page: Page, dateCell: number) =>
  page.waitForFunction(
    (cell) => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return (
        rows.length > 0 &&
        rows.every((r) => /\d{4}-\d{2}-\d{2}/.test(r.children[cell]?.textContent ?? ''))
      );
    },
    dateCell,
    LONG,
  );

/** In-page navigation to the list: to the first row, and to every row filled. */
export async function listFigures(
  page: Page,
  baseUrl: string,
): Promise<{ first: Pair; filled: Pair }> {
  await page.goto(`${baseUrl}#/data`);
  await importPanel(page).waitFor(LONG);
  let appFirst = 0;
  const appFilled = await timed(
    async () => {
      const t0 = performance.now();
      await page.getByRole('link', { name: 'Patients', exact: true }).click();
      await firstRow(page);
      appFirst = performance.now() - t0;
    },
    () => rowsFilled(page, 2),
  );
  await page.goto(`${baseUrl}__bench/list.html#later`);
  await page.getByRole('button', { name: 'Patients' }).waitFor();
  let refFirst = 0;
  const refFilled = await timed(
    async () => {
      const t0 = performance.now();
      await page.getByRole('button', { name: 'Patients' }).click();
      await firstRow(page);
      refFirst = performance.now() - t0;
    },
    () => rowsFilled(page, 2),
  );
  return { first: { app: appFirst, ref: refFirst }, filled: { app: appFilled, ref: refFilled } };
}

/** One keystroke that changes the list ("C-00" then "0": 100 rows of C-000xx), to every row filled. */
export async function searchFigure(page: Page, baseUrl: string): Promise<Pair> {
  const keystroke = async (box: ReturnType<Page['getByRole']>) => {
    await box.fill('C-00');
    await rowsFilled(page, 2);
    await painted(page);
    return timed(
      () => box.press('0'),
      () =>
        page.waitForFunction(
          () => {
            const rows = [...document.querySelectorAll('tbody tr')];
            return (
              rows.length > 0 &&
              rows.every((r) => (r.children[0]?.textContent ?? '').startsWith('C-000')) &&
              rows.every((r) => /\d{4}-\d{2}-\d{2}/.test(r.children[2]?.textContent ?? ''))
            );
          },
          undefined,
          LONG,
        ),
    );
  };
  await page.goto(baseUrl);
  const app = await keystroke(page.getByRole('searchbox'));
  await page.goto(`${baseUrl}__bench/list.html`);
  const ref = await keystroke(page.getByRole('textbox', { name: 'Search' }));
  return { app, ref };
}

/** A full page load to the database's answer on screen (the first row of the list). */
export async function coldLoadFigure(page: Page, baseUrl: string): Promise<Pair> {
  await page.goto('about:blank');
  const app = await timed(
    () => page.goto(baseUrl),
    () => firstRow(page),
  );
  await page.goto('about:blank');
  const ref = await timed(
    () => page.goto(`${baseUrl}__bench/list.html`),
    () => firstRow(page),
  );
  return { app, ref };
}

/** A full load to the open-flags banner, against the bare list's query on the same data. */
export async function flagsBannerFigure(page: Page, baseUrl: string): Promise<Pair> {
  await page.goto('about:blank');
  const app = await timed(
    () => page.goto(baseUrl),
    () => page.getByText(/open safety flags? to acknowledge/).waitFor(LONG),
  );
  await page.goto('about:blank');
  const ref = await timed(
    () => page.goto(`${baseUrl}__bench/list.html`),
    () => firstRow(page),
  );
  return { app, ref };
}

/** The full backup's size in MB, as the clinician's download. */
export async function backupSizeMB(page: Page, baseUrl: string): Promise<number> {
  await page.goto(`${baseUrl}#/data`);
  const [download] = await Promise.all([
    page.waitForEvent('download', LONG),
    page.getByRole('button', { name: /Export backup/ }).click(),
  ]);
  const path = await download.path();
  return statSync(path).size / 1e6;
}

/** The course page of one long course, to every chart drawn, against one bare chart. */
export async function courseFigure(
  page: Page,
  baseUrl: string,
  code: string,
  visits: number,
): Promise<Pair> {
  await page.goto(baseUrl);
  await page.getByRole('searchbox').fill(code);
  await page.getByRole('link', { name: code, exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(code) }).waitFor();
  const patientUrl = page.url();
  await page.goto('about:blank');
  const app = await timed(
    () => page.goto(patientUrl.replace(/#\/patients\/([^/]+).*$/, '#/patients/$1/course')),
    async () => {
      await page.waitForFunction(
        () => {
          const canvases = [...document.querySelectorAll('canvas')];
          return canvases.length >= 3 && canvases.every((c) => c.width > 0);
        },
        undefined,
        LONG,
      );
      await painted(page);
    },
  );
  await page.goto('about:blank');
  const ref = await timed(
    () => page.goto(`${baseUrl}__bench/chart.html?visits=${visits}`),
    async () => {
      await page.waitForFunction(() => (document.querySelector('canvas')?.width ?? 0) > 0);
      await painted(page);
    },
  );
  return { app, ref };
}

/** KiB of gzip JavaScript that a page loads before its first screen (script + preloads). */
export function initialJsKiB(dir: string, html: string): number {
  const text = readFileSync(join(dir, html), 'utf8');
  const sources = [
    ...text.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  const base = join(dir, html, '..');
  return (
    sources.reduce((sum, src) => sum + gzipSync(readFileSync(join(base, src))).length, 0) / 1024
  );
}
