import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { TABLE_1, TABLE_1_SCALES } from '../../src/domain/testing/table-1';
import { courseBackup, type CourseSpec } from '../generate/courses';

// The printed patient summary (issue 6): the reference case, loaded with the example
// button, printed by Chromium to PDF in A4 and US Letter. The PDFs are read back with
// poppler (pdfinfo, pdftotext), as a clinician's "Save as PDF" would be. Set E2E_PRINT_DIR
// to keep the PDFs (e.g. to turn them into images with pdftoppm and look at them).

let browser: Browser;
const CLINIC = 'Mood Disorders Clinic · Department of Psychiatry · tel. 020 0000 0000';
const keep = process.env.E2E_PRINT_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'trajectory-print-'));

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
});

const pageInfo = (pdf: string): string => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });

const pageCount = (pdf: string): number => {
  const info = pageInfo(pdf);
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match?.[1]) throw new Error(`pdfinfo gave no page count for ${pdf}:\n${info}`);
  return Number(match[1]);
};

const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

/** One page's text, white space folded: what a reader sees on that sheet of paper. */
const pageText = (pdf: string, n: number): string =>
  execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();

/** The page of each image drawn (pdfimages -list): a chart split over two pages shows twice. */
const imagePages = (pdf: string): number[] =>
  execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 3 && cols[2] === 'image')
    .map((cols) => Number(cols[0]));

/**
 * A table row as pdftotext lays it out: the label, then the values in order on the same
 * line. A value may carry the summary-data mark ("18s"), so numbers are delimited by digits
 * only. `between` is what may separate two values: no digit for a row of totals, anything
 * for the change row, which prints "−16 (88.89 %)".
 */
const rowPattern = (
  label: string,
  values: readonly (string | number)[],
  between = '[^\\n\\d]+',
) => {
  const numbers = values.map((v) => `(?<![\\d.])${String(v).replace('.', '\\.')}(?![\\d.])`);
  return new RegExp(`${label}[^\\n]*?${numbers.join(between)}`);
};

