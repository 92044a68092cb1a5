import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { REFERENCE_VISITS, type ReferenceVisit } from './reference-case';
import { courseSections, readTable } from './tables';
import { TABLE_1 } from '../../src/domain/testing/table-1';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// A new user, from an empty database: patient, index event, the five visits of the
// reference case in summary mode (with a reload in the middle of a visit), then the course.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const SHOTS = process.env.E2E_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const section = (page: Page, scaleId: string) =>
  page.getByRole('region', { name: new RegExp(`^${scaleId.replace('-', '\\-')} `) });

async function summaryMode(page: Page, scaleId: string) {
  await section(page, scaleId).getByRole('radio', { name: 'Summary (totals)' }).check();
}

async function fill(page: Page, label: string, value: number) {
  await page.getByLabel(label, { exact: true }).fill(String(value));
}

async function waitSaved(page: Page) {
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'all changes saved' }).count())
    .toBeGreaterThan(0);
}

async function enterVisit(page: Page, v: ReferenceVisit, reloadMidway: boolean) {
  await page.getByLabel('Visit date', { exact: true }).fill(v.date);
  await page.getByRole('button', { name: 'Start visit' }).click();
  await page.getByRole('heading', { name: new RegExp(`Visit of ${v.date}`) }).waitFor();
  for (const id of ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS']) await summaryMode(page, id);
  await fill(page, 'HAMD-17 total', v.hamd.total);
  await fill(page, 'HAMD-17 item 7', v.hamd.item7);
  await fill(page, 'MADRS total', v.madrs.total);
  await fill(page, 'MADRS item 8', v.madrs.item8);
  await waitSaved(page);
  if (reloadMidway) {
    await page.reload();
    await page.getByRole('heading', { name: new RegExp(`Visit of ${v.date}`) }).waitFor();
    // Nothing typed before the reload is lost.
    await expect
      .poll(() => page.getByLabel('HAMD-17 total', { exact: true }).inputValue())
      .toBe(String(v.hamd.total));
    expect(await page.getByLabel('MADRS item 8', { exact: true }).inputValue()).toBe(
      String(v.madrs.item8),
    );
  }
  await fill(page, 'PHQ-9 total', v.phq.total);
  await fill(page, 'PHQ-9 item 1', v.phq.item1);
  await fill(page, 'DARS total', v.dars.total);
  await fill(page, 'DARS Pastimes/hobbies', v.dars.hobbies);
  await fill(page, 'DARS Food/drinks', v.dars.food);
  await fill(page, 'DARS Social activities', v.dars.social);
  await fill(page, 'DARS Sensory experiences', v.dars.sensory);
  expect(await page.getByRole('alert').count()).toBe(0);
  await waitSaved(page);
  await page.getByRole('button', { name: 'Finish visit' }).click();
  await page.getByRole('heading', { name: 'Visits' }).waitFor();
}

describe('the clinic visit workflow, as a new user', () => {
  it('records the reference case and shows the figures of Table 1', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await shot(page, 'empty-list');

    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('DEZ-E2E');
    await page.getByLabel('Diagnosis').fill('Recurrent major depressive disorder');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('heading', { name: 'DEZ-E2E' }).waitFor();

    await page.getByRole('button', { name: 'Add treatment event' }).click();
    await page.getByLabel('Date', { exact: true }).fill('2023-11-30');
    await page.getByLabel('Label (shown on charts)').fill('dezocine');
    await page.getByLabel('Drug', { exact: true }).fill('dezocine');
    await page.getByLabel('Dose', { exact: true }).fill('0.1');
    await page.getByLabel('Unit (mg, mg/kg, …)').fill('mg/kg');
    await page.getByLabel('Route (IV, oral, …)').fill('IV');
    await page.getByLabel('Total dose').fill('5 mg in 250 mL 0.9% NaCl over 30 min');
    await page.getByLabel('Index event (time is counted from it)').check();
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByRole('cell', { name: 'Index event' }).waitFor();

    for (const [i, v] of REFERENCE_VISITS.entries()) await enterVisit(page, v, i === 2);

    await page.getByRole('link', { name: 'Course', exact: true }).click();
    const table = page.getByRole('table', { name: /Scores by visit/ });
    await table.waitFor();
    const read = await readTable(table);
    // One column per visit, dated, with the time since the dose (2023-11-24 is 6 days before).
    expect(read.columns.map((c) => c.replace(/\s+/g, ' '))).toEqual([
      '2023-11-24 −6 d baseline',
      '2023-12-07 1 wk',
      '2023-12-14 2 wk',
      '2023-12-21 3 wk',
      '2023-12-28 4 wk',
    ]);
    // Each figure in its scale's row and its visit's column. Totals typed in summary mode
    // carry the mark "s" (summary data). The percentages are those of dezocine-case.md,
    // "Figures to expect"; the statuses its "Reading of the course".
    const course = courseSections(read, (column) => column.slice(0, 10));
    const dated = (cells: readonly string[]) =>
      Object.fromEntries(TABLE_1.dates.map((date, i) => [date, cells[i]]));
    const summary = (values: readonly number[]) => dated(values.map((v) => `${v}s`));
    const plain = (values: readonly number[]) => dated(values.map(String));
    expect(Object.keys(course)).toEqual(['HAMD-17', 'MADRS', 'PHQ-9', 'DARS']);
    expect(course).toMatchObject({
      'HAMD-17': {
        'HAMD-17 total': summary(TABLE_1['HAMD-17'].total),
        '% reduction from baseline': dated(['—', '88.89 %', '72.22 %', '44.44 %', '5.56 %']),
        Status: dated(['baseline', 'remission', 'remission', 'response lost', 'relapse']),
        'Item 7 Work and activities (anhedonia)': plain(TABLE_1['HAMD-17'].items[7]),
      },
      MADRS: {
        'MADRS total': summary(TABLE_1.MADRS.total),
        '% reduction from baseline': dated(['—', '82.61 %', '60.87 %', '34.78 %', '4.35 %']),
        Status: dated(['baseline', 'remission', 'remission', 'response lost', 'relapse']),
        'Item 8 Inability to feel (anhedonia)': plain(TABLE_1.MADRS.items[8]),
      },
      'PHQ-9': {
        'PHQ-9 total': summary(TABLE_1['PHQ-9'].total),
        '% reduction from baseline': dated(['—', '92.86 %', '85.71 %', '42.86 %', '14.29 %']),
        'Item 1 Little interest or pleasure in doing things (anhedonia)': plain(
          TABLE_1['PHQ-9'].items[1],
        ),
      },
      DARS: {
        'DARS total (higher = better)': summary(TABLE_1.DARS.total),
        'Change from baseline (points)': dated(['—', '+35', '+32', '+18', '+11']),
        '% change from baseline (increase = better)': dated([
          '—',
          '+205.88 %',
          '+188.24 %',
          '+105.88 %',
          '+64.71 %',
        ]),
        'Pastimes/hobbies': plain(TABLE_1.DARS.domains.hobbies),
        'Food/drinks': plain(TABLE_1.DARS.domains.food),
        'Social activities': plain(TABLE_1.DARS.domains.social),
        'Sensory experiences': plain(TABLE_1.DARS.domains.sensory),
      },
    });
    await shot(page, 'course-view');
    await context.close();
  });

  it('enters a full HAMD-17 from the keyboard in 18 key presses (17 items + finish)', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'New patient' }).first().click();
    await page.getByLabel('Patient code (pseudonymous, unique)').fill('KEYS-1');
    await page.getByRole('button', { name: 'Create patient' }).click();
    await page.getByRole('button', { name: 'Start visit' }).click();
    for (const id of ['MADRS', 'PHQ-9', 'DARS'])
      await page
        .getByRole('group', { name: 'Scales at this visit' })
        .getByLabel(id, { exact: true })
        .uncheck();
    await page.getByLabel(itemFieldPattern('HAMD-17', 1)).click();
    await page.evaluate(() => {
      (window as unknown as { keys: number }).keys = 0;
      window.addEventListener(
        'keydown',
        () => (window as unknown as { keys: number }).keys++,
        true,
      );
    });
    await shot(page, 'entry-before');
    for (const key of '21302110302111011') await page.keyboard.press(key);
    // 2+1+3+0+2+1+1+0+3+0+2+1+1+1+0+1+1 = 20
    await expect.poll(() => page.getByLabel('HAMD-17 live total').innerText()).toBe('20');
    await shot(page, 'entry-screen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Visits' }).waitFor();
    const keys = await page.evaluate(() => (window as unknown as { keys: number }).keys);
    console.log(`Keystrokes for a full HAMD-17 including finish: ${keys}`);
    expect(keys).toBeLessThanOrEqual(19);
    expect(keys).toBe(18);
    await context.close();
  });
});
