import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';

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

async function openPrintView(page: Page): Promise<void> {
  await page.goto(baseUrl());
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.getByRole('button', { name: 'Load example patient' }).click();
  await page.getByRole('link', { name: 'DEZ-001' }).click();
  await page.getByRole('heading', { name: /DEZ-001/ }).waitFor();
  await page.getByRole('link', { name: 'Print summary' }).click();
  await page.waitForURL(/#\/patients\/[^/]+\/print$/);
  await page.getByRole('heading', { name: 'Patient summary' }).waitFor();
  // Print-size charts are drawn at devicePixelRatio 2: a 680 px wide chart has a 1360 px canvas.
  const sheet = page.getByRole('article', { name: /Patient summary of DEZ-001/ });
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
      expect(text).toMatch(rowPattern('HAMD-17 total', [18, 2, 5, 10, 17]));
      expect(text).toMatch(rowPattern('MADRS total', [23, 4, 9, 15, 22]));
      expect(text).toMatch(rowPattern('PHQ-9 total', [14, 1, 2, 8, 12]));
      expect(text).toMatch(rowPattern('DARS total', [17, 52, 49, 35, 28]));
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