async function openPrintView(page: Page, code = 'DEZ-001'): Promise<void> {
  await page.goto(baseUrl());
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  if (code === 'DEZ-001') {
    await page.getByRole('button', { name: 'Load example patient' }).click();
  }
  await page.getByRole('link', { name: code, exact: true }).click();
  await page.getByRole('heading', { name: new RegExp(code) }).waitFor();
  await page.getByRole('link', { name: 'Print summary' }).click();
  await page.waitForURL(/#\/patients\/[^/]+\/print$/);
  await page.getByRole('heading', { name: 'Patient summary' }).waitFor();
  // Print-size charts are drawn at devicePixelRatio 2: a 680 px wide chart has a 1360 px canvas.
  const sheet = page.getByRole('article', { name: new RegExp(`Patient summary of ${code}`) });
  await expect.poll(() => sheet.getByRole('figure').count()).toBe(2);
  await page.waitForFunction(() => {
    const canvases = [...document.querySelectorAll('article canvas')];
    return (
      canvases.length === 2 &&
      canvases.every((c) => c instanceof HTMLCanvasElement && c.width === 1360)
    );
  });
}

describe('printed patient summary', () => {
  it('prints the reference case on one page in A4 and in Letter, with every figure of Table 1', async () => {
    const { page, context, requests } = await newSession(browser);
    await openPrintView(page);
    // Code only by default: the example patient has no name, but the choice is there and off.
    await expect.poll(() => page.getByLabel('Show patient name').isChecked()).toBe(false);
    // The clinic's line is a setting, saved once and printed at the top of every summary.
    await page.getByLabel('Clinic header line').fill(CLINIC);
    await page.getByRole('button', { name: 'Save header' }).click();
    await page.getByRole('status').filter({ hasText: 'Header saved.' }).waitFor();
    await page.emulateMedia({ media: 'print' });

    for (const format of ['A4', 'Letter'] as const) {
      const pdf = join(dir, `summary-${format}.pdf`);
      writeFileSync(pdf, await page.pdf({ format, printBackground: true }));
      const text = pdfText(pdf);
      const size = statSync(pdf).size;
      console.log(`${format}: ${pageCount(pdf)} page(s), ${(size / 1024).toFixed(0)} KB (${pdf})`);

      expect(pageCount(pdf), `${format} page count`).toBe(1);
      expect(pageInfo(pdf)).toMatch(
        format === 'A4' ? /Page size:.*\(A4\)/ : /Page size:.*\(letter\)/,
      );
      expect(text).toContain('Patient summary');
      expect(text).toContain('DEZ-001');
      expect(text).toContain(CLINIC);
      expect(text).toContain('Page 1 of 1');
      expect(text).toMatch(/DEZ-001 · Patient summary · printed \d{4}-\d{2}-\d{2}/);
      for (const scale of TABLE_1_SCALES) {
        expect(text).toMatch(rowPattern(`${scale} total`, TABLE_1[scale].total));
      }
      // HAMD-17's change row, points and percent reduction: −16 (88.89 %) ... −1 (5.56 %).
      const change = 'Change from baseline: points \\(% reduction\\)';
      expect(text).toMatch(rowPattern(change, ['88.89', '72.22', '44.44', '5.56'], '[^\\n]+?'));
      // The course reads response, then response lost, then relapse (HAMD-17's status row).
      expect(text).toMatch(
        /Status[^\n]*baseline[^\n]*remission[^\n]*response lost[^\n]*\brelapse\b/,
      );
      // The rules and the licences' notices are on the page too.
      expect(text).toMatch(/Rules used/);
      expect(text).toMatch(/Royal College of Psychiatrists/);
      expect(text).toMatch(/Summary data/);
      // No app chrome and no toolbar on paper.
      expect(text).not.toMatch(/Data stays on this device|Clinic header line|Back to patient/);
    }

    // Offline app: nothing was fetched from anywhere but the app's own origin.
    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual(
      [],
    );
    await context.close();
  });
});

// Longer courses: item-level weekly visits on four scales. Nothing small is split across
// pages, the last page never holds the footer alone, and every page says "Page N of M".
const COURSES: readonly (CourseSpec & { pages: { A4: number; Letter: number } })[] = [
  { code: 'PAGE-03', visits: 3, pages: { A4: 1, Letter: 1 } },
  { code: 'PAGE-09', visits: 9, flaggedVisit: 5, pages: { A4: 2, Letter: 2 } },
  { code: 'PAGE-17', visits: 17, flaggedVisit: 12, pages: { A4: 3, Letter: 3 } },
];

describe('printed summaries of longer courses', () => {
  it('paginate without splitting a row, a chart or the safety section', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.getByRole('link', { name: 'Data & settings' }).click();
    await page.getByLabel('Backup file (.json)').setInputFiles({
      name: 'long-courses.json',
      mimeType: 'application/json',
      buffer: Buffer.from(courseBackup(COURSES)),
    });
    const panel = page.getByRole('region', { name: 'Import a backup' });
    await panel.getByText('New: PAGE-03').waitFor();
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await panel.getByText(/Imported: 3 patients added/).waitFor();

    for (const course of COURSES) {
      await openPrintView(page, course.code);
      await page.emulateMedia({ media: 'print' });
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = join(dir, `${course.code}-${format}.pdf`);
        writeFileSync(pdf, await page.pdf({ format, printBackground: true }));
        const pages = pageCount(pdf);
        const where = `${course.code} (${course.visits} visits) in ${format}`;
        console.log(`${where}: ${pages} page(s)`);
        expect(pages, `${where}: page count`).toBe(course.pages[format]);
        const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));

        // Every page names itself, so a loose page finds its place in the file.
        texts.forEach((text, i) => {
          expect(text, `${where}, page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
          expect(text, `${where}, page ${i + 1}`).toContain(course.code);
        });
        // The last page holds more than the footer: drop the footer and the page line.
        const last = texts.at(-1) ?? '';
        const beforeFooter = last.slice(0, Math.max(0, last.indexOf('Rules used')));
        expect(last, `${where}: the footer is on the last page`).toContain('Rules used');
        expect(
          beforeFooter
            .replace(/Page \d+ of \d+/, '')
            .replace(course.code, '')
            .trim().length,
          `${where}: the last page holds only the footer`,
        ).toBeGreaterThan(40);
        // Each chart is drawn once, on the page of its caption (a chart is an image).
        const images = imagePages(pdf);
        expect(images, `${where}: chart images by page`).toHaveLength(2);
        for (const caption of ['(HAMD-17): total over time', 'All scales on one axis']) {
          const at = texts.findIndex((t) => t.includes(caption)) + 1;
          expect(images, `${where}: "${caption}" and its chart on one page`).toContain(at);
        }
        // The safety section, heading to its last sentence, stands on one page.
        const safety = texts.filter((t) => t.includes('Safety items'));
        expect(safety, `${where}: safety section`).toHaveLength(1);
        expect(safety[0]).toMatch(/Safety items.*not an assurance of safety/);
        // Each course-table row is whole on one page: the longest labels wrap over two
        // lines, and the whole label (and the row of totals with all its visits) is found
        // on a single page.
        for (const label of [
          'Item 1 Little interest or pleasure in doing things (anhedonia)',
          'Item 7 Work and activities (anhedonia)',
        ]) {
          const parts = texts.filter((t) => t.includes(label)).length;
          expect(parts, `${where}: row "${label}" whole on a page`).toBeGreaterThan(0);
        }
        if (course.flaggedVisit !== undefined) {
          expect(texts.join(' ')).toMatch(/PHQ-9 item 9/);
        }
      }
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });
});
