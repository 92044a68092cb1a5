// The cohort view (issue 14): the synthetic cohort's hand-computed figures, and the reference
// case as a cohort of one (its course figures, no CI), read from the screen by role and label.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

async function importFile(page: Page, file: string) {
  await page.getByRole('link', { name: 'Data & settings' }).click();
  await page.getByLabel('Backup file (.json)').setInputFiles({
    name: file,
    mimeType: 'application/json',
    buffer: readFileSync(resolve('fixtures', file)),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Imported/).waitFor();
}

const rowText = async (page: Page, table: string, row: string) =>
  (await page.getByRole('table', { name: table }).getByRole('row', { name: row }).innerText())
    .split('\t')
    .map((c) => c.trim());

describe('the cohort view', () => {
  it('shows the synthetic cohort’s hand-computed figures, arm difference and Kaplan–Meier steps', async () => {
    const { page, context, requests } = await newSession(browser);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(baseUrl());
    await importFile(page, 'cohort-synthetic.json');
    await page.getByRole('link', { name: 'Cohort view', exact: true }).click();
    await page
      .getByLabel('Arm B (to compare): index event')
      .selectOption({ label: 'Drug B (3 patients)' });
    await page.getByRole('heading', { name: 'Cohort: Drug A vs Drug B' }).waitFor();
    await page
      .locator('.cohort-label')
      .getByText('Observed cases, unadjusted, no imputation.', { exact: true })
      .waitFor();

    // The figures were computed off the main thread, in the cohort worker.
    expect(workers.some((url) => /cohort\.worker/.test(url))).toBe(true);
    expect(await rowText(page, 'Drug A: MADRS total', 'week 1 (day 7 ± 3)')).toEqual([
      'week 1 (day 7 ± 3)',
      '3',
      '21.67 (4.04)',
      '−5.67 (2.03)',
      '−14.39 to 3.06',
      '−20.71 % (3)',
      '0/3 = 0.0 % (0.0 % to 56.1 %)',
      '0/3 = 0.0 % (0.0 % to 56.1 %)',
    ]);
    // One patient in week 3: a mean, and why there is no CI.
    const week3 = await rowText(page, 'Drug A: MADRS total', 'week 3 (day 21 ± 3)');
    expect(week3.slice(1, 5)).toEqual([
      '1',
      '8 (n = 1: no SD)',
      '−16 (n = 1: no SE)',
      'n = 1: no CI (needs n ≥ 2)',
    ]);

    const diff = 'Difference in mean change, Drug A − Drug B: MADRS total (Welch)';
    expect(await rowText(page, diff, 'week 2 (day 14 ± 3)')).toEqual([
      'week 2 (day 14 ± 3)',
      '2',
      '3',
      '−7.17 (3.00)',
      '−16.90 to 2.57',
      '2.9',
    ]);
    expect((await rowText(page, diff, 'week 3 (day 21 ± 3)'))[3]).toMatch(/^n = 1 and 1:/);

    const km = page.getByRole('table', { name: /^Drug A: Time to response/ });
    expect(await km.getByRole('caption').innerText()).toContain('median day 13');
    const steps = (await km.locator('tbody tr').allInnerTexts()).map((r) =>
      r
        .split('\t')
        .slice(0, 5)
        .map((c) => c.trim()),
    );
    expect(steps).toEqual([
      ['8', '3', '0', '1', '100.0 %'],
      ['13', '2', '1', '0', '50.0 %'],
      ['14', '1', '1', '0', '0.0 %'],
    ]);

    // The charts: each a figure with its canvas, n, the caveat, and its data table by role.
    const n = '(Drug A n = 3, Drug B n = 3)';
    const chartRow = async (figure: string, caption: string, row: string) => {
      const fig = page.getByRole('figure', { name: figure });
      await fig
        .getByRole('img', { name: /Observed cases, unadjusted, no imputation\.$/ })
        .waitFor();
      const details = fig.locator('details.chart-data');
      if ((await details.getAttribute('open')) === null)
        await fig.getByText('Show data table').click();
      const cells = await fig
        .getByRole('table', { name: caption })
        .getByRole('row', { name: row })
        .innerText();
      return cells.split('\t').map((c) => c.trim());
    };
    const course = `MADRS: every patient’s course and the arm mean ${n}`;
    expect(
      await chartRow(
        course,
        `MADRS: mean improvement by week, % of possible ${n}`,
        'Drug A, week 1 (day 7 ± 3)',
      ),
    ).toEqual(['Drug A, week 1 (day 7 ± 3)', '3', '20.7 %', '−9.1 % to 50.6 %']);
    expect(
      await page.getByRole('figure', { name: course }).getByRole('listitem').first().innerText(),
    ).toBe('Data: Observed cases, unadjusted, no imputation; Drug A n = 3, Drug B n = 3');
    expect(
      await chartRow(
        `MADRS: response rate by week ${n}`,
        `MADRS: response rate by week ${n}`,
        'Drug B, week 2 (day 14 ± 3)',
      ),
    ).toEqual(['Drug B, week 2 (day 14 ± 3)', '1/3', '33.3 %', '6.1 % to 79.2 %']);
    const kmTitle = (what: string, of = n) => `MADRS: ${what}, Kaplan–Meier ${of}`;
    // Relapse is counted among responders only: two per arm.
    const responders = '(Drug A n = 2, Drug B n = 2)';
    expect(
      (
        await chartRow(
          kmTitle('Time to response (days since index)'),
          kmTitle('Time to response (days since index)'),
          'Drug A, day 13',
        )
      ).slice(0, 5),
    ).toEqual(['Drug A, day 13', '2', '1', '0', '50.0 %']);
    expect(
      (
        await chartRow(
          kmTitle('Time to relapse after response (days since first response)', responders),
          kmTitle('Time to relapse after response (days since first response)', responders),
          'Drug A, day 15',
        )
      ).slice(0, 5),
    ).toEqual(['Drug A, day 15', '2', '1', '1', '50.0 %']);
    await page
      .getByRole('figure', { name: kmTitle('Time to remission (days since index)') })
      .getByRole('img')
      .waitFor();

    // The anhedonia subscale is a measure of its own.
    await page
      .getByLabel('Measure')
      .selectOption({ label: 'MADRS Anhedonia subscale (items 1, 2, 6, 7, 8)' });
    const anh = await rowText(
      page,
      'Drug A: MADRS Anhedonia subscale (items 1, 2, 6, 7, 8)',
      'week 1 (day 7 ± 3)',
    );
    expect(anh.slice(3, 5)).toEqual(['−3 (1.15)', '−7.97 to 1.97']);

    // A window that would overlap is refused with the reason, and the tables go.
    await page.getByLabel('Visit window: ± days around day 7k').fill('4');
    expect(await page.getByRole('alert').innerText()).toContain('from 0 to 3 (got 4)');
    expect(await page.getByRole('table').count()).toBe(0);

    // The long CSV for R.
    await page.getByLabel('Visit window: ± days around day 7k').fill('3');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export cohort for R (long CSV)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toMatch(
      /^patient_code,arm,scale,visit_date,day,week,window_week,is_baseline,total,baseline,change,pct_change,response,remission,/,
    );
    expect(
      lines.filter((l) => l.startsWith('SYN-A1,Drug A,MADRS,2024-01-21,13,2,2,0,15,30,-15,')),
    ).toHaveLength(1);

    const origin = new URL(baseUrl()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:'))).toEqual([]);
    await context.close();
  });

  it('shows the reference case as a cohort of one: its course figures and no CI', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('button', { name: 'Load example patient' }).click();
    await page.getByRole('link', { name: 'DEZ-001' }).waitFor();
    await page.getByRole('link', { name: 'Cohort view', exact: true }).click();
    await page.getByLabel('Measure').selectOption({ label: 'HAMD-17 total' });
    const table = 'dezocine: HAMD-17 total';
    const rows = await Promise.all(
      [1, 2, 3, 4].map((k) => rowText(page, table, `week ${k} (day ${7 * k} ± 3)`)),
    );
    expect(rows.map((r) => [r[1], r[2], r[5]])).toEqual([
      ['1', '2 (n = 1: no SD)', '−88.89 % (1)'],
      ['1', '5 (n = 1: no SD)', '−72.22 % (1)'],
      ['1', '10 (n = 1: no SD)', '−44.44 % (1)'],
      ['1', '17 (n = 1: no SD)', '−5.56 % (1)'],
    ]);
    expect(rows.every((r) => r[4] === 'n = 1: no CI (needs n ≥ 2)')).toBe(true);
    expect(await page.getByRole('table', { name: table }).innerText()).not.toMatch(/\d to \d/);
    await context.close();
  });
});
